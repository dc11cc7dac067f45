"""Synthetic seal imprints with a known ground-truth alpha, and simulated photographs of them.

``render_seal`` draws a seal (rings, a star, glyph-like strokes along an arc, a horizontal line of
Hershey text) anti-aliased at high resolution and returns its alpha. ``photograph`` puts it on
paper and degrades it like a phone photo: uneven light, a shadow, paper tint and texture, blur,
noise, slight perspective, JPEG. Everything is deterministic for a given seed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from app.core.seal.imaging.colour import to_linear, to_srgb_u8

#: Physical ink colours as a camera sees them on white paper (sRGB, RGB order) — deliberately not
#: the standard export colours, so the extraction has to find the colour itself.
PHOTO_INKS_RGB = {
    "red": (200, 38, 48),
    "blue": (38, 62, 168),
    "black": (48, 46, 52),
    "purple": (112, 48, 138),
}

CONDITIONS = (
    "clean",
    "uneven_light",
    "shadow",
    "paper",
    "blur",
    "noise",
    "perspective",
    "jpeg",
    "combined",
)


def _glyph(
    img: np.ndarray,
    centre: tuple[float, float],
    angle: float,
    size: float,
    thick: int,
    rng: np.random.Generator,
    scale: int,
) -> None:
    """A random 3–5 stroke 'character' in a size×size box, rotated by ``angle`` radians."""
    cos, sin = math.cos(angle), math.sin(angle)
    for _ in range(rng.integers(3, 6)):
        pts = rng.uniform(-0.45, 0.45, size=(rng.integers(2, 4), 2)) * size
        if rng.random() < 0.5:  # mostly horizontal/vertical strokes, like CJK characters
            pts[:, rng.integers(0, 2)] = pts[0, rng.integers(0, 2)]
        xy = np.stack(
            [
                pts[:, 0] * cos - pts[:, 1] * sin + centre[0],
                pts[:, 0] * sin + pts[:, 1] * cos + centre[1],
            ],
            axis=1,
        )
        cv2.polylines(
            img, [np.round(xy * scale).astype(np.int32)], False, 255, thick, cv2.LINE_AA, 0
        )


def _star(img: np.ndarray, cx: float, cy: float, r: float, scale: int) -> None:
    ang = -math.pi / 2 + np.arange(10) * math.pi / 5
    rad = np.where(np.arange(10) % 2 == 0, r, r * 0.382)
    pts = np.stack([cx + rad * np.cos(ang), cy + rad * np.sin(ang)], axis=1)
    cv2.fillPoly(img, [np.round(pts * scale).astype(np.int32)], 255, cv2.LINE_AA)


def _arc_text(img, cx, cy, rx, ry, n, size, thick, rng, scale, span=(200, 340)) -> None:
    for t in np.radians(np.linspace(span[0], span[1], n)):
        x, y = cx + rx * math.cos(t), cy + ry * math.sin(t)
        _glyph(img, (x, y), t + math.pi / 2, size, thick, rng, scale)


def _hershey_line(img, text, cx, cy, height, scale) -> None:
    font = cv2.FONT_HERSHEY_SIMPLEX
    fs = height * scale / 22.0
    th = max(1, round(height * scale / 9))
    (tw, tht), _ = cv2.getTextSize(text, font, fs, th)
    org = (int(cx * scale - tw / 2), int(cy * scale + tht / 2))
    cv2.putText(img, text, org, font, fs, 255, th, cv2.LINE_AA)


def render_seal(
    shape: str, size_mm: tuple[float, float], px_per_mm: float, seed: int = 0
) -> np.ndarray:
    """float32 alpha (H, W) of a seal ``size_mm`` (w, h) drawn at ``px_per_mm``, with no margin."""
    rng = np.random.default_rng(seed)
    ss = 3  # supersampling factor; drawn at ss× then area-averaged
    w, h = size_mm[0] * px_per_mm, size_mm[1] * px_per_mm
    img = np.zeros((round(h * ss), round(w * ss)), np.uint8)
    mm = px_per_mm
    ring = max(1.2 * mm, 1.0)
    thick = max(1, int(0.55 * mm * ss))
    cx, cy = w / 2, h / 2
    if shape in ("round", "oval"):
        axes = (int((w / 2 - ring / 2) * ss), int((h / 2 - ring / 2) * ss))
        cv2.ellipse(
            img, (int(cx * ss), int(cy * ss)), axes, 0, 0, 360, 255, int(ring * ss), cv2.LINE_AA
        )
        if shape == "round":
            _star(img, cx, cy, 0.17 * w, ss)
            _arc_text(img, cx, cy, 0.36 * w, 0.36 * h, 14, 0.13 * w, thick, rng, ss)
            _hershey_line(img, "CONTRACT", cx, cy + 0.27 * h, 0.07 * h, ss)
        else:
            cv2.ellipse(
                img,
                (int(cx * ss), int(cy * ss)),
                (int(axes[0] * 0.9), int(axes[1] * 0.87)),
                0,
                0,
                360,
                255,
                max(1, int(0.3 * mm * ss)),
                cv2.LINE_AA,
            )
            _arc_text(img, cx, cy, 0.34 * w, 0.3 * h, 12, 0.12 * h, thick, rng, ss, span=(195, 345))
            _hershey_line(img, "91110108MA01", cx, cy + 0.05 * h, 0.12 * h, ss)
            _hershey_line(img, "INVOICE", cx, cy + 0.3 * h, 0.09 * h, ss)
    else:
        cv2.rectangle(
            img,
            (int(ring / 2 * ss), int(ring / 2 * ss)),
            (int((w - ring / 2) * ss), int((h - ring / 2) * ss)),
            255,
            int(ring * ss),
            cv2.LINE_AA,
        )
        cols, rows = (2, 2) if shape == "square" else (3, 1)
        for i in range(cols):
            for j in range(rows):
                gx, gy = w * (i + 0.5) / cols, h * (j + 0.5) / rows
                _glyph(img, (gx, gy), 0.0, 0.7 * min(w / cols, h / rows), thick, rng, ss)
    out = cv2.resize(img, (round(w), round(h)), interpolation=cv2.INTER_AREA)
    return out.astype(np.float32) / 255.0


@dataclass
class PhotoSpec:
    """How to photograph a seal. Sizes in pixels of the output photo."""

    condition: str = "clean"
    colour: str = "red"
    photo_size: tuple[int, int] = (1000, 750)  # (w, h)
    seal_fraction: float = 0.55  # seal diameter / photo height
    shape: str = "round"
    size_mm: tuple[float, float] = (42.0, 42.0)
    seed: int = 0
    extra: dict = field(default_factory=dict)


def _has(spec: PhotoSpec, name: str) -> bool:
    return spec.condition == name or spec.condition == "combined"


def _lighting(w: int, h: int, rng: np.random.Generator) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0, 2 * math.pi)
    grad = (xx / w - 0.5) * math.cos(ang) + (yy / h - 0.5) * math.sin(ang)
    r2 = (xx / w - rng.uniform(0.3, 0.7)) ** 2 + (yy / h - rng.uniform(0.3, 0.7)) ** 2
    return (0.85 + 0.45 * grad - 0.6 * r2).clip(0.35, 1.0)


def _shadow(w: int, h: int, rng: np.random.Generator) -> np.ndarray:
    mask = np.zeros((h, w), np.float32)
    x0 = rng.uniform(0.25, 0.6) * w
    pts = np.array(
        [[x0, -10], [x0 + rng.uniform(-0.2, 0.2) * w, h + 10], [w + 10, h + 10], [w + 10, -10]]
    )
    cv2.fillPoly(mask, [pts.astype(np.int32)], 1.0)
    mask = cv2.GaussianBlur(mask, (0, 0), 0.01 * w)
    return 1.0 - rng.uniform(0.4, 0.55) * mask


def _texture(w: int, h: int, rng: np.random.Generator) -> np.ndarray:
    tex = np.zeros((h, w), np.float32)
    for sigma, amp in ((1.0, 0.025), (6.0, 0.03), (40.0, 0.03)):
        n = cv2.GaussianBlur(rng.standard_normal((h, w)).astype(np.float32), (0, 0), sigma)
        tex += amp * n / (n.std() + 1e-6)
    return 1.0 + tex


def _placement(
    spec: PhotoSpec, seal_shape: tuple[int, int], rng: np.random.Generator
) -> np.ndarray:
    """3×3 homography from seal pixels to photo pixels (a shift, plus a tilt for 'perspective')."""
    w, h = spec.photo_size
    sh, sw = seal_shape
    src = np.float32([[0, 0], [sw, 0], [sw, sh], [0, sh]])
    cx, cy = w / 2 + rng.uniform(-0.1, 0.1) * w, h / 2 + rng.uniform(-0.05, 0.05) * h
    dst = src - [sw / 2, sh / 2] + [cx, cy]
    if _has(spec, "perspective"):
        dst = dst + rng.uniform(-0.06, 0.06, size=(4, 2)) * [sw, sh]
    return cv2.getPerspectiveTransform(src, np.float32(dst))


def photograph(spec: PhotoSpec) -> tuple[np.ndarray, np.ndarray, tuple[int, int, int]]:
    """(photo BGR uint8, truth alpha float32 in the photo frame, ink colour as RGB).

    The ink colour returned is what the imprint shows where it is fully stamped, on white paper in
    white light (the ink's own colour at the photo's mean ink density): the colour an extraction
    should find. Ink acts multiplicatively on the paper (a dye filters the light the paper
    reflects), so tinted paper tints the ink too, as in real photos.
    """
    rng = np.random.default_rng(spec.seed)
    w, h = spec.photo_size
    px_per_mm = spec.seal_fraction * h / max(spec.size_mm)
    seal = render_seal(spec.shape, spec.size_mm, px_per_mm, seed=spec.seed)
    truth = cv2.warpPerspective(
        seal, _placement(spec, seal.shape, rng), (w, h), flags=cv2.INTER_LINEAR
    )
    nominal = tuple(
        int(np.clip(c + rng.integers(-10, 11), 0, 255)) for c in PHOTO_INKS_RGB[spec.colour]
    )
    ink_lin = to_linear(np.uint8([[nominal[::-1]]]))[0, 0]  # BGR, relative to white paper
    paper_rgb = (246, 240, 222) if _has(spec, "paper") else (250, 250, 248)
    paper_lin = to_linear(np.uint8([[paper_rgb[::-1]]]))[0, 0]
    density = cv2.GaussianBlur(rng.uniform(0.8, 1.0, (h, w)).astype(np.float32), (0, 0), 2)
    a = (truth * density)[..., None]
    refl = paper_lin * (1 - a * (1 - ink_lin))
    mean_density = float(density[truth > 0.9].mean()) if (truth > 0.9).any() else 0.9
    seen = to_srgb_u8(1 - mean_density * (1 - ink_lin))  # BGR
    ink_rgb = (int(seen[2]), int(seen[1]), int(seen[0]))
    if _has(spec, "paper"):
        refl = refl * _texture(w, h, rng)[..., None]
    light = np.full((h, w), 0.92, np.float32)
    if _has(spec, "uneven_light"):
        light = light * _lighting(w, h, rng)
    if _has(spec, "shadow"):
        light = light * _shadow(w, h, rng)
    img = refl * light[..., None]
    if _has(spec, "blur"):
        img = cv2.GaussianBlur(img, (0, 0), spec.extra.get("blur_sigma", 0.0025 * h))
    img = to_srgb_u8(img).astype(np.float32)
    noise = 6.0 if _has(spec, "noise") else 1.0
    img = np.clip(img + rng.normal(0, noise, img.shape), 0, 255).astype(np.uint8)
    if _has(spec, "jpeg"):
        _ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 55])
        img = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    return img, truth, ink_rgb
