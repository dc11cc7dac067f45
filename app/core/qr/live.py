"""Decoding a camera stream: :class:`LiveDecoder` bounds the work per frame.

Every frame gets the first zxing-cpp pass on a copy at most ``max_side`` long; a frame where that
reads nothing also gets *one* fallback stage, the next in a fixed cycle, so each stage — WeChat
included, once per cycle — sees a frame every few frames, and no frame pays for them all. A code
held in front of the camera stays for many frames, so it meets every stage within a fraction of a
second while the decoder keeps up with the camera.
"""

from __future__ import annotations

import numpy as np

from .code import Code
from .frames import bounded, to_grey
from .stages import FALLBACKS, ZXING, Stage, scaled

#: Long side of the copy a live frame is decoded on (720p frames are decoded as they are).
LIVE_MAX_SIDE = 1280


class LiveDecoder:
    """Stateful decoder for a stream of frames; one per worker thread, never shared."""

    def __init__(self, *, max_side: int = LIVE_MAX_SIDE,
                 fallbacks: tuple[Stage, ...] = FALLBACKS) -> None:
        self.max_side = max_side
        self.fallbacks = fallbacks
        self._next = 0

    def decode(self, frame: np.ndarray) -> list[Code]:
        """Codes in this frame (points in its pixels): the first pass, else one fallback."""
        work, factor = bounded(to_grey(frame), self.max_side)
        codes = ZXING.run(work)
        if not codes:
            stage = self._next_stage(work)
            codes = stage.run(work) if stage else []
        return scaled(codes, factor)

    def reset(self) -> None:
        """Start the cycle again (e.g. when the camera changes)."""
        self._next = 0

    def _next_stage(self, work: np.ndarray) -> Stage | None:
        for _ in range(len(self.fallbacks)):
            stage = self.fallbacks[self._next]
            self._next = (self._next + 1) % len(self.fallbacks)
            if stage.applies(work):
                return stage
        return None
