"""``app.core.qr.load_image``: bad files are refused with a clear, translatable error before any
pixel is allocated; photos come upright by their EXIF orientation."""

from __future__ import annotations

import struct
import sys
import textwrap
import zlib

import cv2
import numpy as np
import pytest

from app.core import qr
from app.core.errors import EbidError, InvalidInput
from tests.support import run

TEXT = "https://ebid.example.cn/qr/open?task=7"


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def huge_png(width: int = 20000, height: int = 20000) -> bytes:
    """A valid-looking PNG whose header claims ``width``×``height`` RGB pixels (a few KB of
    compressed zeros: a decompression bomb if anyone believed it)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (1 << 20), 9)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat)
            + _chunk(b"IEND", b""))


def _jpeg(image: np.ndarray) -> bytes:
    return cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 92])[1].tobytes()


def _with_exif_orientation(jpeg: bytes, orientation: int) -> bytes:
    """``jpeg`` with an APP1 Exif segment holding only the Orientation tag (0x0112)."""
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1)
    tiff += struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
    body = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body + jpeg[2:]


def _refused(tmp_path, data: bytes, fragment: str, name: str = "bad.png") -> qr.UnreadableImage:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(qr.UnreadableImage) as info:
        qr.load_image(path)
    error = info.value
    assert isinstance(error, InvalidInput) and isinstance(error, EbidError)
    assert fragment in error.message and str(path) in error.message
    assert "{" not in error.message  # every placeholder filled
    assert error.template != error.message  # the UI translates the template, then fills params
    return error


def test_empty_file(tmp_path):
    _refused(tmp_path, b"", "is empty")


def test_truncated_png(tmp_path):
    png = qr.make_png(TEXT)
    _refused(tmp_path, png[: len(png) // 2], "is truncated")


def test_truncated_jpeg(tmp_path):
    jpeg = _jpeg(np.dstack([qr.make_image(TEXT)] * 3))
    _refused(tmp_path, jpeg[: len(jpeg) * 2 // 3], "is truncated", "bad.jpg")


def test_not_an_image(tmp_path):
    _refused(tmp_path, b"%PDF-1.7 not an image at all", "is not a PNG, JPEG, BMP or WebP image")


def test_damaged_png_data(tmp_path):
    png = bytearray(qr.make_png(TEXT))
    start = png.index(b"IDAT") + 4
    png[start : start + 40] = b"\xff" * 40
    _refused(tmp_path, bytes(png), "is damaged")


def test_png_header_of_20000_by_20000(tmp_path):
    error = _refused(tmp_path, huge_png(), "is too large to scan")
    assert error.params["width"] == 20000 and error.params["limit"] == 50


def test_jpeg_header_of_20000_by_20000(tmp_path):
    jpeg = bytearray(_jpeg(np.zeros((16, 16, 3), np.uint8)))
    sof = jpeg.index(b"\xff\xc0")
    jpeg[sof + 5 : sof + 9] = struct.pack(">HH", 20000, 20000)
    _refused(tmp_path, bytes(jpeg), "20000×20000", "huge.jpg")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(qr.UnreadableImage, match="No such image file"):
        qr.load_image(tmp_path / "nothing.png")
    with pytest.raises(qr.UnreadableImage, match="is a folder"):
        qr.load_image(tmp_path)


def test_huge_header_costs_no_memory(tmp_path):
    """In a fresh process, refusing the 20000×20000 PNG (1.2 GB of pixels if decoded) raises the
    peak RSS by less than 30 MB."""
    path = tmp_path / "huge.png"
    path.write_bytes(huge_png())
    script = textwrap.dedent(f"""
        import resource
        from app.core import qr
        qr.decode(qr.make_image("warm up"))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            qr.load_image({str(path)!r})
        except qr.UnreadableImage as exc:
            print(type(exc).__name__)
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
    """)
    out = run([sys.executable, "-c", script])
    assert out.returncode == 0, out.stderr
    kind, grown_mb = out.stdout.split()
    assert kind == "UnreadableImage" and int(grown_mb) < 30


@pytest.mark.parametrize("orientation, turn", [(6, cv2.ROTATE_90_CLOCKWISE),
                                               (8, cv2.ROTATE_90_COUNTERCLOCKWISE),
                                               (3, cv2.ROTATE_180)])
def test_exif_orientation_is_honoured(tmp_path, orientation, turn):
    code = qr.make_image(TEXT, scale=6)
    stored = np.full((code.shape[0] + 200, code.shape[1] + 40), 255, np.uint8)
    stored[10 : 10 + code.shape[0], 20 : 20 + code.shape[1]] = code  # the code near the top
    path = tmp_path / "photo.jpg"
    path.write_bytes(_with_exif_orientation(_jpeg(np.dstack([stored] * 3)), orientation))
    image = qr.load_image(path)
    upright = cv2.rotate(stored, turn)
    assert image.shape[:2] == upright.shape
    assert np.abs(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY).astype(int) - upright).mean() < 4
    (found,) = qr.decode(image)
    xs, ys = zip(*found.points)
    assert found.text == TEXT
    assert all(0 <= x <= upright.shape[1] and 0 <= y <= upright.shape[0] for x, y in found.points)
    centre = np.array([np.mean(xs), np.mean(ys)])
    expect = {6: (upright.shape[1] - 10 - code.shape[0] / 2, 20 + code.shape[1] / 2),
              8: (10 + code.shape[0] / 2, upright.shape[0] - 20 - code.shape[1] / 2),
              3: (upright.shape[1] - 20 - code.shape[1] / 2, upright.shape[0] - 10 - code.shape[0] / 2)}
    assert np.linalg.norm(centre - expect[orientation]) < 10


def test_good_files_of_every_supported_kind(tmp_path):
    grey = qr.make_image(TEXT)
    for ext in (".png", ".jpg", ".bmp", ".webp"):
        path = tmp_path / f"code{ext}"
        path.write_bytes(cv2.imencode(ext, np.dstack([grey] * 3))[1].tobytes())
        assert [c.text for c in qr.decode(qr.load_image(path))] == [TEXT], ext
