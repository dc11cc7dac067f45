"""Loading an image file for the decoder, refusing what could crash it or exhaust memory.

The checks come before any pixel is decoded: the file must exist and be non-empty and at most
:data:`MAX_FILE_BYTES`; its header must be PNG, JPEG, BMP or WebP, name at most
:data:`MAX_PIXELS` pixels and no side over :data:`MAX_SIDE`; its end marker must be there (a
truncated download is refused rather than half-read). Photos are turned upright by their EXIF
orientation (OpenCV's default), so points refer to the picture as a viewer shows it.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ..errors import InvalidInput
from ..opencv import cv2
from .image_header import read_header

MAX_PIXELS = 50_000_000
MAX_SIDE = 30_000
MAX_FILE_BYTES = 200 * 1024 * 1024


class UnreadableImage(InvalidInput):
    """An image file the decoder refuses: missing, empty, truncated, too large, not an image."""


def load_image(path: str | os.PathLike) -> np.ndarray:
    """The image at ``path`` as BGR ``uint8``, upright; :class:`UnreadableImage` otherwise."""
    name = str(path)
    return decode_image_bytes(_read(Path(path), name), name=name)


def decode_image_bytes(data: bytes, *, name: str = "image") -> np.ndarray:
    """Bytes of a PNG/JPEG/BMP/WebP file as BGR ``uint8``, after the same checks as a file."""
    if not data:
        raise UnreadableImage("{name} is empty", name=name)
    header = read_header(data)
    if header is None:
        raise UnreadableImage("{name} is not a PNG, JPEG, BMP or WebP image", name=name)
    if header.width < 1 or header.height < 1:
        raise UnreadableImage("{name} claims an empty picture ({width}×{height})", name=name,
                              width=header.width, height=header.height)
    pixels = header.width * header.height
    if pixels > MAX_PIXELS or max(header.width, header.height) > MAX_SIDE:
        raise UnreadableImage(
            "{name} is too large to scan: {width}×{height} pixels (at most {limit} megapixels)",
            name=name, width=header.width, height=header.height, limit=MAX_PIXELS // 1_000_000)
    if not header.complete:
        raise UnreadableImage("{name} is truncated: the {kind} file ends early", name=name,
                              kind=header.kind)
    try:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    except cv2.error:
        image = None
    if image is None:
        raise UnreadableImage("{name} is damaged: the {kind} data cannot be decoded", name=name,
                              kind=header.kind)
    return image


def _read(path: Path, name: str) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UnreadableImage("{name} is a folder, not an image", name=name)
        if size > MAX_FILE_BYTES:
            raise UnreadableImage("{name} is too large to scan ({size} MB)", name=name,
                                  size=size // (1024 * 1024))
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableImage("No such image file: {name}", name=name) from None
    except OSError as exc:
        raise UnreadableImage("Cannot read {name}: {reason}", name=name,
                              reason=exc.strerror or str(exc)) from None
