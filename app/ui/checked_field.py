"""A line edit checked as the user types by a core validator (credit code, ID number, mobile),
with the core's reason shown under it. Shared by the licence wizard and the grant forms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QLineEdit

from ..core.errors import EbidError
from . import errors


class CheckedField(QObject):
    """Validates ``edit`` on every change with a core validator that raises an EbidError.

    An empty field shows no complaint but is not valid; ``value`` is the normalised text."""

    changed = Signal()

    def __init__(self, edit: QLineEdit, message: QLabel, validator: Callable[[str], str]) -> None:
        super().__init__(edit)
        self.edit, self.message, self._validator = edit, message, validator
        self.value: str | None = None
        message.setWordWrap(True)
        edit.textChanged.connect(self._check)
        self._check(edit.text())

    @property
    def valid(self) -> bool:
        return self.value is not None

    def _check(self, text: str) -> None:
        self.value, complaint = None, ""
        if text.strip():
            try:
                self.value = self._validator(text)
            except EbidError as exc:
                complaint = errors.user_message(exc)
        self.message.setText(complaint)
        self.message.setVisible(bool(complaint))
        self.edit.setProperty("invalid", bool(complaint))
        self.changed.emit()
