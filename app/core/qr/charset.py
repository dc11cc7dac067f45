"""How the bytes of a QR code become text, for codes without an ECI marker (nearly all).

1. UTF-8, if the bytes are valid UTF-8.
2. Shift_JIS, if its reading is ASCII plus *well-formed half-width katakana with at least two
   voicing marks* (ﾞ ﾟ, see :func:`halfwidth_katakana`), and zxing-cpp, when it gave its own
   text (``guess``), read Shift_JIS too. Half-width katakana bytes (A1–DF) also pair up as
   GB2312, so step 3 alone would make "ﾃﾞｻﾞｲﾝQR" Chinese; two voicing marks, each after a kana
   that takes it, with small kana and ｰ where Japanese puts them, is rare in GBK Chinese
   (measured: 26 in 1 000 000 random strings of 2–20 GB2312 level-1 characters, none of 2 000
   real codes; ``benchmarks/bench_qr.py``, docs/qr.md).
3. GB18030, if every non-ASCII pair lies in GB2312 (EUC-CN: both bytes in A1–FE), the
   everyday Chinese set: Chinese platforms still emit GBK without an ECI, and zxing-cpp and OpenCV
   then return Latin-1 or Shift_JIS mojibake (zxing-cpp takes "电子营业执照" for Shift_JIS).
4. Shift_JIS, if zxing-cpp itself guessed Shift_JIS for the code (``guess`` is its plain text):
   Japanese codes, whose bytes are mostly not GB2312 pairs.
5. GB18030, if the bytes decode at all (rarer characters, four-byte sequences).
6. Otherwise binary: ``text`` is the bytes in lowercase hex and ``charset`` is ``"binary"``, so a
   caller can never mistake it for what the code says.

A decoding counts only if it is strict and the text has no NUL character (control characters
are kept: structured codes use them, e.g. ISO/IEC 15434's GS and RS). Limit, by choice (Chinese
first): Japanese written only in half-width katakana with fewer than two voicing marks is also
valid GB2312 and comes out as Chinese.
"""

from __future__ import annotations

UTF8 = "utf-8"
GB18030 = "gb18030"
SHIFT_JIS = "shift_jis"
BINARY = "binary"

_VOICED = frozenset("ｳｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ")  # take ﾞ
_SEMI_VOICED = frozenset("ﾊﾋﾌﾍﾎ")  # take ﾟ
_SMALL_Y = frozenset("ｬｭｮ")  # after an i-row kana: ｷｬ ｼｭ ﾁｮ
_I_ROW = frozenset("ｷｼﾁﾆﾋﾐﾘ")
_SMALL_VOWEL = frozenset("ｧｨｩｪｫ")  # ﾌｧ ﾃｨ ｳｫ ｼｪ ...
_BEFORE_SMALL_VOWEL = frozenset("ｲｳｸｼｽﾁﾂﾃﾄﾌｷﾆﾋﾐﾘ")
_SMALL_TSU = "ｯ"
_PUNCTUATION = frozenset("｡｢｣､･")
# what cannot follow a small ｯ (it doubles the next consonant)
_NOT_AFTER_TSU = frozenset("ｱｲｳｴｵﾝｰｦﾞﾟ") | _SMALL_Y | _SMALL_VOWEL | {_SMALL_TSU}


def halfwidth_katakana(text: str, *, min_marks: int = 2) -> bool:
    """Whether ``text`` is ASCII plus well-formed half-width katakana (U+FF61–FF9F) with at
    least ``min_marks`` voicing marks: each ﾞ/ﾟ after a kana that takes it, small ｬｭｮ/ｧ–ｫ
    after a kana they combine with, ｯ ｰ ﾝ after a kana (ｯ not before a vowel, ﾝ or a mark)."""
    marks = 0
    base: str | None = None  # the last full kana of the current word
    prev = ""
    for ch in text:
        if ch < "\x80":
            if prev == _SMALL_TSU:
                return False
            base, prev = None, ch
            continue
        if not "\uff61" <= ch <= "\uff9f":
            return False
        if prev == _SMALL_TSU and ch in _NOT_AFTER_TSU:
            return False
        if ch in "ﾞﾟ":
            if prev not in (_VOICED if ch == "ﾞ" else _SEMI_VOICED):
                return False
            marks += 1
        elif ch in _SMALL_Y:
            if base not in _I_ROW:
                return False
        elif ch in _SMALL_VOWEL:
            if base not in _BEFORE_SMALL_VOWEL:
                return False
        elif ch in (_SMALL_TSU, "ｰ", "ﾝ"):
            if base is None or prev in (_SMALL_TSU, "ｰ", "ﾝ"):
                return False
        elif ch in _PUNCTUATION:
            base = None
        else:
            base = ch
        prev = ch
    return marks >= min_marks and prev != _SMALL_TSU


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
    japanese = _strict(raw, SHIFT_JIS)
    if (japanese is not None and halfwidth_katakana(japanese)
            and (guess is None or guess == japanese)):
        return japanese, SHIFT_JIS
    chinese = _strict(raw, GB18030)
    if chinese is not None and _is_gb2312(raw):
        return chinese, GB18030
    if guess is not None and japanese == guess:
        return guess, SHIFT_JIS
    if chinese is not None:
        return chinese, GB18030
    return raw.hex(), BINARY
