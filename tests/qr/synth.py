"""Synthetic camera frames of a QR code (made with ``app.core.qr.make_image``), for tests and
``benchmarks/bench_qr.py``: the code warped by a perspective, moved, rotated, blurred and noised on
a cluttered background, at webcam size."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from app.core.qr import make_image


@dataclass(frozen=True)
class FrameSpec:
    width: int = 1280
    height: int = 720
    code_side: float = 260.0  # px, before the perspective
    blur: float = 0.0  # Gaussian sigma in px
    noise: float = 4.0  # grey-level standard deviation
    tilt: float = 0.15  # perspective strength (0: square)


def background(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """A desk-like grey background with soft blobs and a few straight edges."""
    small = rng.integers(60, 200, size=(height // 40 + 1, width // 40 + 1), dtype=np.uint8)
    image = cv2.resize(small, (width, height), interpolation=cv2.INTER_CUBIC)
    for _ in range(6):
        p1 = (int(rng.integers(0, width)), int(rng.integers(0, height)))
        p2 = (int(rng.integers(0, width)), int(rng.integers(0, height)))
        cv2.line(image, p1, p2, int(rng.integers(0, 255)), int(rng.integers(1, 6)))
    return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)


def frame(text: str, rng: np.random.Generator, spec: FrameSpec = FrameSpec(), *,
          centre: tuple[float, float] | None = None, angle: float | None = None) -> np.ndarray:
    """One BGR frame showing ``text`` as a QR code somewhere on a random background."""
    code = make_image(text, scale=8, border=2)
    n = code.shape[0]
    cx, cy = centre or (rng.uniform(0.3, 0.7) * spec.width, rng.uniform(0.35, 0.65) * spec.height)
    theta = np.deg2rad(rng.uniform(0, 360) if angle is None else angle)
    half = spec.code_side / 2
    square = np.array([[-half, -half], [half, -half], [half, half], [-half, half]])
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    jitter = rng.uniform(-spec.tilt, spec.tilt, size=(4, 2)) * spec.code_side
    corners = square @ rot.T + jitter + (cx, cy)
    src = np.float32([[0, 0], [n, 0], [n, n], [0, n]])
    matrix = cv2.getPerspectiveTransform(src, np.float32(corners))
    out = background(rng, spec.width, spec.height)
    warped = cv2.warpPerspective(cv2.cvtColor(code, cv2.COLOR_GRAY2BGR), matrix,
                                 (spec.width, spec.height), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((n, n), 255, np.uint8), matrix, (spec.width, spec.height))
    out[mask > 127] = warped[mask > 127]
    if spec.blur > 0:
        out = cv2.GaussianBlur(out, (0, 0), spec.blur)
    noisy = out.astype(np.float32) + rng.normal(0, spec.noise, out.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def moving_frames(text: str, count: int, *, seed: int = 0, spec: FrameSpec = FrameSpec()):
    """``count`` frames of the code drifting across the view, turning and going in and out of
    focus, like a phone held up to a webcam."""
    rng = np.random.default_rng(seed)
    for i in range(count):
        t = i / max(1, count - 1)
        centre = (spec.width * (0.25 + 0.5 * t), spec.height * (0.5 + 0.15 * np.sin(6 * t)))
        blur = spec.blur + 1.5 * abs(np.sin(3 * t))
        yield frame(text, rng, FrameSpec(spec.width, spec.height, spec.code_side, blur, spec.noise,
                                         spec.tilt), centre=centre, angle=40 * t - 20)
