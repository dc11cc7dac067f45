"""Still pictures to scan: an image file, the clipboard, or every screen of this PC.

Reading a file and decoding run off the GUI thread (a photo can be large and a full decode of
a 4K screen takes a while); grabbing the screens must happen on the GUI thread, so it is quick
and returns ``QImage`` objects that are decoded afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QImage

from ...core import qr
from ..camera import qimage_to_bgr

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"}


@dataclass(frozen=True)
class Found:
    """A code found in a still picture, with the picture it is in (for the outline)."""

    code: Any  # app.core.qr code: .text, .points, ...
    picture: int  # index into Decoded.pictures


@dataclass(frozen=True)
class Picture:
    name: str  # the file name, "Clipboard", or the screen's name
    bgr: np.ndarray


@dataclass(frozen=True)
class Decoded:
    pictures: tuple[Picture, ...]
    found: tuple[Found, ...]
    from_screen: bool = False


def decode_pictures(pictures: Sequence[Picture], *, from_screen: bool = False) -> Decoded:
    """Every code in every picture (the full decoder: no live budget here), duplicates once."""
    found: list[Found] = []
    seen: set[bytes] = set()
    for index, picture in enumerate(pictures):
        for code in qr.decode(picture.bgr):
            if code.raw in seen:  # the same code on two overlapping screens
                continue
            seen.add(code.raw)
            found.append(Found(code, index))
    return Decoded(tuple(pictures), tuple(found), from_screen)


def file_op(path: Path):
    def op(progress, cancel):
        return decode_pictures([Picture(path.name, qr.load_image(path))])

    return op


def image_op(name: str, image: QImage):
    def op(progress, cancel):
        return decode_pictures([Picture(name, qimage_to_bgr(image))])

    return op


def screens_op(shots: Sequence[tuple[str, QImage]]):
    def op(progress, cancel):
        return decode_pictures([Picture(name, qimage_to_bgr(image)) for name, image in shots], from_screen=True)

    return op


def grab_screens() -> list[tuple[str, QImage]]:
    """Every screen of this PC as it looks now; empty where the desktop forbids capture
    (Wayland without a portal returns null images)."""
    shots = []
    for screen in QGuiApplication.screens():
        image = screen.grabWindow(0).toImage()
        if not image.isNull() and image.width() > 0:
            shots.append((screen.name() or screen.model() or "screen", image))
    return shots


def image_file(mime: QMimeData) -> Path | None:
    """The first local image file among dropped or pasted URLs."""
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in IMAGE_SUFFIXES:
                return path
    return None


def accepts(mime: QMimeData) -> bool:
    return mime.hasImage() or image_file(mime) is not None
