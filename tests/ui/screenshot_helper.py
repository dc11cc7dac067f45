"""Run as a separate process on the Xvfb display of tests/ui/test_screenshots.py.

    python screenshot_helper.py grab OUT.png          # the whole screen, as Qt sees it
    python screenshot_helper.py title OUT.png TEXT    # TEXT drawn like the home page's product name
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
    font = QFont(QGuiApplication.font())  # as app/ui/home/page.py draws the product name
    font.setPointSizeF(font.pointSizeF() * 2.2)
    font.setBold(True)
    return font


def main(argv: list[str]) -> int:
    app = QGuiApplication(argv[:1])
    command = argv[1]
    if command == "grab":
        ok = app.primaryScreen().grabWindow(0).save(argv[2])
        return 0 if ok else 1
    if command == "title":
        return 0 if _image_of(argv[3], _title_font()).save(argv[2]) else 1
    if command == "glyphs":
        images = {bytes(_image_of(ch, _title_font()).constBits()) for ch in dict.fromkeys(argv[2])}
        print(len(images))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
