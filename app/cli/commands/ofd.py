"""``ebid ofd``: verify the seal signatures of an OFD file against given trust anchors, and seal
an OFD file with a seal collected into the keystore.

``verify`` needs no keystore and no service (exit 0 every signature verifies, 1 one is refused,
2 input error). ``sign`` works offline: the seal and the licence key come from the keystore
(licence password via ``--password-file``, ``EBID_PASSWORD_FILE`` or a prompt). Formats:
docs/formats/ofd-signing.md.
"""

from __future__ import annotations

import argparse
import sys

from ...core.errors import InvalidInput
from ...core.pki import Certificate
from ..common import read_bytes, read_certificates, read_password, shown, write_bytes
from .keystore import open_keystore
from .licence.holder import _choose_licence, holder_options


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("ofd", help="OFD files with GB/T 38540 seal signatures")
    sub = parser.add_subparsers(dest="ofd_command", metavar="ACTION")
    sub.required = True

    p = sub.add_parser("verify", help="verify every seal signature (exit 0 all valid, 1 refused, 2 input)")
    p.add_argument("file", metavar="FILE.ofd")
    p.add_argument("--trust", action="append", default=[], metavar="CA.pem",
                   help="a trust anchor (repeatable): signer and seal maker must chain to one")
    p.add_argument("--intermediate", action="append", default=[], metavar="CA.pem",
                   help="an intermediate CA certificate to build chains with (repeatable)")
    p.add_argument("--root", metavar="ROOT.pem",
                   help="instead of --trust: our authority's root, with the licence rules "
                   "(roles; agents need a seal authorisation, none is on record offline)")
    p.add_argument("--crl", metavar="CRL", help="with --root: the authority's revocation list")
    p.set_defaults(func=_verify)

    p = sub.add_parser("sign", help="add a visible stamp and a GB/T 38540 seal signature")
    p.add_argument("file", metavar="FILE.ofd")
    p.add_argument("--seal", required=True, metavar="ID", help="a seal collected into the keystore")
    p.add_argument("-o", "--output", required=True, metavar="OUT.ofd")
    p.add_argument("--page", type=int, default=1, metavar="N", help="page number, from 1 (default 1)")
    p.add_argument("--x", type=float, default=0.0, metavar="MM", help="left edge of the stamp, mm from the page's left")
    p.add_argument("--y", type=float, default=0.0, metavar="MM", help="top edge of the stamp, mm from the page's top")
    p.add_argument("--width", type=float, metavar="MM", help="stamp width (default: the seal's own size)")
    holder_options(p)
    p.set_defaults(func=_sign)


def _read_ofd(path: str) -> bytes:
    from ...core.ofd import MAX_PACKAGE_BYTES

    return read_bytes(path, "OFD file", limit=MAX_PACKAGE_BYTES)


def _verify(args: argparse.Namespace) -> int:
    from ...core.ofd import verify_ofd

    if args.root and (args.trust or args.intermediate):
        raise InvalidInput("Give --trust anchors or --root, not both")
    if args.crl and not args.root:
        raise InvalidInput("--crl goes with --root")
    data = _read_ofd(args.file)
    anchors = read_certificates(args.trust, "trust anchor")
    report = verify_ofd(data, trust=anchors,
                        intermediates=read_certificates(args.intermediate, "intermediate certificate"),
                        licence_rules=_licence_rules(args))
    for result in report.signatures:
        head = f"Signature {shown(result.sign_id)} ({shown(result.path)})"
        if result.refusal is not None:
            refusal = result.refusal
            print(f"{head}: INVALID ({refusal.code}): {shown(refusal.message)}", file=sys.stderr)
            continue
        # Plain OK only when revocation was checked too (--root with a current --crl).
        print(f"{head}: OK" if result.verified.revocation_checked else f"{head}: VALID, revocation NOT CHECKED")
        for line in _verified_lines(result.verified):
            print(f"  {line}")
    if not anchors and not args.root:
        print("(no --trust given: no signature can be trusted)", file=sys.stderr)
    return 0 if report.all_verified else 1


def _licence_rules(args: argparse.Namespace):
    if not args.root:
        return None
    from ...core.ofd import LicenceRules
    from ...core.pki import load_crl

    root = Certificate.load(read_bytes(args.root, "root certificate file"))
    crl = load_crl(read_bytes(args.crl, "revocation list"), root) if args.crl else None
    return LicenceRules([root], crl=crl)


def _verified_lines(verified) -> list[str]:
    seal, signature = verified.seal, verified.signature
    lines = [
        f"Seal: {shown(seal.seal_id)} {shown(seal.name)} (vendor {shown(seal.vendor_id)}, "
        f"version {seal.version}; maker signed {seal.maker_signed.value})",
        f"Signer: {shown(signature.signer_certificate.tbs['subject'].human_friendly)}",
        f"Signed at: {signature.signed_at.isoformat()}",
        _trust_line(verified),
        f"Protected files: {len(verified.file.references)} (SM3 check values match)",
    ]
    for stamp in verified.stamps:
        x, y, w, h = stamp.boundary
        lines.append(f"Stamp: page {stamp.page} at x {x:g} mm, y {y:g} mm, {w:g} x {h:g} mm"
                     + (" (clipped)" if stamp.clip else ""))
    if verified.unprotected:
        names = ", ".join(shown(n) for n in verified.unprotected)
        lines.append(f"WARNING: not protected by this signature: {names}")
    lines.append("Revocation: checked against the CRL" if verified.revocation_checked
                 else "Revocation: not checked (no CRL)")
    if verified.time_note is not None:
        template, params = verified.time_note
        lines.append(template.format(**params))
    return lines


def _trust_line(verified) -> str:
    if verified.licence is not None:
        licence = verified.licence
        return (f"Licence: {shown(licence.holder_name)} ({licence.role.value}) of "
                f"{shown(licence.enterprise_name)} ({shown(licence.credit_code)})")
    return f"Trusted through: {shown(verified.signer_chain[-1].tbs['subject'].human_friendly)}"


def _sign(args: argparse.Namespace) -> int:
    from ...core.ofd import StampRequest, sign_ofd

    if args.output == args.file:
        raise InvalidInput("Write the sealed OFD to a new file, not over {path}", path=args.file)
    data = _read_ofd(args.file)
    stamp = StampRequest(args.page, args.x, args.y, args.width)
    with open_keystore() as store:
        licence_id = _choose_licence(store, args.licence)
        stored = store.get_seal(args.seal)
        licence = store.get_licence(licence_id)
        password = read_password(args.password_file, prompt="Licence password: ")
        unlocked = store.unlock(password)
        try:
            key = store.private_key(licence_id, unlocked, purpose="seal")
        finally:
            unlocked.lock()
    signed = sign_ofd(data, seal_der=stored.seal, signer_key=key,
                      signer_cert=Certificate.load(licence.certificate), stamp=stamp)
    write_bytes(args.output, signed)
    print(f"{args.output}: {args.file} sealed with {shown(stored.seal_id)} ({shown(stored.name)}) "
          f"on page {args.page}")
    return 0
