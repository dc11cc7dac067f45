"""The main window: a navigation sidebar and one page per feature (added as features land)."""

from __future__ import annotations

import importlib
from typing import Optional

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from . import settings, theme
from .context import AppContext
from .pages.base import Page

# Sidebar order. A page module exists only once its feature works; absent modules are skipped.
PAGE_MODULES = [
    ("home", "HomePage"),
    ("licences", "LicencesPage"),
    ("bids", "BidsPage"),
    ("seals", "SealsPage"),
    ("settings_page", "SettingsPage"),
]


def page_classes() -> list[type[Page]]:
    classes = []
    for module_name, class_name in PAGE_MODULES:
        qualified = f"{__package__}.pages.{module_name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as exc:
            if exc.name != qualified:
                raise
            continue
        classes.append(getattr(module, class_name))
    return classes


class MainWindow(QMainWindow):
    def __init__(self, context: Optional[AppContext] = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context or AppContext()
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sidebar = QListWidget(central)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(24, 24))
        self.sidebar.setFixedWidth(180)
        self.stack = QStackedWidget(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.pages: list[Page] = []
        for page_class in page_classes():
            self.add_page(page_class(self.context, self))
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.currentRowChanged.connect(self._remember_page)
        self.resize(1024, 680)
        self._restore()
        self.retranslate()

    def add_page(self, page: Page) -> None:
        self.pages.append(page)
        self.stack.addWidget(page)
        item = QListWidgetItem(theme.icon(page.icon_name), page.title())
        self.sidebar.addItem(item)

    def show_page(self, page_id: str) -> None:
        for row, page in enumerate(self.pages):
            if page.page_id == page_id:
                self.sidebar.setCurrentRow(row)
                return

    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("EBid Desk"))
        self.sidebar.setAccessibleName(self.tr("Navigation"))
        for row, page in enumerate(self.pages):
            self.sidebar.item(row).setText(page.title())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            for row, page in enumerate(self.pages):  # re-tint icons for a dark/light switch
                self.sidebar.item(row).setIcon(theme.icon(page.icon_name))
        super().changeEvent(event)

    def _remember_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            settings.LAST_PAGE.set(self.pages[row].page_id)

    def _restore(self) -> None:
        geometry = settings.WINDOW_GEOMETRY.get()
        if geometry:
            self.restoreGeometry(geometry)
        last = settings.LAST_PAGE.get()
        self.sidebar.setCurrentRow(0)
        self.show_page(last)

    def closeEvent(self, event) -> None:  # noqa: N802
        settings.WINDOW_GEOMETRY.set(self.saveGeometry())
        super().closeEvent(event)
