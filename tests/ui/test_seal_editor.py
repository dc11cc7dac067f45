"""The imprint editor and the camera component, driven like a user would (pytest-qt, offscreen).

Photos come from ``tests/seal/synth.py`` (a seal with a known ground-truth alpha, photographed).
"""

from __future__ import annotations

import functools

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QTimer

from app.core.seal.imaging import mm_to_px, read_png_dpi, render
from app.ui import camera, i18n, seams
from app.ui.camera import CameraBackend, CameraDialog, CameraInfo, FrameSource
from app.ui.seals.editor import ImprintEditor, edits
from tests.seal.synth import PhotoSpec, photograph

WAIT = 30_000


@functools.lru_cache(maxsize=4)
def synthetic(colour: str = "red", seed: int = 5):
    """(BGR photo, truth alpha): 2000 × 1500, the seal ~825 px across (> 42 mm at 400 dpi)."""
    photo, truth, _ = photograph(PhotoSpec(condition="clean", colour=colour, photo_size=(2000, 1500),
                                           seed=seed))
    return photo, truth


@pytest.fixture
def english(app):
    """Assertions below read English source texts (the ``app`` fixture restores zh_CN after)."""
    i18n.install(app, "en")
    return app


@pytest.fixture
def editor(english, qtbot):
    dialog = ImprintEditor()
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    dialog.renderer.shutdown()


def settle(qtbot, editor) -> None:
    qtbot.waitUntil(lambda: not editor.renderer.busy and editor.preview.image is not None, timeout=WAIT)


def open_photo(qtbot, editor, tmp_path, colour="red"):
    photo, truth = synthetic(colour)
    path = tmp_path / "seal.jpg"
    cv2.imwrite(str(path), photo, [cv2.IMWRITE_JPEG_QUALITY, 92])
    seams.answer_next([str(path)])
    editor.open_file()
    qtbot.waitUntil(lambda: editor.model.source is not None, timeout=WAIT)
    settle(qtbot, editor)
    return photo, truth


def test_open_detect_rotate_straighten_recolour_export(editor, qtbot, tmp_path):
    _photo, truth = open_photo(qtbot, editor, tmp_path)
    state = editor.model.state
    # Automatic crop: the proposal contains the whole imprint, and not much more.
    ys, xs = np.nonzero(truth > 0.5)
    h, w = truth.shape
    x, y, cw, ch = state.crop
    assert x * w <= xs.min() and y * h <= ys.min()
    assert (x + cw) * w >= xs.max() and (y + ch) * h >= ys.max()
    assert cw * w < 1.3 * (xs.max() - xs.min())
    assert state.shape == "round" and state.seal_type == "official" and state.size_mm == (42.0, 42.0)
    assert editor.crop_view.guide_item.isVisible()

    editor.rotate_action.trigger()
    assert editor.model.state.quarter_turns == 1
    assert editor.model.state.crop == pytest.approx(edits.rotate_quarter(state).crop)
    editor.panel.straighten.setValue(25)
    assert editor.model.state.straighten_deg == pytest.approx(2.5)
    qtbot.mouseClick(editor.panel.ink_buttons["blue"], Qt.MouseButton.LeftButton)
    assert editor.model.state.ink == "blue"
    settle(qtbot, editor)
    shown = editor.preview.image
    assert shown[..., 3].max() == 255 and shown[..., 3].min() == 0
    assert tuple(shown[shown[..., 3] == 255][0, :3]) == (255, 0, 0)  # BGR of pure blue

    seams.answer_next(str(tmp_path))
    editor.export_png()
    qtbot.waitUntil(lambda: editor.finisher.exported_path is not None, timeout=WAIT)
    data = editor.finisher.exported_path.read_bytes()
    png = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    side = mm_to_px(42.0, 400)
    assert png.shape == (side, side, 4)
    assert read_png_dpi(data) == pytest.approx((400, 400), abs=0.5)
    ink = png[..., 3] >= 200
    assert ink.sum() > 1000
    assert (png[ink][:, :3] == (255, 0, 0)).all()  # blue ink, BGR
    alpha = png[..., 3]
    assert (alpha == 0).mean() > 0.3 and ((alpha > 0) & (alpha < 255)).any()  # transparent, soft edges
    assert seams.shown[-1].kind == "info" and editor.finisher.exported_path.name in seams.shown[-1].text


def test_undo_redo_restore_states(editor, qtbot, tmp_path):
    open_photo(qtbot, editor, tmp_path)
    s0 = editor.model.state
    editor.rotate_action.trigger()
    s1 = editor.model.state
    qtbot.mouseClick(editor.panel.ink_buttons["purple"], Qt.MouseButton.LeftButton)
    s2 = editor.model.state
    assert s0 != s1 != s2 and s2.ink == "purple"
    editor.undo_action.trigger()
    assert editor.model.state == s1
    assert editor.panel.ink_buttons["red"].isChecked()  # the controls follow the state
    editor.undo_action.trigger()
    assert editor.model.state == s0
    editor.redo_action.trigger()
    editor.redo_action.trigger()
    assert editor.model.state == s2
    assert [k.toString() for k in editor.undo_action.shortcuts()] == ["Ctrl+Z"]
    assert "Ctrl+Shift+Z" in [k.toString() for k in editor.redo_action.shortcuts()]


def test_slider_drag_is_coalesced_and_one_undo_step(editor, qtbot, tmp_path):
    open_photo(qtbot, editor, tmp_path)
    before_renders = editor.renderer.render_count
    steps = editor.model.undo_stack.count()
    slider = editor.panel.brightness
    slider.setSliderDown(True)  # the user grabs the handle …
    for value in range(1, 51):  # … and drags it: 50 valueChanged in a row
        slider.setValue(value)
    slider.setSliderDown(False)
    settle(qtbot, editor)
    renders = editor.renderer.render_count - before_renders
    assert 1 <= renders <= 5, renders
    assert editor.model.undo_stack.count() == steps + 1
    assert editor.model.state.brightness == pytest.approx(0.5)
    expected = render(editor.model.state, editor.model.source, proxy=True).image
    assert np.array_equal(editor.preview.image, expected)
    editor.undo_action.trigger()
    assert editor.model.state.brightness == 0.0


def test_dragging_a_crop_handle_is_one_undo_step(editor, qtbot, tmp_path):
    open_photo(qtbot, editor, tmp_path)
    view, item = editor.crop_view, editor.crop_view.crop_item
    start, steps = editor.model.state.crop, editor.model.undo_stack.count()
    corner = view.mapFromScene(item.rect().bottomRight())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    for dx in (10, 20, 30):
        qtbot.mouseMove(view.viewport(), corner + QPoint(dx, dx))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=corner + QPoint(30, 30))
    crop = editor.model.state.crop
    assert crop[:2] == pytest.approx(start[:2]) and crop[2] > start[2] and crop[3] > start[3]
    assert editor.model.undo_stack.count() == steps + 1
    editor.undo_action.trigger()
    assert editor.model.state.crop == start
    assert view.crop_item.rect().width() == pytest.approx(start[2] * view.frame.image.shape[1])


def test_arrow_keys_move_and_resize_the_crop(editor, qtbot, tmp_path):
    open_photo(qtbot, editor, tmp_path)
    x, y, w, h = editor.model.state.crop
    editor.crop_view.setFocus()
    qtbot.keyClick(editor.crop_view, Qt.Key.Key_Right)
    assert editor.model.state.crop == pytest.approx((x + 0.01, y, w, h))
    qtbot.keyClick(editor.crop_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert editor.model.state.crop == pytest.approx((x + 0.01, y, w, h + 0.01))
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.model.state.crop == pytest.approx((x, y, w, h))


def test_before_after_toggle(editor, qtbot, tmp_path):
    open_photo(qtbot, editor, tmp_path)
    assert editor.preview.image[..., 3].min() == 0
    editor.before_action.trigger()
    settle(qtbot, editor)
    before = editor.preview.image
    assert (before[..., 3] == 255).all()  # the untouched photo
    assert editor.model.undo_stack.count() == 0  # viewing is not an edit
    editor.before_action.trigger()
    settle(qtbot, editor)
    assert editor.preview.image[..., 3].min() == 0


def test_true_size_uses_the_screens_dpi(editor, qtbot, tmp_path):
    open_photo(qtbot, editor, tmp_path)
    editor.true_size_action.trigger()
    dpi = editor.screen().physicalDotsPerInch()
    ink_w = editor.preview._ink_px[0]
    assert editor.preview.transform().m11() * ink_w == pytest.approx(42 / 25.4 * dpi, rel=1e-6)
    assert "42 × 42 mm" in editor.status.text()


def test_precheck_findings_shown_in_words(editor, qtbot, tmp_path):
    open_photo(qtbot, editor, tmp_path)
    editor.run_check()
    qtbot.waitUntil(lambda: editor.findings.report is not None, timeout=WAIT)
    assert editor.findings.report.passed, editor.findings.texts()
    assert "passed" in editor.findings.summary.text()
    editor.panel.extract.setChecked(False)  # an opaque photo: the office would reject it
    assert editor.findings.report is None  # an edit makes the old result stale
    editor.run_check()
    qtbot.waitUntil(lambda: editor.findings.report is not None, timeout=WAIT)
    assert not editor.findings.report.passed
    texts = editor.findings.texts()
    assert texts[0].startswith("Likely rejected:")
    assert any("background" in t for t in texts)
    assert editor.findings.list.item(0).font().bold()


def test_accept_hands_back_png_and_choice(editor, qtbot, tmp_path):
    open_photo(qtbot, editor, tmp_path)
    editor.panel.seal_type.setCurrentIndex(editor.panel.seal_type.findData("contract"))
    editor.panel.seal_type.activated.emit(editor.panel.seal_type.currentIndex())
    assert editor.model.state.seal_type == "contract"
    assert editor.model.state.size_mm == (40.0, 40.0)  # the catalogue's default for a round one
    with qtbot.waitSignal(editor.imprint_ready, timeout=WAIT) as got:
        editor.buttons.accepted.emit()
    final = got.args[0]
    assert final is editor.final and final.seal_type == "contract" and final.shape == "round"
    assert final.size_mm == (40.0, 40.0) and final.pixels == (mm_to_px(40, 400),) * 2
    assert final.png.startswith(b"\x89PNG")


def test_no_camera_says_so(editor, qtbot):
    camera.set_backend(None)  # the real QtMultimedia backend: this machine has no camera
    assert camera.backend().cameras() == []
    assert camera.take_photo(editor, editor.load_photo) is None
    assert seams.shown[-1].kind == "warn"
    assert seams.shown[-1].text == camera.no_camera_message()
    assert "No camera was found" in seams.shown[-1].text


def test_findings_and_messages_are_translated(app, qtbot, tmp_path):
    if not i18n.install(app, "zh_CN"):
        pytest.skip("the zh_CN catalogue is not compiled (./dev builds it)")
    dialog = ImprintEditor()
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        open_photo(qtbot, dialog, tmp_path)
        dialog.panel.extract.setChecked(False)
        dialog.run_check()
        qtbot.waitUntil(lambda: dialog.findings.report is not None, timeout=WAIT)
        texts = dialog.findings.texts()
        assert texts[0].startswith("可能被退回：") and any("背景" in t for t in texts), texts
        assert dialog.windowTitle() == "印模编辑器"
        camera.set_backend(None)
        camera.take_photo(dialog, dialog.load_photo)
        assert seams.shown[-1].text.startswith("未找到摄像头")
    finally:
        dialog.renderer.shutdown()


class _FakeSource(FrameSource):
    def __init__(self, photo, parent):
        super().__init__(parent)
        self.photo = photo

    def start(self):
        from app.ui.seals.editor.items import bgr_to_qimage

        self.frame.emit(bgr_to_qimage(self.photo))

    def capture(self):
        QTimer.singleShot(0, self._deliver)

    def _deliver(self):
        self.captured.emit(self.photo.copy())

    def stop(self):
        pass


class _FakeBackend(CameraBackend):
    def __init__(self, photo):
        self.photo = photo

    def cameras(self):
        return [CameraInfo("fake0", "Synthetic camera")]

    def open(self, info: CameraInfo, parent: QObject) -> FrameSource:
        return _FakeSource(self.photo, parent)


def test_capture_through_a_frame_source(editor, qtbot):
    photo, _ = synthetic("blue")
    camera.set_backend(_FakeBackend(photo))
    try:
        dialog = camera.take_photo(editor, editor.load_photo)
        assert isinstance(dialog, CameraDialog)
        assert dialog.picker.currentText() == "Synthetic camera"
        assert not dialog.view.pixmap().isNull()  # the live view showed a frame
        qtbot.mouseClick(dialog.capture_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: editor.model.source is not None, timeout=WAIT)
        settle(qtbot, editor)
        assert np.array_equal(editor.model.source.full, photo)
        assert editor.model.state.crop is not None
    finally:
        camera.set_backend(None)


def test_quarter_turns_and_straightening_keep_the_crop_on_the_seal():
    from app.core.seal.imaging import EditState

    state = EditState(crop=(0.1, 0.2, 0.3, 0.4), guide=(0.5, 0.45, 0.4, 0.3, 10.0))
    turned = state
    for _ in range(4):
        turned = edits.rotate_quarter(turned)
    assert turned.quarter_turns == 0
    assert turned.crop == pytest.approx(state.crop) and turned.guide == pytest.approx(state.guide)
    there = edits.straighten_to(state, 7.5, (1000, 750))
    back = edits.straighten_to(there, 0.0, (1000, 750))
    assert back.crop == pytest.approx(state.crop)
