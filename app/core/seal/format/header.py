"""What a file is, read from its first elements before the whole structure is parsed.

A seal from another implementation fails a v4 parser somewhere deep inside (a GM/T 0031 v1
seal has no certListType, so its certList arrives where an INTEGER belongs); reading the header
first lets a refusal say "a version 1 seal" instead of where the parser stumbled.
"""

from __future__ import annotations

from dataclasses import dataclass

from .der import tlv, tlv_children

SEQUENCE, INTEGER, IA5STRING = 0x30, 0x02, 0x16


@dataclass(frozen=True)
class Header:
    kind: str  # "seal" (SESeal) or "signature" (SES_Signature)
    id: str  # SES_Header.ID, "ES" in every version
    version: int  # SES_Header.version of the seal
    vendor: str  # SES_Header.Vid
    signature_version: int | None = None  # TBS_Sign.version, for a signature


def read_header(der: bytes) -> Header | None:
    """The header of a seal, or of the seal inside a signature; None when neither shape fits."""
    try:
        tag, body, end = tlv(bytes(der))
        if tag != SEQUENCE or end != len(der):
            return None
        top = tlv_children(body)
        seal = _seal_header(top)
        if seal is not None:
            return Header("seal", *seal)
        if top and top[0][0] == SEQUENCE:  # SES_Signature: toSign { version, eseal, … }
            inner = tlv_children(top[0][1])
            if len(inner) >= 2 and inner[0][0] == INTEGER and inner[1][0] == SEQUENCE:
                found = _seal_header(tlv_children(inner[1][1]))
                if found is not None:
                    return Header("signature", *found, signature_version=_integer(inner[0][1]))
    except ValueError:
        return None
    return None


def _seal_header(seal: list[tuple[int, bytes]]) -> tuple[str, int, str] | None:
    """SESeal's first element is SES_SealInfo, whose first is SES_Header {ID, version, Vid}."""
    if not seal or seal[0][0] != SEQUENCE:
        return None
    info = tlv_children(seal[0][1])
    if not info or info[0][0] != SEQUENCE:
        return None
    fields = tlv_children(info[0][1])
    if [tag for tag, _ in fields] != [IA5STRING, INTEGER, IA5STRING]:
        return None
    ident, version, vendor = fields
    return _text(ident[1]), _integer(version[1]), _text(vendor[1])


def _integer(contents: bytes) -> int:
    return int.from_bytes(contents, "big", signed=True)


def _text(contents: bytes) -> str:
    return contents.decode("ascii", "replace")


def is_bare_sm2_signature(der: bytes) -> bool:
    """SEQUENCE { INTEGER r, INTEGER s }: what an OFD digital signature (Type=Sign) holds."""
    try:
        tag, body, end = tlv(bytes(der))
        return tag == SEQUENCE and end == len(der) and [t for t, _ in tlv_children(body)] == [
            INTEGER,
            INTEGER,
        ]
    except ValueError:
        return False


def describe(header: Header) -> str:
    """The file's kind and version, in words, for a refusal that cannot read it."""
    what = "seal" if header.kind == "seal" else "signature over a seal"
    return f"a {what} of SES_Header version {header.version} (vendor {header.vendor})"
