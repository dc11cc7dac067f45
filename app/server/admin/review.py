"""``ebid service review …``: the seal office's review queue on the server machine. Works on
the database directly, like the other administrative commands."""

from __future__ import annotations

import argparse
import getpass

from .commands import open_context


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("review", help="the seal office's imprint review queue")
    actions = parser.add_subparsers(dest="review_command", metavar="ACTION")
    actions.required = True
    p = actions.add_parser("list", parents=[common], help="imprints waiting for review")
    p.set_defaults(func=lambda a: _list(open_context(a)))
    p = actions.add_parser("show", parents=[common], help="one imprint: size, pre-check, state")
    p.add_argument("imprint_id", metavar="IMPRINT_ID")
    p.add_argument("-o", "--output", metavar="OUT.png", help="also write the imprint PNG")
    p.set_defaults(func=lambda a: _show(open_context(a), a))
    p = actions.add_parser("approve", parents=[common], help="approve: the seal is made at once")
    p.add_argument("imprint_id", metavar="IMPRINT_ID")
    _by(p)
    p.set_defaults(func=lambda a: _approve(open_context(a), a))
    p = actions.add_parser("reject", parents=[common], help="reject with a reason the user sees")
    p.add_argument("imprint_id", metavar="IMPRINT_ID")
    p.add_argument("--reason", required=True)
    _by(p)
    p.set_defaults(func=lambda a: _reject(open_context(a), a))
    p = actions.add_parser(
        "token", parents=[common], help="make a reviewer token for the review page"
    )
    p.add_argument("--name", required=True, help="the reviewer's name (shown in the records)")
    p.set_defaults(func=lambda a: _token(open_context(a), a))


def _by(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--by", metavar="NAME", help="reviewer name for the records (default: your login)"
    )


def _reviewer(args: argparse.Namespace) -> str:
    return args.by or f"{getpass.getuser()} (command line)"


def _list(ctx) -> int:
    from ...server.seal_office import review as seal_review

    try:
        rows = seal_review.pending(ctx)
    finally:
        ctx.close()
    if not rows:
        print("No imprint is waiting for review.")
    for v in rows:
        verdict = "passes" if v.precheck_passed else "likely rejected"
        print(
            f"{v.imprint_id}  {v.credit_code}  {v.seal_type:<20} {v.shape:<9} "
            f"{v.size_mm[0]}×{v.size_mm[1]} mm  uploaded {v.uploaded_at}  pre-check {verdict}"
        )
    return 0


def _show(ctx, args: argparse.Namespace) -> int:
    from ...server.seal_office import review as seal_review

    try:
        view, png = seal_review.show(ctx, args.imprint_id)
    finally:
        ctx.close()
    dpi = f"{view.dpi:.0f} dpi" if view.dpi else "no dpi"
    print(
        f"{view.imprint_id}: {view.state} — {view.credit_code} {view.seal_type}, {view.shape}, "
        f"{view.size_mm[0]}×{view.size_mm[1]} mm chosen"
    )
    print(
        f"image: {view.pixels[0]}×{view.pixels[1]} px, {dpi}, true size "
        f"{view.true_size_mm[0]:.1f}×{view.true_size_mm[1]:.1f} mm; uploaded {view.uploaded_at}"
    )
    for finding in view.findings or ("pre-check passed",):
        print(f"  {finding}")
    if view.reason:
        print(f"reason: {view.reason} ({view.reviewed_by})")
    if args.output:
        _write(args.output, png)
    return 0


def _write(path: str, data: bytes) -> None:
    from ...core.fsutil import atomic_write, describe_os_error

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise describe_os_error(exc, path) from None


def _approve(ctx, args: argparse.Namespace) -> int:
    from ...server.seal_office import review as seal_review

    try:
        seal = seal_review.approve(ctx, args.imprint_id, reviewer=_reviewer(args))
    finally:
        ctx.close()
    print(
        f"Approved {args.imprint_id}: seal {seal.seal_id} ({seal.name}) made, valid "
        f"{seal.valid_start.isoformat()} – {seal.valid_end.isoformat()}"
    )
    return 0


def _reject(ctx, args: argparse.Namespace) -> int:
    from ...server.seal_office import review as seal_review

    try:
        seal_review.reject(ctx, args.imprint_id, reviewer=_reviewer(args), reason=args.reason)
    finally:
        ctx.close()
    print(f"Rejected {args.imprint_id}: {' '.join(args.reason.split())}")
    return 0


def _token(ctx, args: argparse.Namespace) -> int:
    from ...server.seal_office.review_auth import create_token

    try:
        token = create_token(ctx, args.name)
    finally:
        ctx.close()
    # The token is shown once; only its digest is stored. Printed on stdout for scripts.
    print(token)
    return 0
