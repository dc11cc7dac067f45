"""Reading images from bytes and writing PNG files that record their true size (pHYs chunk).

OpenCV's PNG writer has no resolution option, so we let it compress and insert the ``pHYs`` chunk
(pixels per metre, unit = metre) right after ``IHDR`` ourselves — where the PNG spec wants it,
before ``IDAT``. Viewers, office suites and PDF tools then show the imprint at its real size.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

from ...errors import InvalidInput
from ...opencv import cv2

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MM_PER_INCH = 25.4


def decode_image(data: bytes, *, keep_alpha: bool = False) -> np.ndarray:
    """Bytes of a JPEG/PNG/BMP/TIFF/WebP -> BGR uint8 (or BGRA/BGR as stored when ``keep_alpha``)."""
    if not data:
        raise InvalidInput("The image file is empty")
    flags = cv2.IMREAD_UNCHANGED if keep_alpha else cv2.IMREAD_COLOR
    try:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), flags)
    except cv2.error as exc:
        raise InvalidInput(
            "The image could not be read: {reason}", reason=str(exc).strip()
        ) from None
    if image is None:
        raise InvalidInput("The image could not be read: not a supported image format")
    if image.dtype != np.uint8:  # 16-bit PNG/TIFF: keep 8 bits
        image = (
            (image / 257).astype(np.uint8) if image.dtype == np.uint16 else image.astype(np.uint8)
        )
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    return image


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload))
    )


def encode_png(image: np.ndarray, *, dpi: float | None = None) -> bytes:
    """PNG bytes of a BGR/BGRA uint8 image, with a pHYs chunk when ``dpi`` is given."""
    ok, buf = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 6])
    if not ok:
        raise InvalidInput("The image could not be encoded as PNG")
    data = buf.tobytes()
    if dpi is None:
        return data
    ppm = round(dpi / MM_PER_INCH * 1000)
    ihdr_end = len(PNG_SIGNATURE) + 8 + 13 + 4  # length, type, 13-byte IHDR, CRC
    return data[:ihdr_end] + _chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)) + data[ihdr_end:]


def read_png_dpi(data: bytes) -> tuple[float, float] | None:
    """(x dpi, y dpi) from a PNG's pHYs chunk, or None if absent / not in metres."""
    if not data.startswith(PNG_SIGNATURE):
        return None
    pos = len(PNG_SIGNATURE)
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"pHYs" and length == 9:
            x, y, unit = struct.unpack(">IIB", data[pos + 8 : pos + 17])
            return (x * MM_PER_INCH / 1000, y * MM_PER_INCH / 1000) if unit == 1 else None
        if kind in (b"IDAT", b"IEND"):
            return None
        pos += 12 + length
    return None


def mm_to_px(mm: float, dpi: float) -> int:
    """Pixels covering ``mm`` millimetres at ``dpi`` (rounded, at least 1)."""
    return max(1, round(mm / MM_PER_INCH * dpi))
