"""The main window. Pages (licences, bid files, seals, scan, keys) arrive with their features."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from .. import __version__


class StartPage(QWidget):
    """An honest start page: product name, version, and what it is for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("EBid Desk"), self)
        title.setObjectName("productName")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        version = QLabel(self.tr("Version {version}").format(version=__version__), self)
        version.setObjectName("productVersion")
        blurb = QLabel(
            self.tr("Electronic business licence wallet, seals and bid-file encryption for e-bidding."),
            self,
        )
        blurb.setWordWrap(True)
        for label in (title, version, blurb):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(2)
        title.setAccessibleName(title.text())
        version.setAccessibleName(version.text())


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("EBid Desk"))
        self.setCentralWidget(StartPage(self))
        self.resize(960, 640)
        self._restore_geometry()

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry", type=bytes)
        if geometry:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
