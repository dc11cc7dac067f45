"""The four standard inks, recolouring that keeps alpha, and naming a detected ink colour.

Standard RGB values, and where they come from:

* red ``(255, 0, 0)``, blue ``(0, 0, 255)``, black ``(0, 0, 0)``: the palette of the seal images
  produced by e签宝 (esign.cn), a widely used Chinese e-seal platform, whose template-seal API offers
  exactly RED/BLUE/BLACK; the sample PNGs in its API documentation ("创建企业模板印章",
  open.esign.cn/doc/opendoc/paas_sdk_3/qcvtfkggbtqbidth) carry a PLTE of ``FFFFFF FF0000 0000FF
  000000``. Pure red (255,0,0) is also what guides for drawing official seals specify. Some seal
  offices use a deeper red such as (230, 0, 18); we found no published standard that fixes one.
* purple ``(128, 0, 128)``: no published seal-office value was found; this is the HTML/CSS named
  colour *purple*, chosen by us. Change it here if a seal office specifies another.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...errors import InvalidInput
from .colour import bgr_to_lab, delta_e


@dataclass(frozen=True)
class Ink:
    name: str
    rgb: tuple[int, int, int]
    source: str
    #: Lab hue angle (degrees) of this ink as extracted from photos (measured on the synthetic
    #: benchmark: red 19-27, blue 289-296, purple 309-318); None = judged by low chroma (black).
    photo_hue: float | None

    @property
    def bgr(self) -> tuple[int, int, int]:
        return self.rgb[::-1]


_ESIGN = "e签宝 (esign.cn) template-seal palette"
INKS: dict[str, Ink] = {
    "red": Ink("red", (255, 0, 0), _ESIGN, 25.0),
    "blue": Ink("blue", (0, 0, 255), _ESIGN, 292.0),
    "black": Ink("black", (0, 0, 0), _ESIGN, None),
    "purple": Ink("purple", (128, 0, 128), "HTML/CSS named colour 'purple' (our choice)", 315.0),
}

#: Below this Lab chroma an ink is called black (photographed black ink is a dark grey).
BLACK_CHROMA = 18.0


def get_ink(name: str) -> Ink:
    try:
        return INKS[name]
    except KeyError:
        raise InvalidInput(
            "Unknown ink colour {name}; choose one of {choices}", name=name, choices=", ".join(INKS)
        ) from None


def recolour(alpha: np.ndarray, ink: str | Ink) -> np.ndarray:
    """BGRA uint8 imprint: every pixel the ink's colour, alpha from ``alpha`` (float [0,1] or uint8).

    Alpha is kept exactly (uint8 input) or rounded once (float input); colour is flat, which is what
    seal offices expect from an electronic imprint.
    """
    ink = ink if isinstance(ink, Ink) else get_ink(ink)
    a = alpha if alpha.dtype == np.uint8 else np.round(np.clip(alpha, 0, 1) * 255).astype(np.uint8)
    out = np.empty(a.shape + (4,), np.uint8)
    out[..., :3] = ink.bgr
    out[..., 3] = a
    return out


def recolour_bgra(bgra: np.ndarray, ink: str | Ink) -> np.ndarray:
    """Recolour an existing BGRA imprint, keeping its alpha channel byte for byte."""
    if bgra.ndim != 3 or bgra.shape[2] != 4:
        raise InvalidInput("The imprint has no transparency (alpha) channel")
    return recolour(bgra[..., 3], ink)


def nearest_ink(bgr: tuple[int, int, int]) -> str:
    """Name of the standard ink a detected ink colour (BGR uint8) most likely is."""
    exact = [ink.name for ink in INKS.values() if delta_e(bgr, ink.bgr) < 10]
    if exact:  # already a standard colour
        return exact[0]
    _L, a, b = (float(c) for c in bgr_to_lab(np.uint8(bgr)))
    if np.hypot(a, b) < BLACK_CHROMA:
        return "black"
    hue = np.degrees(np.arctan2(b, a)) % 360

    def distance(ink: Ink) -> float:
        d = abs(hue - ink.photo_hue) % 360
        return min(d, 360 - d)

    return min((i for i in INKS.values() if i.photo_hue is not None), key=distance).name
