"""Graphics items of the crop view: a crop rectangle and a round/oval guide, both with handles.

Both are :class:`HandleBox` items: a rectangle in scene coordinates (the turned proxy photo's
pixels) that the user moves by dragging inside and resizes by its eight handles. They report
``drag_started``, ``changing`` while dragged and ``changed`` on release; the view turns those into
fractions for the :class:`EditState`. Lines use the palette's highlight colour.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QGuiApplication, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QGraphicsObject, QGraphicsSceneMouseEvent

HANDLE_PX = 9  # handle size on screen, whatever the zoom
MIN_SIDE = 8.0  # scene pixels

# Handles by (x, y) position along the box: 0 = left/top, 1 = middle, 2 = right/bottom.
_HANDLES = [(0, 0), (1, 0), (2, 0), (0, 1), (2, 1), (0, 2), (1, 2), (2, 2)]


def _colour(role: QPalette.ColorRole):
    return QGuiApplication.palette().color(role)


def bgr_to_qimage(image: np.ndarray) -> QImage:
    """A deep copy as a QImage: BGR → RGB888 order handled by Format_BGR888, BGRA → ARGB32."""
    image = np.ascontiguousarray(image)
    h, w = image.shape[:2]
    fmt = QImage.Format.Format_ARGB32 if image.shape[2] == 4 else QImage.Format.Format_BGR888
    return QImage(image.data, w, h, image.strides[0], fmt).copy()


class HandleBox(QGraphicsObject):
    drag_started = Signal()
    changing = Signal(QRectF)
    changed = Signal(QRectF)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rect = QRectF(0, 0, 100, 100)
        self._grab: tuple[int, int] | None = None  # handle, or (1, 1) = move
        self._press = QPointF()
        self._start = QRectF()
        self.setAcceptHoverEvents(True)
        self.setZValue(2)

    # -- geometry --------------------------------------------------------------------------------

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = rect.normalized()
        self.update()

    def _handle_size(self) -> float:
        views = self.scene().views() if self.scene() else []
        scale = views[0].transform().m11() if views else 1.0
        return HANDLE_PX / max(scale, 1e-6)

    def _handle_rect(self, hx: int, hy: int) -> QRectF:
        s = self._handle_size()
        r = self._rect
        x = r.left() + r.width() * hx / 2
        y = r.top() + r.height() * hy / 2
        return QRectF(x - s / 2, y - s / 2, s, s)

    def boundingRect(self) -> QRectF:
        s = self._handle_size()
        return self._rect.adjusted(-s, -s, s, s)

    # -- painting --------------------------------------------------------------------------------

    def paint_shape(self, painter: QPainter) -> None:
        raise NotImplementedError

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pen = QPen(_colour(QPalette.ColorRole.Highlight), 0)  # cosmetic: one screen pixel wide
        pen.setCosmetic(True)
        pen.setWidthF(1.5)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        self.paint_shape(painter)
        painter.setBrush(QBrush(_colour(QPalette.ColorRole.Base)))
        for hx, hy in _HANDLES:
            painter.drawRect(self._handle_rect(hx, hy))

    # -- mouse -----------------------------------------------------------------------------------

    def _hit(self, pos: QPointF) -> tuple[int, int] | None:
        for hx, hy in _HANDLES:
            if self._handle_rect(hx, hy).contains(pos):
                return (hx, hy)
        return (1, 1) if self._rect.contains(pos) else None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._grab = self._hit(event.pos())
        if self._grab is None:
            event.ignore()
            return
        self._press, self._start = event.pos(), QRectF(self._rect)
        self.drag_started.emit()
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._grab is None:
            return
        self.set_rect(self.dragged(self._grab, event.pos() - self._press))
        self.changing.emit(self.rect())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._grab is not None:
            self._grab = None
            self.changed.emit(self.rect())

    def dragged(self, grab: tuple[int, int], delta: QPointF) -> QRectF:
        """The start rectangle moved (grab = (1, 1)) or resized by one handle."""
        r = QRectF(self._start)
        if grab == (1, 1):
            return r.translated(delta)
        hx, hy = grab
        if hx == 0:
            r.setLeft(min(r.left() + delta.x(), r.right() - MIN_SIDE))
        elif hx == 2:
            r.setRight(max(r.right() + delta.x(), r.left() + MIN_SIDE))
        if hy == 0:
            r.setTop(min(r.top() + delta.y(), r.bottom() - MIN_SIDE))
        elif hy == 2:
            r.setBottom(max(r.bottom() + delta.y(), r.top() + MIN_SIDE))
        return r

    def hoverMoveEvent(self, event) -> None:
        grab = self._hit(event.pos())
        shapes = {(0, 0): Qt.CursorShape.SizeFDiagCursor, (2, 2): Qt.CursorShape.SizeFDiagCursor,
                  (2, 0): Qt.CursorShape.SizeBDiagCursor, (0, 2): Qt.CursorShape.SizeBDiagCursor,
                  (1, 0): Qt.CursorShape.SizeVerCursor, (1, 2): Qt.CursorShape.SizeVerCursor,
                  (0, 1): Qt.CursorShape.SizeHorCursor, (2, 1): Qt.CursorShape.SizeHorCursor,
                  (1, 1): Qt.CursorShape.SizeAllCursor}
        self.setCursor(shapes.get(grab, Qt.CursorShape.ArrowCursor))


class CropItem(HandleBox):
    """The crop rectangle; everything else in ``area`` (the padded photo) is dimmed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._area = QRectF()

    def set_area(self, area: QRectF) -> None:
        self.prepareGeometryChange()
        self._area = QRectF(area)

    def paint_shape(self, painter: QPainter) -> None:
        outside = QPainterPath()
        outside.addRect(self._area)
        inner = QPainterPath()
        inner.addRect(self._rect)
        shade = _colour(QPalette.ColorRole.Shadow)
        shade.setAlpha(110)
        painter.fillPath(outside.subtracted(inner), shade)
        painter.drawRect(self._rect)

    def boundingRect(self) -> QRectF:
        return super().boundingRect().united(self._area)


class GuideItem(HandleBox):
    """The round/oval guide: an ellipse (turned by ``angle`` degrees) inside its box."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.angle = 0.0
        self.setZValue(3)

    def paint_shape(self, painter: QPainter) -> None:
        c = self._rect.center()
        painter.save()
        painter.translate(c)
        painter.rotate(self.angle)
        painter.drawEllipse(QRectF(-self._rect.width() / 2, -self._rect.height() / 2,
                                   self._rect.width(), self._rect.height()))
        painter.restore()
        pen = painter.pen()
        pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawRect(self._rect)
        pen.setStyle(Qt.PenStyle.SolidLine)
        painter.setPen(pen)
