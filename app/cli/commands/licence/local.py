"""Offline commands of ``ebid licence``: verify and inspect licence certificates (support and
scripting); no keystore, no service. Each subcommand is added by one ``_add_*`` function below;
the commands that use the keystore and the service live in :mod:`.holder`.
"""

from __future__ import annotations

import argparse
import sys

from ....core.errors import InvalidInput
from ....core.pki import (
    Certificate,
    CertificateInvalid,
    LicenceInfo,
    load_crl,
    parse_licence,
    system_clock,
    verify_licence,
)
from ...common import iso_time, read_bytes


def add_commands(sub: argparse._SubParsersAction) -> None:
    _add_verify(sub)
    _add_inspect(sub)


def _add_verify(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "verify",
        help="verify a licence certificate against the authority root "
        "(exit 0 valid, 1 invalid, 2 input error)",
    )
    p.add_argument("cert", metavar="CERT.pem")
    p.add_argument(
        "--root", required=True, metavar="ROOT.pem", help="the authority's root certificate"
    )
    p.add_argument("--crl", metavar="CRL", help="the authority's revocation list (PEM or DER)")
    p.add_argument(
        "--at",
        metavar="TIME",
        type=iso_time,
        help="check validity at this ISO 8601 time with a zone, e.g. 2026-03-02T09:00:00+08:00 "
        "(default: now)",
    )
    p.set_defaults(func=_verify)


def _add_inspect(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inspect", help="print what a licence certificate says (no verification)")
    p.add_argument("cert", metavar="CERT.pem")
    p.set_defaults(func=_inspect)




def _load_certificate(path: str, what: str) -> Certificate:
    return Certificate.load(read_bytes(path, what))


def _print_info(info: LicenceInfo) -> None:
    width = max(len(label) for label, _ in info.describe())
    for label, value in info.describe():
        print(f"{label + ':':<{width + 1}} {value}")


def _verify(args: argparse.Namespace) -> int:
    cert = _load_certificate(args.cert, "certificate file")
    root = _load_certificate(args.root, "root certificate file")
    at = args.at or system_clock()
    try:
        revocations = load_crl(read_bytes(args.crl, "revocation list"), root) if args.crl else None
        info = verify_licence(cert, root, at=at, revocations=revocations)
    except CertificateInvalid as exc:
        print(f"ebid: licence INVALID ({exc.reason}): {exc.message}", file=sys.stderr)
        return 1
    _print_info(info)
    when = at.isoformat(timespec="seconds")
    print(f"Licence OK at {when}" if revocations is not None
          else f"Licence valid at {when}, but revocation NOT CHECKED (no --crl given): it may have been revoked")
    return 0


def _inspect(args: argparse.Namespace) -> int:
    cert = _load_certificate(args.cert, "certificate file")
    try:
        info = parse_licence(cert)
    except InvalidInput:
        print(f"Subject: {cert.tbs['subject'].human_friendly}")
        raise
    _print_info(info)
    print("(not verified: use 'ebid licence verify' with the authority's root)")
    return 0
