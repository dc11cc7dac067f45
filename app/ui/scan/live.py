"""Live decoding off the GUI thread: the newest frame wins, stale ones are dropped.

The camera hands every frame to :meth:`LiveScanner.offer` on the GUI thread, which only swaps
it into a one-frame slot (no copy, no wait: ``QImage`` is implicitly shared). One decoder thread
takes whatever frame is in the slot when it is free, so a slow frame never queues up the ones
behind it and the view never waits for the decoder. Results come back as the ``found`` signal
(queued to the GUI thread), tagged with the frame's sequence number and size so the outline
is drawn on the frame it belongs to.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from ..camera import qimage_to_bgr


@dataclass(frozen=True)
class Sighting:
    """What one decoded frame held: its codes, and the frame they were found in."""

    seq: int
    image: QImage  # the very frame decoded: the outline is drawn on it, not on a later one
    codes: tuple[Any, ...]  # app.core.qr codes: .text, .points (in this frame's pixels), ...


class LiveScanner(QObject):
    """Decodes the newest offered frame on one worker thread; ``found`` when a frame held codes."""

    found = Signal(object)  # Sighting
    failed = Signal(str)  # the decoder raised: a bug, reported once, scanning stops

    def __init__(self, make_decoder: Callable[[], Callable[[np.ndarray], Sequence[Any]]],
                 parent: QObject | None = None) -> None:
        """``make_decoder()`` gives each decoding thread its own decoder (live decoders keep
        state between frames and are not shared between threads)."""
        super().__init__(parent)
        self._make_decoder = make_decoder
        self._wake = threading.Condition()
        self._slot: tuple[int, QImage] | None = None
        self._running = False
        self._generation = 0  # a thread outliving its stop() (still in a decode) sees it changed and ends
        self._thread: threading.Thread | None = None
        self.offered = 0
        self.decoded = 0
        self.dropped = 0  # frames replaced in the slot before the decoder took them
        self.decoder_threads: set[int] = set()  # for tests: where decoding really ran

    def start(self) -> None:
        with self._wake:
            if self._running:
                return
            self._running = True
            self._slot = None
            self._generation += 1
            generation = self._generation
        self._thread = threading.Thread(target=self._run, args=(generation,), name="qr-live", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop decoding at once, without waiting: a frame being decoded finishes on its thread,
        which then ends without emitting its result."""
        with self._wake:
            self._running = False
            self._slot = None
            self._wake.notify_all()
        self._thread = None

    @property
    def running(self) -> bool:
        return self._running

    def offer(self, image: QImage) -> None:
        """Called for every camera frame on the GUI thread: O(1), never blocks on the decoder."""
        with self._wake:
            if not self._running:
                return
            self.offered += 1
            if self._slot is not None:
                self.dropped += 1
            self._slot = (self.offered, image)
            self._wake.notify()

    def _current(self, generation: int) -> bool:
        return self._running and self._generation == generation

    def _run(self, generation: int) -> None:
        decode = self._make_decoder()
        while True:
            with self._wake:
                while self._current(generation) and self._slot is None:
                    self._wake.wait()
                if not self._current(generation):
                    return
                seq, image = self._slot
                self._slot = None
            self.decoder_threads.add(threading.get_ident())
            try:
                frame = qimage_to_bgr(image)
                codes = tuple(decode(frame))
            except Exception as exc:  # noqa: BLE001 (a decoder bug must not kill the thread silently)
                with self._wake:
                    if not self._current(generation):
                        return
                    self._running = False
                self._emit(self.failed, f"{type(exc).__name__}: {exc}")
                return
            self.decoded += 1
            with self._wake:
                if not self._current(generation):
                    return
            if codes:
                self._emit(self.found, Sighting(seq, image, codes))

    @staticmethod
    def _emit(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the page was closed meanwhile: nobody is left to tell
            pass
