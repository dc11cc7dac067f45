from __future__ import annotations

import numpy as np
import pytest

from app.core.errors import InvalidInput
from app.core.seal.imaging import Ellipse, Rect, crop, rotate90, shape_mask, straighten
from app.core.seal.imaging.geometry import resize_max_side, unsquash


@pytest.fixture
def image() -> np.ndarray:
    rng = np.random.default_rng(1)
    return rng.integers(0, 256, (37, 53, 3), dtype=np.uint8)


def test_rotate_four_quarter_turns_is_identity(image):
    out = image
    for _ in range(4):
        out = rotate90(out, 1)
    assert np.array_equal(out, image)


def test_rotate_shapes_and_direction(image):
    assert rotate90(image, 1).shape == (53, 37, 3)
    assert rotate90(image, 2).shape == image.shape
    # clockwise: the top-left pixel ends up top-right
    assert np.array_equal(rotate90(image, 1)[0, -1], image[0, 0])
    assert np.array_equal(rotate90(image, -1), rotate90(image, 3))


def test_crop_inside_is_a_plain_slice(image):
    assert np.array_equal(crop(image, Rect(5, 4, 10, 8)), image[4:12, 5:15])


def test_crop_with_padding_keeps_the_image_and_pads(image):
    out = crop(image, Rect(-10, -5, 73, 47), border="white")
    assert out.shape == (47, 73, 3)
    assert np.array_equal(out[5:42, 10:63], image)
    assert (out[:5] == 255).all() and (out[:, :10] == 255).all()


def test_crop_replicate_and_transparent_padding(image):
    out = crop(image, Rect(-3, 0, 10, 5))
    assert np.array_equal(out[:, 0], image[:5, 0])
    bgra = np.dstack([image, np.full(image.shape[:2], 255, np.uint8)])
    padded = crop(bgra, Rect(-2, -2, 60, 41), border="transparent")
    assert padded[0, 0, 3] == 0 and padded[10, 10, 3] == 255


def test_crop_errors(image):
    with pytest.raises(InvalidInput):
        crop(image, Rect(100, 100, 10, 10))
    with pytest.raises(InvalidInput):
        crop(image, Rect(0, 0, 0, 10))
    with pytest.raises(InvalidInput):
        crop(image, Rect(-1, 0, 10, 10), border="sideways")


def test_straighten_grows_canvas_and_keeps_content():
    img = np.zeros((100, 200), np.uint8)
    img[45:55, 5:15] = 255  # a block near the left edge would be cut by a plain rotation
    out = straighten(img, 10.0)
    assert out.shape[0] > 100 and out.shape[1] > 200
    assert abs(int(out.astype(int).sum()) - int(img.astype(int).sum())) < 0.05 * img.sum()
    assert np.array_equal(straighten(img, 0.0), img)


def test_shape_mask_areas():
    round_mask = shape_mask(200, 200, "round")
    assert abs(round_mask.mean() - np.pi / 4) < 0.01
    assert 0 < round_mask[0, 100] < 1 or round_mask[1, 100] > 0  # soft (anti-aliased) rim
    assert shape_mask(50, 80, "rectangle").min() == 1.0
    oval = shape_mask(100, 200, "oval", ellipse=Ellipse(100, 50, 60, 30))
    # cv2's anti-aliased fill adds about half a pixel around the rim: well under 4 % here
    assert abs(oval.sum() - np.pi * 60 * 30) < 0.04 * np.pi * 60 * 30
    assert oval[50, 100] == 1.0 and oval[50, 30] == 0.0 and oval[5, 100] == 0.0
    with pytest.raises(InvalidInput):
        shape_mask(10, 10, "hexagon")


def test_unsquash_makes_an_ellipse_round():
    mask = (shape_mask(200, 300, "oval", ellipse=Ellipse(150, 100, 100, 70, 30.0)) * 255).astype(
        np.uint8
    )
    out = unsquash(mask, Ellipse(150, 100, 100, 70, 30.0))
    ys, xs = np.nonzero(out > 127)
    cov = np.cov(np.stack([xs, ys]))
    eig = np.linalg.eigvalsh(cov)
    assert eig[0] / eig[1] > 0.97  # isotropic spread: a circle
    assert abs(np.sqrt(eig[1] * 4) - 100) < 3  # radius = the major semi-axis


def test_resize_max_side():
    img = np.zeros((3000, 4000, 3), np.uint8)
    small, scale = resize_max_side(img, 1024)
    assert small.shape == (768, 1024, 3) and scale == pytest.approx(0.256)
    same, one = resize_max_side(small, 2000)
    assert same is small and one == 1.0
