"""Brightness and contrast, as the editor's two sliders."""

from __future__ import annotations

import cv2
import numpy as np


def adjust_tone(image: np.ndarray, *, brightness: float = 0.0, contrast: float = 0.0) -> np.ndarray:
    """Brightness and contrast in [-1, 1] (0 = unchanged) on a uint8 BGR/BGRA image.

    Contrast pivots around mid-grey (factor ``2**(2*contrast)``, so ±1 is ×4 / ×¼); brightness
    adds up to ±255. Alpha, if present, is left alone. One ``cv2.LUT`` pass, so it is cheap on a
    preview proxy and linear in pixels at full size.
    """
    if brightness == 0 and contrast == 0:
        return image.copy()
    gain = 2.0 ** (2.0 * float(np.clip(contrast, -1, 1)))
    values = (
        (np.arange(256, dtype=np.float32) - 127.5) * gain
        + 127.5
        + 255.0 * float(np.clip(brightness, -1, 1))
    )
    lut = np.clip(np.round(values), 0, 255).astype(np.uint8)
    if image.ndim == 3 and image.shape[2] == 4:
        out = image.copy()
        out[..., :3] = cv2.LUT(image[..., :3], lut)
        return out
    return cv2.LUT(image, lut)
