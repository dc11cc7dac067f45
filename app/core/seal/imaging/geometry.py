"""Geometric editor operations: crop (with padding), shape masks, 90° rotation, straightening.

Convention for the whole package: images are numpy arrays in OpenCV order — BGR ``uint8`` (H, W, 3)
for photos, BGRA ``uint8`` (H, W, 4) with *straight* (not premultiplied) alpha for imprints, and
``float32`` (H, W) in [0, 1] for alpha/ink-density maps. Functions never modify their input.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from ...errors import InvalidInput


@dataclass(frozen=True)
class Rect:
    """Pixel rectangle; may extend beyond the image (the part outside is padding)."""

    x: int
    y: int
    w: int
    h: int

    def scaled(self, fx: float, fy: float | None = None) -> Rect:
        fy = fx if fy is None else fy
        return Rect(
            round(self.x * fx),
            round(self.y * fy),
            max(1, round(self.w * fx)),
            max(1, round(self.h * fy)),
        )


@dataclass(frozen=True)
class Ellipse:
    """Centre, semi-axes and rotation in degrees (a circle when rx == ry)."""

    cx: float
    cy: float
    rx: float
    ry: float
    angle: float = 0.0


def crop(image: np.ndarray, rect: Rect, *, border: str = "replicate") -> np.ndarray:
    """Cut ``rect`` out of ``image``; parts outside the image are padded.

    ``border="replicate"`` repeats the edge pixels (best before ink extraction: the paper simply
    continues); ``"white"`` pads with opaque white; ``"transparent"`` (BGRA only) with alpha 0.
    """
    if rect.w <= 0 or rect.h <= 0:
        raise InvalidInput("The crop rectangle is empty ({w}×{h} pixels)", w=rect.w, h=rect.h)
    h, w = image.shape[:2]
    x0, y0 = max(rect.x, 0), max(rect.y, 0)
    x1, y1 = min(rect.x + rect.w, w), min(rect.y + rect.h, h)
    if x0 >= x1 or y0 >= y1:
        raise InvalidInput("The crop rectangle lies entirely outside the image")
    inner = image[y0:y1, x0:x1]
    pads = (y0 - rect.y, rect.y + rect.h - y1, x0 - rect.x, rect.x + rect.w - x1)
    if not any(pads):
        return inner.copy()
    mode, value = _border(image, border)
    return cv2.copyMakeBorder(inner, *pads, borderType=mode, value=value)


def _border(image: np.ndarray, border: str) -> tuple[int, tuple[int, ...]]:
    """(OpenCV border mode, fill value) for a border name."""
    channels = 1 if image.ndim == 2 else image.shape[2]
    if border == "replicate":
        return cv2.BORDER_REPLICATE, (0,) * channels
    if border == "white":
        return cv2.BORDER_CONSTANT, (255,) * channels
    if border == "transparent" and channels == 4:
        return cv2.BORDER_CONSTANT, (0, 0, 0, 0)
    raise InvalidInput("Unknown border mode {border}", border=border)


def shape_mask(
    height: int, width: int, shape: str, *, ellipse: Ellipse | None = None
) -> np.ndarray:
    """float32 (H, W) mask, 1 inside the shape guide: round/oval use an ellipse, others the frame.

    Anti-aliased so that a masked imprint keeps a soft outline.
    """
    if shape in ("square", "rectangle"):
        return np.ones((height, width), np.float32)
    if shape not in ("round", "oval"):
        raise InvalidInput("Unknown seal shape {shape}", shape=shape)
    e = ellipse or Ellipse(width / 2, height / 2, width / 2, height / 2)
    mask = np.zeros((height, width), np.uint8)
    shift = 4  # sub-pixel precision for cv2.ellipse
    centre = (round((e.cx - 0.5) * 16), round((e.cy - 0.5) * 16))
    axes = (max(1, round(e.rx * 16)), max(1, round(e.ry * 16)))
    cv2.ellipse(mask, centre, axes, e.angle, 0, 360, 255, -1, cv2.LINE_AA, shift)
    return mask.astype(np.float32) / 255.0


def rotate90(image: np.ndarray, quarter_turns: int) -> np.ndarray:
    """Rotate clockwise by ``quarter_turns`` × 90° (any integer; negative turns go anticlockwise)."""
    k = quarter_turns % 4
    if k == 0:
        return image.copy()
    codes = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(image, codes[k])


def straighten(image: np.ndarray, degrees: float, *, border: str = "replicate") -> np.ndarray:
    """Rotate by a small angle (positive = anticlockwise) on a canvas grown so nothing is cut off."""
    if abs(degrees) < 1e-6:
        return image.copy()
    h, w = image.shape[:2]
    rad = math.radians(degrees)
    cos, sin = abs(math.cos(rad)), abs(math.sin(rad))
    new_w, new_h = math.ceil(w * cos + h * sin), math.ceil(w * sin + h * cos)
    matrix = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), degrees, 1.0)
    matrix[0, 2] += (new_w - w) / 2
    matrix[1, 2] += (new_h - h) / 2
    mode, value = _border(image, border)
    return cv2.warpAffine(
        image, matrix, (new_w, new_h), flags=cv2.INTER_LINEAR, borderMode=mode, borderValue=value
    )


def resize_max_side(image: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    """Downscale (INTER_AREA) so the longest side is at most ``max_side``; returns (image, scale)."""
    h, w = image.shape[:2]
    scale = min(1.0, max_side / max(h, w))
    if scale >= 1.0:
        return image, 1.0
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA), scale


def unsquash(image: np.ndarray, ellipse: Ellipse) -> np.ndarray:
    """Stretch along the ellipse's short axis so it becomes a circle (undoes a slight tilt).

    The stretch is symmetric (rotate to the axes, scale, rotate back), so the content keeps its
    orientation. The canvas grows to hold the result; new pixels are transparent/black.
    """
    if min(ellipse.rx, ellipse.ry) <= 0 or abs(ellipse.rx - ellipse.ry) < 0.5:
        return image.copy()
    t = math.radians(ellipse.angle)
    rot = np.array([[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]])
    r = max(ellipse.rx, ellipse.ry)
    linear = rot @ np.diag([r / ellipse.rx, r / ellipse.ry]) @ rot.T
    h, w = image.shape[:2]
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], float) - [ellipse.cx, ellipse.cy]
    mapped = corners @ linear.T
    lo, hi = mapped.min(axis=0), mapped.max(axis=0)
    # p -> linear @ (p - centre) - lo, so the whole mapped image starts at (0, 0).
    shift = -linear @ [ellipse.cx, ellipse.cy] - lo
    matrix = np.hstack([linear, shift.reshape(2, 1)])
    size = (math.ceil(hi[0] - lo[0]), math.ceil(hi[1] - lo[1]))
    return cv2.warpAffine(
        image, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0
    )
