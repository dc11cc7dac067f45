"""Width and height of an image file from its header, before any pixel is decoded.

Only the formats listed here are handed to the decoder, so a file claiming 20000×20000 pixels is
refused from a few header bytes instead of allocating gigabytes. ``None`` for anything else.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic); not DHT/JPG/DAC.
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


@dataclass(frozen=True)
class Header:
    kind: str  # "PNG", "JPEG", "BMP", "WebP"
    width: int
    height: int
    complete: bool  # the file's end marker is there (PNG IEND, JPEG EOI); BMP/WebP: by size


def read_header(data: bytes) -> Header | None:
    for reader in (_png, _jpeg, _bmp, _webp):
        header = reader(data)
        if header is not None:
            return header
    return None


def _png(data: bytes) -> Header | None:
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return Header("PNG", width, height, b"IEND" in data[-32:])


def _jpeg(data: bytes) -> Header | None:
    if not data.startswith(b"\xff\xd8"):
        return None
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _SOF:
            if pos + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return Header("JPEG", width, height, data.rfind(b"\xff\xd9") > pos)
        if marker == 0xDA or length < 2:  # scan data before any frame header: not a JPEG we take
            return None
        pos += 2 + length
    return None


def _bmp(data: bytes) -> Header | None:
    if not data.startswith(b"BM") or len(data) < 26:
        return None
    (file_size,) = struct.unpack("<I", data[2:6])
    (dib_size,) = struct.unpack("<I", data[14:18])
    if dib_size == 12:
        width, height = struct.unpack("<HH", data[18:22])
    else:
        width, height = struct.unpack("<ii", data[18:26])
    return Header("BMP", abs(width), abs(height), len(data) >= file_size)


def _webp(data: bytes) -> Header | None:
    if len(data) < 30 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return None
    complete = len(data) >= struct.unpack("<I", data[4:8])[0] + 8
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = 1 + int.from_bytes(data[24:27], "little")
        height = 1 + int.from_bytes(data[27:30], "little")
    elif chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        width, height = 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
    elif chunk == b"VP8 ":
        width, height = (v & 0x3FFF for v in struct.unpack("<HH", data[26:30]))
    else:
        return None
    return Header("WebP", width, height, complete)
