"""Holder commands of ``ebid seal`` (added to the group by the package): upload an imprint,
follow its review, collect seals into the keystore (领章), authorise agents per seal (印章授权),
seal a file's SM3 hash and verify such a signature with the service.

Signed calls need the licence password (``--password-file``, ``EBID_PASSWORD_FILE`` or a prompt).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...common import iso_time, read_bytes, read_certificates, shown, write_bytes
from ...connection import service_client
from ..keystore import open_keystore
from ..licence.holder import acting_session, holder_options
from .imaging import size_mm

if TYPE_CHECKING:
    from ....core.client.seal import SealClient
    from ....core.keystore import Keystore, Unlocked


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("upload", help="send an imprint PNG to the seal office for review")
    p.add_argument("imprint", metavar="IMPRINT.png")
    p.add_argument(
        "--type",
        required=True,
        dest="seal_type",
        metavar="CODE",
        help="seal type from the catalogue, e.g. bidding, official, contract",
    )
    p.add_argument("--shape", required=True, help="round, oval, square or rectangle")
    p.add_argument("--size-mm", required=True, type=size_mm, metavar="W[xH]")
    p.add_argument(
        "--agree-terms",
        action="store_true",
        help="the enterprise agrees to the seal office's terms (required)",
    )
    _command(p, _upload)
    _command(
        sub.add_parser("imprints", help="uploaded imprints: state, reason, records"), _imprints
    )
    p = sub.add_parser("list", help="seals in the keystore and at the service")
    p.add_argument("--local", action="store_true", help="only the keystore (no password needed)")
    _command(p, _list)
    p = sub.add_parser("collect", help="collect a seal into the keystore (领章)")
    p.add_argument("seal_id", metavar="SEAL_ID")
    _command(p, _collect)
    _add_authorisations(sub)
    p = sub.add_parser("sign-hash", help="seal a file: SES_Signature over its SM3 hash")
    p.add_argument("seal_id", metavar="SEAL_ID")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="SIG.der")
    _command(p, _sign_hash)
    p = sub.add_parser("verify", help="verify a seal signature: with the service, or GB/T 38540 only against "
                                      "--trust anchors (exit 0/1/2)")
    p.add_argument("signature", metavar="SIG.der")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--trust", action="append", default=[], metavar="CA.pem",
                   help="GB/T 38540 only, offline: signer and seal maker must chain to one of these anchors "
                        "(repeatable; any CA, no licence profile needed; revocation is not checked)")
    p.add_argument("--intermediate", action="append", default=[], metavar="CA.pem",
                   help="with --trust: an intermediate CA certificate to build chains with (repeatable)")
    p.set_defaults(func=_verify)


def _add_authorisations(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("authorise", help="authorise an agent to use one seal (default 3 days)")
    p.add_argument("seal_id", metavar="SEAL_ID")
    p.add_argument("--agent-name", required=True)
    p.add_argument("--agent-id", required=True, metavar="ID_NUMBER")
    p.add_argument("--start", type=iso_time, metavar="TIME", help="ISO 8601 with a zone (default now)")
    p.add_argument("--end", type=iso_time, metavar="TIME", help="default: start + 3 days")
    _command(p, _authorise)
    _command(sub.add_parser("authorisations", help="the enterprise's seal authorisations"), _grants)
    p = sub.add_parser("revoke-authorisation", help="revoke a seal authorisation")
    p.add_argument("authorisation_id", metavar="ID")
    _command(p, _revoke)


def _command(p: argparse.ArgumentParser, func) -> None:
    holder_options(p)
    p.set_defaults(func=func)


@dataclass
class Session:
    store: Keystore
    unlocked: Unlocked
    licence_id: int
    seals: SealClient


@contextmanager
def seal_session(args: argparse.Namespace, *, purpose: str) -> Iterator[Session]:
    """Unlock the chosen licence; a seal-office client that signs with it."""
    from ....core.client.seal import SealClient

    with acting_session(args, purpose=purpose) as a:
        yield Session(a.store, a.unlocked, a.licence_id, SealClient(a.holder))


def _upload(args: argparse.Namespace) -> int:
    png = read_bytes(args.imprint, "imprint")
    width, height = (round(v) for v in args.size_mm)
    with seal_session(args, purpose="sign") as s:
        imprint = s.seals.upload_imprint(
            png,
            seal_type=args.seal_type,
            shape=args.shape,
            width_mm=width,
            height_mm=height,
            agree_terms=args.agree_terms,
        )
    print(
        f"{imprint.imprint_id}: {imprint.state} ({imprint.seal_type}, {imprint.shape}, "
        f"{imprint.width_mm}×{imprint.height_mm} mm)"
    )
    for finding in imprint.findings:
        print(f"  pre-check: {finding}")
    return 0


def _imprints(args: argparse.Namespace) -> int:
    with seal_session(args, purpose="sign") as s:
        rows, records = s.seals.imprints(), s.seals.seal_records()
    if not rows:
        print("No imprint uploaded yet: `ebid seal upload IMPRINT.png --type … --agree-terms`")
    for i in rows:
        reason = f" — {shown(i.reason)}" if i.reason else ""
        later = f" (replaced by {shown(i.superseded_by)})" if i.superseded_by else ""
        print(
            f"{i.imprint_id}  {i.state:<10} {i.seal_type:<20} {i.uploaded_at:%Y-%m-%d %H:%M}Z{reason}{later}"
        )
    for seal in records.seal_making:
        print(
            f"seal {seal.seal_id} made from {seal.imprint_id} at {seal.made_at:%Y-%m-%d %H:%M}Z by {shown(seal.made_by)}"
        )
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_keystore() as store:
        local = store.list_seals()
    print("In the keystore:" if local else "No seal in the keystore yet.")
    for seal in local:
        print(
            f"  {seal.seal_id}  {shown(seal.name)}  valid {seal.valid_start:%Y-%m-%d} – {seal.valid_end:%Y-%m-%d}"
        )
    if args.local:
        return 0
    with seal_session(args, purpose="sign") as s:
        issued = s.seals.seals()
    print("At the service:" if issued else "The service has issued no seal to this enterprise.")
    for seal in issued:
        print(f"  {seal.seal_id}  {shown(seal.name)}  made {seal.made_at:%Y-%m-%d} from {seal.imprint_id}")
    return 0


def _collect(args: argparse.Namespace) -> int:
    from ....core.client.seal import collect_into_keystore

    with seal_session(args, purpose="sign") as s:
        stored = collect_into_keystore(
            s.seals, s.store, s.unlocked, args.seal_id, licence_id=s.licence_id
        )
    print(
        f"Collected {stored.seal_id}: {stored.name} ({stored.enterprise_code}), "
        f"valid {stored.valid_start.isoformat()} – {stored.valid_end.isoformat()}"
    )
    return 0


def _authorise(args: argparse.Namespace) -> int:
    with seal_session(args, purpose="sign") as s:
        grant = s.seals.authorise_seal(
            args.seal_id,
            agent_name=args.agent_name,
            agent_id_number=args.agent_id,
            start=args.start,
            end=args.end,
        )
    print(
        f"{grant.authorisation_id}: {grant.agent_name} may use {grant.seal_id} "
        f"from {grant.start.isoformat()} to {grant.end.isoformat()} ({grant.status})"
    )
    return 0


def _grants(args: argparse.Namespace) -> int:
    with seal_session(args, purpose="sign") as s:
        grants = s.seals.seal_authorisations()
    if not grants:
        print("No seal authorisation.")
    for g in grants:
        print(
            f"{g.authorisation_id}  {g.seal_id}  {g.agent_name}  {g.start.isoformat()} – "
            f"{g.end.isoformat()}  {g.status}"
        )
    return 0


def _revoke(args: argparse.Namespace) -> int:
    with seal_session(args, purpose="sign") as s:
        grant = s.seals.revoke_seal_authorisation(args.authorisation_id)
    print(f"{grant.authorisation_id}: {grant.status}")
    return 0


def _sign_hash(args: argparse.Namespace) -> int:
    from ....core import gm
    from ....core.client.tsa import time_stamper
    from ....core.seal.format import sign_with_seal

    try:
        with open(args.file, "rb") as stream:
            digest = gm.sm3_file(stream)  # streamed: a document may be gigabytes
    except OSError:
        read_bytes(args.file)  # raises the readable error
        raise
    with seal_session(args, purpose="seal") as s:
        stored = s.store.get_seal(args.seal_id)
        # Using a seal follows the collection rule: the service refuses, with the reason, an
        # agent whose seal authorisation is missing, revoked or outside its window.
        s.seals.collect_seal(args.seal_id)
        holder = s.seals.holder
        # The service's time-stamping authority vouches for the time (GB/T 38540 timeStamp):
        # verifiers judge the signature at that time, not at the timeInfo this device writes.
        signature = sign_with_seal(
            stored.seal, holder.key, holder.certificate, digest, clock=holder.service.clock,
            time_stamper=time_stamper(holder.service),
        )
    write_bytes(args.output, signature)
    print(f"{args.output}: {args.file} sealed with {stored.seal_id} ({stored.name})")
    return 0


def _verify_anchored(args: argparse.Namespace, signature: bytes, data: bytes) -> int:
    """GB/T 38540 only (app.core.seal.anchored): the given anchors, no service, no licence rules."""
    from ....core.errors import InvalidInput
    from ....core.seal.anchored import verify_signature_anchored
    from ....core.seal.format import SealRefused

    if not args.trust:
        raise InvalidInput("--intermediate needs --trust anchors")
    anchors = read_certificates(args.trust, "trust anchor")
    try:
        done = verify_signature_anchored(signature, data, trust=anchors,
                                         intermediates=read_certificates(args.intermediate, "intermediate certificate"))
    except SealRefused as exc:
        print(f"INVALID ({exc.reason}): {shown(exc.message)}", file=sys.stderr)
        return 1
    seal, signer = done.seal, done.signer_chain[0]
    print(f"VALID (GB/T 38540, chained to {shown(_subject(done.signer_chain[-1]))}; revocation not checked): "
          f"{shown(args.file)} sealed with {shown(seal.seal_id)} ({shown(seal.name)}) by "
          f"{shown(_subject(signer))} at {done.signed_at.isoformat()}")
    return 0


def _subject(cert) -> str:
    return cert.tbs["subject"].human_friendly


def _verify(args: argparse.Namespace) -> int:
    from ....core.client.seal import verify_with_service
    from ....core.seal.format import SealRefused

    signature, data = read_bytes(args.signature, "signature"), read_bytes(args.file)
    if args.trust or args.intermediate:
        return _verify_anchored(args, signature, data)
    with service_client(args) as client:
        try:
            verified = verify_with_service(client, signature, data)
        except SealRefused as exc:
            print(f"INVALID ({exc.reason}): {exc.message}", file=sys.stderr)
            return 1
    seal, licence = verified.seal, verified.licence
    print(
        f"VALID: {args.file} sealed with {seal.seal_id} ({seal.name}) by {licence.holder_name} "
        f"({licence.role.value}, {licence.credit_code}) at {verified.signature.signed_at.isoformat()}"
    )
    print(verified.time_message)
    return 0
