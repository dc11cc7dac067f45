"""Output file names: never overwrite, never escape the output folder.

Policy (docs/formats/bidx.md §7): an existing file is never replaced. If ``NAME`` is taken the
engine uses ``NAME (1)``, ``NAME (2)``… with the number before the last suffix, and reports the
name it chose. A name read from a container is reduced to a plain file name first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..errors import InvalidInput

CONTAINER_SUFFIX = ".bidx"
SIGNATURE_SUFFIX = ".sig"
MAX_TRIES = 10_000
# Bytes of UTF-8 a name may have: 255 is the limit of ext4, NTFS (in UTF-16 units) and APFS; the
# margin leaves room for " (12)" when the name is taken. 100 Chinese characters (300 bytes) are
# an ordinary Windows file name, so long names are shortened, keeping the extension.
MAX_NAME_BYTES = 240
_FORBIDDEN = set('/\\:*?"<>|')
# Bidi controls reorder what the user reads (U+202E makes "bid\u202etxt.exe" look like "bidexe.txt").
_INVISIBLE = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0xFEFF}
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_file_name(name: str, fallback: str) -> str:
    """A name that came from outside (a container's metadata, a platform's receipt), made safe to
    create in the output folder on Linux, Windows and macOS: no folder part, no control, bidi or
    reserved character, not hidden, not a Windows device, no trailing dot or space, at most
    :data:`MAX_NAME_BYTES` bytes; when nothing usable is left, ``fallback`` reduced the same way
    (it may come from outside too, e.g. a submission id), and "" when nothing is left of either."""
    return _reduced(name) or _reduced(fallback)


def _reduced(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(
        "_" if ch in _FORBIDDEN or ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 else ch
        for ch in base if ord(ch) not in _INVISIBLE
    ).strip().rstrip(". ").lstrip(".")
    stem = cleaned.split(".", 1)[0].strip().upper()
    if not cleaned or stem in _DEVICES:
        return ""
    return _bounded(cleaned)


def _bounded(name: str) -> str:
    """``name`` cut to :data:`MAX_NAME_BYTES` of UTF-8 at a character boundary, keeping a short extension."""
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return name
    stem, dot, suffix = name.rpartition(".")
    keep = f".{suffix}" if dot and stem and len(suffix.encode("utf-8")) <= 16 else ""
    room = MAX_NAME_BYTES - len(keep.encode("utf-8"))
    head = (stem if keep else name).encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(". ")
    return head + keep


def _numbered(name: str, n: int) -> str:
    if n == 0:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        return f"{name} ({n})"
    return f"{stem} ({n}).{suffix}"


def free_name(folder: Path, name: str, *, companions: Iterable[str] = (), taken: set[Path] | None = None) -> Path:
    """The first ``folder/name``, ``folder/name (1)``… that exists neither on disk nor in ``taken``.

    ``companions`` are suffixes of files that go with the output (``.sig``): they must be free too.
    """
    extras = tuple(companions)
    reserved = taken if taken is not None else set()
    for n in range(MAX_TRIES):
        candidate = folder / _numbered(name, n)
        paths = [candidate, *(candidate.with_name(candidate.name + s) for s in extras)]
        if not any(p.exists() or p in reserved for p in paths):
            reserved.add(candidate)
            return candidate
    raise InvalidInput("No free file name for {name} in {folder}", name=name, folder=str(folder))


def check_output_folder(folder: Path) -> Path:
    if not folder.exists():
        raise InvalidInput("The output folder {path} does not exist", path=str(folder))
    if not folder.is_dir():
        raise InvalidInput("The output path {path} is not a folder", path=str(folder))
    return folder
