"""Background work that opens a photo and proposes where the seal is (pool thread, no widgets)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ....core.errors import InvalidInput
from ....core.fsutil import describe_os_error
from ....core.seal.imaging import EditState, SourceImage, decode_image, propose_crop
from ....core.tasks import check
from . import edits

#: Photos larger than this are refused before decoding (a 48 MP JPEG is ~25 MB).
MAX_FILE_BYTES = 80 * 1024 * 1024


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InvalidInput("The image {path} is too large to open", path=str(path))
        return path.read_bytes()
    except OSError as exc:
        raise describe_os_error(exc, path) from None


def prepare(bgr: np.ndarray) -> tuple[SourceImage, EditState, bool]:
    """(source with its proxy, first state, whether a seal was found)."""
    source = SourceImage(bgr)
    proxy = source.proxy
    size = (proxy.shape[1], proxy.shape[0])
    try:
        return source, edits.initial_state(propose_crop(proxy), size), True
    except InvalidInput:
        return source, edits.whole_photo_state(), False


def load_file_op(path: Path):
    def op(progress, cancel):
        data = _read(path)
        check(cancel)
        return prepare(decode_image(data))

    return op


def load_photo_op(bgr: np.ndarray):
    def op(progress, cancel):
        return prepare(bgr)

    return op


def propose_op(frame: np.ndarray):
    """Crop and guide fractions for the seal found in ``frame`` (the turned, straightened proxy)."""

    def op(progress, cancel) -> dict:
        proposal = propose_crop(frame)
        state = edits.state_from_proposal(proposal, (frame.shape[1], frame.shape[0]))
        return {"crop": state.crop, "guide": state.guide}

    return op
