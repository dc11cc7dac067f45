"""Ink extraction: a photo of a stamped imprint -> a soft alpha map and the ink's colour.

The model: in linear light a pixel is ``light * (paper * (1 - a) + ink * a)`` where ``a`` is the
ink coverage. So

1. estimate ``light * paper`` everywhere (the *background*) with a morphological closing per
   channel on a small copy: ink only ever darkens some channel, so a closing (max then min) larger
   than the widest ink stroke removes the ink but keeps large shadows, vignetting and paper tint,
   whose edges a closing preserves;
2. divide it out: ``v = 1 - photo / background = a * (1 - ink/paper)`` is the ink signal, linear in
   the coverage ``a`` and pointing in one fixed direction ``u`` for a given ink, whatever the light;
3. find ``u`` from the solidly inked pixels (Otsu on |v|, then the median of the strongest), and
   unmix: ``a = v·u / u·u``, minus the off-direction residual (dirt, stray shadows of another hue);
4. map ``a`` to alpha with a ramp symmetric about 0.5 whose lower end sits above the measured
   paper noise, so half-covered edge pixels stay half transparent (soft edges, no hard threshold);
5. drop speckles: connected components too small to be part of a seal.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .colour import to_linear, to_srgb_u8
from .geometry import resize_max_side

#: Side of the small copy used for the background estimate (speed; light varies slowly).
BACKGROUND_SIDE = 192
#: Pixels sampled for the statistics (ink direction, noise floor): plenty, and fast.
SAMPLE_PIXELS = 40_000
#: Closing kernel as a fraction of the longest side: wider than the solid star of a seal that
#: fills the frame (its inscribed circle is ~13 % of the seal's diameter).
CLOSING_FRACTION = 0.16
#: An "ink" that absorbs less than this share of the light is paper noise, not ink.
MIN_INK_STRENGTH = 0.12
#: Weight of the off-direction residual subtracted from the coverage.
RESIDUAL_WEIGHT = 0.5


@dataclass(frozen=True)
class InkExtraction:
    """Result of :func:`extract_ink`."""

    alpha: np.ndarray  # float32 (H, W) in [0, 1]: ink coverage
    ink_bgr: tuple[int, int, int]  # the ink's colour on white paper, uint8 sRGB BGR
    noise_floor: float  # coverage level treated as paper noise (the ramp's lower end)


def estimate_background(bgr: np.ndarray) -> np.ndarray:
    """Per-channel ``light * paper`` in linear light, float32 (H, W, 3) like the photo."""
    small, _ = resize_max_side(
        bgr, BACKGROUND_SIDE
    )  # uint8 area average: fast, and paper is smooth
    small = cv2.GaussianBlur(to_linear(small), (3, 3), 0)
    k = max(3, int(CLOSING_FRACTION * max(small.shape[:2])) | 1)
    # A square kernel: separable, so OpenCV runs it in a fraction of an ellipse's time.
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel, borderType=cv2.BORDER_REPLICATE)
    closed = cv2.GaussianBlur(closed, (0, 0), k / 6)
    h, w = bgr.shape[:2]
    return cv2.max(cv2.resize(closed, (w, h), interpolation=cv2.INTER_LINEAR), 1e-3)


def ink_signal(bgr: np.ndarray) -> np.ndarray:
    """float32 (H, W, 3): ``1 - photo / background`` in linear light (0 on paper)."""
    return cv2.subtract(1.0, cv2.divide(to_linear(bgr), estimate_background(bgr)), dtype=cv2.CV_32F)


def _sample(image: np.ndarray) -> np.ndarray:
    """A regular grid of about SAMPLE_PIXELS pixels (statistics need no more)."""
    step = max(1, int(np.sqrt(image.shape[0] * image.shape[1] / SAMPLE_PIXELS)))
    return image[::step, ::step]


def ink_direction(signal: np.ndarray) -> np.ndarray:
    """The ink's signal vector ``u`` (full coverage), from the strongest pixels of an Otsu split."""
    sample = _sample(signal).reshape(-1, 3)
    strength = np.linalg.norm(sample, axis=1)
    scaled = np.clip(strength * 255.0, 0, 255).astype(np.uint8)
    threshold, _ = cv2.threshold(scaled, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    inked = sample[scaled > max(threshold, 12)]
    if len(inked) < 16:
        return np.array([0.5, 0.5, 0.5], np.float32)  # no ink: any direction; alpha will be ~0
    core = inked[np.linalg.norm(inked, axis=1) >= np.percentile(np.linalg.norm(inked, axis=1), 60)]
    return np.median(core, axis=0).astype(np.float32)


def coverage(signal: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Unmixed ink coverage (float32, H×W): projection on ``u`` minus part of the residual."""
    n = float(np.linalg.norm(u))
    # One threaded cv2.transform gives the coordinate along u (scaled to coverage) and the two
    # coordinates across it (an orthonormal basis of u's complement) for every pixel.
    basis = np.linalg.svd(u.reshape(1, 3).astype(np.float64))[2]  # row 0 = ±u/|u|, rows 1-2 ⟂ u
    rows = np.vstack([u / (n * n), basis[1:] * (RESIDUAL_WEIGHT / n)]).astype(np.float32)
    a, r1, r2 = cv2.split(cv2.transform(signal, rows))
    return cv2.subtract(a, cv2.magnitude(r1, r2))


def noise_floor(a: np.ndarray) -> float:
    """Lower end of the alpha ramp: a robust spread of the paper's coverage values, 0.08–0.35."""
    sample = _sample(a)
    paper = sample[sample < 0.3]
    if paper.size < 16:
        return 0.2
    mad = float(np.median(np.abs(paper - np.median(paper))))
    return float(np.clip(np.median(paper) + 4.0 * 1.4826 * mad, 0.08, 0.35))


def remove_speckles(alpha: np.ndarray, *, min_area_fraction: float = 2e-5) -> np.ndarray:
    """Zero the alpha of connected ink blobs smaller than a fraction of the image area."""
    mask = cv2.compare(alpha, 0.25, cv2.CMP_GT)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8, ltype=cv2.CV_16U)
    min_area = max(4, int(min_area_fraction * alpha.size))
    small = stats[:, cv2.CC_STAT_AREA] < min_area
    small[0] = False  # label 0 is the background: leave its faint alpha to the ramp
    if not small.any():
        return alpha
    out = alpha.copy()
    out[small[labels]] = 0.0
    return out


def extract_ink(bgr: np.ndarray) -> InkExtraction:
    """Soft ink alpha and ink colour of a BGR uint8 photo (any size, any ink colour)."""
    signal = ink_signal(bgr)
    u = ink_direction(signal)
    if float(np.linalg.norm(u)) < MIN_INK_STRENGTH:  # blank paper: nothing to extract
        return InkExtraction(np.zeros(bgr.shape[:2], np.float32), (0, 0, 0), 1.0)
    a = coverage(signal, u)
    lo = noise_floor(a)
    alpha = cv2.min(cv2.max((a - lo) * (1.0 / (1.0 - 2.0 * lo)), 0.0), 1.0)
    alpha = remove_speckles(alpha)
    # The median direction comes from unevenly inked pixels; the colour of *full* coverage is
    # better judged from the well-inked ones (90th percentile of the coverage).
    inked = _sample(a)[_sample(alpha) > 0.5]
    full = float(np.percentile(inked, 90)) if inked.size > 16 else 1.0
    ink_linear = np.clip(1.0 - u * max(full, 1.0), 0.0, 1.0)  # the ink on white paper
    b, g, r = (int(c) for c in to_srgb_u8(ink_linear))
    return InkExtraction(alpha=alpha, ink_bgr=(b, g, r), noise_floor=lo)
