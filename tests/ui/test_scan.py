"""The Scan page (扫一扫) with real widgets offscreen and the real decoder.

The camera is a synthetic frame source: a QR code made by ``ebid qr make``, warped with OpenCV
(moving, rotated, blurred) into 1280×720 frames delivered by a timer like a webcam's. Stills come
by drop, by paste and from the screen (a Qt window showing a QR code, grabbed by the page).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QLabel

from app.ui import camera, seams, settings
from app.ui.camera import CameraBackend, CameraInfo, FrameSource
from app.ui.context import AppContext
from app.ui.scan.page import ScanPage

WAIT = 30_000
TEXT = "https://platform.example.cn/qr/login?task=T-2026-0042&nonce=7f3a9c"
FRAME = (1280, 720)


@pytest.fixture(scope="module")
def qr_png(tmp_path_factory) -> Path:
    """A QR code made by the real command line (``ebid qr make``)."""
    out = tmp_path_factory.mktemp("qr") / "login.png"
    subprocess.run([sys.executable, "-m", "app.cli.main", "qr", "make", TEXT, "-o", str(out)],
                   check=True, capture_output=True, timeout=120)
    return out


def _frames(qr_png: Path, count: int = 40) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Camera-like frames: a few empty ones, then the code moving, turning and blurred.
    Returns the frames and the code's corner positions in each (None while absent)."""
    code = cv2.imread(str(qr_png), cv2.IMREAD_COLOR)
    side = 300
    code = cv2.resize(code, (side, side), interpolation=cv2.INTER_NEAREST)
    frames, corners = [], []
    rng = np.random.default_rng(7)
    for n in range(count):
        frame = np.full((FRAME[1], FRAME[0], 3), 90, np.uint8)
        frame += rng.integers(0, 25, frame.shape, dtype=np.uint8)  # sensor noise
        if n < 5:
            frames.append(frame)
            corners.append(None)
            continue
        angle, cx, cy = 8.0 * n, 300 + 15 * n, 260 + 4 * n
        matrix = cv2.getRotationMatrix2D((side / 2, side / 2), angle, 1.0)
        matrix[:, 2] += (cx - side / 2, cy - side / 2)
        cv2.warpAffine(code, matrix, FRAME, dst=frame, borderMode=cv2.BORDER_TRANSPARENT)
        frame = cv2.GaussianBlur(frame, (5, 5), 1.2)
        square = np.array([[0, 0, 1], [side, 0, 1], [side, side, 1], [0, side, 1]], float)
        frames.append(frame)
        corners.append(square @ matrix.T)
    return frames, corners


def _qimage(bgr: np.ndarray) -> QImage:
    h, w = bgr.shape[:2]
    return QImage(bgr.data, w, h, bgr.strides[0], QImage.Format.Format_BGR888).copy()


class _SyntheticSource(FrameSource):
    """Frames on a timer, like a webcam's video sink, on the GUI thread."""

    def __init__(self, frames, parent, *, fail_with: str = "", interval_ms: int = 33):
        super().__init__(parent)
        self.images = [_qimage(f) for f in frames]
        self.sent = 0
        self.fail_with = fail_with
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self._next)
        self.stopped = False

    def start(self):
        if self.fail_with:
            QTimer.singleShot(0, lambda: self.failed.emit(self.fail_with))
            return
        self.timer.start()

    def _next(self):
        self.frame.emit(self.images[self.sent % len(self.images)])
        self.sent += 1

    def capture(self):
        pass

    def stop(self):
        self.stopped = True
        self.timer.stop()


class _SyntheticBackend(CameraBackend):
    def __init__(self, frames, cameras=None, **options):
        self.frames, self.options, self.opened = frames, options, []
        self._cameras = [CameraInfo("synthetic0", "Synthetic webcam")] if cameras is None else cameras

    def cameras(self):
        return list(self._cameras)

    def open(self, info: CameraInfo, parent: QObject) -> FrameSource:
        source = _SyntheticSource(self.frames, parent, **self.options)
        self.opened.append((info, source))
        return source


@pytest.fixture
def page(app, qtbot):
    context = AppContext()
    made = []

    def make(backend: CameraBackend | None):
        camera.set_backend(backend)
        scan = ScanPage(context)
        qtbot.addWidget(scan)
        scan.resize(900, 700)
        made.append(scan)
        return scan

    yield make
    for scan in made:
        scan.stop_camera()
    camera.set_backend(None)
    context.close()


def _inside(points, corners, slack=25.0) -> bool:
    xs, ys = corners[:, 0], corners[:, 1]
    return all(xs.min() - slack <= x <= xs.max() + slack and ys.min() - slack <= y <= ys.max() + slack
               for x, y in points)


def test_the_camera_finds_a_moving_code_off_the_gui_thread_and_outlines_it(page, qtbot, qr_png):
    frames, corners = _frames(qr_png)
    backend = _SyntheticBackend(frames)
    scan = page(backend)
    scan.show()
    assert scan.camera_box.currentText() == "Synthetic webcam"
    scan.start_camera()
    qtbot.waitUntil(lambda: not scan.result_box.isHidden(), timeout=WAIT)
    assert scan.result_text.toPlainText() == TEXT and scan.text == TEXT
    # Decoding ran on the scanner's own thread, never on the GUI thread.
    assert scan.scanner.decoder_threads and threading.main_thread().ident not in scan.scanner.decoder_threads
    # Scanning stopped at the first code: the camera is released, the found code is outlined.
    _, source = backend.opened[-1]
    assert source.stopped and scan.source is None and not scan.scanner.running
    assert len(scan.view.outlines) == 1
    outline = [(p.x(), p.y()) for p in scan.view.outlines[0]]
    frame_index = next(i for i, img in enumerate(source.images) if img == scan.view.image)
    assert corners[frame_index] is not None and _inside(outline, corners[frame_index], slack=6.0)
    # The link is shown, not opened.
    assert scan.result_note.isVisible() and "http" not in scan.result_note.text()


def test_a_busy_decoder_drops_stale_frames_and_never_blocks_the_camera(page, qtbot, qr_png):
    frames, _ = _frames(qr_png, count=8)
    scan = page(_SyntheticBackend(frames[:5]))  # empty frames only: nothing to find
    scan.scanner.start()
    images = [_qimage(f) for f in frames[:5]] * 40
    for image in images:  # a burst far faster than any decoder: each offer returns at once
        scan.scanner.offer(image)
    qtbot.waitUntil(lambda: scan.scanner.decoded >= 1, timeout=WAIT)
    scan.scanner.offer(images[0])
    qtbot.waitUntil(lambda: scan.scanner.decoded >= 2, timeout=WAIT)
    scan.scanner.stop()
    # Every frame offered was decoded or replaced in the one-frame slot (at most one still waited
    # there at the stop): none queued up behind another.
    assert scan.scanner.offered == len(images) + 1
    handled = scan.scanner.dropped + scan.scanner.decoded
    assert scan.scanner.offered - 1 <= handled <= scan.scanner.offered
    assert scan.scanner.dropped >= len(images) // 2  # a burst far faster than decoding is mostly dropped


def test_cameras_are_listed_by_name_real_first_and_the_choice_is_remembered(page):
    cameras = [CameraInfo("v0", "OBS Virtual Camera"), CameraInfo("c1", "Integrated Camera")]
    scan = page(_SyntheticBackend([], cameras=cameras))
    labels = [scan.camera_box.itemText(i) for i in range(scan.camera_box.count())]
    assert len(labels) == 2 and labels[1] == "Integrated Camera" and "OBS Virtual Camera" in labels[0]
    assert labels[0] != "OBS Virtual Camera"  # marked as virtual
    assert scan.camera_box.currentIndex() == 1  # the virtual camera does not hide the real one
    scan.camera_box.setCurrentIndex(0)
    scan.camera_box.activated.emit(0)
    assert settings.SCAN_CAMERA.get() == "v0"
    again = page(_SyntheticBackend([], cameras=cameras))
    assert again.camera_box.currentIndex() == 0


def test_a_camera_plugged_in_later_is_listed_when_the_page_shows_again(page, qtbot):
    backend = _SyntheticBackend([], cameras=[])
    scan = page(backend)
    scan.show()
    assert scan.camera_box.count() == 0 and not scan.camera_button.isEnabled()
    scan.hide()
    backend._cameras.append(CameraInfo("usb1", "USB webcam"))
    scan.show()
    assert scan.camera_box.count() == 1 and scan.camera_box.currentText() == "USB webcam"
    assert scan.camera_button.isEnabled()


def test_no_camera_and_a_camera_in_use_are_said_clearly(page, qtbot):
    scan = page(_SyntheticBackend([], cameras=[]))
    assert not scan.camera_button.isEnabled() and not scan.camera_box.isEnabled()
    scan.start_camera()
    assert scan.status.text() == camera.no_camera_message_for_scan()

    busy = page(_SyntheticBackend([np.zeros((8, 8, 3), np.uint8)], fail_with="Device or resource busy"))
    busy.start_camera()
    qtbot.waitUntil(lambda: "Device or resource busy" in busy.status.text(), timeout=WAIT)
    assert busy.source is None and "Synthetic webcam" in busy.status.text()


def _png_of_code(qr_png: Path, folder: Path) -> Path:
    """The code as a user's photo would be: somewhere in a larger picture."""
    code = cv2.imread(str(qr_png))
    canvas = np.full((900, 1200, 3), 235, np.uint8)
    canvas[200:200 + code.shape[0], 300:300 + code.shape[1]] = code
    path = folder / "photo of the screen.png"
    cv2.imwrite(str(path), canvas)
    return path


def test_an_image_dropped_on_the_page_is_read(page, qtbot, qr_png, tmp_path):
    scan = page(_SyntheticBackend([], cameras=[]))
    scan.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_png_of_code(qr_png, tmp_path)))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    scan.dropEvent(drop)
    qtbot.waitUntil(lambda: not scan.result_box.isHidden(), timeout=WAIT)
    assert scan.result_text.toPlainText() == TEXT and len(scan.view.outlines) == 1


def test_an_image_pasted_from_the_clipboard_is_read(page, qtbot, qr_png, tmp_path):
    scan = page(_SyntheticBackend([], cameras=[]))
    QGuiApplication.clipboard().setImage(QImage(str(_png_of_code(qr_png, tmp_path))))
    scan.paste()
    qtbot.waitUntil(lambda: not scan.result_box.isHidden(), timeout=WAIT)
    assert scan.result_text.toPlainText() == TEXT
    scan.copy()
    assert QGuiApplication.clipboard().text() == TEXT


def test_the_screen_is_scanned_for_the_code_a_window_shows(page, qtbot, qr_png):
    shown = QLabel()
    qtbot.addWidget(shown)
    shown.setPixmap(QPixmap(str(qr_png)))
    shown.move(QPoint(420, 120))
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.wait(300)  # the offscreen screen composes windows a few event-loop turns after they show
    scan = page(_SyntheticBackend([], cameras=[]))
    scan.scan_screen()
    qtbot.waitUntil(lambda: not scan.result_box.isHidden(), timeout=WAIT)
    assert scan.result_text.toPlainText() == TEXT and scan.screen_grabs == 1


def test_several_codes_on_the_screen_let_the_user_choose(page, qtbot, qr_png, tmp_path):
    other = tmp_path / "other.png"
    subprocess.run([sys.executable, "-m", "app.cli.main", "qr", "make", "第二个二维码", "-o", str(other)],
                   check=True, capture_output=True, timeout=120)
    windows = []
    for n, path in enumerate((qr_png, other)):
        label = QLabel()
        qtbot.addWidget(label)
        label.setPixmap(QPixmap(str(path)))
        label.move(QPoint(20 + 420 * n, 300))
        label.show()
        qtbot.waitExposed(label)
        qtbot.wait(300)
        windows.append(label)
    scan = page(_SyntheticBackend([], cameras=[]))
    seams.answer_next(1)
    scan.scan_screen()
    qtbot.waitUntil(lambda: not scan.result_box.isHidden(), timeout=WAIT)
    asked = [s for s in seams.shown if s.kind == "code"]
    assert len(asked) == 1 and TEXT in asked[0].text and "第二个二维码" in asked[0].text
    chosen = asked[0].text.splitlines()[1]
    assert scan.result_text.toPlainText() == chosen


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "huge"])
def test_a_bad_image_file_is_refused_with_a_clear_message(page, qtbot, tmp_path, content):
    if content == "huge":  # a valid header claiming 20000×20000 pixels, with no pixels behind it
        import struct
        import zlib

        ihdr = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
        chunk = b"IHDR" + ihdr
        content = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
                   + struct.pack(">I", zlib.crc32(chunk)))
    path = tmp_path / "bad.png"
    path.write_bytes(content)
    scan = page(_SyntheticBackend([], cameras=[]))
    scan.scan_file(path)
    qtbot.waitUntil(lambda: any(s.kind in ("warn", "bug") for s in seams.shown), timeout=WAIT)
    assert [s.kind for s in seams.shown] == ["warn"]  # a refusal, not a crash report
    assert scan.result_box.isHidden()


def test_home_reads_the_screen_in_one_click_even_behind_its_own_window(app, qtbot, qr_png):
    """The platform's page is often right behind EBid Desk: the code is covered at first, so the
    page grabs the screen again with its window out of the way, then brings it back."""
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    for leftover in QApplication.topLevelWidgets():  # earlier tests' windows, closed but not yet deleted:
        if not leftover.isVisible():  # the offscreen screen may still compose them into a grab
            leftover.destroy()
    shown = QLabel()
    qtbot.addWidget(shown)
    shown.setPixmap(QPixmap(str(qr_png)))
    shown.move(QPoint(100, 100))
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.wait(300)  # the offscreen screen composes windows a few event-loop turns after they show
    camera.set_backend(_SyntheticBackend([], cameras=[]))
    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    window.show_page("home")
    window.move(0, 0)
    window.resize(window.screen().size() + QSize(40, 40))  # covers the whole offscreen screen
    window.show()  # above the code
    qtbot.waitExposed(window)
    qtbot.wait(300)
    try:
        home = window.current_page()
        qtbot.mouseClick(home.scan_button, Qt.MouseButton.LeftButton)
        scan = window.current_page()
        assert scan.page_id == "scan"
        qtbot.waitUntil(lambda: not scan.result_box.isHidden(), timeout=WAIT)
        assert scan.result_text.toPlainText() == TEXT
        assert scan.screen_grabs == 2 and window.isVisible()  # covered at first, then found; window back
    finally:
        camera.set_backend(None)
        window.context.close()
