"""Small DER helpers the structures need: re-wrapping original bytes, strict BIT STRINGs, times."""

from __future__ import annotations

from datetime import datetime

from asn1crypto import core

from ...pki import to_utc_second


def der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    body = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def der_sequence(*encodings: bytes) -> bytes:
    """``SEQUENCE { … }`` around already-encoded elements, byte for byte (no re-encoding), so
    a signature is checked over exactly the bytes that were received."""
    body = b"".join(encodings)
    return b"\x30" + der_length(len(body)) + body


def octets_of(bits: core.OctetBitString) -> bytes:
    """The bytes of a BIT STRING that must hold whole octets. asn1crypto silently drops the
    padding bits when the unused-bits count is not 0; we refuse such a value instead."""
    contents = bits.contents or b""
    if not contents or contents[0] != 0:
        raise ValueError("a BIT STRING with unused bits where whole bytes are required")
    return contents[1:]


def generalized_time(moment: datetime) -> core.GeneralizedTime:
    """GeneralizedTime in UTC, whole seconds: ``YYYYMMDDHHMMSSZ`` (as DER requires)."""
    return core.GeneralizedTime(to_utc_second(moment))


def is_ia5(text: str) -> bool:
    return text.isascii() and all(32 <= ord(c) < 127 for c in text)


def tlv(data: bytes, pos: int = 0) -> tuple[int, bytes, int]:
    """One DER element at ``pos``: (tag byte, contents, end offset). Only what a header needs:
    single-byte tags and definite lengths; anything else raises ValueError."""
    if pos + 2 > len(data) or data[pos] & 0x1F == 0x1F:
        raise ValueError("not a DER element")
    tag, first, pos = data[pos], data[pos + 1], pos + 2
    if first == 0x80 or first > 0x84:
        raise ValueError("not a DER length")
    if first & 0x80:
        count = first & 0x7F
        first, pos = int.from_bytes(data[pos : pos + count], "big"), pos + count
    end = pos + first
    if end > len(data):
        raise ValueError("truncated")
    return tag, data[pos:end], end


def tlv_children(contents: bytes) -> list[tuple[int, bytes]]:
    """(tag, contents) of each element inside a constructed element's contents."""
    found, pos = [], 0
    while pos < len(contents):
        tag, inner, pos = tlv(contents, pos)
        found.append((tag, inner))
    return found
