"""The platform's project list, kept current for every page (issue: a project published while the
app runs must appear without a restart).

One :class:`ProjectWatch` per context fetches the list when the service connects, when a page asks
(it is shown, or the user pressed a refresh button) and every :data:`POLL_MS` while the
application is active — never two fetches at once. Pages take the list from :attr:`updated`;
what is new since the last list (a published project, a moved deadline) comes as one sentence
on :attr:`news`, which the main window shows in its status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Optional

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from .format import local_time
from .operations import BackgroundOp

if TYPE_CHECKING:
    from ..core.client import Project
    from .context import AppContext

POLL_MS = 60_000  # the platform's list changes a few times a day; a minute is prompt enough


class ProjectWatch(QObject):
    updated = Signal(object)  # list[Project], after every successful fetch
    failed = Signal(object)  # the exception of a failed fetch
    news = Signal(str)  # what changed since the previous list, in words

    def __init__(self, context: AppContext, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.context = context
        self.projects: list[Project] | None = None  # None until the first fetch
        self._running: BackgroundOp | None = None
        self._again = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        context.service_ready.connect(self.refresh)

    def follow(self, receiver: QObject, *, updated: Callable[[list], None] | None = None,
               failed: Callable[[BaseException], None] | None = None,
               news: Callable[[str], None] | None = None) -> None:
        """Connect the given slots for as long as ``receiver`` lives: a page or window closed
        while a fetch was under way (or the context outliving it) is never called into."""

        def guarded(slot):
            def call(value) -> None:
                if shiboken6.isValid(receiver):
                    slot(value)
            return call

        pairs = [(signal, guarded(slot)) for signal, slot in
                 ((self.updated, updated), (self.failed, failed), (self.news, news)) if slot is not None]
        for signal, call in pairs:
            signal.connect(call)
        receiver.destroyed.connect(lambda *_: [_disconnect(signal, call) for signal, call in pairs])

    def stop(self) -> None:
        """No more polling (the context is closing)."""
        self.timer.stop()

    def refresh(self, *args) -> None:
        """Fetch now (or right after the fetch already running, so nothing newer is missed)."""
        if not self.context.connected:
            return
        if self._running is not None:
            self._again = True
            return
        client = self.context.client
        self._running = BackgroundOp(self, op=lambda p, c: client.projects(), success=self._fetched) \
            .failure(self._failed)
        self._running.run()

    def _tick(self) -> None:
        if self.context.connected and QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive:
            self.refresh()

    def _fetched(self, projects: list[Project]) -> None:
        previous, self.projects = self.projects, list(projects)
        self._done()
        if previous is not None and (text := self.describe(previous, self.projects)):
            self.news.emit(text)
        self.updated.emit(self.projects)

    def _failed(self, exc: BaseException) -> None:
        self._done()
        self.failed.emit(exc)

    def _done(self) -> None:
        self._running = None
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.refresh)

    def describe(self, before: list[Project], after: list[Project]) -> str:
        """One sentence on what is new in ``after``: published projects, moved times."""
        known = {p.code: p for p in before}
        parts = []
        new = [p for p in after if p.code not in known]
        if new:
            parts.append(self.tr("new on the platform: {projects}").format(
                projects=self.tr(", ").join(f"{p.name} ({p.code})" for p in new)))
        for p in after:
            old = known.get(p.code)
            if old is not None and (old.bid_deadline, old.opening_time) != (p.bid_deadline, p.opening_time):
                parts.append(self.tr("{project}: bids now until {deadline}, opening at {opening}").format(
                    project=f"{p.name} ({p.code})", deadline=local_time(p.bid_deadline),
                    opening=local_time(p.opening_time)))
        return self.tr("; ").join(parts)


def _disconnect(signal, slot) -> None:
    try:
        signal.disconnect(slot)
    except (RuntimeError, TypeError):
        pass
