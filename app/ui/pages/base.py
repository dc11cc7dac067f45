"""What every page offers the main window: an id, an icon, a title, and live retranslation."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget


class Page(QWidget):
    page_id = ""
    icon_name = ""

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every user-visible text; called at construction and on a language change."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
