"""``ebid bid``: BIDX bid files on this machine (:mod:`.files`: encrypt, decrypt, inspect,
verify, rehearse) and through the e-bidding platform (:mod:`.platform`: submit, receipts, fetch)."""

from __future__ import annotations

import argparse

from . import files, platform


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("bid", help="bid files: BIDX encrypted containers (标书加密)")
    sub = parser.add_subparsers(dest="bid_command", metavar="ACTION")
    sub.required = True
    files.add_commands(sub)
    platform.add_commands(sub)
