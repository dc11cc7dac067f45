"""The decoder over every photo set in ``../shared/data/qr`` (see its README), at full size and
downscaled to 1280 px: per-set read rates must not fall below what was measured, less a margin.

Measured (zxing-cpp 3.1.1, OpenCV-contrib 4.14, ``Budget.FULL``), the same at both sizes:
damaged 20/22, glare 37/39, monitor 6/6, perspective 28/30, rotations 44/44, zxing-1 20/20,
zxing-2 34/35 (13.png comes out of the blur stage as "photography" where the expected text
says "photograph"; its seven half-width katakana Shift_JIS codes are read as Japanese since the
charset rule's half-width step), zxing-3 42/42.
"""

from __future__ import annotations

import csv
import json

import cv2
import pytest

from app.core import qr
from tests.support import SHARED_DATA, needs_shared_data

SETS = SHARED_DATA / "qr"
pytestmark = needs_shared_data("qr")
# images read at least; photos of monitors (the webcam-off-a-screen case) must all be read
MINIMUM = {
    "boofcv-damaged": 18,
    "boofcv-glare": 35,
    "boofcv-monitor": 6,
    "boofcv-perspective": 26,
    "boofcv-rotations": 43,
    "zxing-qrcode-1": 19,
    "zxing-qrcode-2": 32,
    "zxing-qrcode-3": 41,
}


def _manifest(name: str) -> list[tuple[str, set[str]]]:
    with open(SETS / name / "manifest.tsv", newline="", encoding="utf-8") as f:
        return [(r["image"], set(json.loads(r["expected"]))) for r in csv.DictReader(f, delimiter="\t")]


def _downscaled(image, side: int):
    h, w = image.shape[:2]
    f = side / max(h, w)
    if f >= 1:
        return image
    return cv2.resize(image, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA)


def test_every_shared_set_is_covered():
    present = sorted(p.name for p in SETS.iterdir() if (p / "manifest.tsv").exists())
    assert present == sorted(MINIMUM)


@pytest.mark.slow
@pytest.mark.parametrize("side", [None, 1280], ids=["full", "1280px"])
@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_read_rate(name, side):
    missed = []
    items = _manifest(name)
    for image_name, expected in items:
        image = qr.load_image(SETS / name / image_name)
        if side:
            image = _downscaled(image, side)
        if not {c.text for c in qr.decode(image)} & expected:
            missed.append(image_name)
    read = len(items) - len(missed)
    assert read >= MINIMUM[name], f"{name}: {read}/{len(items)} read; missed {missed}"
