"""The main window: a navigation sidebar and one page per feature (added as features land)."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.resources import resource_path
from . import seams, settings, theme
from .context import AppContext
from .keys.notices import KeyNotices
from .lock_state import LockButton
from .operations import BackgroundOp
from .page import Page


@dataclass(frozen=True)
class PageSpec:
    """A sidebar entry known without importing its page (pages import heavy core modules)."""

    module: str
    class_name: str
    page_id: str
    icon: str
    title: str  # English source; translated in the page class's own context, as its tr() is

    @property
    def qualified(self) -> str:
        return f"{__package__}.{self.module}"

    def load(self) -> type[Page]:
        return getattr(importlib.import_module(self.qualified), self.class_name)

    def exists(self) -> bool:
        return importlib.util.find_spec(self.qualified) is not None


# Sidebar order. A page module exists only once its feature works; absent modules are skipped.
PAGES = [
    PageSpec("home.page", "HomePage", "home", "home", QT_TRANSLATE_NOOP("HomePage", "Home")),
    PageSpec("scan.page", "ScanPage", "scan", "scan", QT_TRANSLATE_NOOP("ScanPage", "Scan")),
    PageSpec("licences.page", "LicencesPage", "licences", "licence", QT_TRANSLATE_NOOP("LicencesPage", "Licences")),
    PageSpec("bids.page", "BidsPage", "bids", "bid", QT_TRANSLATE_NOOP("BidsPage", "Bid files")),
    PageSpec("seals.page", "SealsPage", "seals", "seal", QT_TRANSLATE_NOOP("SealsPage", "Seals")),
    PageSpec("keys.page", "KeysPage", "keys", "key", QT_TRANSLATE_NOOP("KeysPage", "Keys")),
    PageSpec("settings_page", "SettingsPage", "settings", "settings", QT_TRANSLATE_NOOP("SettingsPage", "Settings")),
]


NEWS_MS = 30_000
PAGE_MARGIN = 24  # long enough to be read on return to the window


def available_pages() -> list[PageSpec]:
    return [spec for spec in PAGES if spec.exists()]


class MainWindow(QMainWindow):
    def __init__(self, context: Optional[AppContext] = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context or AppContext()
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QFrame(central)
        side.setObjectName("sideBar")
        side.setFixedWidth(196)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 14, 0, 10)
        side_layout.addLayout(self._brand(side))
        self.sidebar = QListWidget(side)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        side_layout.addWidget(self.sidebar, 1)
        content = QVBoxLayout()
        content.setContentsMargins(PAGE_MARGIN, 14, PAGE_MARGIN, 0)
        content.setSpacing(6)
        self.page_title = QLabel(central)
        self.page_title.setObjectName("pageTitle")
        self.page_title.setProperty("role", "title")
        self.stack = QStackedWidget(central)
        self.stack.setObjectName("pages")
        content.addWidget(self.page_title)
        content.addWidget(self.stack, 1)
        layout.addWidget(side)
        layout.addLayout(content, 1)
        self.setCentralWidget(central)
        self.specs = available_pages()
        self._built: dict[int, Page] = {}
        for spec in self.specs:  # placeholders: a page is built when first shown
            self.stack.addWidget(QWidget(self.stack))
            self.sidebar.addItem(QListWidgetItem(theme.icon(spec.icon), self._title(spec)))
        self.sidebar.currentRowChanged.connect(self._activate)
        self.sidebar.currentRowChanged.connect(self._remember_page)
        self._stopping = False  # the user chose to quit; running work is being cancelled
        self._terminating = False  # a termination signal: quit the application once closed
        self.context.projects.follow(self, news=self.show_news)
        self.lock_button = LockButton(self.context.session, self)
        self.statusBar().addPermanentWidget(self.lock_button)
        self.key_notices = KeyNotices(self.context, self)
        self.key_notices.news.connect(self.show_news)
        self.key_notices.counted.connect(lambda _: self.retranslate())
        self._fit_to_screen()
        self._restore()
        self.retranslate()

    def _scrolled(self, page: Page) -> QScrollArea:
        """A page taller than a small laptop screen scrolls instead of squeezing its rows."""
        area = QScrollArea(self.stack)
        area.setObjectName("pageScroll")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(page)
        return area

    def _fit_to_screen(self) -> None:
        """A first start: a comfortable size that still fits a 1366×768 laptop with its taskbar."""
        screen = self.screen().availableGeometry()
        self.resize(min(1180, screen.width() - 40), min(760, screen.height() - 60))

    def _brand(self, parent: QWidget) -> QHBoxLayout:
        """The product's mark and name at the top of the sidebar."""
        self.brand_icon = QLabel(parent)
        self.brand_icon.setPixmap(QIcon(str(resource_path("icons", "ebid-desk.svg"))).pixmap(QSize(32, 32)))
        self.brand = QLabel(parent)
        self.brand.setObjectName("brand")
        row = QHBoxLayout()
        row.setContentsMargins(16, 0, 12, 12)
        row.setSpacing(8)
        row.addWidget(self.brand_icon)
        row.addWidget(self.brand, 1)
        return row

    @staticmethod
    def _title(spec: PageSpec) -> str:
        return QCoreApplication.translate(spec.class_name, spec.title)

    def page(self, row: int) -> Page:
        """The page in ``row``, built (and its module imported) on first use."""
        if row not in self._built:
            page = self.specs[row].load()(self.context, self)
            placeholder = self.stack.widget(row)
            if page.layout() is not None:  # the window's frame gives the page its margin
                page.layout().setContentsMargins(0, 0, 0, PAGE_MARGIN // 2)
            self.stack.insertWidget(row, self._scrolled(page))
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[row] = page
        return self._built[row]

    @property
    def pages(self) -> list[Page]:
        return [self.page(row) for row in range(len(self.specs))]

    def _activate(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self.page(row)
            self.stack.setCurrentIndex(row)
            self._show_title()

    def _show_title(self) -> None:
        row = self.stack.currentIndex()
        if 0 <= row < len(self.specs):
            self.page_title.setVisible(self.specs[row].page_id != "home")  # home has its own header
            self.page_title.setText(self._built[row].title() if row in self._built else self._title(self.specs[row]))

    def show_page(self, page_id: str) -> None:
        for row, spec in enumerate(self.specs):
            if spec.page_id == page_id:
                self.sidebar.setCurrentRow(row)
                return

    def show_news(self, text: str) -> None:
        """What changed at the platform while the user was here (a published project, …)."""
        self.statusBar().showMessage(text, NEWS_MS)

    def current_page(self) -> Page:
        return self.page(self.stack.currentIndex())

    def preload_pages(self) -> None:
        """After start-up: import the page modules off the GUI thread, then build the pages one
        per event-loop turn, so the first visit to a page is instant and start-up stays short."""

        def imported(_: object) -> None:
            for row in range(len(self.specs)):
                QTimer.singleShot(0, lambda row=row: self.page(row))  # noqa: B023 (bound by default)

        modules = [spec.qualified for spec in self.specs]
        BackgroundOp(self, op=lambda p, c: [importlib.import_module(m) for m in modules], success=imported).run()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("EBid Desk"))
        self.brand.setText(self.tr("EBid Desk"))
        self.sidebar.setAccessibleName(self.tr("Navigation"))
        waiting = len(self.key_notices.waiting)
        for row, spec in enumerate(self.specs):
            title = self._built[row].title() if row in self._built else self._title(spec)
            if spec.page_id == "keys" and waiting:
                title = self.tr("{title} ({n})").format(title=title, n=waiting)  # messages waiting there
            self.sidebar.item(row).setText(title)
        self._show_title()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            for row, spec in enumerate(self.specs):  # re-tint icons for a dark/light switch
                self.sidebar.item(row).setIcon(theme.icon(spec.icon))
        super().changeEvent(event)

    def _remember_page(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            settings.LAST_PAGE.set(self.specs[row].page_id)

    def _restore(self) -> None:
        geometry = settings.WINDOW_GEOMETRY.get()
        if geometry:
            self.restoreGeometry(geometry)
        last = settings.LAST_PAGE.get()
        self.sidebar.setCurrentRow(0)
        self.show_page(last)

    def closeEvent(self, event) -> None:  # noqa: N802
        busy = [(page, question) for page in self._built.values() if (question := page.quit_question())]
        if busy:  # ask; on Yes cancel, and close once every page's work has cleaned up
            event.ignore()
            if self._stopping or not seams.confirm(self, self.tr("Quit EBid Desk"), busy[0][1]):
                return
            self._stopping = True
            for page, _ in busy:
                page.stop_work(self._work_stopped)
            return
        settings.WINDOW_GEOMETRY.set(self.saveGeometry())
        super().closeEvent(event)
        if self._terminating:
            QTimer.singleShot(0, QCoreApplication.quit)

    def stop_now(self, _signum: int = 0) -> None:
        """A termination signal: cancel running work without asking, close once it cleaned up,
        and quit even if a dialog (the first-run guide, a question) is still open."""
        self._terminating = True
        busy = [page for page in self._built.values() if page.quit_question()]
        if not busy:
            self.close()
            return
        if not self._stopping:
            self._stopping = True
            for page in busy:
                page.stop_work(self._work_stopped)

    def _work_stopped(self) -> None:
        if not any(page.quit_question() for page in self._built.values()):
            QTimer.singleShot(0, self, self.close)  # not from inside the close event that started it
