"""Colour-space helpers: sRGB <-> linear light, CIE Lab, and colour differences.

Ink physics is (roughly) multiplicative in *linear* light: a pixel covered by a fraction ``a`` of
ink reflects ``paper * (1 - a) + ink * a``. Camera JPEGs are sRGB-encoded, so extraction linearises
first (through a 256-entry table, which is fast) and measures everything else there.
"""

from __future__ import annotations

import cv2
import numpy as np


def _srgb_to_linear(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _linear_to_srgb(c: np.ndarray) -> np.ndarray:
    c = np.clip(c, 0.0, 1.0)
    return np.where(c <= 0.0031308, c * 12.92, 1.055 * np.power(c, 1 / 2.4) - 0.055)


#: uint8 sRGB value -> linear light in [0, 1] (float32), used with ``cv2.LUT``.
SRGB_TO_LINEAR_LUT = _srgb_to_linear(np.arange(256, dtype=np.float64) / 255.0).astype(np.float32)


def to_linear(image_u8: np.ndarray) -> np.ndarray:
    """uint8 sRGB image (any channel count) -> float32 linear light in [0, 1]."""
    return cv2.LUT(image_u8, SRGB_TO_LINEAR_LUT)


def to_srgb_u8(linear: np.ndarray) -> np.ndarray:
    """float linear light -> uint8 sRGB (rounded, clipped)."""
    return np.round(_linear_to_srgb(np.asarray(linear, dtype=np.float32)) * 255.0).astype(np.uint8)


def bgr_to_lab(bgr_u8: np.ndarray) -> np.ndarray:
    """uint8 BGR pixels (..., 3) -> float32 CIE Lab (L in 0..100, a/b in about -128..127)."""
    arr = np.asarray(bgr_u8, dtype=np.float32).reshape(-1, 1, 3) / 255.0
    lab = cv2.cvtColor(arr, cv2.COLOR_BGR2Lab)
    return lab.reshape(np.asarray(bgr_u8).shape[:-1] + (3,))


def delta_e(
    bgr_a: np.ndarray | tuple[int, int, int], bgr_b: np.ndarray | tuple[int, int, int]
) -> np.ndarray:
    """CIE76 colour difference between uint8 BGR colours (broadcasts)."""
    lab_a = bgr_to_lab(np.asarray(bgr_a, dtype=np.uint8))
    lab_b = bgr_to_lab(np.asarray(bgr_b, dtype=np.uint8))
    return np.linalg.norm(lab_a - lab_b, axis=-1)
