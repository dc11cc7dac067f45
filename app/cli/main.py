"""Entry point of ``ebid``. Errors become one line on stderr and an exit code, never a traceback.

Exit codes: 0 success; 1 verification or decryption failure; 2 usage or input error;
3 unexpected internal error; 130 cancelled (Ctrl-C); 143 terminated (SIGTERM); 129 hung up (SIGHUP,
the terminal closed). A signal stops the work the way Ctrl-C does: partial output is removed.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import signal
import sys
import traceback
from typing import Sequence

from .. import __version__
from ..core.errors import Cancelled, EbidError, Refused
from ..core.fsutil import remove_own_temporaries
from . import commands
from .common import shown
from .connection import FINGERPRINT_ENV

EXIT_INTERNAL = 4  # a bug: 3 is the service's (unreachable, or a server error)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised in the main thread: unwinds like Ctrl-C (every partial file is
    removed on the way out) and exits with 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, _frame) -> None:
    raise Stopped(signum)


def _stop_on_signals() -> None:
    for name in ("SIGTERM", "SIGHUP"):  # SIGHUP does not exist on Windows
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ebid",
        description="EBid Desk (电子投标助手) command line: national algorithms, bid files, licences.",
    )
    parser.add_argument("--version", action="version", version=f"ebid {__version__}")
    parser.add_argument(
        "--server",
        metavar="URL",
        default=os.environ.get("EBID_SERVER"),
        help="service to talk to (default: the embedded service; env EBID_SERVER)",
    )
    parser.add_argument(
        "--root-fingerprint",
        metavar="FP",
        default=os.environ.get(FINGERPRINT_ENV),
        help="SHA-256 of the --server's authority root, as your administrator gives it; stored "
        "as the server's pin (default: the stored pin, else trust on first use; "
        "env EBID_ROOT_FINGERPRINT)",
    )
    groups = parser.add_subparsers(dest="group", metavar="COMMAND")
    groups.required = True
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(groups)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _stop_on_signals()
    try:
        return _run(args)
    finally:
        # A signal can land between creating a temporary file and the block that removes it:
        # whatever this process left uncommitted goes now, however it ends.
        remove_own_temporaries()


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args) or 0)
    except Cancelled:
        print("ebid: cancelled", file=sys.stderr)
        return 130
    except Stopped as stopped:
        print(f"ebid: stopped by {signal.Signals(stopped.signum).name}", file=sys.stderr)
        return 128 + stopped.signum
    except KeyboardInterrupt:
        print("ebid: interrupted", file=sys.stderr)
        return 130
    except Refused as exc:  # the rule's code (the service's, or this device's), for scripts
        print(f"ebid: error: {shown(exc.message)} ({shown(exc.code)})", file=sys.stderr)
        return exc.exit_code
    except EbidError as exc:
        print(f"ebid: error: {shown(exc.message)}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one line, details only on request
        if os.environ.get("EBID_DEBUG"):
            traceback.print_exc()
        print(
            f"ebid: internal error ({type(exc).__name__}: {exc}); set EBID_DEBUG=1 for details",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
