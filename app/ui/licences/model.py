"""The licences on this device as a table model: role, enterprise, credit code, holder, matters
(by name), window, state. Every cell has its full text as tooltip, in case a column is narrow.

The state is computed from the certificate's window and the time, plus the revocation list when
the service gave one (:meth:`LicenceTableModel.set_revoked`). Windows ending within
:data:`SOON` show a countdown; the page calls :meth:`LicenceTableModel.tick` once a minute (one
``dataChanged`` for the table: a state change greys the whole row), never once a second.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from ...core.keystore import LicenceInfo
from ...core.pki import Certificate, LicenceTerms, Mode, parse_licence
from ..format import local_time
from .matters import matters_text
from .roles import role_name

SOON = timedelta(days=3)
_ROOT = QModelIndex()
ACTIVE, NOT_YET_VALID, EXPIRED, REVOKED = "active", "not_yet_valid", "expired", "revoked"


def licence_state(info: LicenceInfo, now: datetime, *, revoked: bool = False) -> str:
    if revoked:
        return REVOKED
    if now < info.not_before:
        return NOT_YET_VALID
    if now > info.not_after:
        return EXPIRED
    return ACTIVE


def duration_text(span: timedelta) -> str:
    minutes = max(0, int(span.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("licences", "{d} d {h} h").format(d=days, h=hours)
    if hours:
        return QCoreApplication.translate("licences", "{h} h {m} min").format(h=hours, m=minutes)
    return QCoreApplication.translate("licences", "{m} min").format(m=minutes)


def state_text(info: LicenceInfo, now: datetime, *, revoked: bool = False) -> str:
    state = licence_state(info, now, revoked=revoked)
    if state == REVOKED:
        return QCoreApplication.translate("licences", "Revoked")
    if state == EXPIRED:
        return QCoreApplication.translate("licences", "Expired")
    if state == NOT_YET_VALID:
        return QCoreApplication.translate("licences", "Not yet valid: starts in {time}").format(time=duration_text(info.not_before - now))
    if info.not_after - now <= SOON:
        return QCoreApplication.translate("licences", "Active: ends in {time}").format(time=duration_text(info.not_after - now))
    return QCoreApplication.translate("licences", "Active")


def serial_of(info: LicenceInfo) -> int:
    return Certificate.load(info.certificate).serial


def terms_of(info: LicenceInfo) -> LicenceTerms:
    """What the authority decided for this copy, read from its certificate."""
    return parse_licence(Certificate.load(info.certificate)).terms


def matters_of(terms: LicenceTerms) -> str:
    """The holder's matters by name; all business says so."""
    if terms.mode is Mode.ALL_BUSINESS:
        return QCoreApplication.translate("licences", "All business")
    return matters_text(terms.matters)


class LicenceTableModel(QAbstractTableModel):
    ROLE, ENTERPRISE, CREDIT_CODE, HOLDER, MATTERS, START, END, STATE = range(8)

    def __init__(self, parent=None, *, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self.clock = clock
        self._rows: list[tuple[LicenceInfo, int]] = []
        self._terms: list[LicenceTerms] = []
        self._revoked: set[int] = set()
        self._now = clock()

    def set_licences(self, licences: list[LicenceInfo]) -> None:
        self.beginResetModel()
        self._rows = [(info, serial_of(info)) for info in licences]
        self._terms = [terms_of(info) for info in licences]
        self._now = self.clock()
        self.endResetModel()

    def set_revoked(self, serials: set[int]) -> None:
        self._revoked = set(serials)
        self.tick()

    def tick(self) -> None:
        """Recompute states and countdowns as of the clock's time."""
        self._now = self.clock()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.STATE))

    def licence(self, row: int) -> LicenceInfo:
        return self._rows[row][0]

    def terms(self, row: int) -> LicenceTerms:
        return self._terms[row]

    def serial(self, row: int) -> int:
        return self._rows[row][1]

    def state(self, row: int) -> str:
        info, serial = self._rows[row]
        return licence_state(info, self._now, revoked=serial in self._revoked)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (QCoreApplication.translate("licences", "Role"), QCoreApplication.translate("licences", "Enterprise"),
                QCoreApplication.translate("licences", "Unified social credit code"),
                QCoreApplication.translate("licences", "Holder"), QCoreApplication.translate("licences", "Matters"),
                QCoreApplication.translate("licences", "Valid from"), QCoreApplication.translate("licences", "Valid until"),
                QCoreApplication.translate("licences", "State"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info, serial = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(index.row(), serial, column)
        if role == Qt.ItemDataRole.ForegroundRole and self.state(index.row()) in (EXPIRED, REVOKED):
            return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and column == self.STATE and self._ends_soon(info, serial):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _ends_soon(self, info: LicenceInfo, serial: int) -> bool:
        state = licence_state(info, self._now, revoked=serial in self._revoked)
        return state == ACTIVE and info.not_after - self._now <= SOON

    def _text(self, row: int, serial: int, column: int) -> str:
        info = self._rows[row][0]
        if column == self.ROLE:
            return role_name(info.role)
        if column == self.ENTERPRISE:
            return info.enterprise_name
        if column == self.CREDIT_CODE:
            return info.enterprise_code
        if column == self.HOLDER:
            return info.holder_name
        if column == self.MATTERS:
            return matters_of(self._terms[row])
        if column in (self.START, self.END):
            moment = info.not_before if column == self.START else info.not_after
            return local_time(moment)
        return state_text(info, self._now, revoked=serial in self._revoked)
