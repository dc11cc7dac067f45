"""Making QR codes (for tests, support and the reference service's pages), with ``qrcode``.

Text is encoded as UTF-8 without an ECI marker, the way platforms and phones do; bytes are put in
as they are (byte mode), which is how tests make GBK codes without an ECI. Rendering is ours
(numpy + OpenCV), so neither Pillow nor pypng is needed.
"""

from __future__ import annotations

import cv2
import numpy as np
import qrcode
import qrcode.constants

from ..errors import InvalidInput

_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


def make_image(payload: str | bytes, *, scale: int = 8, border: int = 4,
               error_correction: str = "M") -> np.ndarray:
    """Grey ``uint8`` image of the code: black modules ``scale`` px wide, ``border`` modules of
    white around (4 is the standard quiet zone)."""
    if scale < 1 or border < 0:
        raise InvalidInput("The module size must be at least 1 px and the border not negative")
    if error_correction not in _LEVELS:
        raise InvalidInput("Error correction must be L, M, Q or H, not {level}",
                           level=error_correction)
    code = qrcode.QRCode(error_correction=_LEVELS[error_correction], border=border)
    data = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
    code.add_data(data, optimize=0)
    try:
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError):  # ValueError: "version 41"
        raise InvalidInput("{size} bytes do not fit in one QR code", size=len(data)) from None
    modules = np.array(code.get_matrix(), dtype=bool)
    image = np.where(modules, 0, 255).astype(np.uint8)
    return np.kron(image, np.ones((scale, scale), np.uint8))


def make_png(payload: str | bytes, **options) -> bytes:
    """PNG bytes of :func:`make_image`."""
    ok, buf = cv2.imencode(".png", make_image(payload, **options))
    if not ok:
        raise InvalidInput("The QR code could not be encoded as PNG")
    return buf.tobytes()
