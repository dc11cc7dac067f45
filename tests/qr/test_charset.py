"""The charset rule: UTF-8 first, then GB18030, else binary (hex) — on bytes and through real
codes made with ``qrcode`` in byte mode without an ECI marker."""

from __future__ import annotations

import numpy as np
import pytest
import qrcode

from app.core import qr


@pytest.mark.parametrize("raw, text, charset", [
    ("扫码登录 https://ebid.example.cn/t/1".encode(), "扫码登录 https://ebid.example.cn/t/1", "utf-8"),
    ("电子投标 开标解密".encode("gbk"), "电子投标 开标解密", "gb18030"),
    ("GB18030 四字节 𠀀".encode("gb18030"), "GB18030 四字节 𠀀", "gb18030"),
    (b"line\ttab\r\nGS\x1dRS\x1eSOH\x01", "line\ttab\r\nGS\x1dRS\x1eSOH\x01", "utf-8"),
    ("电子营业执照".encode("gbk"), "电子营业执照", "gb18030"),  # zxing-cpp guesses Shift_JIS
    ("Google モバイル".encode("shift_jis"), "Google 儌僶僀儖", "gb18030"),  # no guess given
    ("鄧小平 镕".encode("gbk"), "鄧小平 镕", "gb18030"),  # outside GB2312, still GB18030
    (b"\x00\x01\x02\xff", "000102ff", "binary"),
    (b"ascii with a NUL\x00", "617363696920776974682061204e554c00", "binary"),
    (b"\x81", "81", "binary"),  # a lone GBK lead byte
    # half-width katakana (Shift_JIS A1–DF, also valid GB2312 pairs): Japanese when well formed
    # with two voicing marks, else Chinese first
    ("*ﾃﾞｻﾞｲﾝQR*\r\nhttp://d-qr.net/ex/".encode("shift_jis"),
     "*ﾃﾞｻﾞｲﾝQR*\r\nhttp://d-qr.net/ex/", "shift_jis"),
    ("ｼﾞｬﾊﾟﾝ ﾌｧｲﾙ".encode("shift_jis"), "ｼﾞｬﾊﾟﾝ ﾌｧｲﾙ", "shift_jis"),
    ("ﾃﾞｰﾀ".encode("shift_jis"), "棉袄", "gb18030"),  # one voicing mark: Chinese first
    ("杭州".encode("gbk"), "杭州", "gb18030"),  # its Shift_JIS reading is ｺｼﾖﾝ
])
def test_decode_payload(raw, text, charset):
    assert qr.decode_payload(raw) == (text, charset)


def test_shift_jis_only_where_the_library_guessed_it_and_it_is_not_gb2312():
    japanese = "Google モバイル".encode("shift_jis")
    assert qr.decode_payload(japanese, guess="Google モバイル") == ("Google モバイル", "shift_jis")
    chinese = "电子营业执照".encode("gbk")
    assert qr.decode_payload(chinese, guess=chinese.decode("shift_jis")) == ("电子营业执照", "gb18030")


def test_half_width_katakana_needs_the_library_to_agree_when_it_guessed():
    raw = "ﾃﾞｻﾞｲﾝQR".encode("shift_jis")
    assert qr.decode_payload(raw, guess="ﾃﾞｻﾞｲﾝQR") == ("ﾃﾞｻﾞｲﾝQR", "shift_jis")
    assert qr.decode_payload(raw, guess=raw.decode("latin-1"))[1] == "gb18030"


@pytest.mark.parametrize("text, expected", [
    ("ﾃﾞｻﾞｲﾝQR", True), ("ｶﾞｲﾄﾞﾌﾞｯｸ", True), ("ﾌｧｲﾙ ﾀﾞｳﾝﾛｰﾄﾞ", True),
    ("ｺﾝﾋﾟｭｰﾀ", False),  # one voicing mark is not evidence enough
    ("ｱﾞｲﾞ", False),  # ﾞ after a kana that takes none
    ("ｱｬﾃﾞﾃﾞ", False),  # small ｬ after a kana it does not combine with
    ("ｯﾃﾞﾃﾞ", False), ("ﾃﾞﾃﾞｯ", False), ("ﾃﾞｯｱﾃﾞ", False),  # ｯ at the start, the end, before a vowel
    ("ﾃﾞｻﾞ漢字", False),  # not half-width only
])
def test_halfwidth_katakana(text, expected):
    from app.core.qr.charset import halfwidth_katakana

    assert halfwidth_katakana(text) is expected


def _gb2312_level1() -> list[str]:
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def test_random_gbk_chinese_is_rarely_taken_for_half_width_japanese():
    """Measured on 1 000 000 such strings by benchmarks/bench_qr.py: see docs/qr.md."""
    import random

    chars, rng = _gb2312_level1(), random.Random(5)
    japanese = 0
    for _ in range(20000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(2, 20)))
        japanese += qr.decode_payload(text.encode("gbk"))[1] == "shift_jis"
    assert japanese <= 4  # ≈ 0.003 % expected, i.e. 0–1 here


def _byte_mode_code(payload: bytes) -> np.ndarray:
    """A code made directly with ``qrcode``: one 8-bit byte segment, no ECI."""
    code = qrcode.QRCode(border=4)
    code.add_data(payload, optimize=0)
    code.make(fit=True)
    assert [seg.mode for seg in code.data_list] == [qrcode.util.MODE_8BIT_BYTE]
    modules = np.array(code.get_matrix(), dtype=bool)
    return np.kron(np.where(modules, 0, 255).astype(np.uint8), np.ones((6, 6), np.uint8))


@pytest.mark.parametrize("payload, text, charset", [
    ("投标文件加密 ZB-2026-001".encode("utf-8"), "投标文件加密 ZB-2026-001", "utf-8"),
    ("投标文件加密 ZB-2026-001".encode("gbk"), "投标文件加密 ZB-2026-001", "gb18030"),
    (bytes(range(256))[::7], bytes(range(256))[::7].hex(), "binary"),
    ("杭州 电子营业执照".encode("gbk"), "杭州 电子营业执照", "gb18030"),
    ("*ﾃﾞｻﾞｲﾝQR*".encode("shift_jis"), "*ﾃﾞｻﾞｲﾝQR*", "shift_jis"),
])
def test_codes_without_eci_decode_by_the_rule(payload, text, charset):
    (code,) = qr.decode(_byte_mode_code(payload))
    assert (code.text, code.charset, code.raw) == (text, charset, payload)
    assert code.stage == "zxing"


def test_gbk_is_not_latin1_mojibake():
    """What zxing-cpp itself makes of GBK without ECI is not the text; ours is."""
    import zxingcpp

    payload = "开标解密".encode("gbk")
    (barcode,) = zxingcpp.read_barcodes(_byte_mode_code(payload))
    assert barcode.text != "开标解密"  # the library's guess (Latin-1 or similar)
    assert qr.decode(_byte_mode_code(payload))[0].text == "开标解密"
