"""Pre-check: would a seal office likely reject this imprint? Scores plus reasons in plain words.

Rules (thresholds are ours, set from the synthetic benchmark and common seal-office requirements,
not from a published standard; see docs/seal-imaging.md):

* resolution — at least ``MIN_DPI`` (400) pixels per inch at the chosen size;
* sharpness — the mean width of the ink edges in millimetres (partly transparent pixels per unit
  of outline length) decides; the variance of the Laplacian on the edges (after resampling to
  ``SHARPNESS_PX_PER_MM``) is reported too and only warns, because the ringing of a bicubic
  upscale inflates it (an imprint blown up from a 67 dpi photo scored sharper than a mildly
  blurred 400 dpi one);
* ink purity — mean CIE76 ΔE of solid ink pixels from their median colour;
* leftover background — share of visible pixels that are not ink-coloured (a white box, paper);
* roundness — minor/major axis of the outline, for round (and oval, against the chosen size).

Messages are English templates with named placeholders; the UI translates the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from ...errors import InvalidInput
from .colour import bgr_to_lab
from .export import MIN_DPI
from .inks import nearest_ink

SHARPNESS_PX_PER_MM = 8.0
MIN_SHARPNESS = 0.1
MAX_EDGE_WIDTH_MM = 0.35
MAX_PURITY_DE = 12.0
MAX_BACKGROUND = 0.05
MIN_ROUNDNESS = 0.95
ASPECT_TOLERANCE = 0.08


@dataclass(frozen=True)
class Finding:
    code: str  # stable identifier, e.g. "low_resolution"
    template: str  # English text with {placeholders}; the UI translates it
    params: dict
    reject: bool  # True: likely rejected; False: a warning

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


@dataclass
class PrecheckReport:
    scores: dict[str, float] = field(default_factory=dict)
    ink: str | None = None  # nearest standard ink to the solid ink colour
    findings: list[Finding] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not any(f.reject for f in self.findings)

    def add(self, code: str, template: str, *, reject: bool = True, **params) -> None:
        self.findings.append(Finding(code, template, params, reject))


def _check_resolution(rep: PrecheckReport, shape_px: tuple[int, int], size_mm, dpi) -> float | None:
    h, w = shape_px
    if size_mm is not None:
        dpi = min(w / size_mm[0], h / size_mm[1]) * 25.4
        if abs((w / h) / (size_mm[0] / size_mm[1]) - 1) > ASPECT_TOLERANCE:
            rep.add(
                "aspect",
                "The image's proportions ({w}×{h} px) do not match the chosen size "
                "{mw}×{mh} mm; the seal would look stretched.",
                w=w,
                h=h,
                mw=size_mm[0],
                mh=size_mm[1],
            )
    if dpi is None:
        rep.add(
            "unknown_size",
            "The image does not say its real size; choose the seal's size in "
            "millimetres so its resolution can be checked.",
            reject=False,
        )
        return None
    rep.scores["dpi"] = round(float(dpi), 1)
    if dpi < MIN_DPI * 0.99:
        rep.add(
            "low_resolution",
            "The resolution is {dpi} dpi at this size; at least {min_dpi} dpi is "
            "needed. Photograph the seal closer or with a better camera.",
            dpi=round(dpi),
            min_dpi=MIN_DPI,
        )
    return float(dpi) / 25.4


def _edge_width_mm(alpha: np.ndarray, px_per_mm: float) -> float | None:
    partial = int(((alpha > 0.1) & (alpha < 0.9)).sum())
    contours, _ = cv2.findContours(
        (alpha >= 0.5).astype(np.uint8), cv2.RETR_LIST, cv2.CHAIN_APPROX_NONE
    )
    length = sum(cv2.arcLength(c, True) for c in contours)
    return partial / length / px_per_mm if length > 0 else None


def _check_sharpness(rep: PrecheckReport, alpha: np.ndarray, px_per_mm: float | None) -> None:
    if px_per_mm:
        width = _edge_width_mm(alpha, px_per_mm)
        if width is not None:
            rep.scores["edge_width_mm"] = round(width, 3)
            if width > MAX_EDGE_WIDTH_MM:
                rep.add(
                    "blurry",
                    "The ink edges are blurred over {width} mm (at most {maximum} mm). "
                    "Hold the camera still, focus on the seal and use more light.",
                    width=round(width, 2),
                    maximum=MAX_EDGE_WIDTH_MM,
                )
        f = SHARPNESS_PX_PER_MM / px_per_mm
        alpha = cv2.resize(
            alpha, None, fx=f, fy=f, interpolation=cv2.INTER_AREA if f < 1 else cv2.INTER_LINEAR
        )
    edges = (
        cv2.dilate(((alpha > 0.1) & (alpha < 0.9)).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    )
    if edges.sum() < 20:
        return
    variance = float(cv2.Laplacian(alpha, cv2.CV_32F, ksize=3)[edges].var())
    rep.scores["sharpness"] = round(variance, 4)
    if variance < MIN_SHARPNESS and not any(f.code == "blurry" for f in rep.findings):
        rep.add(
            "soft",
            "The ink edges look soft (sharpness {score}, {minimum} or more is usual).",
            reject=False,
            score=round(variance, 3),
            minimum=MIN_SHARPNESS,
        )


def _check_colour(rep: PrecheckReport, bgra: np.ndarray) -> None:
    alpha = bgra[..., 3]
    visible = alpha >= 32
    rep.scores["visible_fraction"] = round(float(visible.mean()), 3)
    if visible.mean() > 0.6:
        rep.add(
            "background",
            "Most of the image is opaque ({percent}%): the background has not been "
            "made transparent.",
            percent=round(100 * float(visible.mean())),
        )
        return
    solid = bgra[alpha >= 200][:, :3]
    lab_solid = bgr_to_lab(solid[:: max(1, len(solid) // 20000)])
    ink_lab = np.median(lab_solid, axis=0)
    purity = float(np.linalg.norm(lab_solid - ink_lab, axis=1).mean())
    rep.scores["purity_delta_e"] = round(purity, 2)
    if purity > MAX_PURITY_DE:
        rep.add(
            "impure_ink",
            "The ink colour is uneven (average difference ΔE {delta_e}); recolour it "
            "to one of the standard inks.",
            delta_e=round(purity, 1),
        )
    vis = bgra[visible][:, :3]
    lab_vis = bgr_to_lab(vis[:: max(1, len(vis) // 20000)])
    stray = float((np.linalg.norm(lab_vis - ink_lab, axis=1) > 30).mean())
    rep.scores["background_fraction"] = round(stray, 4)
    if stray > MAX_BACKGROUND:
        rep.add(
            "background",
            "{percent}% of the visible pixels are not ink (paper or background "
            "left over). Make the background transparent.",
            percent=round(100 * stray, 1),
        )
    b, g, r = (int(c) for c in np.median(solid, axis=0))
    rep.ink = nearest_ink((b, g, r))


def _check_roundness(rep: PrecheckReport, alpha: np.ndarray, shape: str, size_mm) -> None:
    points = cv2.findNonZero((alpha >= 0.5).astype(np.uint8))
    if points is None or len(points) < 5:
        return
    hull = cv2.convexHull(points)
    if len(hull) < 5:
        return
    (_, _), (ew, eh), _ = cv2.fitEllipse(hull)
    ratio = min(ew, eh) / max(ew, eh, 1e-6)
    rep.scores["roundness"] = round(float(ratio), 3)
    expected = 1.0 if shape == "round" or size_mm is None else min(size_mm) / max(size_mm)
    if shape == "round" and ratio < MIN_ROUNDNESS:
        rep.add(
            "not_round",
            "The seal is not round (axis ratio {ratio}); straighten the photo or "
            "take it from straight above.",
            ratio=round(ratio, 2),
        )
    elif shape == "oval" and abs(ratio - expected) > ASPECT_TOLERANCE:
        rep.add(
            "oval_shape",
            "The oval's axis ratio is {ratio}, but the chosen size needs {expected}.",
            ratio=round(ratio, 2),
            expected=round(expected, 2),
        )


def precheck(
    bgra: np.ndarray,
    *,
    size_mm: tuple[float, float] | None = None,
    shape: str | None = None,
    dpi: float | None = None,
) -> PrecheckReport:
    """Score an imprint (BGRA uint8; BGR counts as fully opaque) before upload.

    ``size_mm`` is the chosen size (w, h); without it, ``dpi`` (e.g. from the PNG's pHYs) is used.
    """
    if bgra.ndim != 3 or bgra.shape[2] not in (3, 4):
        raise InvalidInput("The imprint must be a colour image")
    rep = PrecheckReport()
    if bgra.shape[2] == 3:
        rep.add("no_alpha", "The image has no transparency: the background must be transparent.")
        bgra = np.dstack([bgra, np.full(bgra.shape[:2], 255, np.uint8)])
    alpha = bgra[..., 3].astype(np.float32) / 255.0
    if (alpha >= 0.5).sum() < 50:
        rep.add("empty", "The image contains no visible ink.")
        return rep
    px_per_mm = _check_resolution(rep, bgra.shape[:2], size_mm, dpi)
    _check_colour(rep, bgra)
    _check_sharpness(rep, alpha, px_per_mm)
    if shape in ("round", "oval"):
        _check_roundness(rep, alpha, shape, size_mm)
    return rep
