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
_FORBIDDEN = set('/\\:*?"<>|')


def safe_file_name(name: str, fallback: str) -> str:
    """A name from a container, made safe to create in the output folder (no path, no device)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    cleaned = "".join("_" if ch in _FORBIDDEN or ord(ch) < 32 else ch for ch in base)
    if cleaned in ("", ".", "..") or cleaned.startswith(".~"):
        return fallback
    return cleaned


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
