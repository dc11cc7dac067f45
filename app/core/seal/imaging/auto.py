"""The automatic pipeline behind ``ebid seal imprint-process``: photo -> true-size PNG imprint."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...tasks import CancelToken, Progress, check, no_progress
from .export import MIN_DPI, export_png
from .geometry import Ellipse, Rect
from .inks import nearest_ink
from .pipeline import EditState, SourceImage, render
from .propose import CropProposal, propose_crop

#: Guide enlargement so the mask never shaves the soft outer edge of the ring.
GUIDE_SLACK = 1.03
#: Width (mm) assumed when no size is given: the catalogue defaults of the official seal (round),
#: contract seal (oval) and legal representative's seal (square, rectangle).
DEFAULT_WIDTH_MM = {"round": 42.0, "oval": 45.0, "square": 20.0, "rectangle": 22.0}


@dataclass(frozen=True)
class AutoResult:
    png: bytes
    state: EditState  # what was applied; the editor can start from it
    proposal: CropProposal
    detected_ink: str  # nearest standard ink to the photographed colour


def state_from_proposal(proposal: CropProposal, frame_size: tuple[int, int], **fields) -> EditState:
    """An EditState whose crop and guide are the proposal's (frame_size = (width, height))."""
    w, h = frame_size
    r: Rect = proposal.rect
    e = proposal.ellipse
    guide = (
        (e.cx - r.x) / r.w,
        (e.cy - r.y) / r.h,
        e.rx * GUIDE_SLACK / r.w,
        e.ry * GUIDE_SLACK / r.h,
        e.angle,
    )
    fields.setdefault("shape", proposal.shape)
    return EditState(crop=(r.x / w, r.y / h, r.w / w, r.h / h), guide=guide, **fields)


def default_size(
    proposal: CropProposal, shape: str, size_mm: tuple[float, float] | None
) -> tuple[float, float]:
    """The requested size; one number for an oval/rectangle takes the other from the photo."""
    if size_mm is not None and (size_mm[0] != size_mm[1] or shape in ("round", "square")):
        return size_mm
    ratio = proposal.rect.h / proposal.rect.w
    width = size_mm[0] if size_mm else DEFAULT_WIDTH_MM[shape]
    if shape in ("round", "square"):
        return (width, width)
    return (width, round(width * ratio, 1))


def process_photo(
    bgr: np.ndarray,
    *,
    ink: str,
    shape: str | None = None,
    size_mm: tuple[float, float] | None = None,
    dpi: float = MIN_DPI,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> AutoResult:
    """Propose the crop, extract the ink, recolour to ``ink``, export at true size."""
    source = SourceImage(bgr)
    proposal = propose_crop(source.proxy)
    scale = source.proxy_scale
    full = CropProposal(
        proposal.rect.scaled(1 / scale),
        _scale_ellipse(proposal, 1 / scale),
        proposal.shape,
        proposal.ink_bgr,
    )
    check(cancel)
    chosen = shape or proposal.shape
    size = default_size(full, chosen, size_mm)
    state = state_from_proposal(
        full, (bgr.shape[1], bgr.shape[0]), ink=ink, shape=chosen, size_mm=size
    )
    rendered = render(state, source, proxy=False, progress=progress, cancel=cancel)
    check(cancel)
    png = export_png(rendered.image, size, dpi)
    return AutoResult(png, state, full, nearest_ink(rendered.extraction.ink_bgr))


def _scale_ellipse(p: CropProposal, f: float) -> Ellipse:
    e = p.ellipse
    return Ellipse(e.cx * f, e.cy * f, e.rx * f, e.ry * f, e.angle)
