"""Seal imprint imaging: pure functions on numpy arrays (OpenCV + numpy, never Qt).

Conventions: photos are BGR ``uint8`` (H, W, 3); imprints are BGRA ``uint8`` (H, W, 4) with straight
alpha; alpha / ink-density maps are ``float32`` (H, W) in [0, 1]. No function modifies its input.
Errors are :class:`app.core.errors.InvalidInput` with user-readable messages.
"""

from __future__ import annotations

from .auto import AutoResult, process_photo, state_from_proposal
from .export import MIN_DPI, export_png, fit_to_size
from .extract import InkExtraction, extract_ink
from .geometry import Ellipse, Rect, crop, resize_max_side, rotate90, shape_mask, straighten
from .inks import INKS, Ink, get_ink, nearest_ink, recolour, recolour_bgra
from .pipeline import PROXY_SIDE, EditState, Rendered, SourceImage, render
from .pngio import decode_image, encode_png, mm_to_px, read_png_dpi
from .precheck import Finding, PrecheckReport, precheck
from .propose import CropProposal, propose_crop
from .tone import adjust_tone

__all__ = [
    "INKS",
    "MIN_DPI",
    "PROXY_SIDE",
    "AutoResult",
    "CropProposal",
    "EditState",
    "Ellipse",
    "Finding",
    "Ink",
    "InkExtraction",
    "PrecheckReport",
    "Rect",
    "Rendered",
    "SourceImage",
    "adjust_tone",
    "crop",
    "decode_image",
    "encode_png",
    "export_png",
    "extract_ink",
    "fit_to_size",
    "get_ink",
    "mm_to_px",
    "nearest_ink",
    "precheck",
    "process_photo",
    "propose_crop",
    "read_png_dpi",
    "recolour",
    "recolour_bgra",
    "render",
    "resize_max_side",
    "rotate90",
    "shape_mask",
    "state_from_proposal",
    "straighten",
]
