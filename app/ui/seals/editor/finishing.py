"""One full-resolution render per state, shared by Check, Export PNG… and Use this imprint.

The final imprint (render → true-size PNG → pre-check) takes a fraction of a second on a 12 MP
photo, so it runs in a ``BackgroundOp`` with progress, and is kept until the state changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ....core.bidx.naming import safe_file_name
from ... import seams
from ...operations import BackgroundOp
from .finish import FinalImprint, finish_op, write_png_op
from .model import EditorModel


def export_name(final: FinalImprint) -> str:
    """The exported file's name, reduced like every name written into a folder the user chose."""
    w, h = final.size_mm
    return safe_file_name(f"imprint-{final.seal_type or 'seal'}-{w:g}x{h:g}mm.png", "imprint.png")


class Finisher(QObject):
    ready = Signal(object)  # FinalImprint of the current state (its report is the pre-check)

    def __init__(self, model: EditorModel, window: QWidget) -> None:
        super().__init__(window)
        self._model, self._window = model, window
        self._final: FinalImprint | None = None
        self._folder: Path | None = None
        self.exported_path: Path | None = None
        model.state_changed.connect(self._stale)

    def _stale(self) -> None:
        self._final = None

    def then(self, callback: Callable[[FinalImprint], None]) -> None:
        """Call ``callback(final)`` with the final imprint of the current state (rendered if needed)."""
        if self._final is not None and self._final.state == self._model.state:
            callback(self._final)
            return
        source = self._model.source
        if source is None:
            return
        BackgroundOp(self._window, op=finish_op(self._model.state, source), success=self._done(callback)) \
            .with_progress(self.tr("Rendering the imprint at full resolution…")).run()

    def _done(self, callback: Callable[[FinalImprint], None]) -> Callable[[FinalImprint], None]:
        def done(final: FinalImprint) -> None:
            if not shiboken6.isValid(self):
                return
            if final.state == self._model.state:
                self._final = final
                self.ready.emit(final)
            callback(final)

        return done

    def check(self) -> None:
        self.then(self._nothing_more)

    def _nothing_more(self, final: FinalImprint) -> None:
        """``ready`` already carried the report to the panel."""

    def export(self) -> None:
        folder = seams.choose_folder(self._window, self.tr("Export the imprint to a folder"))
        if folder:
            self._folder = Path(folder)
            self.then(self._write)

    def _write(self, final: FinalImprint) -> None:
        path = self._folder / export_name(final)
        if path.exists() and not seams.confirm(self._window, self._window.windowTitle(), self.tr(
                "{name} already exists. Replace it?").format(name=path.name)):
            return
        BackgroundOp(self._window, op=write_png_op(path, final.png), success=self._written).run()

    def _written(self, path: Path) -> None:
        self.exported_path = path
        seams.info(self._window, self._window.windowTitle(),
                   self.tr("The imprint was saved as {path}.").format(path=str(path)))
