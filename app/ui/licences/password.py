"""Change the licence password: every private key is re-sealed under a new master key (in a
:class:`BackgroundOp`, since Argon2id runs twice). A wrong old password keeps the dialog open."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .. import errors, pools, seams
from ..context import AppContext
from ..operations import BackgroundOp
from .fields import NewPasswordForm


class ChangePasswordDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.context = context
        self._busy = False
        self.old = QLineEdit(self)
        self.old.setObjectName("oldPassword")
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.old_label = QLabel(self)
        self.old_label.setBuddy(self.old)
        self.new = NewPasswordForm(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.old_label, self.old)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.new)
        layout.addWidget(self.buttons)
        self.old.textChanged.connect(self._update)
        self.new.changed.connect(self._update)
        self.setTabOrder(self.old, self.new.new)
        self.setTabOrder(self.new.new, self.new.confirm)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change the licence password"))
        self.old_label.setText(self.tr("&Current password:"))
        self.old.setAccessibleName(self.tr("Current licence password"))
        self.new.retranslate()

    def _update(self) -> None:
        ok = not self._busy and bool(self.old.text()) and self.new.password() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def change(self) -> None:
        new = self.new.password()
        if self._busy or new is None:
            return
        old, store = self.old.text(), self.context.keystore

        def op(progress, cancel):
            store.change_password(old.encode("utf-8"), new.encode("utf-8"), progress=progress).lock()

        self._busy = True
        self._update()
        BackgroundOp(self, op=op, success=self._changed).in_pool(pools.keystore()).failure(self._failed) \
            .with_progress(self.tr("Re-sealing the keys under the new password…")).run()

    def _changed(self, _result) -> None:
        self.context.session.lock()  # its master key is gone with the old password
        seams.info(self.parentWidget(), self.tr("Licence password"), self.tr("The licence password was changed."))
        if shiboken6.isValid(self):
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        errors.show(self if shiboken6.isValid(self) else None, exc)
        if shiboken6.isValid(self):
            self._busy = False
            self.old.selectAll()
            self.old.setFocus()
            self._update()
