"""Licences: the copies on this device with their state, and what a holder does with them
(download another, licence managers, agent authorisations, the licence password)."""

from __future__ import annotations

from datetime import datetime

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import EbidError
from .. import errors
from ..changes import Change, on_change
from ..format import clock_time
from ..operations import BackgroundOp
from ..page import Page
from .model import ACTIVE, LicenceTableModel

TICK_MS = 60_000  # countdowns move once a minute


class LicencesPage(Page):
    page_id = "licences"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("licencesPage")
        self.dialog: QWidget | None = None  # the dialog opened last (tests look at it)
        self.revocations_checked: datetime | None = None
        self.model = LicenceTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("licenceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.heading, self.status = QLabel(self), QLabel(self)
        self.status.setObjectName("revocationStatus")
        self.heading.setWordWrap(True)
        self.download = QPushButton(self)
        self.download.setObjectName("downloadLicence")
        self.details = QPushButton(self)
        self.details.setObjectName("licenceDetails")
        self.managers = QPushButton(self)
        self.managers.setObjectName("licenceManagers")
        self.agents = QPushButton(self)
        self.agents.setObjectName("agentAuthorisations")
        self.password = QPushButton(self)
        self.password.setObjectName("changePassword")
        buttons = QHBoxLayout()
        for button in (self.download, self.details, self.managers, self.agents, self.password):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.download.clicked.connect(self.open_download)
        self.details.clicked.connect(self.open_details)
        self.table.doubleClicked.connect(lambda index: self.open_details())
        self.managers.clicked.connect(self.open_managers)
        self.agents.clicked.connect(self.open_authorisations)
        self.password.clicked.connect(self.open_change_password)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        on_change(self, Change.LICENCES, self.reload)
        context.service_ready.connect(self.check_revocations)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.model.tick)
        self.timer.start()
        self.retranslate()
        self.reload()

    def title(self) -> str:
        return self.tr("Licences")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Electronic business licences on this computer."))
        self.download.setText(self.tr("&Download a licence…"))
        self.details.setText(self.tr("D&etails…"))
        self.details.setToolTip(self.tr("Show the selected licence as a card: enterprise, credit code, "
                                        "holder, role, matters, validity and state"))
        self.managers.setText(self.tr("Licence &managers…"))
        self.agents.setText(self.tr("&Agent authorisations…"))
        self.password.setText(self.tr("Change &password…"))
        self.table.setAccessibleName(self.tr("Licences on this computer"))
        self.managers.setToolTip(self.tr("The legal representative adds and removes up to five licence managers"))
        self.agents.setToolTip(self.tr("Authorise agents for all business or specific matters"))
        self._show_status()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, LicenceTableModel.STATE)

    # -- the list ---------------------------------------------------------------------------------

    def reload(self) -> None:
        store = self.context.keystore
        self.model.set_licences(store.list_licences() if store.is_initialised() else [])
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._update_actions()
        self.check_revocations()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return (rows[0].row(), self.model.licence(rows[0].row())) if rows else (None, None)

    def _update_actions(self) -> None:
        row, info = self.selected()
        usable = info is not None and self.model.state(row) == ACTIVE and self.context.connected
        self.managers.setEnabled(usable and info.role == "legal_representative")
        self.agents.setEnabled(usable and info.role in ("legal_representative", "manager"))
        self.password.setEnabled(self.context.keystore.is_initialised())
        self.details.setEnabled(info is not None)

    def check_revocations(self, _url: str = "") -> None:
        """Fetch the authority's revocation list (signature checked against its root)."""
        self._update_actions()
        if not self.context.connected or not self.model.rowCount():
            self._show_status()
            return
        client = self.context.client

        def op(progress, cancel) -> set[int]:
            return set(client.revocation_list().revoked)

        BackgroundOp(self, op=op, success=self._revoked).failure(self._revocations_failed).run()

    def _revoked(self, serials: set[int]) -> None:
        if shiboken6.isValid(self):
            self.revocations_checked = datetime.now()
            self.model.set_revoked(serials)
            self._show_status()
            self._update_actions()

    def _revocations_failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self.revocations_checked = None
            self._show_status(errors.user_message(exc) if isinstance(exc, EbidError) else str(exc))

    def _show_status(self, problem: str = "") -> None:
        if problem:
            self.status.setText(self.tr("Revocations not checked: {reason}").format(reason=problem))
        elif self.revocations_checked is not None:
            self.status.setText(self.tr("Revocations checked with the service at {time}.").format(
                time=clock_time(self.revocations_checked)))
        else:
            self.status.setText(self.tr("Revocations not checked (the service is not connected): "
                                        "states are computed on this computer."))

    # -- actions ---------------------------------------------------------------------------------

    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # drops a holder's key with it
        self.dialog = dialog
        dialog.open()

    def open_download(self) -> None:
        if not self.context.keystore.is_initialised():
            from .first_run import FirstRunWizard

            return self._open(FirstRunWizard(self.context, self.window()))
        from .download import LicenceDownloadWizard

        self._open(LicenceDownloadWizard(self.context, self.window()))

    def open_details(self) -> None:
        from .card import LicenceCardDialog

        row, info = self.selected()
        if info is not None:
            state = self.model.index(row, LicenceTableModel.STATE).data()
            self._open(LicenceCardDialog(info, self.model.terms(row), self.model.serial(row), state, self.window()))

    def open_managers(self) -> None:
        from .managers import ManagersDialog

        _row, info = self.selected()
        if info is not None:
            self._open(ManagersDialog(self.context, info, self.window()))

    def open_authorisations(self) -> None:
        from .agents import AuthorisationsDialog

        _row, info = self.selected()
        if info is not None:
            self._open(AuthorisationsDialog(self.context, info, self.window()))

    def open_change_password(self) -> None:
        from .password import ChangePasswordDialog

        self._open(ChangePasswordDialog(self.context, self.window()))
