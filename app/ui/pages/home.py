"""Home: the product, its version, and (with the licence and bid features) what needs attention."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ... import __version__
from .base import Page


class HomePage(Page):
    page_id = "home"
    icon_name = "home"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("homePage")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.product = QLabel(self)
        self.product.setObjectName("productName")
        font = QFont(self.product.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.product.setFont(font)
        self.version = QLabel(self)
        self.version.setObjectName("productVersion")
        self.blurb = QLabel(self)
        self.blurb.setWordWrap(True)
        for label in (self.product, self.version, self.blurb):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(2)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Home")

    def retranslate(self) -> None:
        self.product.setText(self.tr("EBid Desk"))
        self.version.setText(self.tr("Version {version}").format(version=__version__))
        self.blurb.setText(
            self.tr("Electronic business licence wallet, seals and bid-file encryption for e-bidding.")
        )
        for label in (self.product, self.version):
            label.setAccessibleName(label.text())
