from __future__ import annotations

import cv2
import numpy as np

from app.core.seal.imaging import read_png_dpi
from tests.seal.conftest import cached_photo


def _write_photo(tmp_path, condition="combined", colour="red", **kw):
    image, _, _ = cached_photo(condition, colour, photo_size=(1200, 900), **kw)
    path = tmp_path / "photo.jpg"
    cv2.imwrite(str(path), image, [cv2.IMWRITE_JPEG_QUALITY, 90])
    return path


def test_imprint_process_then_precheck_passes(ebid, tmp_path):
    photo = _write_photo(tmp_path)
    r = ebid(
        "seal",
        "imprint-process",
        str(photo),
        "-o",
        "out.png",
        "--colour",
        "blue",
        "--size-mm",
        "42",
        "--shape",
        "round",
    )
    assert r.returncode == 0, r.stderr
    assert "42×42 mm" in r.stdout and "looked red" in r.stdout
    data = (tmp_path / "out.png").read_bytes()
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    assert img.shape == (661, 661, 4) and read_png_dpi(data)[0] > 399.9
    assert (img[img[..., 3] > 0][:, :3] == (255, 0, 0)).all()  # BGR of standard blue
    r = ebid("seal", "precheck", "out.png", "--size-mm", "42", "--shape", "round")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "result: passes" in r.stdout and "dpi: " in r.stdout


def test_imprint_process_oval_guesses_the_other_side(ebid, tmp_path):
    photo = _write_photo(tmp_path, "clean", "purple", shape="oval", size_mm=(45.0, 30.0))
    r = ebid(
        "seal",
        "imprint-process",
        str(photo),
        "-o",
        "oval.png",
        "--colour",
        "purple",
        "--size-mm",
        "45",
    )
    assert r.returncode == 0, r.stderr
    img = cv2.imread(str(tmp_path / "oval.png"), cv2.IMREAD_UNCHANGED)
    assert img.shape[1] == 709 and 450 < img.shape[0] < 500  # 45 mm wide, ~30 mm high


def test_precheck_rejects_a_photo(ebid, tmp_path):
    photo = _write_photo(tmp_path)
    r = ebid("seal", "precheck", str(photo), "--size-mm", "42")
    assert r.returncode == 1
    assert "REJECT" in r.stdout and "transparen" in r.stdout and "likely rejected" in r.stdout


def test_precheck_rejects_low_resolution(ebid, tmp_path):
    photo = _write_photo(tmp_path)
    assert (
        ebid("seal", "imprint-process", str(photo), "-o", "lo.png", "--dpi", "150").returncode == 0
    )
    r = ebid("seal", "precheck", "lo.png")  # size from the PNG's own pHYs: 42 mm at 150 dpi
    assert r.returncode == 1 and "150 dpi" in r.stdout


def test_input_errors_exit_2(ebid, tmp_path):
    (tmp_path / "junk.jpg").write_bytes(b"not an image")
    r = ebid("seal", "imprint-process", "junk.jpg", "-o", "x.png")
    assert r.returncode == 2 and "could not be read" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "x.png").exists()
    assert ebid("seal", "precheck", "missing.png").returncode == 2
    assert (
        ebid("seal", "imprint-process", "junk.jpg", "-o", "x.png", "--colour", "green").returncode
        == 2
    )
    assert (
        ebid("seal", "imprint-process", "junk.jpg", "-o", "x.png", "--size-mm", "abc").returncode
        == 2
    )
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((300, 400, 3), 240, np.uint8))
    r = ebid("seal", "imprint-process", str(blank), "-o", "x.png")
    assert r.returncode == 2 and "No seal imprint" in r.stderr
