"""How errors reach the user (Electrum's rule: the exception's type decides).

- :class:`EbidError`: its English template is translated (context ``"errors"``) and filled in
  (times among the parameters written as local times, :mod:`.format`); shown as a warning,
  nothing logged beyond one line.
- :class:`Cancelled`: silent.
- Anything else is a bug: logged with its traceback to the rotating log in the data folder and
  shown once, with details the user can copy into a support request.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any, Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..core.errors import Cancelled, EbidError
from . import seams
from .format import as_local_time

log = logging.getLogger("ebid")
LOG_NAME = "ebid-desk.log"


def _shown(value: Any) -> Any:
    """A parameter as the user reads it: times (aware datetimes, or ISO 8601 strings with a time
    zone as the service sends them) in this computer's time zone and the user's language."""
    local = as_local_time(value)
    return value if local is None else local


def user_message(exc: EbidError) -> str:
    """The translated message of a project error (English when no translation exists)."""
    template = QCoreApplication.translate("errors", exc.template)
    try:
        return template.format(**{name: _shown(value) for name, value in exc.params.items()})
    except (KeyError, IndexError, ValueError):
        return exc.message


def text(exc: BaseException) -> str:
    """One translated sentence for any failure, for a status line or a table row."""
    return user_message(exc) if isinstance(exc, EbidError) else str(exc)


def show(parent: Optional[QWidget], exc: BaseException) -> None:
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, EbidError):
        log.info("user-facing error: %s", exc.message)
        seams.warn(parent, QCoreApplication.translate("common", "EBid Desk"), user_message(exc))
        return
    report_bug(parent, type(exc), exc, exc.__traceback__)


def report_bug(parent: Optional[QWidget], kind: type[BaseException], exc: BaseException,
               tb: Optional[TracebackType]) -> None:
    details = "".join(traceback.format_exception(kind, exc, tb))
    log.error("unexpected error\n%s", details)
    seams.bug_report(
        parent,
        QCoreApplication.translate("common", "Unexpected error"),
        QCoreApplication.translate(
            "common",
            "Something went wrong that EBid Desk did not expect. The details below are also in the log file.",
        ),
        details,
    )


_shown_once: set[str] = set()


def _excepthook(kind: type[BaseException], exc: BaseException, tb: Optional[TracebackType]) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if isinstance(exc, (EbidError, Cancelled)):
        show(None, exc)
        return
    key = f"{kind.__name__}:{exc}"
    if key in _shown_once:  # the same bug in a loop (e.g. a paint handler) is shown once
        log.error("unexpected error (repeated): %s", key)
        return
    _shown_once.add(key)
    report_bug(None, kind, exc, tb)


class _PrivateLog(logging.handlers.RotatingFileHandler):
    """The log names files, projects and people: created readable by this user only (also each
    new file after a rotation), whatever the umask."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def install(log_folder: Path) -> Path:
    """Log to a rotating file in ``log_folder`` and catch exceptions that escape Qt slots."""
    log_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_folder / LOG_NAME
    handler = _PrivateLog(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    sys.excepthook = _excepthook
    return path
