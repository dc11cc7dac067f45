"""``ebid qr make`` and ``ebid qr decode`` through the real command line in a subprocess."""

from __future__ import annotations

import json

import cv2
import numpy as np

from tests.qr.test_image_file import huge_png
from tests.support import SHARED_DATA, needs_shared_data

MONITOR = SHARED_DATA / "qr" / "boofcv-monitor" / "image001.jpg"


@needs_shared_data("qr")
def test_make_then_decode_plain_and_json(ebid, tmp_path):
    text = "扫码登录 https://ebid.example.cn/qr/login?t=9\tend"
    made = ebid("qr", "make", text, "-o", "code.png")
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "code.png").read_bytes().startswith(b"\x89PNG")
    plain = ebid("qr", "decode", "code.png")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout == "code.png: 扫码登录 https://ebid.example.cn/qr/login?t=9\\tend\n"
    out = ebid("qr", "decode", "--json", "code.png", str(MONITOR))
    assert out.returncode == 0, out.stderr
    first, second = (json.loads(line) for line in out.stdout.splitlines())
    assert set(first) == {"image", "codes", "ms"} and first["image"] == "code.png"
    (code,) = first["codes"]
    assert code["text"] == text and bytes.fromhex(code["bytes_hex"]) == text.encode()
    assert code["stage"] == "zxing" and len(code["points"]) == 4
    assert second["image"] == str(MONITOR) and second["codes"] and second["ms"] > 0


def test_an_image_without_a_code_exits_1(ebid, tmp_path):
    assert ebid("qr", "make", "x", "-o", "code.png").returncode == 0
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((200, 300, 3), 255, np.uint8))
    out = ebid("qr", "decode", "code.png", "blank.png")
    assert out.returncode == 1
    assert out.stdout.splitlines() == ["code.png: x", "blank.png: no QR code found"]


def test_unreadable_files_exit_2_with_one_line_each(ebid, tmp_path):
    assert ebid("qr", "make", "ok", "-o", "code.png").returncode == 0
    (tmp_path / "empty.png").write_bytes(b"")
    png = (tmp_path / "code.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(png[: len(png) // 2])
    (tmp_path / "huge.png").write_bytes(huge_png())
    out = ebid("qr", "decode", "--json", "code.png", "empty.png", "cut.png", "huge.png", "gone.png")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["image"] for r in records] == ["code.png", "empty.png", "cut.png", "huge.png", "gone.png"]
    assert records[0]["codes"][0]["text"] == "ok"
    assert "is empty" in records[1]["error"] and "truncated" in records[2]["error"]
    assert "too large" in records[3]["error"] and "No such image file" in records[4]["error"]
    assert len(out.stderr.splitlines()) == 4
    assert all(line.startswith("ebid: error: ") for line in out.stderr.splitlines())


def test_make_refuses_what_does_not_fit(ebid):
    out = ebid("qr", "make", "x" * 5000, "-o", "big.png")
    assert out.returncode == 2 and "do not fit in one QR code" in out.stderr
