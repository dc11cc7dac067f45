"""The picture on the Scan page: a live frame or a still image, with the found codes outlined."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

OUTLINE = QColor(7, 193, 96)  # the green phones use for "found"


class ScanView(QWidget):
    """Paints the newest image scaled to fit, and outlines in image coordinates on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanView")
        self.setMinimumSize(QSize(320, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.setAutoFillBackground(True)
        self.image = QImage()
        self.outlines: list[QPolygonF] = []
        self.placeholder = ""

    def show_image(self, image: QImage, outlines: Sequence[Sequence[tuple[float, float]]] = ()) -> None:
        self.image = image
        self.outlines = [QPolygonF([QPointF(x, y) for x, y in points]) for points in outlines if points]
        self.update()

    def set_outlines(self, outlines: Sequence[Sequence[tuple[float, float]]]) -> None:
        self.show_image(self.image, outlines)

    def clear(self, placeholder: str = "") -> None:
        self.image, self.outlines, self.placeholder = QImage(), [], placeholder
        self.update()

    def image_rect(self) -> QRectF:
        """Where the image is drawn in the widget (kept in proportion, centred)."""
        if self.image.isNull():
            return QRectF()
        size = QSize(self.image.size()).scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                      size.width(), size.height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        painter = QPainter(self)
        if self.image.isNull():
            if self.placeholder:
                painter.setPen(self.palette().color(QPalette.ColorRole.BrightText))
                painter.drawText(self.rect().adjusted(24, 24, -24, -24),
                                 Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            return
        target = self.image_rect()
        painter.drawImage(target, self.image)
        if not self.outlines:
            return
        scale = target.width() / self.image.width()
        painter.translate(target.topLeft())
        painter.scale(scale, scale)
        pen = QPen(OUTLINE, 4 / scale)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for polygon in self.outlines:
            painter.drawPolygon(polygon)
