"""When a picture holds several QR codes (a screen often does), the user picks the one meant."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import seams
from .stills import Decoded, Found

THUMB = 96


class ChooseCodeDialog(QDialog):
    def __init__(self, decoded: Decoded, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decoded = decoded
        self.setWindowTitle(self.tr("Several QR codes"))
        self.label = QLabel(self.tr("{n} QR codes were found. Choose the one to read:").format(n=len(decoded.found)))
        self.list = QListWidget(self)
        self.list.setIconSize(QSize(THUMB, THUMB))
        for found in decoded.found:
            text = found.code.text if len(found.code.text) <= 120 else found.code.text[:117] + "…"
            item = QListWidgetItem(_thumbnail(decoded.pictures[found.picture].bgr, found.code.points), text)
            item.setToolTip(found.code.text)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> Found | None:
        row = self.list.currentRow()
        return self.decoded.found[row] if 0 <= row < len(self.decoded.found) else None


def choose_code(parent: QWidget | None, decoded: Decoded) -> Found | None:
    """The code the user picks (tests answer with its index through :mod:`..seams`)."""
    def ask() -> int | None:
        dialog = ChooseCodeDialog(decoded, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.list.currentRow() if accepted else None

    texts = "\n".join(found.code.text for found in decoded.found)
    row = seams.pick("code", QCoreApplication.translate("ChooseCodeDialog", "Several QR codes"), texts, ask)
    return None if row is None else decoded.found[row]


def _thumbnail(pixels: np.ndarray, points) -> QIcon:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    h, w = pixels.shape[:2]
    x0, x1 = max(0, int(min(xs)) - 8), min(w, int(max(xs)) + 8)
    y0, y1 = max(0, int(min(ys)) - 8), min(h, int(max(ys)) + 8)
    crop = np.ascontiguousarray(pixels[y0:y1, x0:x1])
    if crop.size == 0:
        return QIcon()
    kind = QImage.Format.Format_Grayscale8 if crop.ndim == 2 else QImage.Format.Format_BGR888
    image = QImage(crop.data, crop.shape[1], crop.shape[0], crop.strides[0], kind).copy()
    return QIcon(QPixmap.fromImage(image).scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
