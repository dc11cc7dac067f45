"""Licence managers (证照管理员) of an enterprise: list, add (at most five), remove.

Only the legal representative may change them; the service enforces the rules and its refusal
(e.g. a sixth manager) is shown as it is. Removing a manager revokes every copy they downloaded.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.client import HolderClient, Manager
from ...core.keystore import LicenceInfo
from ...core.licence import MAX_MANAGERS, validate_id_number, validate_mobile
from .. import errors, seams
from ..changes import Change, Changed
from ..context import AppContext
from ..format import local_time
from ..operations import BackgroundOp
from ..unlocked import UnlockedOp
from .fields import CheckedField


class PersonForm(QGroupBox):
    """Name, ID number and (optional) mobile of a person to add or authorise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.name, self.id_number, self.mobile = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.name.setObjectName("personName")
        self.id_number.setObjectName("personIdNumber")
        self.mobile.setObjectName("personMobile")
        self.labels = [QLabel(self) for _ in range(3)]
        self.id_problem, self.mobile_problem = QLabel(self), QLabel(self)
        for label, edit, problem in zip(self.labels, (self.name, self.id_number, self.mobile),
                                        (None, self.id_problem, self.mobile_problem)):
            label.setBuddy(edit)
            form.addRow(label, edit)
            if problem is not None:
                form.addRow("", problem)
        self.id_check = CheckedField(self.id_number, self.id_problem, validate_id_number)
        self.mobile_check = CheckedField(self.mobile, self.mobile_problem, validate_mobile)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("&Name:"), self.tr("&ID number:"), self.tr("Mo&bile (optional):"))):
            label.setText(text)
        self.name.setAccessibleName(self.tr("Name"))
        self.id_number.setAccessibleName(self.tr("Resident ID number"))
        self.mobile.setAccessibleName(self.tr("Mobile number"))

    def complete(self) -> bool:
        mobile_ok = self.mobile_check.valid or not self.mobile.text().strip()
        return bool(self.name.text().strip()) and self.id_check.valid and mobile_ok

    def values(self) -> tuple[str, str, str | None]:
        return self.name.text().strip(), self.id_check.value or "", self.mobile_check.value

    def clear(self) -> None:
        for edit in (self.name, self.id_number, self.mobile):
            edit.clear()


class ManagersDialog(QDialog):
    def __init__(self, context: AppContext, licence: LicenceInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managersDialog")
        self.context, self.licence = context, licence
        self.holder: HolderClient | None = None
        self.list = QTreeWidget(self)
        self.list.setObjectName("managerList")
        self.list.setRootIsDecorated(False)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = PersonForm(self)
        self.add = QPushButton(self)
        self.add.setObjectName("addManager")
        self.remove = QPushButton(self)
        self.remove.setObjectName("removeManager")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.list):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.form)
        layout.addWidget(self.add)
        layout.addWidget(buttons)
        for signal in (self.form.name.textChanged, self.form.id_check.changed, self.form.mobile_check.changed,
                       self.list.itemSelectionChanged):
            signal.connect(self._update)
        self.add.clicked.connect(self.add_manager)
        self.remove.clicked.connect(self.remove_manager)
        self.resize(560, 520)
        self.retranslate()
        self._update()
        UnlockedOp(self, context, asking=self.tr("manage licence managers"), licence=licence.id,
                   purpose="licence.managers", op=lambda access, p, c: (access.holder, access.holder.managers()),
                   success=self._ready).failure(self._failed).keep_until(self) \
            .with_progress(self.tr("Contacting the service…")).run()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Licence managers of {enterprise}").format(enterprise=self.licence.enterprise_name))
        self.intro.setText(self.tr("Licence managers may download the licence and authorise agents. "
                                   "An enterprise has at most {n}.").format(n=MAX_MANAGERS))
        self.list.setHeaderLabels([self.tr("Name"), self.tr("ID number"), self.tr("Added")])
        self.list.setAccessibleName(self.tr("Licence managers"))
        self.form.setTitle(self.tr("Add a licence manager"))
        self.add.setText(self.tr("&Add manager"))
        self.remove.setText(self.tr("&Remove manager…"))

    def _update(self) -> None:
        ready = self.holder is not None
        self.add.setEnabled(ready and self.form.complete())
        self.remove.setEnabled(ready and bool(self.list.selectedItems()))

    def _ready(self, opened: tuple[HolderClient, list[Manager]]) -> None:
        self.holder, managers = opened
        self._show(managers)

    def _show(self, managers: list[Manager]) -> None:
        if not shiboken6.isValid(self):
            return
        self.list.clear()
        for manager in managers:
            item = QTreeWidgetItem([manager.name, manager.masked_id_number,
                                    local_time(manager.added_at)])
            item.setData(0, Qt.ItemDataRole.UserRole, manager.person_id)
            self.list.addTopLevelItem(item)
        self._update()

    def add_manager(self) -> None:
        holder, (name, id_number, phone) = self.holder, self.form.values()

        def op(progress, cancel):
            holder.add_manager(name, id_number, phone)
            return holder.managers()

        def added(managers: list[Manager]) -> None:
            if shiboken6.isValid(self):
                self.form.clear()
            self._show(managers)

        BackgroundOp(self, op=op, success=added).failure(self._failed) \
            .with_progress(self.tr("Adding the manager…")).run()

    def remove_manager(self) -> None:
        item = self.list.selectedItems()[0]
        name, person_id, holder = item.text(0), item.data(0, Qt.ItemDataRole.UserRole), self.holder
        if not seams.confirm(self, self.tr("Remove licence manager"), self.tr(
                "Remove {name} as licence manager of {enterprise}?\n\nThis revokes every licence copy "
                "{name} downloaded for the enterprise, on every device: they can no longer be used."
                ).format(name=name, enterprise=self.licence.enterprise_name)):
            return

        def op(progress, cancel) -> Changed:
            revoked = holder.remove_manager(person_id)
            return Changed((revoked, holder.managers()), Change.LICENCES)

        def removed(result) -> None:
            revoked, managers = result
            self._show(managers)
            seams.info(self, self.tr("Licence manager removed"), self.tr(
                "{name} is no longer a licence manager; {n} licence copies were revoked.").format(
                name=name, n=len(revoked)))

        BackgroundOp(self, op=op, success=removed).failure(self._failed) \
            .with_progress(self.tr("Removing the manager…")).run()

    def _failed(self, exc: BaseException) -> None:
        errors.show(self if shiboken6.isValid(self) else None, exc)
