from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.core.errors import InvalidInput
from app.core.seal.imaging import (
    INKS,
    adjust_tone,
    decode_image,
    encode_png,
    export_png,
    fit_to_size,
    get_ink,
    mm_to_px,
    nearest_ink,
    read_png_dpi,
    recolour,
    recolour_bgra,
)


@pytest.fixture
def alpha() -> np.ndarray:
    a = np.zeros((60, 80), np.float32)
    cv2.circle(a, (40, 30), 25, 1.0, 3, cv2.LINE_AA)
    return a


def test_four_standard_inks():
    assert set(INKS) == {"red", "blue", "black", "purple"}
    assert INKS["red"].rgb == (255, 0, 0) and INKS["red"].bgr == (0, 0, 255)
    with pytest.raises(InvalidInput):
        get_ink("green")


@pytest.mark.parametrize("ink", list(INKS))
def test_recolour_keeps_alpha(alpha, ink):
    out = recolour(alpha, ink)
    assert out.shape == alpha.shape + (4,) and out.dtype == np.uint8
    assert np.array_equal(out[..., 3], np.round(alpha * 255).astype(np.uint8))
    assert (out[..., :3] == INKS[ink].bgr).all()
    again = recolour_bgra(out, "blue")
    assert np.array_equal(again[..., 3], out[..., 3])  # byte for byte


def test_recolour_bgra_needs_alpha():
    with pytest.raises(InvalidInput):
        recolour_bgra(np.zeros((4, 4, 3), np.uint8), "red")


@pytest.mark.parametrize("name", list(INKS))
def test_nearest_ink_of_the_standard_colours(name):
    assert nearest_ink(INKS[name].bgr) == name


def test_nearest_ink_of_photographed_colours():
    assert nearest_ink((56, 44, 193)) == "red"
    assert nearest_ink((176, 68, 31)) == "blue"
    assert nearest_ink((146, 54, 105)) == "purple"
    assert nearest_ink((60, 52, 41)) == "black"


def test_adjust_tone():
    img = np.arange(256, dtype=np.uint8).reshape(16, 16)
    bgr = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    assert np.array_equal(adjust_tone(bgr), bgr)
    brighter = adjust_tone(bgr, brightness=0.2)
    assert (brighter.astype(int) >= bgr).all() and brighter.mean() > bgr.mean() + 40
    more = adjust_tone(bgr, contrast=0.5)
    assert more[..., 0].std() > bgr[..., 0].std()
    bgra = np.dstack([bgr, np.full((16, 16), 77, np.uint8)])
    assert (adjust_tone(bgra, brightness=-0.3)[..., 3] == 77).all()


def test_png_with_phys_roundtrip(alpha):
    bgra = recolour(alpha, "red")
    data = encode_png(bgra, dpi=400)
    assert data[12:16] == b"IHDR" and data[37:41] == b"pHYs"
    assert read_png_dpi(data) == pytest.approx((400, 400), abs=0.01)
    back = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    assert back.shape == bgra.shape and np.array_equal(back, bgra)
    assert read_png_dpi(encode_png(bgra)) is None
    assert read_png_dpi(b"not a png") is None


def test_export_true_size(alpha):
    bgra = recolour(alpha, "blue")
    data = export_png(bgra, (42.0, 42.0), dpi=400)
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    assert img.shape == (mm_to_px(42, 400), mm_to_px(42, 400), 4) == (661, 661, 4)
    assert read_png_dpi(data) == pytest.approx((400, 400), abs=0.01)
    assert img[..., 3].max() == 255 and img[..., 3].min() == 0  # transparent background
    # the ink touches all four sides: the seal's outer edge is its nominal size
    for edge in (img[0], img[-1], img[:, 0], img[:, -1]):
        assert edge[..., 3].max() > 64
    oval = fit_to_size(bgra, (45.0, 30.0), dpi=600)
    assert oval.shape[:2] == (mm_to_px(30, 600), mm_to_px(45, 600))


def test_export_refuses_empty_and_silly_sizes(alpha):
    with pytest.raises(InvalidInput):
        export_png(recolour(np.zeros((10, 10), np.float32), "red"), (42, 42))
    with pytest.raises(InvalidInput):
        export_png(recolour(alpha, "red"), (0, 42))
    with pytest.raises(InvalidInput):
        export_png(recolour(alpha, "red"), (42, 42), dpi=10)


def test_decode_errors():
    with pytest.raises(InvalidInput):
        decode_image(b"")
    with pytest.raises(InvalidInput, match="could not be read"):
        decode_image(b"GIF89a nonsense")
    gray = cv2.imencode(".png", np.zeros((5, 5), np.uint8))[1].tobytes()
    assert decode_image(gray).shape == (5, 5, 3)
