"""A key-backup file shown as its sequence of QR codes (docs/protocols/key-backup.md §2.4), for a
device with a camera and no shared folder: the codes follow one another by themselves, and the
receiver's Scan page keeps reading until it has them all, in whatever order it catches them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.qr.make import make_image

STEP_MS = 1200  # long enough for a webcam to focus and a frame to be decoded


class QrSequenceDialog(QDialog):
    def __init__(self, texts: list[str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts, self.index = texts, 0
        self.setWindowTitle(self.tr("{name} as QR codes").format(name=name))
        self.code = QLabel(self)
        self.code.setObjectName("qrSequenceCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setMinimumSize(480, 480)
        self.position = QLabel(self)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("On the other device open Scan, start the camera and hold it up to this "
                              "screen: it keeps reading until it has every code, then offers the file to its Keys "
                              "page."), self)
        hint.setWordWrap(True)
        self.back_button, self.pause_button, self.next_button = (QPushButton(self) for _ in range(3))
        self.back_button.setText(self.tr("&Previous"))
        self.next_button.setText(self.tr("&Next"))
        self.back_button.clicked.connect(lambda: self.show_code(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_code(self.index + 1))
        self.pause_button.clicked.connect(self.toggle)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.back_button, self.pause_button, self.next_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.position)
        layout.addLayout(row)
        self.timer = QTimer(self, interval=STEP_MS)
        self.timer.timeout.connect(lambda: self.show_code(self.index + 1))
        self.show_code(0)
        self.toggle()

    def show_code(self, index: int) -> None:
        self.index = index % len(self.texts)
        grey = make_image(self.texts[self.index], scale=4)
        image = QImage(grey.data, grey.shape[1], grey.shape[0], grey.strides[0], QImage.Format.Format_Grayscale8)
        side = min(self.code.width(), self.code.height(), 720)
        side = max(side - side % grey.shape[0], grey.shape[0])  # whole pixels per module: crisp edges
        self.code.setPixmap(QPixmap.fromImage(image.copy()).scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))
        self.position.setText(self.tr("Code {i} of {n}").format(i=self.index + 1, n=len(self.texts)))

    def toggle(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.pause_button.setText(self.tr("&Play"))
        else:
            self.timer.start()
            self.pause_button.setText(self.tr("P&ause"))

    def done(self, result: int) -> None:  # noqa: D401 (Qt's name)
        self.timer.stop()
        super().done(result)
