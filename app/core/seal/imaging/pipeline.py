"""The editor's pipeline: an immutable :class:`EditState` rendered on a proxy or at full size.

The UI keeps undo/redo as a stack of ``EditState`` values and calls ``render(state, source,
proxy=True)`` on every slider move: the same operations run on a copy whose longest side is at most
``PROXY_SIDE`` pixels (made once per photo by :class:`SourceImage`). Export renders at full size.
Order: rotate 90° → straighten → crop (padding allowed) → brightness/contrast → ink extraction →
recolour → shape guide (round/oval mask).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ...tasks import CancelToken, Progress, check, no_progress
from .extract import InkExtraction, extract_ink
from .geometry import (
    Ellipse,
    Rect,
    crop,
    resize_max_side,
    rotate90,
    shape_mask,
    straighten,
    unsquash,
)
from .inks import get_ink, recolour
from .tone import adjust_tone

PROXY_SIDE = 1024


@dataclass(frozen=True)
class EditState:
    """Everything the editor lets a user set. Geometry is stored in fractions, not pixels, so the
    same state renders on the proxy and on the full image."""

    quarter_turns: int = 0  # clockwise 90° steps
    straighten_deg: float = 0.0  # small extra rotation, anticlockwise positive
    #: (x, y, w, h) as fractions of the rotated+straightened image; may exceed [0, 1] (padding).
    crop: tuple[float, float, float, float] | None = None
    #: Round/oval guide (cx, cy, rx, ry, angle°), centre and radii as fractions of the crop.
    guide: tuple[float, float, float, float, float] | None = None
    brightness: float = 0.0  # -1 … 1
    contrast: float = 0.0  # -1 … 1
    extract: bool = True  # make the background transparent (ink extraction)
    ink: str | None = "red"  # standard ink to recolour to; None keeps the detected colour
    shape: str = "round"  # round | oval | square | rectangle
    size_mm: tuple[float, float] = (42.0, 42.0)
    seal_type: str | None = None  # catalogue code, e.g. "official"
    #: Round seals: stretch the guide ellipse into a circle (undoes a photo taken at a slight tilt).
    correct_tilt: bool = True

    def with_changes(self, **changes) -> EditState:
        return replace(self, **changes)


@dataclass
class SourceImage:
    """A photo (BGR uint8) and its preview proxy, made once and kept."""

    full: np.ndarray
    _proxy: np.ndarray | None = field(default=None, repr=False)
    _scale: float = 1.0

    @property
    def proxy(self) -> np.ndarray:
        if self._proxy is None:
            self._proxy, self._scale = resize_max_side(self.full, PROXY_SIDE)
        return self._proxy

    @property
    def proxy_scale(self) -> float:
        """Proxy pixels per full-resolution pixel (≤ 1)."""
        _ = self.proxy  # makes the proxy (and its scale) on first use
        return self._scale


@dataclass(frozen=True)
class Rendered:
    image: np.ndarray  # BGRA uint8, straight alpha
    extraction: InkExtraction | None  # None when ``state.extract`` is off


def _frame(state: EditState, image: np.ndarray) -> np.ndarray:
    # Skip no-op steps: each would copy a 36 MB array at 12 MP. Nothing below mutates ``image``.
    if state.quarter_turns % 4:
        image = rotate90(image, state.quarter_turns)
    if abs(state.straighten_deg) > 1e-6:
        image = straighten(image, state.straighten_deg)
    return image


def _crop(state: EditState, image: np.ndarray) -> np.ndarray:
    if state.crop is None:
        return image
    h, w = image.shape[:2]
    x, y, cw, ch = state.crop
    return crop(
        image, Rect(round(x * w), round(y * h), max(1, round(cw * w)), max(1, round(ch * h)))
    )


def _guide(state: EditState, height: int, width: int) -> Ellipse | None:
    g = state.guide
    return (
        None
        if g is None
        else Ellipse(g[0] * width, g[1] * height, g[2] * width, g[3] * height, g[4])
    )


def _guide_mask(state: EditState, height: int, width: int) -> np.ndarray:
    return shape_mask(height, width, state.shape, ellipse=_guide(state, height, width))


def _finish(state: EditState, bgra: np.ndarray) -> np.ndarray:
    """Round seal with a guide: make the guide a circle (see ``EditState.correct_tilt``)."""
    guide = _guide(state, *bgra.shape[:2])
    if state.shape != "round" or guide is None or not state.correct_tilt:
        return bgra
    return unsquash(bgra, guide)


def render(
    state: EditState,
    source: SourceImage | np.ndarray,
    *,
    proxy: bool,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Rendered:
    """Apply ``state`` to the photo: BGRA result (and the extraction, for the pre-check/colour)."""
    if isinstance(source, np.ndarray):
        source = SourceImage(source)
    image = source.proxy if proxy else source.full
    steps = 4
    progress(0, steps)
    image = _crop(state, _frame(state, image))
    check(cancel)
    progress(1, steps)
    if state.brightness or state.contrast:
        image = adjust_tone(image, brightness=state.brightness, contrast=state.contrast)
    h, w = image.shape[:2]
    if not state.extract:
        out = np.dstack([image, np.full((h, w), 255, np.uint8)])
        out[..., 3] = np.round(out[..., 3] * _guide_mask(state, h, w)).astype(np.uint8)
        progress(steps, steps)
        return Rendered(_finish(state, out), None)
    extraction = extract_ink(image)
    check(cancel)
    progress(3, steps)
    alpha = extraction.alpha * _guide_mask(state, h, w)
    ink = get_ink(state.ink) if state.ink else None
    out = recolour(alpha, ink) if ink else _detected_colour(alpha, extraction.ink_bgr)
    progress(steps, steps)
    return Rendered(_finish(state, out), extraction)


def _detected_colour(alpha: np.ndarray, bgr: tuple[int, int, int]) -> np.ndarray:
    out = np.empty(alpha.shape + (4,), np.uint8)
    out[..., :3] = bgr
    out[..., 3] = np.round(np.clip(alpha, 0, 1) * 255).astype(np.uint8)
    return out
