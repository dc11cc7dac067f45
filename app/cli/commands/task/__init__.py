"""``ebid task``: QR tasks of an e-bidding platform (docs/protocols/qr-tasks.md) — show a task's
verified details, confirm it with a stored licence, or cancel it (:mod:`.commands`)."""

from __future__ import annotations

import argparse

from . import commands


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("task", help="QR tasks of an e-bidding platform (扫码登录 …)")
    sub = parser.add_subparsers(dest="task_command", metavar="ACTION")
    sub.required = True
    commands.add_commands(sub)
