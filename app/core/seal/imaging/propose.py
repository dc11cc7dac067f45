"""Automatic crop proposal: where is the imprint in a photo, and what shape is it?

The ink map of a small copy (the same extraction as everywhere else) is closed a little so a
seal's rings, star and characters merge into one blob; the biggest blob plus whatever lies within
its box is the imprint. Its convex hull gives the rectangle, a fitted ellipse the round/oval guide,
and how well the hull fills that ellipse versus its minimum-area rectangle tells round from square.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ...errors import InvalidInput
from .extract import InkExtraction, extract_ink
from .geometry import Ellipse, Rect, resize_max_side

PROPOSAL_SIDE = 768
#: Margin added around the ink on each side, as a fraction of the imprint's size.
MARGIN = 0.04


@dataclass(frozen=True)
class CropProposal:
    rect: Rect  # in the photo's pixels; may extend beyond the photo (padding)
    ellipse: Ellipse  # fitted outline of the imprint, in the photo's pixels
    shape: str  # round | oval | square | rectangle (a guess)
    ink_bgr: tuple[int, int, int]  # detected ink colour


def _imprint_points(mask: np.ndarray) -> np.ndarray:
    """Pixel coordinates (N, 2) of the largest ink blob and the blobs inside its box."""
    k = max(3, int(0.02 * max(mask.shape)) | 1)
    closed = cv2.morphologyEx(
        mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))
    )
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(closed, connectivity=8)
    if count < 2:
        raise InvalidInput("No seal imprint was found in the image")
    main = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, w, h = stats[main, :4]
    pad = 0.1 * max(w, h)
    cx, cy = centroids[:, 0], centroids[:, 1]
    inside = (cx >= x - pad) & (cx <= x + w + pad) & (cy >= y - pad) & (cy <= y + h + pad)
    inside[0] = False
    ys, xs = np.nonzero(inside[labels] & (mask > 0))
    return np.stack([xs, ys], axis=1).astype(np.float32)


def _guess_shape(hull: np.ndarray, ellipse: tuple) -> str:
    (_, _), (ew, eh), _ = ellipse
    hull_area = cv2.contourArea(hull)
    # A (perspective-tilted) rectangle simplifies to a quadrilateral that it fills almost
    # entirely (hull/quad area ~1.03); an ellipse keeps ~8 corners at this tolerance.
    quad = cv2.approxPolyDP(hull, 0.04 * cv2.arcLength(hull, True), True)
    quad_fill = hull_area / max(cv2.contourArea(quad), 1e-6)
    # Elongation thresholds leave room for a slightly tilted photo (~±6 % per corner).
    if len(quad) == 4 and quad_fill < 1.07:
        (_, _), (rw, rh), _ = cv2.minAreaRect(quad)
        return "rectangle" if max(rw, rh) / max(min(rw, rh), 1e-6) > 1.25 else "square"
    return "oval" if max(ew, eh) / max(min(ew, eh), 1e-6) > 1.2 else "round"


def propose_crop(bgr: np.ndarray, *, extraction: InkExtraction | None = None) -> CropProposal:
    """Find the imprint in a BGR photo: crop rectangle, outline ellipse, shape guess, ink colour."""
    small, scale = resize_max_side(bgr, PROPOSAL_SIDE)
    ink = extraction or extract_ink(small)
    if extraction is not None:  # given at another size: bring it to the small copy's
        alpha = cv2.resize(extraction.alpha, small.shape[1::-1], interpolation=cv2.INTER_AREA)
    else:
        alpha = ink.alpha
    points = _imprint_points((alpha > 0.5).astype(np.uint8))
    if len(points) < 20:
        raise InvalidInput("No seal imprint was found in the image")
    hull = cv2.convexHull(points)
    fitted = cv2.fitEllipse(hull) if len(hull) >= 5 else cv2.minAreaRect(hull)
    x, y, w, h = cv2.boundingRect(hull)
    m = MARGIN * max(w, h)
    rect = Rect(
        int(np.floor(x - m)), int(np.floor(y - m)), int(np.ceil(w + 2 * m)), int(np.ceil(h + 2 * m))
    )
    (ecx, ecy), (ew, eh), angle = fitted
    ellipse = Ellipse(ecx / scale, ecy / scale, ew / 2 / scale, eh / 2 / scale, angle)
    return CropProposal(rect.scaled(1 / scale), ellipse, _guess_shape(hull, fitted), ink.ink_bgr)
