"""Agent authorisations (办事人授权): all business or specific matters, for a window that
defaults to now + 3 days; list and revoke. Granted by the legal representative or a manager."""

from __future__ import annotations

from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.client import Authorisation, HolderClient
from ...core.keystore import LicenceInfo
from ...core.licence import DEFAULT_WINDOW
from .. import errors, seams
from ..changes import Change, Changed
from ..context import AppContext
from ..format import local_time
from ..operations import BackgroundOp
from ..unlocked import UnlockedOp
from .managers import PersonForm


class GrantForm(QGroupBox):
    """Who, what (all business or checked matters) and when."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = PersonForm(self)
        self.person.setFlat(True)
        self.all_business, self.specific = QRadioButton(self), QRadioButton(self)
        self.all_business.setObjectName("allBusiness")
        self.specific.setObjectName("specificMatters")
        group = QButtonGroup(self)
        group.addButton(self.all_business)
        group.addButton(self.specific)
        self.all_business.setChecked(True)
        self.matters = QListWidget(self)
        self.matters.setObjectName("matterList")
        self.start, self.end = QDateTimeEdit(self), QDateTimeEdit(self)
        self.start.setObjectName("grantStart")
        self.end.setObjectName("grantEnd")
        now = QDateTime.currentDateTime()
        self.start.setDateTime(now)
        self.end.setDateTime(now.addSecs(int(DEFAULT_WINDOW.total_seconds())))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.start_label, self.end_label = QLabel(self), QLabel(self)
        self.start_label.setBuddy(self.start)
        self.end_label.setBuddy(self.end)
        form = QFormLayout()
        form.addRow(self.start_label, self.start)
        form.addRow(self.end_label, self.end)
        layout = QVBoxLayout(self)
        layout.addWidget(self.person)
        layout.addWidget(self.all_business)
        layout.addWidget(self.specific)
        layout.addWidget(self.matters)
        layout.addLayout(form)
        self.specific.toggled.connect(self.matters.setEnabled)
        self.matters.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Authorise an agent"))
        self.person.retranslate()
        self.all_business.setText(self.tr("A&ll business (全业务授权)"))
        self.specific.setText(self.tr("S&pecific matters (精准授权):"))
        self.matters.setAccessibleName(self.tr("Matters"))
        self.start_label.setText(self.tr("&Starts:"))
        self.end_label.setText(self.tr("&Ends:"))
        self.start.setAccessibleName(self.tr("Start of the authorisation"))
        self.end.setAccessibleName(self.tr("End of the authorisation"))

    def set_matters(self, matters: list[dict]) -> None:
        self.matters.clear()
        for matter in matters:
            item = QListWidgetItem("{zh} ({code})".format(**matter), self.matters)
            item.setData(Qt.ItemDataRole.UserRole, matter["code"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def chosen_matters(self) -> list[str] | None:
        if self.all_business.isChecked():
            return None
        return [self.matters.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.matters.count())
                if self.matters.item(i).checkState() == Qt.CheckState.Checked]

    def complete(self) -> bool:
        return self.person.complete() and (self.all_business.isChecked() or bool(self.chosen_matters()))

    def grant_window(self) -> tuple[datetime, datetime]:
        def utc(edit: QDateTimeEdit) -> datetime:
            return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)

        return utc(self.start), utc(self.end)


class AuthorisationsDialog(QDialog):
    def __init__(self, context: AppContext, licence: LicenceInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authorisationsDialog")
        self.context, self.licence = context, licence
        self.holder: HolderClient | None = None
        self.list = QTreeWidget(self)
        self.list.setObjectName("authorisationList")
        self.list.setRootIsDecorated(False)
        self.form = GrantForm(self)
        self.grant, self.revoke = QPushButton(self), QPushButton(self)
        self.grant.setObjectName("authorise")
        self.revoke.setObjectName("revokeAuthorisation")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.revoke)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.form)
        layout.addWidget(self.grant)
        layout.addWidget(buttons)
        person = self.form.person
        for signal in (person.name.textChanged, person.id_check.changed, person.mobile_check.changed,
                       self.form.specific.toggled, self.form.matters.itemChanged, self.list.itemSelectionChanged):
            signal.connect(self._update)
        self.grant.clicked.connect(self.authorise)
        self.revoke.clicked.connect(self.revoke_selected)
        self.resize(720, 720)
        self.retranslate()
        self._update()
        UnlockedOp(self, context, asking=self.tr("manage agent authorisations"), licence=licence.id,
                   purpose="licence.authorisations",
                   op=lambda access, p, c: (access.holder, access.holder.authorisations(),
                                            access.holder.service.matters()),
                   success=self._ready).failure(self._failed).keep_until(self) \
            .with_progress(self.tr("Contacting the service…")).run()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Agent authorisations of {enterprise}").format(enterprise=self.licence.enterprise_name))
        self.list.setHeaderLabels([self.tr("Agent"), self.tr("Matters"), self.tr("Starts"), self.tr("Ends"),
                                   self.tr("Status"), self.tr("Authorisation number")])
        self.list.setAccessibleName(self.tr("Agent authorisations"))
        self.grant.setText(self.tr("A&uthorise"))
        self.revoke.setText(self.tr("&Revoke…"))

    def _update(self) -> None:
        ready = self.holder is not None
        self.grant.setEnabled(ready and self.form.complete())
        selected = self.list.selectedItems()
        self.revoke.setEnabled(ready and bool(selected) and selected[0].data(0, Qt.ItemDataRole.UserRole + 1) != "revoked")

    def _ready(self, opened) -> None:
        self.holder, grants, matters = opened
        self.form.set_matters(matters)
        self._show(grants)

    def _status(self, status: str) -> str:
        return {"active": self.tr("Active"), "not_yet_valid": self.tr("Not yet valid"),
                "expired": self.tr("Expired"), "revoked": self.tr("Revoked")}.get(status, status)

    def _show(self, grants: list[Authorisation]) -> None:
        if not shiboken6.isValid(self):
            return
        self.list.clear()
        for grant in grants:
            matters = ", ".join(grant.matters) if grant.mode == "specific" else self.tr("All business")
            item = QTreeWidgetItem([grant.agent_name, matters, local_time(grant.start), local_time(grant.end),
                                    self._status(grant.status), grant.authorisation_id])
            item.setData(0, Qt.ItemDataRole.UserRole, grant.authorisation_id)
            item.setData(0, Qt.ItemDataRole.UserRole + 1, grant.status)
            self.list.addTopLevelItem(item)
        self._update()

    def authorise(self) -> None:
        holder, (name, id_number, phone) = self.holder, self.form.person.values()
        matters, (start, end) = self.form.chosen_matters(), self.form.grant_window()

        def op(progress, cancel):
            holder.authorise(name, id_number, phone=phone, matters=matters, start=start, end=end)
            return holder.authorisations()

        def granted(grants: list[Authorisation]) -> None:
            if shiboken6.isValid(self):
                self.form.person.clear()
            self._show(grants)

        BackgroundOp(self, op=op, success=granted).failure(self._failed) \
            .with_progress(self.tr("Authorising…")).run()

    def revoke_selected(self) -> None:
        item = self.list.selectedItems()[0]
        grant_id, holder = item.data(0, Qt.ItemDataRole.UserRole), self.holder
        if not seams.confirm(self, self.tr("Revoke authorisation"), self.tr(
                "Revoke the authorisation of {name}? Every licence copy downloaded under it is revoked too."
                ).format(name=item.text(0))):
            return

        def op(progress, cancel) -> Changed:
            holder.revoke_authorisation(grant_id)
            return Changed(holder.authorisations(), Change.LICENCES)

        BackgroundOp(self, op=op, success=self._show).failure(self._failed) \
            .with_progress(self.tr("Revoking…")).run()

    def _failed(self, exc: BaseException) -> None:
        errors.show(self if shiboken6.isValid(self) else None, exc)
