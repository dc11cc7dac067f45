"""Icons and colours that follow the palette, so dark mode and high DPI work.

Icons are monochrome SVGs in ``app/resources/icons`` drawn with ``currentColor``; they are tinted
with the palette's text colour when loaded and re-tinted when the colour scheme changes.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..core.resources import resource_path


@lru_cache(maxsize=None)
def _svg(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> QIcon:
    return tinted(name, QGuiApplication.palette().color(role))


def tinted(name: str, color: QColor) -> QIcon:
    colour = color.name()
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode()))
    result = QIcon()
    ratio = max(1.0, QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0)
    for size in (16, 20, 24, 32, 48):
        pixmap = QPixmap(QSize(size, size) * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


