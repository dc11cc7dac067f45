"""Platform commands of ``ebid bid`` (added to the group by the package): submit a container with the
licence's signature, list the platform's signed receipts, fetch a file back at the opening."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ...common import read_bytes, shown, write_bytes
from ..licence.holder import holder_options, holder_session


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("submit", help="upload a container to the platform (signed with your licence)")
    p.add_argument("file", metavar="FILE.bidx")
    p.add_argument("--project", required=True, metavar="CODE")
    p.add_argument("--section", required=True, metavar="CODE")
    p.add_argument("--sig", metavar="FILE.sig",
                   help="detached signature made with this licence's key (default: sign now)")
    holder_options(p)
    p.set_defaults(func=_submit)

    p = sub.add_parser("receipts", help="your enterprise's submissions and the platform's receipts")
    holder_options(p)
    p.set_defaults(func=_receipts)

    p = sub.add_parser("fetch", help="download a submitted file after the opening")
    p.add_argument("submission", metavar="SUBMISSION_ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE.bidx")
    holder_options(p)
    p.set_defaults(func=_fetch)


def _submit(args: argparse.Namespace) -> int:
    from ....core import bidx

    path = Path(args.file)
    bidx.inspect_container(path)  # refuse a non-container before asking for the password
    with holder_session(args, purpose="submit bid") as holder:
        signature = read_bytes(args.sig, "signature file") if args.sig else bidx.sign_container(path, holder.key)
        receipt = holder.submit_bid(path, signature, project=args.project, section=args.section)
        receipt.verify(holder.service.platform_certificate())
    out = path.with_name(path.name + ".receipt.json")
    write_bytes(out, json.dumps({"receipt": receipt.receipt, "signature": receipt.signature.hex()},
                                ensure_ascii=False, indent=1).encode("utf-8"))
    print(f"Submitted {path.name} to {args.project}/{args.section}: receipt {receipt.submission_id}, "
          f"SM3 {receipt.sm3}, received {receipt.received_at.isoformat()} (saved {out.name})")
    return 0


def _receipts(args: argparse.Namespace) -> int:
    with holder_session(args, purpose="list submissions") as holder:
        receipts = holder.submissions()
        platform = holder.service.platform_certificate()
        for r in receipts:
            r.verify(platform)  # raises VerificationFailed (exit 1) on a bad platform signature
    if not receipts:
        print("No submissions")
    for r in receipts:
        print(f"{shown(r.submission_id)}\t{shown(r.project)}/{shown(r.section)}\t{shown(r.file_name)}\t{r.size} bytes\t"
              f"SM3 {r.sm3}\t{r.received_at.isoformat()}\tsignature OK")
    return 0


def _fetch(args: argparse.Namespace) -> int:
    with holder_session(args, purpose="fetch bid") as holder:
        path = holder.fetch_bid(args.submission, args.output)
    print(f"Fetched {args.submission} to {path} (SM3 matches the receipt)")
    return 0
