"""Frames as the decoder takes them: grey ``uint8`` arrays, bounded in size when asked."""

from __future__ import annotations

import cv2
import numpy as np

from ..errors import InvalidInput


def to_grey(frame: np.ndarray) -> np.ndarray:
    """A grey ``uint8`` (H, W) view or copy of a grey, BGR or BGRA ``uint8`` frame."""
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8:
        raise InvalidInput("A frame must be an 8-bit image array")
    if frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[:, :, 0]
    if frame.ndim == 2:
        grey = frame
    elif frame.ndim == 3 and frame.shape[2] == 3:
        grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    elif frame.ndim == 3 and frame.shape[2] == 4:
        grey = cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    else:
        raise InvalidInput("A frame must be grey, BGR or BGRA, not of shape {shape}",
                           shape=str(frame.shape))
    if min(grey.shape) < 1:
        raise InvalidInput("The frame is empty")
    return np.ascontiguousarray(grey)


def bounded(grey: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    """``(image, factor)``: ``grey`` shrunk (area average) so its long side is at most
    ``max_side``, and the factor from frame pixels to the returned image's pixels (≤ 1)."""
    h, w = grey.shape[:2]
    factor = max_side / max(h, w)
    if factor >= 1:
        return grey, 1.0
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    return cv2.resize(grey, size, interpolation=cv2.INTER_AREA), factor
