"""The bid files on the bid page: one row per dropped file, from queued to encrypted to submitted.

A model only (no widgets): the page and its delegate read it; the worker glue updates it on the
GUI thread. Throughput and time left are computed here from the bytes done and the time taken.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...core.client import Receipt
from ..format import data_size

PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1  # 0..1000, or -1 when there is no bar to draw

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class State(Enum):
    QUEUED = "queued"
    ENCRYPTING = "encrypting"
    ENCRYPTED = "encrypted"
    CANCELLED = "cancelled"
    FAILED = "failed"
    SUBMITTED = "submitted"


@dataclass(eq=False)  # rows are compared by identity
class BidRow:
    source: Path
    size: int
    state: State = State.QUEUED
    done: int = 0
    started: float = 0.0
    finished: float = 0.0
    container: Path | None = None
    signature: Path | None = None
    licence_id: int | None = None
    project: str = ""
    section: str = ""
    error: str = ""
    receipt: Receipt | None = None
    note: str = ""  # the last rehearsal's outcome, for example
    extra: dict = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return self.state in (State.QUEUED, State.ENCRYPTING)

    def rate(self, now: float) -> float:
        """Bytes per second since this file started."""
        elapsed = (self.finished or now) - self.started
        return self.done / elapsed if self.started and elapsed > 0 else 0.0


class BidTableModel(QAbstractTableModel):
    FILE, SIZE, PROGRESS, STATUS = range(4)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[BidRow] = []

    # -- reading -----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (QCoreApplication.translate("BidTableModel", "File"), QCoreApplication.translate("BidTableModel", "Size"), QCoreApplication.translate("BidTableModel", "Progress"), QCoreApplication.translate("BidTableModel", "Status"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == PROGRESS_ROLE and column == self.PROGRESS:
            return self._progress(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.error or (str(row.container) if row.container else str(row.source))
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.PROGRESS:
            return self._display(row, self.STATUS)
        return None

    def _progress(self, row: BidRow) -> int:
        if row.state in (State.ENCRYPTED, State.SUBMITTED):
            return 1000
        if row.state is State.ENCRYPTING:
            return int(1000 * row.done / row.size) if row.size else 0
        return -1

    def _display(self, row: BidRow, column: int) -> str:
        if column == self.FILE:
            return row.source.name
        if column == self.SIZE:
            return data_size(row.size)
        if column == self.PROGRESS:
            return ""
        return self.status_text(row)

    def status_text(self, row: BidRow) -> str:
        if row.state is State.QUEUED:
            return QCoreApplication.translate("BidTableModel", "Waiting")
        if row.state is State.ENCRYPTING:
            rate = row.rate(time.monotonic())
            return QCoreApplication.translate("BidTableModel", "Encrypting, {rate}/s").format(rate=data_size(rate))
        if row.state is State.CANCELLED:
            return QCoreApplication.translate("BidTableModel", "Cancelled: nothing was written")
        if row.state is State.FAILED:
            return QCoreApplication.translate("BidTableModel", "Failed: {reason}").format(reason=row.error)
        text = QCoreApplication.translate("BidTableModel", "Encrypted and signed: {name}").format(
            name=row.container.name if row.container else ""
        )
        if row.state is State.SUBMITTED and row.receipt is not None:
            text = QCoreApplication.translate("BidTableModel", "Submitted to {project}/{section}, receipt {id}").format(
                project=row.receipt.project,
                section=row.receipt.section,
                id=row.receipt.submission_id,
            )
        return f"{text} {row.note}".strip()

    # -- overall -----------------------------------------------------------------------------------

    # -- changing ------------------------------------------------------------------------------------

    def add(self, paths: list[Path]) -> list[int]:
        known = {r.source for r in self.rows if r.active}
        fresh = [p for p in paths if p not in known]
        if not fresh:
            return []
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self.rows.extend(BidRow(p, p.stat().st_size) for p in fresh)
        self.endInsertRows()
        return list(range(first, first + len(fresh)))

    def changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

