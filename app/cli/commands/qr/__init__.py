"""``ebid qr``: decode QR codes in image files (:mod:`.decode`) and make one (:mod:`.make`)."""

from __future__ import annotations

import argparse

from . import decode, make


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("qr", help="QR codes: decode images, make a code (扫一扫)")
    sub = parser.add_subparsers(dest="qr_command", metavar="ACTION")
    sub.required = True
    decode.add_command(sub)
    make.add_command(sub)
