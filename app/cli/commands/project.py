"""``ebid project``: the e-bidding platform's projects (public; no licence needed)."""

from __future__ import annotations

import argparse

from ..connection import service_client


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("project", help="projects on the e-bidding platform")
    sub = parser.add_subparsers(dest="project_command", metavar="ACTION")
    sub.required = True
    p = sub.add_parser("list", help="list projects, their sections, deadline and opening")
    p.set_defaults(func=_list)


def _list(args: argparse.Namespace) -> int:
    with service_client(args) as client:
        projects = client.projects()
    if not projects:
        print("No projects")
    for p in projects:
        print(f"{p.code}\t{p.name}\ttenderee {p.tenderee}\tsections {','.join(p.sections)}\t"
              f"deadline {p.bid_deadline.isoformat()}\topening {p.opening_time.isoformat()}")
    return 0
