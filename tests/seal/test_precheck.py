from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.core.seal.imaging import decode_image, precheck, process_photo, recolour
from tests.seal.synth import render_seal


@pytest.fixture(scope="module")
def clean_imprint(photo=None) -> np.ndarray:
    from tests.seal.conftest import cached_photo

    image, _, _ = cached_photo("clean", "red", photo_size=(1600, 1200))
    return decode_image(process_photo(image, ink="red", size_mm=(42.0, 42.0)).png, keep_alpha=True)


def codes(report) -> set[str]:
    return {f.code for f in report.findings}


def test_clean_imprint_passes(clean_imprint):
    report = precheck(clean_imprint, size_mm=(42, 42), shape="round")
    assert report.passed, [f.message for f in report.findings]
    assert report.scores["dpi"] >= 396 and report.scores["roundness"] > 0.97
    assert report.scores["background_fraction"] < 0.01 and report.ink == "red"


def test_low_resolution_is_flagged(clean_imprint):
    small = cv2.resize(clean_imprint, (300, 300), interpolation=cv2.INTER_AREA)
    report = precheck(small, size_mm=(42, 42), shape="round")
    assert not report.passed and "low_resolution" in codes(report)
    finding = next(f for f in report.findings if f.code == "low_resolution")
    assert (
        finding.params["dpi"] == 181
        and "{dpi}" in finding.template
        and "181 dpi" in finding.message
    )


def test_blurry_imprint_is_flagged(clean_imprint):
    blurred = cv2.GaussianBlur(clean_imprint, (0, 0), 6)  # ~0.4 mm at 400 dpi
    report = precheck(blurred, size_mm=(42, 42), shape="round")
    assert not report.passed and codes(report) == {"blurry"}


def test_upscaled_low_resolution_photo_reads_as_blurry(clean_imprint):
    tiny = cv2.resize(clean_imprint, (110, 110), interpolation=cv2.INTER_AREA)
    upscaled = cv2.resize(tiny, clean_imprint.shape[1::-1], interpolation=cv2.INTER_CUBIC)
    assert "blurry" in codes(precheck(upscaled, size_mm=(42, 42), shape="round"))


def test_background_left_over_is_flagged(clean_imprint):
    boxed = clean_imprint.copy()
    boxed[..., :3][boxed[..., 3] < 128] = 255  # white paper
    boxed[..., 3] = 255  # ... fully opaque: the classic "white box"
    assert "background" in codes(precheck(boxed, size_mm=(42, 42), shape="round"))
    smudged = clean_imprint.copy()
    smudged[40:200, 40:200] = (230, 235, 240, 255)  # an opaque patch of paper colour
    report = precheck(smudged, size_mm=(42, 42), shape="round")
    assert "background" in codes(report) and report.scores["background_fraction"] > 0.05


def test_no_alpha_channel_is_flagged(clean_imprint):
    report = precheck(np.ascontiguousarray(clean_imprint[..., :3]), size_mm=(42, 42))
    assert {"no_alpha", "background"} <= codes(report) and not report.passed


def test_impure_ink_is_flagged(clean_imprint):
    mixed = clean_imprint.copy()
    mixed[: mixed.shape[0] // 2, :, :3] = (255, 0, 0)  # top half blue, bottom half red
    assert "impure_ink" in codes(precheck(mixed, size_mm=(42, 42), shape="round"))


def test_squashed_round_seal_is_flagged(clean_imprint):
    squashed = cv2.resize(clean_imprint, (661, 560), interpolation=cv2.INTER_AREA)
    report = precheck(squashed, shape="round", dpi=400)
    assert "not_round" in codes(report)
    assert "aspect" in codes(precheck(squashed, size_mm=(42, 42), shape="round"))


def test_oval_checked_against_its_size():
    alpha = render_seal("oval", (45, 30), 16.0, seed=2)
    bgra = recolour(alpha, "red")
    assert precheck(bgra, size_mm=(45, 30), shape="oval").passed
    flat = cv2.resize(bgra, (720, 300), interpolation=cv2.INTER_AREA)  # axis ratio 0.42, not 0.67
    assert {"oval_shape", "aspect"} <= codes(precheck(flat, size_mm=(45, 30), shape="oval"))


def test_unknown_size_is_a_warning_not_a_rejection(clean_imprint):
    report = precheck(clean_imprint, shape="round")
    assert report.passed and "unknown_size" in codes(report)


def test_empty_imprint():
    report = precheck(np.zeros((100, 100, 4), np.uint8), size_mm=(42, 42))
    assert not report.passed and codes(report) == {"empty"}
