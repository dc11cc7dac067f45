"""The decoding stages, cheapest first. Each takes a grey frame and returns the codes it read,
with corner points in that frame's pixels.

``zxing``       zxing-cpp as configured here: QR family only, ``TextMode.Plain``, local-average
                binarizer, with its rotate, invert and downscale tries (without the downscale
                try, photos of monitors fail: screen moiré).
``stretch-x``,  the frame stretched 1.5× along one axis (``stretch-x2``: 2× across), then zxing:
``stretch-y``   undoes part of a strong perspective, whose foreshortened finder patterns zxing's
                detector rejects.
``contrast``    CLAHE (clip 4, 8×8 tiles), then zxing: glare and uneven light.
``histogram``   zxing with its global-histogram binarizer.
``blur``        a Gaussian blur (σ 1.5), then zxing: print screens, JPEG noise, moiré.
``upscale``     a 2× bicubic upscale of small frames (long side ≤ 800 px), then zxing.
``wechat-contrast``,  OpenCV-contrib's WeChatQRCode without model files (its classic detector)
``wechat``      on a copy bounded to 640 px after CLAHE, then on the plain copy: damaged codes and
                glare. Expensive: a few ms when it reads, 50–250 ms on frames where it finds
                nothing (whatever the copy's size: the cost is its search over finder-pattern
                candidates). CLAHE first: of the 44 shared photos at 1280 px that zxing misses,
                it reads 25 and the plain pass 20, and the two only the plain pass reads are
                read by cheaper stages; so a frame the cheap stages missed usually pays one
                WeChat pass, not two.

The WeChat detector only returns text (OpenCV decodes it as UTF-8 and fails on anything else), so
its codes carry ``raw = text.encode("utf-8")``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable

import cv2
import numpy as np
import zxingcpp

from .charset import decode_payload
from .code import Code
from .frames import bounded

QR_FORMATS = (zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode,
              zxingcpp.BarcodeFormat.RMQRCode)
STRETCH = 1.5
UPSCALE_MAX_SIDE = 800
WECHAT_MAX_SIDE = 640


@dataclass(frozen=True)
class Stage:
    name: str
    expensive: bool
    run: Callable[[np.ndarray], list[Code]]
    applies: Callable[[np.ndarray], bool] = lambda grey: True


def read_zxing(grey: np.ndarray, stage: str, *, fx: float = 1.0, fy: float = 1.0,
               binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage) -> list[Code]:
    """zxing-cpp over ``grey``, an image ``fx``/``fy`` times the frame's size."""
    found = zxingcpp.read_barcodes(grey, formats=QR_FORMATS, text_mode=zxingcpp.TextMode.Plain,
                                   binarizer=binarizer, try_rotate=True, try_downscale=True,
                                   try_invert=True)
    codes = []
    for barcode in found:
        raw = bytes(barcode.bytes)
        text, charset = decode_payload(raw, guess=barcode.text)
        p = barcode.position
        corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        points = tuple((c.x / fx, c.y / fy) for c in corners)
        codes.append(Code(text, raw, charset, points, stage))
    return unique(codes)


def unique(codes: list[Code]) -> list[Code]:
    """The codes with distinct payloads, first seen first."""
    seen: set[bytes] = set()
    return [c for c in codes if not (c.raw in seen or seen.add(c.raw))]


def scaled(codes: list[Code], factor: float) -> list[Code]:
    """Codes found in an image ``factor`` times a frame's size, with points in the frame's pixels."""
    if factor == 1.0:
        return codes
    return [Code(c.text, c.raw, c.charset, tuple((x / factor, y / factor) for x, y in c.points),
                 c.stage) for c in codes]


def _stretched(fx: float, fy: float, name: str) -> Callable[[np.ndarray], list[Code]]:
    def run(grey: np.ndarray) -> list[Code]:
        big = cv2.resize(grey, None, fx=fx, fy=fy, interpolation=cv2.INTER_LINEAR)
        return read_zxing(big, name, fx=big.shape[1] / grey.shape[1], fy=big.shape[0] / grey.shape[0])
    return run


def _clahe(grey: np.ndarray) -> np.ndarray:
    return cv2.createCLAHE(clipLimit=4.0, tileGridSize=(8, 8)).apply(grey)


def _contrast(grey: np.ndarray) -> list[Code]:
    return read_zxing(_clahe(grey), "contrast")


def _histogram(grey: np.ndarray) -> list[Code]:
    return read_zxing(grey, "histogram", binarizer=zxingcpp.Binarizer.GlobalHistogram)


def _blur(grey: np.ndarray) -> list[Code]:
    return read_zxing(cv2.GaussianBlur(grey, (0, 0), 1.5), "blur")


def _is_small(grey: np.ndarray) -> bool:
    return max(grey.shape) <= UPSCALE_MAX_SIDE


_local = threading.local()


def _wechat_detector() -> cv2.wechat_qrcode.WeChatQRCode:
    """One detector per thread (OpenCV's object is not meant to be shared between threads)."""
    detector = getattr(_local, "wechat", None)
    if detector is None:
        detector = cv2.wechat_qrcode_WeChatQRCode()
        detector.setScaleFactor(1.0)  # we bound the input ourselves: one scale, not two
        _local.wechat = detector
    return detector


def read_wechat(grey: np.ndarray, stage: str, *, prepare=None) -> list[Code]:
    small, factor = bounded(grey, WECHAT_MAX_SIDE)
    if prepare is not None:
        small = prepare(small)
    try:
        texts, corners = _wechat_detector().detectAndDecode(small)
    except UnicodeDecodeError:  # a payload that is not UTF-8: OpenCV gives us nothing of it
        return []
    codes = []
    for text, quad in zip(texts, corners):
        raw = text.encode("utf-8")
        decoded, charset = decode_payload(raw)
        points = tuple((float(x), float(y)) for x, y in np.asarray(quad).reshape(-1, 2)[:4])
        codes.append(Code(decoded, raw, charset, points, stage))
    return scaled(unique(codes), factor)


ZXING = Stage("zxing", False, lambda grey: read_zxing(grey, "zxing"))
FALLBACKS: tuple[Stage, ...] = (
    Stage("stretch-x", False, _stretched(STRETCH, 1.0, "stretch-x")),
    Stage("histogram", False, _histogram),
    Stage("contrast", False, _contrast),
    Stage("blur", False, _blur),
    Stage("upscale", False, _stretched(2.0, 2.0, "upscale"), _is_small),
    Stage("stretch-y", False, _stretched(1.0, STRETCH, "stretch-y")),
    Stage("stretch-x2", False, _stretched(2.0, 1.0, "stretch-x2")),
    Stage("wechat-contrast", True, lambda grey: read_wechat(grey, "wechat-contrast", prepare=_clahe)),
    Stage("wechat", True, lambda grey: read_wechat(grey, "wechat")),
)
STAGES = {stage.name: stage for stage in (ZXING, *FALLBACKS)}
