"""Run as a separate process by tests/ui/test_screenshots.py (no application, no translators):

    python screenshot_helper.py glyphs TEXT           # how many distinct glyph images TEXT's characters give

With no CJK font every Chinese character is drawn as the same "missing glyph" box, so ``glyphs``
prints 1; with one, it prints the number of different characters.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QImage, QPainter, QPalette


def _image_of(text: str, font: QFont) -> QImage:
    metrics = QFontMetrics(font)
    rect = metrics.boundingRect(text).adjusted(-2, -2, 2, 2)
    image = QImage(rect.size(), QImage.Format.Format_RGB32)
    palette = QGuiApplication.palette()
    image.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.WindowText))
    painter.drawText(QRect(0, 0, rect.width(), rect.height()), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def _title_font() -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(20)
    font.setBold(True)
    return font


def main(argv: list[str]) -> int:
    _app = QGuiApplication(argv[:1])
    command = argv[1]
    if command == "glyphs":
        images = {bytes(_image_of(ch, _title_font()).constBits()) for ch in dict.fromkeys(argv[2])}
        print(len(images))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
