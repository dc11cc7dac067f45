"""The app's camera component: pick a camera by name, watch the live view, capture one still.

Cameras come from QtMultimedia (``QMediaDevices.videoInputs()``, in PySide6-Addons; on Linux it
needs ``libpulse0``). Everything that touches a device sits behind two small interfaces, so tests
swap in a frame source that returns a synthetic photo:

* :class:`CameraBackend` lists cameras (:class:`CameraInfo`) and opens one as a
* :class:`FrameSource`: ``start()``, ``capture()``, ``stop()``; emits ``frame(QImage)`` for the
  live view, ``captured(ndarray BGR)`` for the still, ``failed(str)`` with a reason.

``take_photo(parent, on_photo)`` is the one entry point: with no camera it says so (through
``seams.warn``) and returns ``None``; otherwise it opens a :class:`CameraDialog` (window-modal,
not ``exec``) and calls ``on_photo(bgr)`` when the user captures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from . import seams


@dataclass(frozen=True)
class CameraInfo:
    id: str
    name: str  # what the user sees


# Names that virtual cameras (OBS, loopback devices, meeting add-ons) give themselves. They are
# listed like any other camera, but never chosen for the user when a real one is present.
VIRTUAL_HINTS = ("virtual", "obs", "loopback", "dummy", "snap camera", "manycam", "xsplit", "虚拟")


def looks_virtual(info: CameraInfo) -> bool:
    name = info.name.casefold()
    return any(hint in name for hint in VIRTUAL_HINTS)


def preferred_index(cameras: list[CameraInfo], remembered: str = "") -> int:
    """The camera to open first: the one the user chose last time, else the first real one."""
    for index, info in enumerate(cameras):
        if remembered and info.id == remembered:
            return index
    return next((i for i, info in enumerate(cameras) if not looks_virtual(info)), 0)


def permission_denied() -> bool:
    """True when the system has refused this app the camera (macOS, Windows privacy settings);
    asks once when undecided. Linux has no such gate (Qt reports it granted)."""
    try:
        from PySide6.QtCore import QCameraPermission
    except ImportError:  # Qt before 6.5: no permission API, nothing to check
        return False
    app = QCoreApplication.instance()
    if app is None:
        return False
    permission = QCameraPermission()
    status = app.checkPermission(permission)
    if status == Qt.PermissionStatus.Undetermined:
        app.requestPermission(permission, lambda _permission: None)
        return False
    return status == Qt.PermissionStatus.Denied


class FrameSource(QObject):
    frame = Signal(QImage)
    captured = Signal(object)  # BGR uint8 ndarray
    failed = Signal(str)

    def start(self) -> None:
        raise NotImplementedError

    def capture(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class CameraBackend:
    def cameras(self) -> list[CameraInfo]:
        raise NotImplementedError

    def open(self, camera: CameraInfo, parent: QObject) -> FrameSource:
        raise NotImplementedError


def qimage_to_bgr(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_BGR888)
    w, h = image.width(), image.height()
    buffer = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return buffer.reshape(h, image.bytesPerLine())[:, : w * 3].reshape(h, w, 3).copy()


class QtFrameSource(FrameSource):
    """A QtMultimedia camera: a capture session with a video sink (live view) and an image capture."""

    def __init__(self, device, parent: QObject) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QVideoSink

        self._camera = QCamera(device, self)
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._still = QImageCapture(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._session.setImageCapture(self._still)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._still.imageCaptured.connect(self._on_still)
        self._still.errorOccurred.connect(self._on_capture_error)
        self._camera.errorOccurred.connect(self._on_camera_error)

    def start(self) -> None:
        self._camera.start()

    def capture(self) -> None:
        self._still.capture()

    def stop(self) -> None:
        self._camera.stop()

    def _on_frame(self, frame) -> None:
        image = frame.toImage()
        if not image.isNull():
            self.frame.emit(image)

    def _on_still(self, _id: int, image: QImage) -> None:
        self.captured.emit(qimage_to_bgr(image))

    def _on_capture_error(self, _id: int, _error, message: str) -> None:
        self.failed.emit(message)

    def _on_camera_error(self, _error, message: str) -> None:
        self.failed.emit(message)


class QtCameraBackend(CameraBackend):
    def __init__(self) -> None:
        self._devices: dict[str, object] = {}

    def cameras(self) -> list[CameraInfo]:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:  # PySide6-Addons (or libpulse0 on Linux) missing: no camera support
            return []
        found = []
        for device in QMediaDevices.videoInputs():
            key = bytes(device.id().data()).decode("utf-8", "replace")
            self._devices[key] = device
            found.append(CameraInfo(key, device.description()))
        return found

    def open(self, camera: CameraInfo, parent: QObject) -> FrameSource:
        return QtFrameSource(self._devices[camera.id], parent)


_backend: CameraBackend | None = None


def backend() -> CameraBackend:
    global _backend
    if _backend is None:
        _backend = QtCameraBackend()
    return _backend


def set_backend(new: CameraBackend | None) -> None:
    """Tests: a fake backend; ``None`` returns to the real one."""
    global _backend
    _backend = new


class CameraDialog(QDialog):
    """Camera picker with a live view and a Capture button; ``photo_taken(bgr)`` on capture."""

    photo_taken = Signal(object)

    def __init__(self, cameras: list[CameraInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cameras = cameras
        self._source: FrameSource | None = None
        self.picker = QComboBox(self)
        for info in cameras:
            self.picker.addItem(info.name, info.id)
        self.view = QLabel(self)
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setMinimumSize(480, 360)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.capture_button = QPushButton(self)
        self.capture_button.setDefault(True)
        self.capture_button.setShortcut(QKeySequence(Qt.Key.Key_Space))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.capture_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.picker, self.view, self.status, buttons):
            layout.addWidget(widget)
        self.picker.currentIndexChanged.connect(self._open_current)
        self.capture_button.clicked.connect(self.capture)
        self.finished.connect(self._stop)
        self.retranslate()
        self._open_current()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Take a photo of the seal"))
        self.picker.setAccessibleName(self.tr("Camera"))
        self.view.setAccessibleName(self.tr("Live camera view"))
        self.capture_button.setText(self.tr("&Capture"))
        self.status.setText(self.tr("Stamp the seal on white paper, lay it flat in even light and "
                                    "fill the frame with it."))

    def _open_current(self) -> None:
        self._stop()
        info = self._cameras[self.picker.currentIndex()]
        self._source = backend().open(info, self)
        self._source.frame.connect(self._show_frame)
        self._source.captured.connect(self._captured)
        self._source.failed.connect(self._failed)
        self._source.start()

    def _stop(self) -> None:
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()
            self._source = None

    def capture(self) -> None:
        if self._source is not None:
            self.capture_button.setEnabled(False)
            self._source.capture()

    def _show_frame(self, image: QImage) -> None:
        self.view.setPixmap(QPixmap.fromImage(image).scaled(
            self.view.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def _captured(self, bgr: np.ndarray) -> None:
        self.photo_taken.emit(bgr)
        self.accept()

    def _failed(self, message: str) -> None:
        self.capture_button.setEnabled(True)
        self.status.setText(self.tr("The camera reported a problem: {message}").format(message=message))


def no_camera_message() -> str:
    return QCoreApplication.translate(
        "CameraDialog",
        "No camera was found. Connect a webcam (and allow this app to use it), "
        "or open a photo of the seal from a file instead.")


def no_camera_message_for_scan() -> str:
    return QCoreApplication.translate(
        "CameraDialog",
        "No camera was found. Connect a webcam (and allow this app to use it), or scan your screen, "
        "open an image or paste one instead.")


def take_photo(parent: QWidget | None, on_photo: Callable[[np.ndarray], None]) -> CameraDialog | None:
    """Open the camera picker, or say clearly that there is no camera. Returns the dialog shown."""
    cameras = backend().cameras()
    if not cameras:
        seams.warn(parent, QCoreApplication.translate("CameraDialog", "Camera"), no_camera_message())
        return None
    dialog = CameraDialog(cameras, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.photo_taken.connect(on_photo)
    dialog.open()
    return dialog
