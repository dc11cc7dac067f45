"""``ebid seal``: imprints on this machine (:mod:`.imaging`: imprint-process, precheck) and
electronic seals through the seal office (:mod:`.holder`: upload, imprints, list, collect,
authorise, authorisations, revoke-authorisation, sign-hash, verify); ``ebid sealfmt``: GB/T 38540
seals and seal signatures checked offline (:mod:`.format`)."""

from __future__ import annotations

import argparse

from . import format, holder, imaging


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("seal", help="seal imprints and electronic seals")
    sub = parser.add_subparsers(dest="seal_command", metavar="ACTION")
    sub.required = True
    imaging.add_commands(sub)
    holder.add_commands(sub)

    parser = groups.add_parser("sealfmt", help="GB/T 38540 electronic seals (offline checks)")
    sub = parser.add_subparsers(dest="sealfmt_command", metavar="ACTION")
    sub.required = True
    format.add_commands(sub)
