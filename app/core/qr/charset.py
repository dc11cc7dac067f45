"""How the bytes of a QR code become text, for codes without an ECI marker (nearly all).

1. UTF-8, if the bytes are valid UTF-8.
2. GB18030, if every non-ASCII character lies in GB2312 (EUC-CN: both bytes in A1–FE), the
   everyday Chinese set: Chinese platforms still emit GBK without an ECI, and zxing-cpp and OpenCV
   then return Latin-1 or Shift_JIS mojibake (zxing-cpp takes "电子营业执照" for Shift_JIS).
3. Shift_JIS, if zxing-cpp itself guessed Shift_JIS for the code (``guess`` is its plain text):
   Japanese codes, whose bytes are mostly not GB2312 pairs.
4. GB18030, if the bytes decode at all (rarer characters, four-byte sequences).
5. Otherwise binary: ``text`` is the bytes in lowercase hex and ``charset`` is ``"binary"``, so a
   caller can never mistake it for what the code says.

A decoding counts only if it is strict and the text has no NUL character (control characters
are kept: structured codes use them, e.g. ISO/IEC 15434's GS and RS). Limit, by choice:
Japanese text written only in half-width katakana is also valid GB2312 and comes out as Chinese.
"""

from __future__ import annotations

UTF8 = "utf-8"
GB18030 = "gb18030"
SHIFT_JIS = "shift_jis"
BINARY = "binary"


def _is_text(text: str) -> bool:
    return "\x00" not in text


def _strict(raw: bytes, charset: str) -> str | None:
    try:
        text = raw.decode(charset, "strict")
    except UnicodeDecodeError:
        return None
    return text if _is_text(text) else None


def _is_gb2312(raw: bytes) -> bool:
    i = 0
    while i < len(raw):
        if raw[i] < 0x80:
            i += 1
        elif i + 1 < len(raw) and 0xA1 <= raw[i] <= 0xF7 and 0xA1 <= raw[i + 1] <= 0xFE:
            i += 2
        else:
            return False
    return True


def decode_payload(raw: bytes, *, guess: str | None = None) -> tuple[str, str]:
    """``(text, charset)`` of a code's bytes; charset is ``utf-8``, ``gb18030``, ``shift_jis``
    or ``binary``. ``guess``: the decoding library's own text for the same bytes, if any."""
    text = _strict(raw, UTF8)
    if text is not None:
        return text, UTF8
    chinese = _strict(raw, GB18030)
    if chinese is not None and _is_gb2312(raw):
        return chinese, GB18030
    if guess is not None and _strict(raw, SHIFT_JIS) == guess:
        return guess, SHIFT_JIS
    if chinese is not None:
        return chinese, GB18030
    return raw.hex(), BINARY
