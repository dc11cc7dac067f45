"""The offline transport's second carrier: a key-backup file (a bundle, a plain frame or a peer
card) as a numbered sequence of QR codes (docs/protocols/key-backup.md §2.4). The bytes are the
file's, unchanged; the codes only carry them, so everything the file transport checks is checked
the same way once the sequence is whole.

Each code's text (ASCII, byte mode)::

    EBKQ1/<set>/<i>/<n>/<base64url of part i, no padding>

``set`` is the first 16 hex digits of SM3 over the whole file, ``i`` counts from 1 to ``n``. A
reader keeps parts until it has all ``n`` and the whole file's SM3 starts with ``set``; parts may
come in any order and more than once (a screen that cycles through them).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from ..errors import InvalidInput
from ..gm import sm3
from .card import MAX_BUNDLE

PREFIX = "EBKQ1"
#: Bytes per code: about 700 characters of text, a version-21 symbol at level M, which a webcam
#: reads off a screen at arm's length.
PART_BYTES = 500
MAX_PARTS = -(-MAX_BUNDLE // 64)  # however small the parts a sender chose, never more than this
_PART = re.compile(r"^EBKQ1/([0-9a-f]{16})/([1-9][0-9]{0,4})/([1-9][0-9]{0,4})/([A-Za-z0-9_-]*)$")


def set_id(data: bytes) -> str:
    return sm3(data)[:8].hex()


def split(data: bytes, *, part_bytes: int = PART_BYTES) -> list[str]:
    """The texts of the codes that carry ``data``."""
    if not data:
        raise InvalidInput("An empty file cannot be shown as QR codes")
    if len(data) > MAX_BUNDLE:
        raise InvalidInput("{size} bytes is more than a key-backup file holds", size=len(data))
    if not 64 <= part_bytes <= 2048:
        raise InvalidInput("A QR code carries 64 to 2048 bytes of the file, not {n}", n=part_bytes)
    chunks = [data[i:i + part_bytes] for i in range(0, len(data), part_bytes)]
    ident, n = set_id(data), len(chunks)
    return [f"{PREFIX}/{ident}/{i}/{n}/{base64.urlsafe_b64encode(c).rstrip(b'=').decode('ascii')}"
            for i, c in enumerate(chunks, start=1)]


def is_part(text: str) -> bool:
    return text.startswith(PREFIX + "/")


@dataclass(frozen=True)
class Part:
    set_id: str
    index: int
    total: int
    data: bytes


def parse_part(text: str) -> Part:
    found = _PART.match(text.strip())
    if found is None:
        raise InvalidInput("Not a part of a key-backup file's QR codes")
    ident, index, total, body = found.group(1), int(found.group(2)), int(found.group(3)), found.group(4)
    if not 1 <= index <= total <= MAX_PARTS:
        raise InvalidInput("Part {i} of {n} of a key-backup file's QR codes is out of range", i=index, n=total)
    try:
        data = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError:
        raise InvalidInput("Part {i} of a key-backup file's QR codes is damaged", i=index) from None
    if not data:
        raise InvalidInput("Part {i} of a key-backup file's QR codes is damaged", i=index)
    return Part(ident, index, total, data)


@dataclass(frozen=True)
class Progress:
    set_id: str
    have: int
    total: int
    restarted: bool  # the part was of another file: the parts read so far were dropped


class Collector:
    """Parts of one file as they are read, in any order; :meth:`result` once all are in."""

    def __init__(self) -> None:
        self._set: str | None = None
        self._total = 0
        self._parts: dict[int, bytes] = {}

    def add(self, text: str) -> Progress:
        part = parse_part(text)
        restarted = False
        if part.set_id != self._set or part.total != self._total:
            restarted = self._set is not None
            self._set, self._total, self._parts = part.set_id, part.total, {}
        known = self._parts.get(part.index)
        if known is not None and known != part.data:
            raise InvalidInput("Part {i} of a key-backup file's QR codes was read twice, differently", i=part.index)
        self._parts[part.index] = part.data
        return Progress(part.set_id, len(self._parts), part.total, restarted)

    def missing(self) -> list[int]:
        return [i for i in range(1, self._total + 1) if i not in self._parts]

    def result(self) -> bytes | None:
        """The whole file once every part is in and its SM3 matches the set; None before."""
        if self._set is None or self.missing():
            return None
        data = b"".join(self._parts[i] for i in range(1, self._total + 1))
        if set_id(data) != self._set:
            self.__init__()
            raise InvalidInput("The QR codes read do not make up the file they name (its SM3 differs): "
                               "show them again")
        return data
