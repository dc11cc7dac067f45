"""What a piece of work changed, said in one place (Anki's ``OpChanges``).

An operation's ``op`` returns ``Changed(value, Change.KEYS | …)``; :class:`~.operations.BackgroundOp`
hands ``value`` to ``success`` and then announces the changes on :func:`hub`, so every screen that
shows licences, keys, bids or seals refreshes — no page emits a hand-placed "changed" signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Flag, auto
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal


class Change(Flag):
    LICENCES = auto()  # licences stored on this device or their grants at the service
    KEYS = auto()  # encryption keys on this device or registered at the platform
    BIDS = auto()  # bid files encrypted, submitted or fetched
    SEALS = auto()  # imprints uploaded, seals collected or authorised


@dataclass(frozen=True)
class Changed:
    value: Any
    changes: Change


class _Hub(QObject):
    changed = Signal(object)  # a Change


_hub: _Hub | None = None


def hub() -> _Hub:
    """The application's one change hub (created on first use, on the GUI thread)."""
    global _hub
    if _hub is None:
        _hub = _Hub()
    return _hub


def announce(what: Change) -> None:
    if what:
        hub().changed.emit(what)


def on_change(receiver: QObject, what: Change, slot) -> None:
    """Call ``slot()`` when any of ``what`` changed, for as long as ``receiver`` lives."""

    def relay(changed: Change) -> None:
        if changed & what and shiboken6.isValid(receiver):
            slot()

    hub().changed.connect(relay)
    receiver.destroyed.connect(lambda *_: _disconnect(relay))


def _disconnect(relay) -> None:
    try:
        hub().changed.disconnect(relay)
    except (RuntimeError, TypeError):
        pass
