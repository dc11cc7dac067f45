"""Crash-safe file writing: temp file in the target folder, fsync, ``os.replace``.

Whatever happens before :meth:`AtomicFile.commit` — an exception, a cancel, SIGKILL — the target
path is never touched; the temporary file is removed on failure (after SIGKILL it stays as a
hidden ``.~name.*.tmp`` file beside the target, never under the target's own name).
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from .errors import EbidError, InvalidInput

TEMP_PREFIX = ".~"
TEMP_SUFFIX = ".tmp"
TEMP_NAME_BYTES = 40  # of the target's name in its temporary file's name
# What tempfile.mkstemp makes from that prefix and suffix: eight characters of its own between.
_OUR_TEMPORARY = re.compile(r"\.~.*\.[a-z0-9_]{8}\.tmp", re.DOTALL)
#: A temporary file being written is touched every few milliseconds; one untouched this long
#: belongs to a process that died (SIGKILL, power loss) and will never be committed.
STALE_AFTER_S = 10 * 60
#: Temporary files this process created and has neither committed nor removed. A signal can
#: land between creating one and the ``with`` (or ExitStack) that would remove it; whoever stops
#: the process (the CLI's signal handling) removes what is left here on the way out.
_LIVE: set[Path] = set()


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (a no-op where directories cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def describe_os_error(exc: OSError, path: Path | str) -> EbidError:
    """Turn an OSError into a user-readable project error."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EFBIG: "the file is larger than this system allows",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the folder is read-only",
        errno.ENOENT: "no such file or folder",
        errno.EISDIR: "it is a folder",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.EDQUOT: "the disk quota is exceeded",
    }
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return InvalidInput("Cannot write {path}: {reason}", path=str(path), reason=reason)


class AtomicFile:
    """``with AtomicFile(path) as f: f.write(...); f.commit()`` — or leave without commit to discard."""

    def __init__(self, path: Path | str, *, overwrite: bool = True) -> None:
        self.path = Path(path)
        self.overwrite = overwrite
        self._file: BinaryIO | None = None
        self._tmp: Path | None = None
        self._committed = False

    def __enter__(self) -> BinaryIO:
        folder = self.path.parent
        if not self.overwrite and self.path.exists():
            raise InvalidInput("{path} already exists", path=str(self.path))
        try:
            # A short prefix: the target's own name may already be near the file system's limit.
            short = self.path.name.encode("utf-8")[:TEMP_NAME_BYTES].decode("utf-8", "ignore")
            fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{short}.", suffix=TEMP_SUFFIX, dir=folder)
        except OSError as exc:
            raise describe_os_error(exc, self.path) from None
        self._tmp = Path(tmp)
        _LIVE.add(self._tmp)
        self._file = os.fdopen(fd, "wb")
        return self._file  # type: ignore[return-value]

    def commit(self) -> None:
        assert self._file is not None and self._tmp is not None
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            if not self.overwrite and self.path.exists():
                raise InvalidInput("{path} already exists", path=str(self.path))
            os.replace(self._tmp, self.path)
        except OSError as exc:
            raise describe_os_error(exc, self.path) from None
        _LIVE.discard(self._tmp)
        self._committed = True
        fsync_dir(self.path.parent)

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._committed:
            return
        if self._file is not None and not self._file.closed:
            try:
                self._file.close()
            except OSError:
                pass
        if self._tmp is not None:
            try:
                self._tmp.unlink()
            except FileNotFoundError:
                pass
            _LIVE.discard(self._tmp)
        if isinstance(exc, OSError):
            raise describe_os_error(exc, self.path) from None


def atomic_write(path: Path | str, data: bytes, *, overwrite: bool = True) -> None:
    target = AtomicFile(path, overwrite=overwrite)
    with target as f:
        f.write(data)
        target.commit()


def remove_own_temporaries() -> list[Path]:
    """Remove every temporary file this process created and did not commit (see :data:`_LIVE`);
    the paths removed. For the way out after a signal: nothing half-written stays behind."""
    removed = []
    for path in list(_LIVE):
        _LIVE.discard(path)
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            continue
        removed.append(path)
    return removed


def remove_stale_temporaries(folders: Iterable[Path], *, depth: int = 3,
                             clock: Callable[[], float] = time.time) -> list[Path]:
    """Remove our temporary files (``.~name.XXXXXXXX.tmp``) left by a process that died, in
    ``folders`` and their subfolders down to ``depth``; the paths removed. Files of other
    programs, and ours still being written (touched within :data:`STALE_AFTER_S`), stay."""
    removed: list[Path] = []
    for folder in folders:
        for path in _walk(Path(folder), depth):
            try:
                info = path.lstat()
                if path.is_symlink() or not path.is_file() or clock() - info.st_mtime < STALE_AFTER_S:
                    continue
                path.unlink()
            except OSError:
                continue  # gone meanwhile, or not ours to remove: leave it
            removed.append(path)
    return removed


def _walk(folder: Path, depth: int) -> Iterable[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False) and depth > 0:
            yield from _walk(Path(entry.path), depth - 1)
        elif _OUR_TEMPORARY.fullmatch(entry.name):
            yield Path(entry.path)
