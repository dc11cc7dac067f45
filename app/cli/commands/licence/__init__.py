"""``ebid licence``: licence certificates offline (:mod:`.local`: verify, inspect) and the
licences in the device keystore, acting through the service (:mod:`.holder`: download, list,
show, export-cert, managers, authorise, authorisations, revoke)."""

from __future__ import annotations

import argparse

from . import holder, local


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("licence", help="licence certificates (电子营业执照)")
    sub = parser.add_subparsers(dest="licence_command", metavar="ACTION")
    sub.required = True
    local.add_commands(sub)
    holder.add_commands(sub)
