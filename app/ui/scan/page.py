"""Scan (扫一扫): read a QR code from a webcam, an image file, the clipboard or this PC's screen.

The camera's frames go to a :class:`~.live.LiveScanner` (newest frame wins, decoded off the GUI
thread); stills are decoded by a background op with the full decoder. Scanning stops at the
first code; the page then shows its text read-only with a copy button. A QR code can carry a
login token or a link to anywhere, so nothing is opened or sent by itself — except that a
platform's task (``app.core.qrtask.parse_task_uri`` accepts it) opens the task dialog
(:mod:`app.ui.tasks`), which checks who asks and sends nothing before the holder answers; the
result box then also offers 处理此任务 to open it again.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import qr
from .. import camera, errors, seams, settings
from ..operations import BackgroundOp
from ..page import Page
from .choose import choose_code
from .live import LiveScanner, Sighting
from .stills import Decoded, accepts, file_op, grab_screens, image_file, image_op, screens_op
from .view import ScanView

NO_PICTURE_MS = 6000  # a started camera that shows nothing by then is usually held by another program
SCREEN_SETTLE_MS = 400


class ScanPage(Page):
    page_id = "scan"
    scanned = Signal(str)  # the text of the code read (for the task flows that build on it)

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("scanPage")
        self.setAcceptDrops(True)
        self.cameras: list[camera.CameraInfo] = []
        self.source: camera.FrameSource | None = None
        self.scanner = LiveScanner(lambda: qr.LiveDecoder().decode, self)
        self.scanner.found.connect(self._sighted)
        self.scanner.failed.connect(self._decoder_failed)
        self.text = ""
        self._screen_retry = self._hidden_by_us = False
        self.screen_grabs = 0
        self._watchdog = QTimer(self, singleShot=True, interval=NO_PICTURE_MS)
        self._watchdog.timeout.connect(self._no_picture)
        self._build()
        self.retranslate()
        self.list_cameras()

    # -- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.camera_box = QComboBox(self)
        self.camera_box.setObjectName("cameraBox")
        self.camera_box.activated.connect(self._camera_chosen)
        self.camera_button = QPushButton(self)
        self.camera_button.setObjectName("cameraButton")
        self.camera_button.clicked.connect(self._toggle_camera)
        self.screen_button = QPushButton(self)
        self.screen_button.setObjectName("screenButton")
        self.screen_button.clicked.connect(self.scan_screen)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self.open_image)
        self.paste_button = QPushButton(self)
        self.paste_button.setObjectName("pasteButton")
        self.paste_button.clicked.connect(self.paste)
        QShortcut(QKeySequence.StandardKey.Paste, self, self.paste)
        sources = QHBoxLayout()
        for widget in (self.camera_box, self.camera_button):
            sources.addWidget(widget)
        sources.addSpacing(16)
        for widget in (self.screen_button, self.open_button, self.paste_button):
            sources.addWidget(widget)
        sources.addStretch(1)

        self.view = ScanView(self)
        self.status = QLabel(self)
        self.status.setObjectName("scanStatus")
        self.status.setWordWrap(True)

        self.result_box = QGroupBox(self)
        self.result_box.setObjectName("scanResult")
        self.result_text = QPlainTextEdit(self.result_box)
        self.result_text.setReadOnly(True)
        self.result_text.setMaximumHeight(96)
        self.result_note = QLabel(self.result_box)
        self.result_note.setWordWrap(True)
        self.copy_button = QPushButton(self.result_box)
        self.copy_button.clicked.connect(self.copy)
        self.again_button = QPushButton(self.result_box)
        self.again_button.clicked.connect(self.scan_again)
        self.task_button = QPushButton(self.result_box)
        self.task_button.setObjectName("taskButton")
        self.task_button.clicked.connect(self.open_task)
        self.task_button.hide()
        self.task_uri = None  # the scanned text as a task, when it is one
        self.task_dialog = None
        self.keys_button = QPushButton(self.result_box)
        self.keys_button.setObjectName("keysFileButton")
        self.keys_button.clicked.connect(self.take_received)
        self.keys_button.hide()
        self.sequence = None  # a key-backup file's QR codes read so far (app.core.keybackup.qrseq)
        self.received: Path | None = None  # the file they made up, saved in the data folder
        buttons = QHBoxLayout()
        buttons.addWidget(self.task_button)
        buttons.addWidget(self.keys_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.result_box)
        box.addWidget(self.result_text)
        box.addWidget(self.result_note)
        box.addLayout(buttons)
        self.result_box.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(sources)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.result_box)
        from ..tasks.history import TaskHistory

        self.history = TaskHistory(self.context, self)
        layout.addWidget(self.history)

    def title(self) -> str:
        return self.tr("Scan")

    def retranslate(self) -> None:
        self.history.retranslate()
        self.camera_box.setAccessibleName(self.tr("Camera"))
        self.camera_box.setToolTip(self.tr("Every camera of this PC, virtual ones marked; your choice is remembered"))
        self._camera_button_text()
        self.screen_button.setText(self.tr("Scan my &screen"))
        self.screen_button.setToolTip(self.tr("Find the QR code shown on this PC's screens, e.g. in the browser"))
        self.open_button.setText(self.tr("&Open image…"))
        self.open_button.setToolTip(self.tr("Read a QR code from a photo or a screenshot (or drop the file here)"))
        self.paste_button.setText(self.tr("&Paste"))
        self.paste_button.setToolTip(self.tr("Read a QR code from an image or image file on the clipboard (Ctrl+V)"))
        self.result_box.setTitle(self.tr("Scanned"))
        self.result_text.setAccessibleName(self.tr("Text of the QR code"))
        self.copy_button.setText(self.tr("&Copy"))
        self.again_button.setText(self.tr("Scan &again"))
        self.task_button.setText(self.tr("&Handle this task…"))
        self.task_button.setToolTip(self.tr("See who asks and for what, then confirm or cancel"))
        self.keys_button.setText(self.tr("Take it on the &Keys page…"))
        self.view.setAccessibleName(self.tr("Camera picture or scanned image"))
        self._relabel_cameras()
        if not self.view.image.isNull() or self.source is not None:
            return
        self.view.clear(self.tr("Point the camera at a QR code, or scan your screen, open an image or paste "
                                "one. The platform's QR code is often on this PC: click “Scan my screen”."))

    def _camera_button_text(self) -> None:
        self.camera_button.setText(self.tr("S&top camera") if self.source is not None else self.tr("S&tart camera"))

    # -- cameras ---------------------------------------------------------------------------------

    def list_cameras(self) -> None:
        self.cameras = camera.backend().cameras()
        self.camera_box.clear()
        for info in self.cameras:
            self.camera_box.addItem("", info.id)
        self._relabel_cameras()
        if self.cameras:
            self.camera_box.setCurrentIndex(camera.preferred_index(self.cameras, settings.SCAN_CAMERA.get()))
        self.camera_box.setEnabled(bool(self.cameras))
        self.camera_button.setEnabled(bool(self.cameras))

    def _relabel_cameras(self) -> None:
        for index, info in enumerate(self.cameras):
            label = self.tr("{name} (virtual)").format(name=info.name) if camera.looks_virtual(info) else info.name
            self.camera_box.setItemText(index, label)

    def _camera_chosen(self, index: int) -> None:
        if 0 <= index < len(self.cameras):
            settings.SCAN_CAMERA.set(self.cameras[index].id)
            if self.source is not None:
                self.start_camera()

    def _toggle_camera(self) -> None:
        if self.source is None:
            self.start_camera()
        else:
            self.stop_camera()

    def start_camera(self) -> None:
        self.stop_camera()
        if not self.cameras:
            self._say(camera.no_camera_message_for_scan())
            return
        if camera.permission_denied():
            self._say(self.tr("This PC does not let EBid Desk use the camera. Allow it in the system's privacy "
                              "settings (Camera), then press Start camera again."))
            return
        info = self.cameras[max(0, self.camera_box.currentIndex())]
        self._hide_result()
        self.source = camera.backend().open(info, self)
        self.source.frame.connect(self._frame)
        self.source.failed.connect(self._camera_failed)
        self.scanner.start()
        self._say(self.tr("Looking for a QR code… hold it steady, about 20 cm from the camera."))
        self._watchdog.start()
        self.source.start()
        self._camera_button_text()

    def stop_camera(self) -> None:
        self._watchdog.stop()
        self.scanner.stop()
        if self.source is not None:
            source, self.source = self.source, None
            source.stop()
            source.deleteLater()
        self._camera_button_text()

    def _frame(self, image: QImage) -> None:
        if self.source is None:
            return
        self._watchdog.stop()
        self.view.show_image(image)
        self.scanner.offer(image)

    def _camera_failed(self, message: str) -> None:
        name = self.camera_box.currentText()
        self.stop_camera()
        self._say(self.tr("The camera “{name}” could not be used: it may be in use by another program (a video "
                          "call or another scanner) — close that program and press Start camera again. "
                          "The system said: {message}").format(name=name, message=message))

    def _no_picture(self) -> None:
        if self.source is not None:
            self._camera_failed(self.tr("no picture after {s} seconds").format(s=NO_PICTURE_MS // 1000))

    def _sighted(self, sighting: Sighting) -> None:
        if self.source is None:  # stopped meanwhile: a late result of an old frame
            return
        self.stop_camera()
        self.view.show_image(sighting.image, [c.points for c in sighting.codes])
        self._read(sighting.codes[0], from_camera=True)

    def _decoder_failed(self, details: str) -> None:
        self.stop_camera()
        raise RuntimeError(f"the QR decoder failed on a camera frame: {details}")  # reported as a bug, once

    # -- stills ----------------------------------------------------------------------------------

    def open_image(self) -> None:
        path = seams.choose_image(self, self.tr("Open an image with a QR code"))
        if path:
            self.scan_file(Path(path))

    def scan_file(self, path: Path) -> None:
        self._decode_still(file_op(path), self.tr("Reading {name}…").format(name=path.name))

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        path = image_file(mime) if mime is not None else None
        if path is not None:
            self.scan_file(path)
            return
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self._say(self.tr("The clipboard holds no image. Copy a screenshot or an image file, then paste."))
            return
        self._decode_still(image_op(self.tr("Clipboard"), image), self.tr("Reading the clipboard…"))

    def scan_screen(self) -> None:
        """Every screen as it is now; if no code shows, once more with this window out of the way
        (the platform's page is often right behind it)."""
        self.stop_camera()
        self._screen_retry = True
        self._grab_and_decode()

    def _grab_and_decode(self) -> None:
        shots = grab_screens()
        self.screen_grabs += 1
        if self._hidden_by_us:  # back at once, where it was: the picture is taken
            self._hidden_by_us = False
            self.window().show()
        if not shots:
            self._say(self.tr("This desktop does not let programs capture the screen. Take a screenshot with "
                              "the system's tool and paste it here (Ctrl+V)."))
            return
        self._decode_still(screens_op(shots), self.tr("Looking for QR codes on the screen…"), screen=True)

    def _retry_screen_without_window(self) -> bool:
        window = self.window()
        if not self._screen_retry or not window.isVisible() or window.isMinimized():
            return False
        self._screen_retry = False
        self._hidden_by_us = True
        window.hide()  # as screenshot tools do: minimising leaves the window in some captures
        QTimer.singleShot(SCREEN_SETTLE_MS, self._grab_and_decode)  # let the desktop repaint what we covered
        return True

    def _decode_still(self, op, label: str, *, screen: bool = False) -> None:
        self._screen_retry = self._screen_retry and screen
        self.stop_camera()
        self._hide_result()
        BackgroundOp(self, op=op, success=self._still_decoded).with_progress(label).run()

    def _still_decoded(self, decoded: Decoded) -> None:
        if not decoded.found and self._screen_retry and self._retry_screen_without_window():
            return
        self._screen_retry = False
        if not decoded.found:
            self._say(self.tr("No QR code was found on the screen. Make sure the whole code is visible, "
                              "then try again.") if decoded.from_screen else
                      self.tr("No QR code was found in this image. Try a sharper picture in which the whole "
                              "code is visible."))
            if decoded.pictures and not decoded.from_screen:
                self.view.show_image(_qimage(decoded.pictures[0].bgr))
            return
        chosen = decoded.found[0] if len(decoded.found) == 1 else choose_code(self, decoded)
        if chosen is None:
            self._say(self.tr("No code chosen."))
            return
        picture = decoded.pictures[chosen.picture]
        self.view.show_image(_qimage(picture.bgr), [chosen.code.points])
        self._read(chosen.code)

    # -- the result ------------------------------------------------------------------------------

    def _read(self, code, *, from_camera: bool = False) -> None:
        from ...core.keybackup import qrseq

        if qrseq.is_part(code.text):
            self._read_part(code.text, from_camera)
            return
        self.keys_button.hide()
        self.text = code.text
        self.result_text.setPlainText(code.text)
        self.task_uri, refusal = _as_task(code.text)
        self.task_button.setVisible(self.task_uri is not None)
        if self.task_uri is not None:
            note = self.tr("This is a task of an e-bidding platform. EBid Desk shows who asks and for what; "
                           "nothing is signed or sent before you answer.")
        elif refusal is not None:
            note = refusal
        elif code.text.lower().startswith(("http://", "https://")):
            note = self.tr("This is a web address. EBid Desk never opens links from QR codes by itself: "
                           "check where it leads before you copy it into a browser.")
        elif code.charset == "binary":
            note = self.tr("This code holds binary data, shown as hexadecimal.")
        else:
            note = ""
        self.result_note.setText(note)
        self.result_note.setVisible(bool(note))
        self.result_box.show()
        self._say(self.tr("QR code read."))
        self.scanned.emit(code.text)
        if self.task_uri is not None:
            self.open_task()

    # -- a key-backup file as a sequence of QR codes (docs/protocols/key-backup.md §2.4) ----------

    def _read_part(self, text: str, from_camera: bool) -> None:
        from ...core.errors import EbidError
        from ...core.fsutil import atomic_write, describe_os_error
        from ...core.keybackup import qrseq
        from ...core.paths import data_dir

        if self.sequence is None:
            self.sequence = qrseq.Collector()
        try:
            progress = self.sequence.add(text)
            data = self.sequence.result()
        except EbidError as exc:
            self._say(errors.text(exc))
            data, progress = None, None
        if data is None:
            if progress is not None:
                said = self.tr("Key-backup file: {have} of {total} QR codes read. Show the next one.").format(
                    have=progress.have, total=progress.total)
                if progress.restarted:
                    said = self.tr("A code of another file: starting again.") + " " + said
                self._say(said)
            if from_camera:
                self.start_camera()  # keep reading: the sender's screen moves on to the next code
            return
        self.sequence = None
        folder = data_dir() / "received"
        path = folder / f"{progress.set_id}.ebkf"
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            atomic_write(path, data)
        except OSError as exc:
            errors.show(self, describe_os_error(exc, path))
            return
        self.received, self.text, self.task_uri = path, "", None
        self.task_button.hide()
        self.result_text.setPlainText(self.tr("A key-backup file of {size} bytes, rebuilt from {n} QR codes and "
                                              "saved as {path}.").format(size=len(data), n=progress.total, path=path))
        self.result_note.setText(self.tr("Take it on the Keys page: it is checked there as a file is."))
        self.result_note.show()
        self.keys_button.show()
        self.result_box.show()
        self._say(self.tr("All {n} QR codes read.").format(n=progress.total))

    def take_received(self) -> None:
        """The rebuilt file to the main window's Keys page, as if chosen with "Import a file"."""
        if self.received is None:
            return
        window = self.window()
        if not hasattr(window, "show_page"):
            return
        window.show_page("keys")
        page = window.current_page()
        if hasattr(page, "take_file"):
            page.take_file(str(self.received))

    def open_task(self) -> None:
        """The task dialog for the scanned task (one at a time: a new scan replaces the old one)."""
        if self.task_uri is None:
            return
        from ..tasks.dialog import TaskDialog  # on first use: keeps start-up light

        if self.task_dialog is not None and shiboken6.isValid(self.task_dialog):
            self.task_dialog.close()
        self.task_dialog = TaskDialog(self.context, self.task_uri, self)
        self.task_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.task_dialog.finished.connect(self.history.refresh)  # the answer is in the history
        self.task_dialog.open()

    def _hide_result(self) -> None:
        self.text = ""
        self.task_uri = None
        self.keys_button.hide()
        self.result_box.hide()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self._say(self.tr("Copied to the clipboard."))

    def scan_again(self) -> None:
        self._hide_result()
        if self.cameras:
            self.start_camera()
        else:
            self.view.clear()
            self._say(camera.no_camera_message_for_scan())

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # -- drops, visibility -----------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        mime = event.mimeData()
        path = image_file(mime)
        if path is not None:
            self.scan_file(path)
        elif mime.hasImage():
            self._decode_still(image_op(self.tr("Dropped image"), QImage(mime.imageData())),
                               self.tr("Reading the image…"))
        event.acceptProposedAction()

    def showEvent(self, event) -> None:  # noqa: N802
        if self.source is None:  # a webcam plugged in since the last visit appears in the list
            self.list_cameras()
        self.history.refresh()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.stop_camera()  # the camera light goes off when the user leaves the page
        super().hideEvent(event)


def _as_task(text: str):
    """(the task URI, None) for a platform's task; (None, why not) for a task-shaped URI that is
    refused (e.g. plain http to a remote host); (None, None) for any other text."""
    from ...core.errors import Refused
    from ...core.qrtask import parse_task_uri

    try:
        return parse_task_uri(text), None
    except Refused as exc:
        return None, (None if exc.code == "not_a_task" else errors.text(exc))


def _qimage(pixels) -> QImage:
    h, w = pixels.shape[:2]
    kind = QImage.Format.Format_Grayscale8 if pixels.ndim == 2 else QImage.Format.Format_BGR888
    return QImage(pixels.data, w, h, pixels.strides[0], kind).copy()
