"""Export: an imprint at its true size, as a PNG with transparency and its dpi recorded."""

from __future__ import annotations

import cv2
import numpy as np

from ...errors import InvalidInput
from .pngio import encode_png, mm_to_px

#: Seal offices ask for at least this; 400 dpi is 15.7 pixels per millimetre.
MIN_DPI = 400
#: Alpha (0-255) above which a pixel counts as ink when finding the imprint's extent.
EXTENT_ALPHA = 64


def ink_bounds(bgra: np.ndarray) -> tuple[int, int, int, int]:
    """(x, y, w, h) of the pixels with alpha ≥ EXTENT_ALPHA."""
    ys, xs = np.nonzero(bgra[..., 3] >= EXTENT_ALPHA)
    if xs.size == 0:
        raise InvalidInput("The imprint is empty: no ink left after extraction")
    return int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)


def resize_bgra(bgra: np.ndarray, width: int, height: int) -> np.ndarray:
    """Resize with premultiplied alpha, so transparent pixels' colour never bleeds into edges.

    Fully transparent pixels get the ink's mean colour rather than black: a viewer that scales the
    PNG without premultiplying then draws no dark fringe around the ink.
    """
    alpha = bgra[..., 3:4].astype(np.float32) / 255.0
    premul = np.concatenate([bgra[..., :3].astype(np.float32) * alpha, alpha * 255.0], axis=2)
    shrinking = width < bgra.shape[1] or height < bgra.shape[0]
    interp = cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC
    out = np.clip(cv2.resize(premul, (width, height), interpolation=interp), 0, 255)
    a = out[..., 3:4]
    mean = out[..., :3].reshape(-1, 3).sum(axis=0) * 255.0 / max(float(a.sum()), 1e-3)
    colour = np.where(a > 0, out[..., :3] * 255.0 / np.maximum(a, 1e-3), mean)
    return np.concatenate([np.clip(colour, 0, 255), a], axis=2).round().astype(np.uint8)


def fit_to_size(bgra: np.ndarray, size_mm: tuple[float, float], dpi: float = MIN_DPI) -> np.ndarray:
    """Crop to the ink's extent and scale it to ``size_mm`` (w, h) at ``dpi``.

    The seal's nominal size is its outer edge, so the ink's bounding box is mapped onto it exactly
    (independently in x and y, which also undoes a slight squash from a tilted photo).
    """
    if dpi < 72 or dpi > 2400:
        raise InvalidInput("The resolution must be between 72 and 2400 dpi, not {dpi}", dpi=dpi)
    if min(size_mm) <= 0 or max(size_mm) > 200:
        raise InvalidInput(
            "The seal size must be between 0 and 200 mm, not {w}×{h} mm", w=size_mm[0], h=size_mm[1]
        )
    x, y, w, h = ink_bounds(bgra)
    return resize_bgra(
        bgra[y : y + h, x : x + w], mm_to_px(size_mm[0], dpi), mm_to_px(size_mm[1], dpi)
    )


def export_png(bgra: np.ndarray, size_mm: tuple[float, float], dpi: float = MIN_DPI) -> bytes:
    """PNG bytes of the imprint at its true size, with a pHYs chunk recording ``dpi``."""
    return encode_png(fit_to_size(bgra, size_mm, dpi), dpi=dpi)
