"""The enterprise's submitted bids on the bid page: refresh from the platform (receipts verified),
fetch one back after the opening and decrypt it with this device's key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.client import Receipt
from ..format import local_time


class SubmissionsPanel(QGroupBox):
    refresh_requested = Signal()
    fetch_requested = Signal(object)  # the Receipt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("submissions")
        self.receipts: list[Receipt] = []
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("submissionList")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(4)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshSubmissions")
        self.fetch_button = QPushButton(self)
        self.fetch_button.setObjectName("fetchBid")
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.fetch_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.fetch_button.clicked.connect(self._fetch)
        self.tree.itemSelectionChanged.connect(self._enable)
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Submitted bids"))
        self.tree.setHeaderLabels(
            [self.tr("File"), self.tr("Project / section"), self.tr("Received"), self.tr("Receipt")]
        )
        self.tree.setAccessibleName(self.tr("Submitted bids"))
        self.refresh_button.setText(self.tr("Refresh from the platform"))
        self.fetch_button.setText(self.tr("Fetch and decrypt…"))
        self.fetch_button.setToolTip(
            self.tr(
                "After the opening: download the submitted file and decrypt it "
                "with this device's key"
            )
        )

    def set_receipts(self, receipts: list[Receipt]) -> None:
        self.receipts = sorted(receipts, key=lambda r: r.received_at, reverse=True)
        self.tree.clear()
        for receipt in self.receipts:
            item = QTreeWidgetItem(
                [
                    receipt.file_name,
                    f"{receipt.project} / {receipt.section}",
                    local_time(receipt.received_at),
                    receipt.submission_id,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, receipt.submission_id)
            self.tree.addTopLevelItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self._enable()

    def add_receipts(self, receipts: list[Receipt]) -> None:
        known = {r.submission_id: r for r in self.receipts}
        known.update({r.submission_id: r for r in receipts})
        self.set_receipts(list(known.values()))

    def selected(self) -> Receipt | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        wanted = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.receipts if r.submission_id == wanted), None)

    def select(self, submission_id: str) -> None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) == submission_id)

    def _fetch(self) -> None:
        receipt = self.selected()
        if receipt is not None:
            self.fetch_requested.emit(receipt)

    def _enable(self) -> None:
        self.fetch_button.setEnabled(self.selected() is not None)


__all__ = ["SubmissionsPanel"]
