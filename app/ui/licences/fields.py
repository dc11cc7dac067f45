"""The new-password form the licence dialogs share: the password, its strength meter with
:func:`app.core.password_strength.assess`'s problems, and a confirmation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from ...core.password_strength import assess

# The English templates of app.core.password_strength, for lupdate (context "password").
PROBLEMS = [
    QT_TRANSLATE_NOOP("password", "Use at least 8 characters"),
    QT_TRANSLATE_NOOP("password", "Do not use your name, ID number or phone number"),
    QT_TRANSLATE_NOOP("password", "Too easy to guess: add words or characters that are not common patterns"),
]
# A core template tools/i18n.py does not collect (it starts with a placeholder).
QT_TRANSLATE_NOOP("errors", "{number} is not a mainland mobile number (11 digits starting 13-19)")


def tr(text: str) -> str:
    return QCoreApplication.translate("password", text)


def strength_names() -> list[str]:
    return [QCoreApplication.translate("password", "Very weak"), QCoreApplication.translate("password", "Weak"), QCoreApplication.translate("password", "Fair"), QCoreApplication.translate("password", "Strong"), QCoreApplication.translate("password", "Very strong")]


class NewPasswordForm(QWidget):
    """New password + strength meter + problems + confirmation; ``password()`` once acceptable."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, personal: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.personal = personal
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.new = QLineEdit(self)
        self.new.setObjectName("newPassword")
        self.new.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar(self)
        self.meter.setObjectName("strengthMeter")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(True)
        self.problems = QLabel(self)
        self.problems.setObjectName("passwordProblems")
        self.problems.setWordWrap(True)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirmPassword")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.mismatch = QLabel(self)
        self.new_label, self.confirm_label, self.meter_label = QLabel(self), QLabel(self), QLabel(self)
        self.new_label.setBuddy(self.new)
        self.confirm_label.setBuddy(self.confirm)
        form.addRow(self.new_label, self.new)
        form.addRow(self.meter_label, self.meter)
        form.addRow("", self.problems)
        form.addRow(self.confirm_label, self.confirm)
        form.addRow("", self.mismatch)
        self.new.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_label.setText(QCoreApplication.translate("password", "&New licence password:"))
        self.confirm_label.setText(QCoreApplication.translate("password", "&Repeat it:"))
        self.meter_label.setText(QCoreApplication.translate("password", "Strength:"))
        self.new.setAccessibleName(QCoreApplication.translate("password", "New licence password"))
        self.confirm.setAccessibleName(QCoreApplication.translate("password", "Repeat the new licence password"))
        self.meter.setAccessibleName(QCoreApplication.translate("password", "Password strength"))
        self._update()

    def _update(self) -> None:
        text = self.new.text()
        strength = assess(text, personal=self.personal)
        self.meter.setValue(strength.score if text else 0)
        self.meter.setFormat(strength_names()[strength.score] if text else "")
        self.problems.setText("\n".join(tr(p) for p in strength.problems) if text else "")
        self._acceptable = strength.acceptable
        differs = bool(self.confirm.text()) and self.confirm.text() != text
        self.mismatch.setText(QCoreApplication.translate("password", "The two passwords differ") if differs else "")
        self.mismatch.setVisible(differs)
        self.changed.emit()

    def password(self) -> str | None:
        """The new password when it is acceptable and confirmed, else None."""
        text = self.new.text()
        return text if self._acceptable and text == self.confirm.text() else None
