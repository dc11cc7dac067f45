"""Helpers for the seal office tests: a clean synthetic imprint, and a seal made through the
office (upload, then approval on the server side as `ebid service review approve` does)."""

from __future__ import annotations

import numpy as np

from app.core.seal import imaging
from app.server.seal_office import review as seal_review
from tests.seal.synth import render_seal

DPI = 400.0


def imprint_png(
    shape: str = "round", size_mm: tuple[int, int] = (40, 40), *, alpha: bool = True, seed: int = 0
) -> bytes:
    """A red seal drawn with a known alpha, at its true size, with pHYs = 400 dpi."""
    coverage = render_seal(shape, size_mm, DPI / 25.4, seed=seed)
    red = imaging.get_ink("red").rgb
    bgra = np.zeros((*coverage.shape, 4), np.uint8)
    bgra[..., :3] = red[::-1]
    bgra[..., 3] = np.round(coverage * 255).astype(np.uint8)
    image = bgra if alpha else np.ascontiguousarray(bgra[..., :3])
    return imaging.encode_png(image, dpi=DPI)


def make_seal(
    seals, service, png: bytes, *, seal_type: str = "bidding", size=(40, 40), shape: str = "round"
) -> str:
    """Upload and approve an imprint; the new seal's id."""
    imprint = seals.upload_imprint(
        png, seal_type=seal_type, shape=shape, width_mm=size[0], height_mm=size[1], agree_terms=True
    )
    return seal_review.approve(service.ctx, imprint.imprint_id, reviewer="测试审核员").seal_id
