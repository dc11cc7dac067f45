"""``ebid qr make TEXT -o OUT.png``: a QR code of TEXT (UTF-8, no ECI) as a PNG, for tests and
support."""

from __future__ import annotations

import argparse

from ....core import qr
from ...common import write_bytes


def add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("make", help="write a QR code of TEXT as a PNG image")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("-o", "--output", required=True, metavar="OUT.png")
    p.add_argument("--scale", type=int, default=8, metavar="PX", help="pixels per module (default 8)")
    p.add_argument("--border", type=int, default=4, metavar="MODULES",
                   help="quiet zone in modules (default 4)")
    p.add_argument("--error-correction", choices="LMQH", default="M",
                   help="error-correction level (default M)")
    p.set_defaults(func=_make)


def _make(args: argparse.Namespace) -> int:
    png = qr.make_png(args.text, scale=args.scale, border=args.border,
                      error_correction=args.error_correction)
    write_bytes(args.output, png)
    print(f"{args.output}: QR code of {len(args.text.encode('utf-8'))} bytes")
    return 0
