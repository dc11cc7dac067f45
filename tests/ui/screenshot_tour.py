"""Run as a separate process on an Xvfb display by tests/ui/test_screenshots.py:

    python screenshot_tour.py OUT_DIR SCHEME [LANGUAGE]    # light | dark; zh_CN (default) | en

The real main window on the real embedded service of ``EBID_HOME`` (prepared by the test: a
licence password and a downloaded DEMO licence), shown on every page and with the main
dialogs open; each grabbed from the X screen into ``OUT_DIR/<scheme>-<WxH>-<name>.png``. For
each shot, ``OUT_DIR/report-<scheme>-<WxH>.json`` lists the texts drawn clipped or elided
without a tooltip (:func:`clipped`) and whether the window fits the screen.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyle,
    QTabBar,
    QWidget,
)

SLACK = 2  # pixels of rounding between a size hint and the size given


def _wait(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0 and not widget.visibleRegion().isEmpty()


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '-'}"


def _tipped(widget: QWidget) -> bool:
    return bool(widget.toolTip())


def _view_cells(view: QAbstractItemView) -> list[str]:
    """Cells whose text is wider than their column, with no tooltip to read it in full."""
    found: list[str] = []
    model = view.model()
    if model is None:
        return found
    metrics = view.fontMetrics()
    # What the delegate keeps free either side of the text (QCommonStyle's item view text margin).
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)

    def columns(parent: QModelIndex) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a flat list model: one column, its counts not exposed to Python
            return 0 if parent.isValid() else 1

    def visit(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), 50)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if not isinstance(text, str) or not text or "\n" in text:
                    continue
                rect = view.visualRect(index)
                if rect.width() <= 0 or not view.viewport().rect().intersects(rect):
                    continue
                icon = 20 if index.data(Qt.ItemDataRole.DecorationRole) is not None else 0
                needed = metrics.horizontalAdvance(text) + icon + margin
                if needed > rect.width() + SLACK and not index.data(Qt.ItemDataRole.ToolTipRole):
                    found.append(f"{_name(view)} cell {row},{column}: {text}")
            child = model.index(row, 0, parent)
            if depth < 2 and columns(child) and model.rowCount(child):
                visit(child, depth + 1)

    visit(QModelIndex(), 0)
    return found


def _header_sections(header: QHeaderView) -> list[str]:
    found = []
    model = header.model()
    if model is None or not header.isVisible():
        return found
    metrics = header.fontMetrics()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if isinstance(text, str) and text and metrics.horizontalAdvance(text) + 16 > header.sectionSize(section) + SLACK:
            found.append(f"{_name(header)} section {section}: {text}")
    return found


def clipped(root: QWidget) -> list[str]:
    """Texts under ``root`` that do not fit the room they are given and have no tooltip."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull() and not _tipped(widget):
            if widget.wordWrap():
                if widget.height() + SLACK < widget.heightForWidth(widget.width()):
                    found.append(f"{_name(widget)}: {widget.text()[:60]}")
            elif widget.width() + SLACK < widget.minimumSizeHint().width():
                found.append(f"{_name(widget)}: {widget.text()[:60]}")
        elif isinstance(widget, QAbstractButton) and widget.text() and not _tipped(widget):
            hint = widget.sizeHint()
            if widget.width() + SLACK < hint.width() or widget.height() + SLACK < widget.minimumSizeHint().height():
                found.append(f"{_name(widget)}: {widget.text()}")
        elif isinstance(widget, QLineEdit) and widget.isReadOnly() and widget.text() and not _tipped(widget):
            if widget.fontMetrics().horizontalAdvance(widget.text()) + 16 > widget.width():
                found.append(f"{_name(widget)}: {widget.text()[:60]}")
        elif isinstance(widget, QComboBox) and widget.currentText() and not _tipped(widget):
            if widget.fontMetrics().horizontalAdvance(widget.currentText()) + 40 > widget.width() + SLACK:
                found.append(f"{_name(widget)}: {widget.currentText()}")
        elif isinstance(widget, QHeaderView):
            found += _header_sections(widget)
        elif isinstance(widget, QAbstractItemView):
            found += _view_cells(widget)
    return found


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def clashing_mnemonics(root: QWidget) -> list[str]:
    """Alt+letter shortcuts given to more than one visible control: only the first would work."""
    owners: dict[str, list[str]] = {}
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():  # scrolled out of view, its shortcut still works
            continue
        texts = []
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(QGroupBox.title(widget))
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            if (letter := _mnemonic(text)) is not None:
                owners.setdefault(letter, []).append(text)
    return [f"Alt+{letter}: {' / '.join(texts)}" for letter, texts in sorted(owners.items()) if len(texts) > 1]


def texts(root: QWidget) -> list[str]:
    """Every text the user can read under ``root``: labels, buttons, titles, tabs, headers, cells,
    tooltips, placeholders."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        found.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        elif isinstance(widget, QLineEdit):
            found += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QGroupBox):
            found.append(QGroupBox.title(widget))  # a subclass may name its own title() otherwise
        elif isinstance(widget, QTabBar):
            found += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            found += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(_columns(model))]
            found += [str(model.index(r, c).data() or "") for r in range(min(model.rowCount(), 50))
                      for c in range(_columns(model))]
    if root.isWindow():
        found.append(root.windowTitle())
    return [text for text in dict.fromkeys(found) if text and text.strip()]


def _columns(model) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a flat list model
        return 1


def fits(widget: QWidget) -> bool:
    screen = widget.screen().availableGeometry()
    frame = widget.frameGeometry()
    return frame.width() <= screen.width() and frame.height() <= screen.height()


class Tour:
    def __init__(self, out: Path, scheme: str, language: str) -> None:
        self.out, self.scheme, self.language = out, scheme, language
        self.report: dict[str, dict] = {}
        self.names: set[str] = set()  # what the keystore and the service hold: not UI text
        self.app = QApplication.instance()

    @property
    def size(self) -> str:
        geometry = self.app.primaryScreen().geometry()
        return f"{geometry.width()}x{geometry.height()}"

    def shot(self, name: str, widget: QWidget) -> None:
        _wait(0.4)
        path = self.out / f"{self.scheme}-{self.size}-{name}.png"
        if not self.app.primaryScreen().grabWindow(0).save(str(path)):
            raise SystemExit(f"could not save {path}")
        self.report[name] = {"clipped": clipped(widget), "fits": fits(widget.window()),
                             "mnemonics": clashing_mnemonics(widget.window()),
                             "texts": texts(widget.window())}

    def save(self) -> None:
        (self.out / f"report-{self.scheme}-{self.size}.json").write_text(
            json.dumps(self.report, ensure_ascii=False, indent=1), encoding="utf-8")
        (self.out / "names.json").write_text(json.dumps(sorted(self.names), ensure_ascii=False),
                                             encoding="utf-8")

    def learn_names(self, context) -> None:
        from app.ui import i18n

        for info in context.keystore.list_licences():
            self.names |= {info.enterprise_name, info.holder_name}
        for project in context.projects.projects:
            self.names |= {project.name, project.tenderee}
        self.names |= set(i18n.LANGUAGES.values())


def _title(tour: Tour, window) -> None:
    """The product name drawn on its own with the font and colours the home page uses for it, for
    the test to find in the home page's screenshot: proof that the page shows real Chinese glyphs."""
    label = window.findChild(QLabel, "productName")
    metrics = QFontMetrics(label.font())
    rect = metrics.boundingRect(label.text()).adjusted(-2, -2, 2, 2)
    image = QImage(rect.size(), QImage.Format.Format_RGB32)
    image.fill(label.palette().color(QPalette.ColorRole.Base))  # the hero card's background
    painter = QPainter(image)
    painter.setFont(label.font())
    painter.setPen(label.palette().color(QPalette.ColorRole.WindowText))
    painter.drawText(QRect(0, 0, rect.width(), rect.height()), Qt.AlignmentFlag.AlignCenter, label.text())
    painter.end()
    image.save(str(tour.out / f"title-{tour.scheme}-{tour.size}.png"))


def _dialogs(tour: Tour, window) -> None:
    from app.ui import seams

    password = QInputDialog(window)  # as seams.ask_password builds it
    password.setWindowTitle(QApplication.translate("UnlockedOp", "Licence password"))
    password.setLabelText(QApplication.translate("UnlockedOp", "Enter the licence password to {purpose}:").format(
        purpose=QApplication.translate("BidActions", "sign the bid files")))
    password.setTextEchoMode(QLineEdit.EchoMode.Password)
    password.show()
    tour.shot("dialog-password", password)
    password.close()
    english = tour.language == "en"
    boxes = [  # sample messages of the length and kind the pages show
        ("dialog-info", QMessageBox.Icon.Information,
         "3 files encrypted, saved in Documents/Bids." if english else "已加密 3 个文件，保存在 文档/投标文件。"),
        ("dialog-warning", QMessageBox.Icon.Warning,
         "Project ZB-2026-001 is closed: no more bid files can be encrypted for it." if english
         else "项目 ZB-2026-001 已截止，不能再加密投标文件。"),
        ("dialog-question", QMessageBox.Icon.Question,
         "Encryption is running. Quit anyway?" if english else "加密进行中，确定退出？"),
        ("dialog-critical", QMessageBox.Icon.Critical,
         "Decryption failed: no key on this device opens the file." if english
         else "解密失败：此设备没有能打开该文件的密钥。"),
    ]
    for name, icon, text in boxes:
        box = seams.message_box(window, icon, window.tr("EBid Desk"), text)
        box.show()
        tour.shot(name, box)
        box.close()


def main(argv: list[str]) -> int:
    out, scheme = Path(argv[1]), argv[2]
    language = argv[3] if len(argv) > 3 else "zh_CN"
    from app.ui import appearance, i18n, settings
    from app.ui.application import create_application

    app = create_application(argv[:1])
    settings.APPEARANCE.set(scheme)
    appearance.apply(app)
    settings.LANGUAGE.set(language)
    i18n.install(app, language)
    from app.ui.context import from_settings
    from app.ui.main_window import MainWindow

    context = from_settings()
    window = MainWindow(context)
    window.show()
    context.connect_service(window)
    _wait(3.0)  # the embedded service starts and the pages fill in
    tour = Tour(out, scheme, language)
    for spec in window.specs:
        window.show_page(spec.page_id)
        _wait(1.5)
        tour.shot(spec.page_id, window)
    window.show_page("home")
    _wait(0.5)
    _title(tour, window)
    _dialogs(tour, window)
    tour.learn_names(context)
    tour.save()
    context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
