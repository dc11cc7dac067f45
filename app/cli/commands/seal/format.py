"""``ebid sealfmt``: inspect GB/T 38540 electronic seals and verify seal signatures offline.

These commands need no keystore and no service. Signing with a seal (``ebid seal sign-hash``)
and verifying with the service's seal authorisations (``ebid seal verify``) live in
``ebid seal`` and call the same functions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ....core import gm
from ....core.errors import InvalidInput
from ....core.pki import Certificate, load_crl, system_clock
from ....core.pki.receipts import received_at, verify_receipt
from ....core.seal.format import (
    MakerSigned,
    SealInfo,
    SealRefused,
    SignatureInfo,
    parse_seal_or_signature,
    verify_signature,
)
from ....core.seal.format.header import read_header
from ...common import iso_time, read_bytes, shown


def add_commands(sub: argparse._SubParsersAction) -> None:
    _add_inspect(sub)
    _add_verify_signature(sub)


def _add_inspect(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "inspect", help="print what a seal (or the seal inside a seal signature) says; no checks"
    )
    p.add_argument("seal", metavar="SEAL.der")
    p.set_defaults(func=_inspect)


def _add_verify_signature(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "verify-signature",
        help="verify a seal signature over FILE (exit 0 valid, 1 invalid, 2 input error)",
    )
    p.add_argument("signature", metavar="SIG.der")
    p.add_argument("file", metavar="FILE", help="the signed document")
    p.add_argument("--root", required=True, metavar="ROOT.pem", help="the authority's root")
    p.add_argument("--crl", metavar="CRL", help="the authority's revocation list (PEM or DER)")
    p.add_argument(
        "--at",
        metavar="TIME",
        type=iso_time,
        help="verify as if now were this ISO 8601 time with a zone (default: now): a signature without a "
        "time stamp is judged at it, and --crl must be current at it (never at the time the signature states)",
    )
    p.add_argument("--receipt", metavar="RECEIPT.json",
                   help="the bid receipt (as `ebid bid submit` saves it) of the upload that carried the document: "
                   "the signature must be older than the platform's signed receipt time")
    p.add_argument("--platform-cert", metavar="PLATFORM.pem",
                   help="the platform's receipt certificate (issued under --root), with --receipt")
    p.set_defaults(func=_verify_signature)


def _inspect(args: argparse.Namespace) -> int:
    data = read_bytes(args.seal, "seal file")
    try:
        seal, signature = parse_seal_or_signature(data)
    except SealRefused as exc:
        if read_header(data) is None:
            raise InvalidInput(
                "{path} is neither a GB/T 38540 seal nor a seal signature: {detail}",
                path=args.seal,
                detail=exc.message,
            ) from None
        raise InvalidInput("{path}: {detail}", path=args.seal, detail=exc.message) from None
    if signature is not None:
        _print_lines(_signature_lines(signature))
    _print_lines(_seal_lines(seal))
    print("(not verified: use 'ebid sealfmt verify-signature' with the authority's root)")
    return 0


def _verify_signature(args: argparse.Namespace) -> int:
    signature = read_bytes(args.signature, "signature file")
    root = Certificate.load(read_bytes(args.root, "root certificate file"))
    crl = load_crl(read_bytes(args.crl, "revocation list"), root) if args.crl else None
    clock = (lambda: args.at) if args.at else system_clock
    receipt = _receipt(args, root, clock())
    try:
        result = verify_signature(
            signature, data_hash=_hash_file(args.file), roots=[root], clock=clock, crl=crl,
            received_by=received_at(receipt) if receipt else None,
        )
    except SealRefused as exc:
        print(f"ebid: seal signature INVALID ({exc.reason}): {exc.message}", file=sys.stderr)
        return 1
    _print_lines(_signature_lines(result.signature))
    _print_lines(_seal_lines(result.seal))
    print(f"Maker signed: {_maker_signed(result.seal)}")
    print(f"Signer's role: {result.licence.role.value}")
    if receipt:
        print(f"Sealed before the platform received the bid: {received_at(receipt).isoformat()} "
              f"(receipt {shown(str(receipt.get('submission_id', '')))})")
    print(result.time_message)
    print(result.verdict)  # plain "OK" only with a current revocation list (--crl)
    return 0




def _receipt(args: argparse.Namespace, root: Certificate, now) -> dict | None:
    """The signed fields of ``--receipt``, checked with ``--platform-cert`` under the root."""
    import json

    if bool(args.receipt) != bool(args.platform_cert):
        raise InvalidInput("--receipt and --platform-cert go together")
    if not args.receipt:
        return None
    try:
        saved = json.loads(read_bytes(args.receipt, "receipt file"))
        text, signature = saved["receipt"], bytes.fromhex(saved["signature"])
        if not isinstance(text, str):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise InvalidInput("{path} is not a saved bid receipt", path=args.receipt) from None
    platform = Certificate.load(read_bytes(args.platform_cert, "platform certificate file"))
    return verify_receipt(text, signature, platform, root, at=now)


FORMATS = {
    4: "GB/T 38540-2020 (version 4)",
    1: "GM/T 0031-2014 (version 1)",
    5: "ofdrw V5 (version 5: the v4 layout with a time stamp field)",
}


def _maker_signed(seal: SealInfo) -> str:
    form = seal.maker_signed
    if form is MakerSigned.SEQUENCE and seal.version == 4:
        return f"{form.value} (the form EBid Desk used before December 2026; still accepted)"
    return str(form.value) if form else "(not checked)"


def _hash_file(path: str) -> bytes:
    try:
        with Path(path).open("rb") as stream:
            return gm.sm3_file(stream)
    except FileNotFoundError:
        raise InvalidInput("No such file: {path}", path=path) from None
    except OSError as exc:
        raise InvalidInput(
            "Cannot read {path}: {reason}", path=path, reason=exc.strerror or str(exc)
        ) from None


def _seal_lines(seal: SealInfo) -> list[tuple[str, str]]:
    enterprise = seal.enterprise
    owner = f"{enterprise.name} ({enterprise.credit_code})" if enterprise else "(not stated)"
    return [
        ("Seal id", seal.seal_id),
        ("Seal name", seal.name),
        ("Seal type", f"{seal.seal_type} ({seal.type_name()})"),
        ("Enterprise", owner),
        ("Holders", f"{len(seal.holder_digests)} ({seal.cert_list_type.name.lower()})"),
        ("Made at", seal.created_at.isoformat()),
        ("Valid from", seal.valid_start.isoformat()),
        ("Valid until", seal.valid_end.isoformat()),
        ("Picture", _picture(seal)),
        ("Seal maker", seal.maker_certificate.tbs["subject"].human_friendly),
        ("Vendor", seal.vendor_id),
        ("Format", FORMATS.get(seal.version, f"SES_Header version {seal.version}")),
        *_extension_lines(seal),
    ]


def _extension_lines(seal: SealInfo) -> list[tuple[str, str]]:
    return [
        ("Extension", f"{e.oid}{' (critical)' if e.critical else ''}"
         f"{'' if e.understood else ' (not understood)'}")
        for e in seal.extensions
    ]


def _picture(seal: SealInfo) -> str:
    return f"{seal.picture_type}, {len(seal.picture)} bytes, {seal.width_mm} x {seal.height_mm} mm"


def _time_stamp_line(signature: SignatureInfo) -> str:
    from ....core.errors import EbidError
    from ....core.pki.timestamp import token_time
    from ....core.seal.format.signature import time_stamp_token

    token = time_stamp_token(signature)
    if token is None:
        return "none"
    try:
        return f"{token_time(token).isoformat()} (RFC 3161 token; verify to trust it)"
    except EbidError:
        return "present, unreadable"


def _signature_lines(signature: SignatureInfo) -> list[tuple[str, str]]:
    return [
        ("Signer", signature.signer_certificate.tbs["subject"].human_friendly),
        ("Signed at", f"{signature.signed_at.isoformat()} (the signer's claim)"),
        ("Time stamp", _time_stamp_line(signature)),
        ("Data hash (SM3)", signature.data_hash.hex()),
        ("Property info", signature.property_info),
    ]


def _print_lines(lines: list[tuple[str, str]]) -> None:
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label + ':':<{width + 1}} {value}")

