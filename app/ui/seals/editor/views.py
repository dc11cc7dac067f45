"""The two graphics views: the crop view (photo + crop + guide) and the result preview.

Crop view scene coordinates are the pixels of the turned, straightened proxy photo; the scene is
padded around the photo so the crop can extend beyond it ("zoom out" so the whole imprint fits).
The preview draws the imprint over a checkerboard (the usual sign of transparency) and can show it
at true size, using the screen's physical DPI.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

from ....core.errors import InvalidInput
from ....core.seal.imaging import EditState
from ....core.seal.imaging.export import ink_bounds
from .items import CropItem, GuideItem, bgr_to_qimage
from .preview import Frame

PAD = 0.5  # scene padding around the photo, as a fraction of its size
ZOOM_STEP = 1.25
KEY_STEP = 0.01  # arrow keys move or resize the crop by this fraction of the photo
# Transparency convention, not UI chrome: light and dark grey squares, whatever the palette.
CHECKER_LIGHT, CHECKER_DARK, CHECKER_PX = QColor(236, 236, 236), QColor(196, 196, 196), 8


def checker_brush() -> QBrush:
    tile = QPixmap(2 * CHECKER_PX, 2 * CHECKER_PX)
    tile.fill(CHECKER_LIGHT)
    painter = QPainter(tile)
    painter.fillRect(0, 0, CHECKER_PX, CHECKER_PX, CHECKER_DARK)
    painter.fillRect(CHECKER_PX, CHECKER_PX, CHECKER_PX, CHECKER_PX, CHECKER_DARK)
    painter.end()
    return QBrush(tile)


class _ZoomView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif event.key() == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        else:
            super().keyPressEvent(event)


class CropView(_ZoomView):
    """Emits ``crop_edited(crop, guide, final)`` in EditState fractions while and after a drag."""

    drag_started = Signal()
    crop_edited = Signal(object, object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._photo = QGraphicsPixmapItem()
        self.scene().addItem(self._photo)
        self.crop_item, self.guide_item = CropItem(), GuideItem()
        for item in (self.crop_item, self.guide_item):
            self.scene().addItem(item)
            item.drag_started.connect(self.drag_started)
            item.changing.connect(self._changing)
            item.changed.connect(self._changed)
        self._size = (1, 1)
        self._state: EditState | None = None
        self.frame: Frame | None = None

    def set_frame(self, frame: Frame) -> None:
        h, w = frame.image.shape[:2]
        first = self.frame is None
        self.frame = frame
        self._size = (w, h)
        self._photo.setPixmap(QPixmap.fromImage(bgr_to_qimage(frame.image)))
        area = QRectF(-PAD * w, -PAD * h, (1 + 2 * PAD) * w, (1 + 2 * PAD) * h)
        self.scene().setSceneRect(area)
        self.crop_item.set_area(area)
        if self._state is not None:
            self.set_state(self._state)
        if first:
            self.fit()

    def fit(self) -> None:
        self.fitInView(self.crop_item.rect().adjusted(-40, -40, 40, 40) if self._state and
                       self._state.crop else self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def set_state(self, state: EditState) -> None:
        self._state = state
        w, h = self._size
        x, y, cw, ch = state.crop or (0.0, 0.0, 1.0, 1.0)
        crop = QRectF(x * w, y * h, cw * w, ch * h)
        self.crop_item.set_rect(crop)
        round_ = state.shape in ("round", "oval")
        self.guide_item.setVisible(round_)
        g = state.guide or (0.5, 0.5, 0.5, 0.5, 0.0)
        self.guide_item.angle = g[4]
        self.guide_item.set_rect(QRectF(crop.left() + (g[0] - g[2]) * crop.width(),
                                        crop.top() + (g[1] - g[3]) * crop.height(),
                                        2 * g[2] * crop.width(), 2 * g[3] * crop.height()))

    def fractions(self) -> tuple[tuple, tuple | None]:
        w, h = self._size
        c = self.crop_item.rect()
        crop = (c.x() / w, c.y() / h, c.width() / w, c.height() / h)
        if not self.guide_item.isVisible():
            return crop, self._state.guide if self._state else None
        g = self.guide_item.rect()
        guide = ((g.center().x() - c.left()) / c.width(), (g.center().y() - c.top()) / c.height(),
                 g.width() / 2 / c.width(), g.height() / 2 / c.height(), self.guide_item.angle)
        return crop, guide

    def keyPressEvent(self, event) -> None:
        """Arrow keys move the crop by 1 % of the photo; with Shift they resize it."""
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
                 Qt.Key.Key_Down: (0, 1)}
        step = steps.get(Qt.Key(event.key()))
        if step is None or self._state is None or self.frame is None:
            super().keyPressEvent(event)
            return
        w, h = self._size
        dx, dy = step[0] * KEY_STEP * w, step[1] * KEY_STEP * h
        rect = self.crop_item.rect()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            rect.setRight(max(rect.right() + dx, rect.left() + 8))
            rect.setBottom(max(rect.bottom() + dy, rect.top() + 8))
        else:
            rect.translate(dx, dy)
        self.crop_item.set_rect(rect)
        self.crop_edited.emit(*self.fractions(), True)

    def _changing(self) -> None:
        self.crop_edited.emit(*self.fractions(), False)

    def _changed(self) -> None:
        self.crop_edited.emit(*self.fractions(), True)


class PreviewView(_ZoomView):
    """The rendered imprint over a checkerboard; ``true_size`` scales it to millimetres on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self._checker = checker_brush()
        self.true_size = False
        self._ink_px: tuple[int, int] | None = None
        self._size_mm = (42.0, 42.0)
        self.image: np.ndarray | None = None

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        if not self._item.pixmap().isNull():
            painter.save()
            painter.setWorldMatrixEnabled(False)  # checker squares stay the same size on screen
            painter.fillRect(self.mapFromScene(self._item.sceneBoundingRect()).boundingRect(), self._checker)
            painter.restore()

    def set_image(self, bgra: np.ndarray, size_mm: tuple[float, float]) -> None:
        first = self.image is None or self.image.shape[:2] != bgra.shape[:2]
        self.image, self._size_mm = bgra, size_mm
        self._item.setPixmap(QPixmap.fromImage(bgr_to_qimage(bgra)))
        self.scene().setSceneRect(self._item.boundingRect())
        try:
            self._ink_px = ink_bounds(bgra)[2:]
        except InvalidInput:  # no ink (e.g. nothing extracted): true size falls back to the image
            self._ink_px = None
        if self.true_size:
            self.apply_true_size()
        elif first:
            self.fit()

    def fit(self) -> None:
        self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.image is not None and not self.true_size:
            self.fit()

    def true_scale(self) -> float | None:
        """View scale that shows the imprint's ink extent at its size in mm on this screen."""
        screen = self.screen()
        if self.image is None or screen is None:
            return None
        ink_w = self._ink_px[0] if self._ink_px else self.image.shape[1]
        screen_px = self._size_mm[0] / 25.4 * screen.physicalDotsPerInch()
        return screen_px / ink_w

    def apply_true_size(self) -> None:
        scale = self.true_scale()
        if scale is not None:
            self.setTransform(QTransform.fromScale(scale, scale))

    def set_true_size(self, on: bool) -> None:
        self.true_size = on
        if on:
            self.apply_true_size()
        else:
            self.fit()
