"""``ebid service`` init, import-enterprises, add-project and run: set up and run the reference
service on this machine (administrators).

Administrative actions (importing enterprises, adding projects) work on the database directly:
the HTTP API has no unauthenticated way to do them.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from ...core.errors import InvalidInput

# The rest of app.server (FastAPI, uvicorn, SQLAlchemy) is imported inside the commands: every
# `ebid` run builds its parser from this module, and most runs never need the server.


def common_options() -> argparse.ArgumentParser:
    """The options every ``ebid service`` command takes (a parent parser)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", metavar="DIR", type=Path,
                        help="service folder: keys, bid files, SQLite (default: EBID_SERVICE_HOME "
                             "or the data folder's service/)")
    common.add_argument("--db", metavar="URL", help="database URL, e.g. postgresql+psycopg://u@host/db "
                        "(default: EBID_SERVICE_DB or SQLite in the service folder)")
    return common


def add_setup(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="create the keys and the database")
    p.add_argument("--demo", action="store_true", help="also load the DEMO enterprises and project")
    p.set_defaults(func=_init)

    p = sub.add_parser("import-enterprises", parents=[common], help="register enterprises from a CSV file")
    p.add_argument("csv", metavar="FILE.csv", type=Path,
                   help="UTF-8 with a header: credit_code,name,registration_place,legal_rep_name,"
                        "legal_rep_id_number,legal_rep_mobile")
    p.set_defaults(func=_import)

    p = sub.add_parser("add-project", parents=[common], help="publish a project open for bids")
    p.add_argument("--code", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--tenderee", required=True)
    p.add_argument("--section", action="append", required=True, metavar="CODE", help="repeat for each")
    p.add_argument("--deadline", required=True, type=_iso_time, metavar="TIME", help="ISO 8601 with a zone")
    p.add_argument("--opening", required=True, type=_iso_time, metavar="TIME", help="ISO 8601 with a zone")
    p.set_defaults(func=_add_project)


def add_run(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("run", parents=[common], help="serve the HTTP API until interrupted")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8470, help="port (default 8470)")
    p.set_defaults(func=_run)


def _iso_time(text: str) -> datetime:
    """An argparse ``type``: an ISO 8601 time that names its time zone (``Z`` or ``+08:00``)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text}") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError("give a time zone, e.g. +08:00 or Z")
    return moment


def _settings(args: argparse.Namespace):
    from ...server.settings import Settings

    return Settings.default(home=args.home, db_url=args.db)


def open_context(args: argparse.Namespace):
    from ...server.context import ServiceContext

    return ServiceContext.open(_settings(args))


def _init(args: argparse.Namespace) -> int:
    from ...server.embedded import ensure_demo_project
    from ...server.provision import init_service

    settings = _settings(args)
    ctx = init_service(settings, demo=args.demo)
    try:
        if args.demo:
            ensure_demo_project(ctx)
    finally:
        ctx.close()
    print(f"Service ready in {settings.home}")
    print(f"Database: {_safe_url(settings.database_url)}")
    print(f"Keys: {settings.keys_dir} (private keys unencrypted, mode 0600)")
    if args.demo:
        print("DEMO data loaded: fictitious enterprises (names contain 演示) and project DEMO-ZB-001")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ...server.provision import import_enterprises

    ctx = open_context(args)
    try:
        added, skipped = import_enterprises(ctx, args.csv)
    finally:
        ctx.close()
    print(f"Registered {added} enterprises ({skipped} already registered)")
    return 0


def _add_project(args: argparse.Namespace) -> int:
    from ...server.provision import ProjectSpec, add_project

    spec = ProjectSpec(args.code, args.name, args.tenderee, tuple(args.section), args.deadline, args.opening)
    ctx = open_context(args)
    try:
        add_project(ctx, spec)
    finally:
        ctx.close()
    print(f"Project {args.code} published: bids until {args.deadline.isoformat()}")
    return 0


def _run(args: argparse.Namespace) -> int:
    import uvicorn

    from ...server.app import create_app

    if not 0 < args.port < 65536:
        raise InvalidInput("--port must be between 1 and 65535")
    ctx = open_context(args)
    print(f"EBid Desk reference service on http://{args.host}:{args.port} "
          f"(database {_safe_url(ctx.settings.database_url)}); Ctrl+C stops it", flush=True)
    try:
        uvicorn.run(create_app(ctx), host=args.host, port=args.port, log_level="info")
    finally:
        ctx.close()
    return 0


def _safe_url(url: str) -> str:
    """The URL without its password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
