"""Imprint uploads: what the seal office accepts before a reviewer looks at it.

An upload is a PNG with an alpha channel (the background must be transparent), at most
``MAX_IMPRINT_BYTES``, ``MIN_SIDE_PX``–``MAX_SIDE_PX`` pixels a side (read from the IHDR chunk
before anything is decoded, so a decompression bomb is refused unopened), for a seal type, shape
and size from the catalogue (``app/resources/seal_catalogue.json``), with the enterprise's agreement to
the terms. The service runs the same pre-check as the editor and stores its findings for the
reviewer; a failing pre-check does not refuse the upload (the reviewer decides).
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass

from ...core.errors import EbidError
from ...core.seal import imaging
from ...core.seal.catalogue import load_catalogue
from ..errors import ApiError

MAX_IMPRINT_BYTES = 4 << 20  # a 45 mm seal at 600 dpi is well under 1 MiB as PNG
MIN_SIDE_PX, MAX_SIDE_PX = 64, 4096
TERMS_VERSION = "seal-office-terms-v1"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class UploadSpec:
    seal_type: str
    shape: str
    width_mm: int
    height_mm: int
    terms_accepted: bool
    png: bytes


@dataclass(frozen=True)
class Analysis:
    width_px: int
    height_px: int
    dpi: float | None
    precheck_json: str
    passed: bool


def check_terms(spec: UploadSpec) -> None:
    if spec.terms_accepted is not True:
        raise ApiError(
            "terms_not_accepted",
            "The enterprise must agree to the seal office's terms before uploading an imprint",
        )


def check_catalogue(spec: UploadSpec) -> None:
    """The type exists, is made in that shape, and in that size (as the catalogue lists it)."""
    catalogue = load_catalogue()
    if spec.seal_type not in catalogue:
        raise ApiError("unknown_seal_type", "Unknown seal type {code}", code=spec.seal_type)
    try:
        option = catalogue[spec.seal_type].option(spec.shape)
    except EbidError as exc:
        raise ApiError("shape_not_offered", "{detail}", detail=exc.message) from None
    size = (float(spec.width_mm), float(spec.height_mm))
    if size not in option.sizes_mm:
        offered = ", ".join(f"{w:g}×{h:g}" for w, h in option.sizes_mm)
        raise ApiError(
            "size_not_offered",
            "A {shape} {type} is made {offered} mm, not {w}×{h} mm",
            shape=spec.shape,
            type=spec.seal_type,
            offered=offered,
            w=spec.width_mm,
            h=spec.height_mm,
        )


def png_dimensions(png: bytes) -> tuple[int, int]:
    """(width, height) from the IHDR chunk, after the size and signature checks."""
    if len(png) > MAX_IMPRINT_BYTES:
        raise ApiError("imprint_too_large", "An imprint is at most {n} bytes", n=MAX_IMPRINT_BYTES
        )
    if not png.startswith(PNG_MAGIC) or len(png) < 33 or png[12:16] != b"IHDR":
        raise ApiError("not_png", "The imprint must be a PNG file")
    width, height = struct.unpack(">II", png[16:24])
    if not (MIN_SIDE_PX <= width <= MAX_SIDE_PX and MIN_SIDE_PX <= height <= MAX_SIDE_PX):
        raise ApiError(
            "bad_dimensions",
            "An imprint is {lo} to {hi} pixels a side, not {w}×{h}",
            lo=MIN_SIDE_PX,
            hi=MAX_SIDE_PX,
            w=width,
            h=height,
        )
    return width, height


def analyse(spec: UploadSpec) -> Analysis:
    """Decode, require transparency, and run the pre-check at the chosen size and shape."""
    width, height = png_dimensions(spec.png)
    try:
        image = imaging.decode_image(spec.png, keep_alpha=True)
    except EbidError:
        raise ApiError("not_png", "The imprint PNG cannot be decoded") from None
    if image.ndim != 3 or image.shape[2] != 4:
        raise ApiError(
            "imprint_without_alpha",
            "The imprint must have a transparent background (PNG with alpha)",
        )
    dpi = imaging.read_png_dpi(spec.png)
    report = imaging.precheck(image, size_mm=(spec.width_mm, spec.height_mm), shape=spec.shape)
    findings = [{"code": f.code, "message": f.message, "reject": f.reject} for f in report.findings]
    summary = {
        "scores": {k: float(v) for k, v in report.scores.items()},
        "ink": report.ink,
        "findings": findings,
    }
    return Analysis(
        width,
        height,
        dpi[0] if dpi else None,
        json.dumps(summary, ensure_ascii=False, sort_keys=True),
        report.passed,
    )


def true_size_mm(
    width_px: int, height_px: int, dpi: float | None, chosen: tuple[int, int]
) -> tuple[float, float]:
    """The size the PNG itself claims (pixels / dpi), else the size chosen for the seal."""
    if dpi and dpi > 0:
        return (width_px / dpi * 25.4, height_px / dpi * 25.4)
    return (float(chosen[0]), float(chosen[1]))
