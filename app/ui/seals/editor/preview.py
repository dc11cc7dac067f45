"""Live preview: renders on the proxy image, one frame at a time, coalescing rapid changes.

A slider drag emits dozens of states a second. At most one render runs (on a single-thread pool, so
a slow machine never stalls the GUI); while it runs, only the latest requested state is kept and is
rendered next. Each finished frame is shown, so the preview follows a drag as fast as the machine
can render, and always ends on the last state.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from ....core.seal.imaging import EditState, Rendered, SourceImage, render, rotate90, straighten
from ... import errors
from ...operations import BackgroundOp


@dataclass(frozen=True)
class Frame:
    """The proxy photo turned and straightened: what the crop view shows."""

    key: tuple[int, float]
    image: np.ndarray  # BGR uint8


@dataclass(frozen=True)
class PreviewResult:
    state: EditState  # the state that was rendered (the display state, e.g. "before")
    rendered: Rendered
    frame: Frame | None  # only when the turn or straighten angle changed
    ms: float


def frame_key(state: EditState) -> tuple[int, float]:
    return (state.quarter_turns % 4, round(state.straighten_deg, 3))


def make_frame(source: SourceImage, key: tuple[int, float]) -> Frame:
    image = source.proxy
    if key[0]:
        image = rotate90(image, key[0])
    if abs(key[1]) > 1e-6:
        image = straighten(image, key[1])
    return Frame(key, image)


def _job(state: EditState, source: SourceImage, frame_key_needed: tuple[int, float] | None):
    def op(progress, cancel) -> PreviewResult:
        start = time.perf_counter()
        frame = make_frame(source, frame_key_needed) if frame_key_needed is not None else None
        rendered = render(state, source, proxy=True, cancel=cancel)
        return PreviewResult(state, rendered, frame, (time.perf_counter() - start) * 1000)

    return op


class PreviewRenderer(QObject):
    """``request(state, source)`` as often as you like; ``ready`` fires with each finished frame."""

    ready = Signal(object)  # PreviewResult
    idle = Signal()  # nothing in flight and nothing pending

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._busy = False
        self._pending: tuple[EditState, SourceImage] | None = None
        self._frame_key: tuple[int, float] | None = None
        self._source: SourceImage | None = None
        self.render_count = 0
        self.last_ms = 0.0

    @property
    def busy(self) -> bool:
        return self._busy or self._pending is not None

    def request(self, state: EditState, source: SourceImage) -> None:
        if self._busy:
            self._pending = (state, source)
            return
        self._start(state, source)

    def _start(self, state: EditState, source: SourceImage) -> None:
        if source is not self._source:
            self._source, self._frame_key = source, None
        key = frame_key(state)
        needed = key if key != self._frame_key else None
        self._frame_key = key
        self._busy = True
        self.render_count += 1
        op = BackgroundOp(None, op=_job(state, source, needed), success=self._finished)
        op.failure(self._failed).in_pool(self._pool).run()

    def _next(self) -> None:
        self._busy = False
        if self._pending is not None:
            state, source = self._pending
            self._pending = None
            self._start(state, source)
        else:
            self.idle.emit()

    def _finished(self, result: PreviewResult) -> None:
        if not shiboken6.isValid(self):
            return
        self.last_ms = result.ms
        self.ready.emit(result)
        self._next()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._frame_key = None
        parent = self.parent()
        errors.show(parent if isinstance(parent, QWidget) else None, exc)
        self._next()

    def shutdown(self) -> None:
        """Drop what is pending and wait for the frame in flight (on close)."""
        self._pending = None
        self._pool.waitForDone()
