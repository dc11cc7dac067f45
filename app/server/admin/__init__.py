"""``ebid service …``: the administrator's commands on the server machine, working on the
service database directly (the HTTP API has no way to do them). The CLI only mounts this group
(``app/cli/commands/service``); nothing here imports ``app.cli``, and FastAPI, uvicorn and
SQLAlchemy are imported only by the command that runs."""

from __future__ import annotations

import argparse

from . import commands, review


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("service", help="run the reference service (authority + platform)")
    sub = parser.add_subparsers(dest="service_command", metavar="ACTION")
    sub.required = True
    common = commands.common_options()  # --home, --db
    commands.add_setup(sub, common)  # init, import-enterprises, add-project
    review.add_commands(sub, common)  # review list|show|approve|reject|token
    commands.add_run(sub, common)  # run
