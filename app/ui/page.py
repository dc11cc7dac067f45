"""What every page offers the main window: an id, a title, and live retranslation (the icon is the page spec's)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from .context import AppContext


class Page(QWidget):
    """A sidebar page. Subclasses take ``(context, parent)`` and set every text in ``retranslate``."""

    page_id = ""

    def __init__(self, context: "AppContext", parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.context = context

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every user-visible text; called at construction and on a language change."""

    def quit_question(self) -> Optional[str]:
        """While work that quitting would drop runs on this page: the question to ask before the
        window closes ("… Quit anyway?"); otherwise None."""
        return None

    def stop_work(self, stopped: Callable[[], None]) -> None:
        """Cancel that work; call ``stopped`` once it has stopped and cleaned up after itself."""
        stopped()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
