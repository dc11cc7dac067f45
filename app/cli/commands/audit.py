"""``ebid audit``: the device's security log. ``verify`` exits 0 intact, 1 tampered, 2 input error.

``countersign`` sends the anchored head to the service (a request signed with a stored licence),
which refuses a head older than one it countersigned before; ``verify --online`` also compares
the log with the newest head the service countersigned (the one check a file restored from an
older copy cannot pass)."""

from __future__ import annotations

import argparse
import json
import sys

from ..common import read_password
from .keystore import open_keystore


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("audit", help="the security event log on this device")
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION")
    sub.required = True

    p = sub.add_parser("verify", help="check the hash chain (exit 0 intact, 1 tampered, 2 error)")
    p.add_argument("--password-file", metavar="F", help="also check the password-protected anchor (detects a cut tail)")
    p.add_argument("--anchor", action="store_true", help="check the anchor, reading the password from EBID_PASSWORD_FILE or a prompt")
    p.add_argument("--online", action="store_true",
                   help="also compare with the newest head the service countersigned (needs a stored licence)")
    p.add_argument("--licence", type=int, metavar="ID", help="stored licence for --online (default: the only one)")
    p.set_defaults(func=_verify)

    p = sub.add_parser("countersign", help="have the service countersign the log's head (exit 1 if it refuses)")
    p.add_argument("--licence", type=int, metavar="ID", help="stored licence to sign the request (default: the only one)")
    p.add_argument("--password-file", metavar="F", help="licence password (else EBID_PASSWORD_FILE, else a prompt)")
    p.set_defaults(func=_countersign)

    p = sub.add_parser("list", help="print the entries")
    p.add_argument("--since", type=int, default=0, metavar="SEQ", help="only entries after SEQ")
    p.add_argument("--limit", type=int, default=None, metavar="N")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=_list)


def _verify(args: argparse.Namespace) -> int:
    with open_keystore() as store:
        unlocked = None
        if args.password_file or args.anchor or args.online:
            unlocked = store.unlock(read_password(args.password_file, prompt="Licence password: "))
        report = store.verify_audit(unlocked)
        if report.ok and args.online:
            report = _online(args, store, unlocked)
    return _show(report)


def _online(args: argparse.Namespace, store, unlocked):
    from ...core.client.audit import verify_with_service
    from ...core.client.wallet import acting_as
    from ..connection import service_client
    from .licence.holder import _choose_licence

    licence_id = _choose_licence(store, args.licence)
    with service_client(args) as client, acting_as(
        client, store, unlocked, licence_id, purpose="audit verify"
    ) as holder:
        return verify_with_service(store, unlocked, holder)


def _countersign(args: argparse.Namespace) -> int:
    from ...core.client.audit import countersign_log
    from .licence.holder import acting_session

    with acting_session(args, purpose="audit countersign") as acting:
        signed = countersign_log(acting.store, acting.unlocked, acting.holder)
    print(f"Audit head {signed.seq} countersigned by the service at {signed.at.isoformat()} "
          f"(counter {signed.counter})")
    return 0


def _show(report) -> int:
    if not report.ok:
        print(f"ebid: audit log tampered: first bad entry {report.first_bad_seq}: {report.reason}", file=sys.stderr)
        return 1
    print(f"Audit log intact: {report.count} entries")
    if report.reason or not report.anchor_checked:
        note = report.reason or "tail not checked; give --password-file or --anchor to check the anchor"
        print(f"note: {note}", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_keystore() as store:
        entries = store.audit_entries(since=args.since, limit=args.limit)
    for e in entries:
        if args.json:
            record = {"seq": e.seq, "at": e.at.isoformat(), "event": e.event, "details": e.details_dict(), "hash": e.hash.hex()}
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"{e.seq:6d}  {e.at.isoformat(timespec='seconds')}  {e.event:24s}  {e.details}")
    return 0
