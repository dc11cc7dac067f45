from __future__ import annotations

import numpy as np
import pytest

from app.core.errors import Cancelled, InvalidInput
from app.core.seal.imaging import (
    EditState,
    SourceImage,
    decode_image,
    process_photo,
    propose_crop,
    read_png_dpi,
    render,
)
from app.core.tasks import CancelToken
from tests.seal.conftest import iou

SHAPES = [
    ("round", (42.0, 42.0)),
    ("oval", (45.0, 30.0)),
    ("square", (20.0, 20.0)),
    ("rectangle", (30.0, 15.0)),
]


@pytest.mark.parametrize("shape,size", SHAPES)
def test_proposal_finds_the_imprint_and_its_shape(photo, shape, size):
    image, truth, _ = photo("perspective", "red", shape, size)
    p = propose_crop(image)
    ys, xs = np.nonzero(truth > 0.5)
    r = p.rect
    assert r.x <= xs.min() and r.y <= ys.min() and r.x + r.w > xs.max() and r.y + r.h > ys.max()
    assert r.w < 1.15 * (xs.max() - xs.min()) and r.h < 1.15 * (ys.max() - ys.min())  # tight
    assert p.shape == shape
    assert abs(p.ellipse.cx - xs.mean()) < 0.05 * r.w


def test_proposal_on_blank_paper_says_no_imprint():
    with pytest.raises(InvalidInput, match="No seal imprint"):
        propose_crop(np.full((300, 400, 3), 235, np.uint8))


def test_render_proxy_matches_full_resolution(photo):
    image, _truth, _ = photo("uneven_light", "blue", photo_size=(1600, 1200))
    state = EditState(crop=(0.2, 0.1, 0.6, 0.8), ink="blue", shape="rectangle")
    source = SourceImage(image)
    full = render(state, source, proxy=False).image
    small = render(state, source, proxy=True).image
    assert max(small.shape[:2]) <= 1024 and small.shape[0] < full.shape[0]
    import cv2

    up = cv2.resize(small[..., 3], full.shape[1::-1], interpolation=cv2.INTER_LINEAR)
    assert iou(up / 255.0, full[..., 3] / 255.0) > 0.85


def test_render_order_and_options(photo):
    image, _, _ = photo("clean", "red")
    base = EditState(ink="purple", shape="square")
    rotated = render(base.with_changes(quarter_turns=1), image, proxy=False).image
    assert rotated.shape[:2] == image.shape[1::-1]
    assert (rotated[..., :3][rotated[..., 3] > 0] == (128, 0, 128)).all()
    plain = render(base.with_changes(extract=False), image, proxy=False)
    assert plain.extraction is None and plain.image[..., 3].min() == 255
    guided = render(
        base.with_changes(extract=False, shape="round", correct_tilt=False), image, proxy=False
    )
    assert guided.image[0, 0, 3] == 0 and guided.image[300, 400, 3] == 255
    padded = render(base.with_changes(crop=(-0.1, -0.1, 1.2, 1.2)), image, proxy=False).image
    assert padded.shape[:2] == (720, 960)
    assert base.quarter_turns == 0  # states are immutable values


def test_render_reports_progress_and_cancels(photo):
    image, _, _ = photo("clean", "red")
    seen = []
    render(EditState(), image, proxy=False, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        render(EditState(), image, proxy=False, cancel=token)


def test_process_photo_end_to_end(photo):
    image, _, _ = photo("combined", "red", photo_size=(1200, 900))
    result = process_photo(image, ink="blue", size_mm=(42.0, 42.0))
    out = decode_image(result.png, keep_alpha=True)
    assert out.shape == (661, 661, 4)
    assert read_png_dpi(result.png) == pytest.approx((400, 400), abs=0.01)
    assert result.detected_ink == "red" and result.state.shape == "round"
    assert 0.1 < (out[..., 3] > 127).mean() < 0.5
