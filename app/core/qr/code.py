"""What the decoder returns for each QR code it finds."""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class Code:
    """One decoded QR code.

    ``text`` follows :mod:`.charset` (hex when ``charset == "binary"``); ``raw`` is the payload
    exactly as encoded. ``points`` are the four corners (top-left, top-right, bottom-right,
    bottom-left of the symbol as read) in pixels of the frame given to the decoder. ``stage``
    names the pipeline stage that read it (see :mod:`.stages`).
    """

    text: str
    raw: bytes
    charset: str
    points: tuple[Point, Point, Point, Point]
    stage: str

    def as_dict(self) -> dict:
        """JSON-ready form (the ``ebid qr decode --json`` shape, plus ``charset``)."""
        return {
            "text": self.text,
            "bytes_hex": self.raw.hex(),
            "charset": self.charset,
            "points": [[round(x, 1), round(y, 1)] for x, y in self.points],
            "stage": self.stage,
        }
