"""The start/end editor of a grant's window (授权期限), used by agent and seal authorisations.

It opens on now … now + :data:`app.core.licence.DEFAULT_WINDOW` (3 days, the authority's and the
seal office's default too), says inline when the end is not after the start — in the core's words,
the template the service would refuse with — and emits ``changed`` on every edit. The times are
shown in this computer's zone in the user's language (:mod:`.format`) and handed back in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QFormLayout, QLabel, QWidget

from ..core.licence import DEFAULT_WINDOW
from .format import datetime_pattern

#: The core's template (app/core/licence/grants.py), translated in the "errors" context.
BAD_WINDOW = "The authorisation must end after it starts"


def _qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def _utc(edit: QDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)


class WindowEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, now: datetime | None = None) -> None:
        super().__init__(parent)
        self.start, self.end = QDateTimeEdit(self), QDateTimeEdit(self)
        self.start.setObjectName("grantStart")
        self.end.setObjectName("grantEnd")
        self.start_label, self.end_label, self.problem = QLabel(self), QLabel(self), QLabel(self)
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, edit in ((self.start_label, self.start), (self.end_label, self.end)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(datetime_pattern(seconds=True))
            label.setBuddy(edit)
            form.addRow(label, edit)
            edit.dateTimeChanged.connect(self._check)
        form.addRow("", self.problem)
        self.reset(now)
        self.retranslate()

    def retranslate(self) -> None:
        self.start_label.setText(self.tr("&Starts:"))
        self.end_label.setText(self.tr("&Ends:"))
        self.start.setAccessibleName(self.tr("Start of the authorisation"))
        self.end.setAccessibleName(self.tr("End of the authorisation"))
        self._check()

    def reset(self, now: datetime | None = None) -> None:
        """Start at ``now`` (this computer's clock if None) and end :data:`DEFAULT_WINDOW` later."""
        start = QDateTime.currentDateTime() if now is None else _qt(now)
        self.start.setDateTime(start)
        self.end.setDateTime(start.addSecs(int(DEFAULT_WINDOW.total_seconds())))

    def valid(self) -> bool:
        return self.end.dateTime() > self.start.dateTime()

    def window(self) -> tuple[datetime, datetime]:
        """(start, end) in UTC, to the second."""
        return _utc(self.start), _utc(self.end)

    def _check(self) -> None:
        bad = not self.valid()
        self.problem.setText(QCoreApplication.translate("errors", BAD_WINDOW) if bad else "")
        self.problem.setVisible(bad)
        self.changed.emit()
