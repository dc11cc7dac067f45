"""``ebid key``: bid-encryption keys on this device and their backup to other holders of the
enterprise (密钥管理: 申请密钥, 备份, 备份验证, 申请恢复, 确认恢复), :mod:`.commands`.
Protocol: docs/protocols/key-backup.md."""

from __future__ import annotations

import argparse

from . import commands


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("key", help="encryption keys and their backup (密钥管理)")
    sub = parser.add_subparsers(dest="key_command", metavar="ACTION")
    sub.required = True
    commands.add_commands(sub)
