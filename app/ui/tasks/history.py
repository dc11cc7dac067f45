"""The tasks this device answered (已处理的任务: logins, seals, encryptions, decryptions), newest
first, as the keystore's task history holds them (docs/formats/keystore.md); read without a
password, like ``ebid task history``."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..format import local_time
from ..operations import BackgroundOp

LIMIT = 50


class TaskHistory(QGroupBox):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskHistory")
        self.context = context
        self.records: list = []
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("taskHistoryList")
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Tasks answered on this device"))
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Task"), self.tr("Platform"), self.tr("Result")])
        self._fill()

    def refresh(self) -> None:
        store = self.context.keystore
        BackgroundOp(self, op=lambda p, c: list(reversed(store.task_history(limit=None)))[:LIMIT],
                     success=self._loaded).run()

    def _loaded(self, records: list) -> None:
        self.records = records
        self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        for r in self.records:
            item = QTreeWidgetItem([local_time(r.at), self.kind(r.task_type), r.platform_name, self.result(r)])
            item.setToolTip(2, f"{r.platform_name} <{r.platform_url}>")
            item.setToolTip(3, r.outcome)
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)

    def kind(self, task_type: str) -> str:
        return {"login": self.tr("Log in"), "sign": self.tr("Sign"), "encrypt": self.tr("Encrypt"),
                "decrypt": self.tr("Decrypt")}.get(task_type, task_type)

    def result(self, record) -> str:
        return {"confirmed": self.tr("Confirmed"), "cancelled": self.tr("Cancelled"),
                "refused": self.tr("Refused by the platform")}.get(record.action, record.action)
