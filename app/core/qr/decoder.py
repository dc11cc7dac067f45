"""One call from a frame to the QR codes in it: :func:`decode`, with a :class:`Budget`."""

from __future__ import annotations

from enum import Enum

import numpy as np

from .code import Code
from .frames import bounded, to_grey
from .stages import FALLBACKS, ZXING, scaled

#: Fallback stages work on a copy of the frame at most this long: enough for any photo's code,
#: and it keeps a 12 MP photo's fallbacks from costing seconds.
FALLBACK_MAX_SIDE = 1920


class Budget(Enum):
    """How much work :func:`decode` may do on a frame where the first pass reads nothing."""

    QUICK = "quick"  #: the first zxing-cpp pass only (a few ms at 1280 px)
    CHEAP = "cheap"  #: every zxing-cpp stage, no WeChat (tens of ms at most)
    FULL = "full"  #: every stage, WeChat last (up to a few hundred ms on a frame with no code)


def decode(frame: np.ndarray, *, budget: Budget = Budget.FULL) -> list[Code]:
    """The QR codes in a grey, BGR or BGRA ``uint8`` frame, all from the first stage that read
    any; points in the frame's pixels. Raises :class:`~app.core.errors.InvalidInput` for an
    array that is not an 8-bit image."""
    grey = to_grey(frame)
    codes = ZXING.run(grey)
    if codes or budget is Budget.QUICK:
        return codes
    work, factor = bounded(grey, FALLBACK_MAX_SIDE)
    for stage in FALLBACKS:
        if (stage.expensive and budget is not Budget.FULL) or not stage.applies(work):
            continue
        codes = stage.run(work)
        if codes:
            return scaled(codes, factor)
    return []
