"""QR decoding (no Qt): frames in, codes out.

Use it like this::

    from app.core import qr

    codes = qr.decode(frame)                        # a numpy frame: grey, BGR or BGRA uint8
    codes = qr.decode(qr.load_image(path))          # a file: checked before decoding
    codes = qr.decode(frame, budget=qr.Budget.CHEAP)  # never the expensive WeChat stage

Each :class:`Code` has ``text`` (UTF-8, else GB2312-range GB18030, else Shift_JIS where zxing-cpp
guessed it, else any GB18030, else hex with ``charset == "binary"``:
see :mod:`.charset`), ``raw`` bytes, ``charset``, four corner ``points`` in the frame's pixels and
the ``stage`` that read it. :func:`decode` runs zxing-cpp, then — only if that read nothing — the
fallback stages of :mod:`.stages` in order until one reads something. ``Budget.FULL`` (default:
image files, screen captures) may take a few hundred ms on a frame without a code;
``Budget.CHEAP`` stays within tens of ms; ``Budget.QUICK`` is the first pass only.

**Live scanning (the Scan page's camera worker).** Use one :class:`LiveDecoder` per worker thread
and call ``live.decode(frame)`` on the newest frame each time the worker is free, dropping the
frames that arrived meanwhile::

    live = qr.LiveDecoder()              # in the worker; frames decoded at ≤ 1280 px long side
    while running:
        frame = newest_frame()           # BGR numpy array; stale frames already dropped
        codes = live.decode(frame)       # see the benchmark for frames/s at 720p
        if codes:
            emit_found(codes)            # points are in the frame's pixels, for the outline

Every frame gets the zxing-cpp pass; a frame where it reads nothing gets one fallback stage, the
next of a fixed cycle (the expensive WeChat stages come up once per cycle each, on a copy bounded to
640 px), so the cost of any one frame stays bounded and a code held in view meets every stage
within a fraction of a second. Call ``live.reset()`` when the source changes. ``LiveDecoder``
holds state: never share one between threads. Still images (a file, a paste, a screen capture)
go through :func:`decode` with the default ``Budget.FULL`` instead.

:func:`load_image` refuses missing, empty, truncated, non-image and oversized files (over
:data:`MAX_PIXELS`, read from the header before any pixel is allocated) with
:class:`UnreadableImage`, an :class:`~app.core.errors.InvalidInput` whose template the UI
translates.
"""

from __future__ import annotations

from .charset import decode_payload
from .code import Code
from .decoder import Budget, decode
from .image_file import MAX_PIXELS, UnreadableImage, decode_image_bytes, load_image
from .live import LiveDecoder
from .make import make_image, make_png
from .stages import STAGES

__all__ = [
    "MAX_PIXELS",
    "STAGES",
    "Budget",
    "Code",
    "LiveDecoder",
    "UnreadableImage",
    "decode",
    "decode_image_bytes",
    "decode_payload",
    "load_image",
    "make_image",
    "make_png",
]
