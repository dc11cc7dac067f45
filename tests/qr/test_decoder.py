"""``app.core.qr.decode`` and ``LiveDecoder`` on frames we make: kinds of frame, corner points in
the caller's pixels, budgets, and a live stream of a moving, blurred, rotated code."""

from __future__ import annotations

import numpy as np
import pytest

from app.core import qr
from app.core.errors import InvalidInput
from app.core.qr.stages import FALLBACKS
from tests.qr.synth import FrameSpec, background, moving_frames

TEXT = "https://platform.example.cn/qr/sign?task=42&s=c2VjcmV0"


def _canvas_with_code(width: int, height: int, x: int, y: int, *, scale: int = 8) -> tuple:
    code = qr.make_image(TEXT, scale=scale, border=0)
    canvas = np.full((height, width), 255, np.uint8)
    canvas[y : y + code.shape[0], x : x + code.shape[1]] = code
    side = code.shape[0]
    return canvas, np.array([[x, y], [x + side, y], [x + side, y + side], [x, y + side]], float)


@pytest.mark.parametrize("kind", ["grey", "grey3d", "bgr", "bgra"])
def test_every_frame_kind(kind):
    grey, _ = _canvas_with_code(640, 480, 100, 80)
    frame = {"grey": grey, "grey3d": grey[:, :, None],
             "bgr": np.dstack([grey] * 3), "bgra": np.dstack([grey] * 3 + [np.full_like(grey, 255)])}[kind]
    assert [c.text for c in qr.decode(frame)] == [TEXT]


@pytest.mark.parametrize("bad", [np.zeros((10, 10), np.float32), np.zeros((0, 5), np.uint8),
                                 np.zeros((4, 4, 2), np.uint8), "not an array"])
def test_not_an_image_is_invalid_input(bad):
    with pytest.raises(InvalidInput):
        qr.decode(bad)


def _corner_error(code: qr.Code, truth: np.ndarray) -> float:
    points = np.array(code.points)
    # zxing reports the corners in reading order; compare as a set of four points
    return max(np.min(np.linalg.norm(truth - p, axis=1)) for p in points)


def test_points_are_in_the_frames_pixels_for_the_live_decoder_too():
    frame, truth = _canvas_with_code(2560, 1440, 1500, 600, scale=12)
    (code,) = qr.decode(frame)
    assert _corner_error(code, truth) < 6
    (live,) = qr.LiveDecoder().decode(frame)  # decoded on a 1280 px copy, points mapped back
    assert live.text == TEXT and _corner_error(live, truth) < 12


def test_nothing_in_an_empty_frame_under_every_budget():
    frame = background(np.random.default_rng(1), 1280, 720)
    for budget in qr.Budget:
        assert qr.decode(frame, budget=budget) == []


def test_the_live_cycle_visits_every_fallback_once():
    live = qr.LiveDecoder()
    empty = background(np.random.default_rng(2), 1280, 720)
    visited = []
    for _ in range(2 * len(FALLBACKS)):
        stage = live._next_stage(empty)
        visited.append(stage.name)
    applicable = [s.name for s in FALLBACKS if s.applies(empty)]
    assert "upscale" not in applicable  # 720p is not small
    assert visited[: len(applicable)] == applicable
    assert visited[len(applicable) : 2 * len(applicable)] == applicable
    assert {"wechat", "wechat-contrast"} <= set(applicable)


def test_live_stream_of_a_moving_blurred_code_is_read_in_most_frames():
    live = qr.LiveDecoder()
    frames = list(moving_frames(TEXT, 40, seed=5, spec=FrameSpec(blur=0.8)))
    read = [any(c.text == TEXT for c in live.decode(f)) for f in frames]
    assert sum(read) >= 34, read  # measured 40/40 (seed 5)


def test_the_wechat_stage_reads_a_code_and_maps_its_points():
    frame, truth = _canvas_with_code(1600, 1200, 400, 300, scale=10)
    codes = qr.STAGES["wechat"].run(frame)  # decoded on a 640 px copy
    assert [c.text for c in codes] == [TEXT]
    assert codes[0].raw == TEXT.encode() and codes[0].charset == "utf-8"
    assert _corner_error(codes[0], truth) < 15


def test_live_stream_of_a_small_tilted_noisy_code_is_read_often_and_without_long_gaps():
    live = qr.LiveDecoder()
    spec = FrameSpec(code_side=200, blur=0.8, tilt=0.25, noise=8)
    read = [any(c.text == TEXT for c in live.decode(f))
            for f in moving_frames(TEXT, 40, seed=5, spec=spec)]
    longest_gap = max(len(run) for run in "".join("x" if r else "." for r in read).split("x"))
    assert sum(read) >= 22 and longest_gap <= 10, read  # measured 27/40, longest gap 6 (seed 5)
