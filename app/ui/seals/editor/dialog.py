"""The imprint editor dialog: photo in, clean true-size PNG out.

Open a photo (file or webcam), adjust crop / turn / straighten / light / ink / catalogue entry with a
live preview on the proxy image, pre-check at full resolution, export or hand the PNG back to the
caller (``imprint_ready(FinalImprint)`` and :attr:`final` once accepted).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ....core.seal.imaging import EditState
from ... import camera, seams, theme
from ...operations import BackgroundOp
from .controls import ControlPanel
from .edits import rotate_quarter
from .finish import FinalImprint, PrecheckPanel
from .finishing import Finisher
from .loading import load_file_op, load_photo_op, propose_op
from .model import EditorModel
from .preview import PreviewRenderer, PreviewResult
from .views import CropView, PreviewView


def _before(state: EditState) -> EditState:
    """What "before" shows: the same crop of the photo, untouched."""
    return state.with_changes(extract=False, brightness=0.0, contrast=0.0, shape="square")


class ImprintEditor(QDialog):
    imprint_ready = Signal(object)  # FinalImprint, when the user accepts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EditorModel(self)
        self.renderer = PreviewRenderer(self)
        self.final: FinalImprint | None = None
        self.finisher = Finisher(self.model, self)
        self.crop_view, self.preview = CropView(self), PreviewView(self)
        self.panel = ControlPanel(self.model, self)
        self.findings = PrecheckPanel(self)
        self.status = QLabel(self)
        self._make_actions()
        self._build()
        self._connect()
        self.retranslate()
        self.resize(1280, 760)

    # -- construction ----------------------------------------------------------------------------

    def _action(self, icon: str, keys, slot: Callable, checkable: bool = False) -> QAction:
        action = QAction(theme.icon(icon), "", self)
        action.setShortcuts(keys if isinstance(keys, list) else [QKeySequence(keys)])
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        stack = self.model.undo_stack
        self.open_action = self._action("open-image", QKeySequence.StandardKey.Open, self.open_file)
        self.camera_action = self._action("camera", "Ctrl+Shift+C", self.take_photo)
        self.detect_action = self._action("auto-crop", "Ctrl+D", self.detect)
        self.rotate_action = self._action("rotate", "Ctrl+R", self.rotate)
        self.undo_action = stack.createUndoAction(self)  # "Undo <what>", Qt's own translation
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([self.undo_action, self.redo_action])
        self.before_action = self._action("compare", "Ctrl+B", self._refresh, checkable=True)
        self.true_size_action = self._action("ruler", "Ctrl+T", self._true_size, checkable=True)
        self.check_action = self._action("check", "F7", self.run_check)
        self.export_action = self._action("export", "Ctrl+E", self.export_png)

    def _build(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for group in ((self.open_action, self.camera_action), (self.detect_action, self.rotate_action),
                      (self.undo_action, self.redo_action), (self.before_action, self.true_size_action)):
            self.toolbar.addActions(list(group))
            self.toolbar.addSeparator()
        self.empty = QWidget(self)
        self.empty_label = QLabel(self.empty)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_open, self.empty_camera = QPushButton(self.empty), QPushButton(self.empty)
        self.empty_open.clicked.connect(self.open_file)
        self.empty_camera.clicked.connect(self.take_photo)
        empty = QVBoxLayout(self.empty)
        empty.addStretch(1)
        empty.addWidget(self.empty_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_open)
        row.addWidget(self.empty_camera)
        row.addStretch(1)
        empty.addLayout(row)
        empty.addStretch(1)
        views = QSplitter(Qt.Orientation.Horizontal, self)
        views.addWidget(self.crop_view)
        views.addWidget(self.preview)
        views.setSizes([1, 1])
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(views)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.panel)
        side_layout.addWidget(self.findings, 1)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.pages)
        body.addWidget(side)
        body.setStretchFactor(0, 1)
        body.setSizes([900, 340])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.check_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(body, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.model.state_changed.connect(self._state_changed)
        self.model.source_changed.connect(self._source_changed)
        self.renderer.ready.connect(self._preview_ready)
        self.finisher.ready.connect(self._final_ready)
        self.crop_view.drag_started.connect(self.model.begin_merge)
        self.crop_view.crop_edited.connect(self._crop_edited)
        self.check_button.clicked.connect(self.run_check)
        self.export_button.clicked.connect(self.export_png)
        self.buttons.accepted.connect(self.use_imprint)
        self.buttons.rejected.connect(self.reject)
        self._enable(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Imprint editor"))
        texts = {self.open_action: self.tr("Open photo…"), self.camera_action: self.tr("Take photo…"),
                 self.detect_action: self.tr("Find the seal"), self.rotate_action: self.tr("Rotate 90°"),
                 self.before_action: self.tr("Before/after"), self.true_size_action: self.tr("True size"),
                 self.check_action: self.tr("Check"), self.export_action: self.tr("Export PNG…")}
        for action, text in texts.items():
            action.setText(text)
            action.setToolTip(self.tr("{action} ({keys})").format(
                action=text.rstrip("…"), keys=action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        self.empty_label.setText(self.tr("Open a photo of the stamped seal, or take one with the webcam."))
        self.empty_open.setText(self.tr("Open photo…"))
        self.empty_camera.setText(self.tr("Take photo…"))
        self.check_button.setText(self.tr("Check"))
        self.export_button.setText(self.tr("Export PNG…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this imprint"))
        self.crop_view.setAccessibleName(self.tr("Photo with crop rectangle and seal outline"))
        self.preview.setAccessibleName(self.tr("Imprint preview"))

    def _enable(self, on: bool) -> None:
        for widget in (self.detect_action, self.rotate_action, self.before_action, self.true_size_action,
                       self.check_action, self.export_action, self.panel, self.check_button,
                       self.export_button, self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            widget.setEnabled(on)

    # -- loading ---------------------------------------------------------------------------------

    def open_file(self) -> None:
        files = seams.choose_files(self, self.tr("Open a photo of the seal"))
        if files:
            BackgroundOp(self, op=load_file_op(Path(files[0])), success=self._loaded).with_progress(
                self.tr("Opening the photo…")).run()

    def take_photo(self) -> None:
        camera.take_photo(self, self.load_photo)

    def load_photo(self, bgr: np.ndarray) -> None:
        BackgroundOp(self, op=load_photo_op(bgr), success=self._loaded).with_progress(
            self.tr("Opening the photo…")).run()

    def _loaded(self, loaded) -> None:
        source, state, found = loaded
        self.model.load(source, state)
        if not found:
            seams.info(self, self.windowTitle(), self.tr(
                "No seal was found automatically. Drag the crop rectangle around the imprint."))

    def _source_changed(self) -> None:
        self.pages.setCurrentIndex(1)
        self._enable(True)
        self.crop_view.resetTransform()

    # -- edits -----------------------------------------------------------------------------------

    def rotate(self) -> None:
        new = rotate_quarter(self.model.state)
        self.model.change(self.tr("Rotate 90°"), quarter_turns=new.quarter_turns, crop=new.crop, guide=new.guide)

    def detect(self) -> None:
        frame = self.crop_view.frame
        if frame is not None:
            BackgroundOp(self, op=propose_op(frame.image), success=self._detected).run()

    def _detected(self, fields: dict) -> None:
        self.model.change(self.tr("Find the seal"), **fields)

    def _crop_edited(self, crop, guide, final: bool) -> None:
        self.model.change(self.tr("Crop"), crop=crop, guide=guide)
        if final:
            self.model.end_merge()

    def _state_changed(self, state: EditState) -> None:
        self.crop_view.set_state(state)
        self.findings.show_report(None)
        self._refresh()

    def _refresh(self) -> None:
        source, state = self.model.source, self.model.state
        if source is not None:
            self.renderer.request(_before(state) if self.before_action.isChecked() else state, source)

    def _preview_ready(self, result: PreviewResult) -> None:
        if result.frame is not None:
            self.crop_view.set_frame(result.frame)
        self.preview.set_image(result.rendered.image, self.model.state.size_mm)
        self._show_status()

    def _true_size(self, on: bool) -> None:
        self.preview.set_true_size(on)
        self._show_status()

    def _show_status(self) -> None:
        w, h = self.model.state.size_mm
        text = self.tr("Size {w} × {h} mm. Preview rendered in {ms} ms.").format(
            w=f"{w:g}", h=f"{h:g}", ms=round(self.renderer.last_ms))
        screen = self.screen()
        if self.preview.true_size and screen is not None:
            text += " " + self.tr("Shown at true size ({dpi} dots per inch on this screen).").format(
                dpi=round(screen.physicalDotsPerInch()))
        self.status.setText(text)

    # -- finishing -------------------------------------------------------------------------------

    def run_check(self) -> None:
        """Render at full resolution and pre-check; the panel shows the findings."""
        self.finisher.check()

    def export_png(self) -> None:
        self.finisher.export()

    def _final_ready(self, final: FinalImprint) -> None:
        self.findings.show_report(final.report)

    def use_imprint(self) -> None:
        self.finisher.then(self._accept_final)

    def _accept_final(self, final: FinalImprint) -> None:
        if not final.report.passed and not seams.confirm(self, self.windowTitle(), self.tr(
                "The seal office would likely reject this imprint (see the pre-check). Use it anyway?")):
            return
        self.final = final
        self.imprint_ready.emit(final)
        self.accept()

    def done(self, result: int) -> None:
        self.renderer.shutdown()
        super().done(result)
