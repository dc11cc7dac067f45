"""A writer that starts the disk write-back early, so the final fsync does not wait for gigabytes.

The engine must fsync before renaming. Left alone, the kernel keeps most of a 2 GB output dirty in
the page cache and the fsync at the end then writes it all while the user waits (and the cache
fills with data nobody will read again). Every ``WINDOW`` bytes this writer asks the kernel to
start writing the previous window back (``posix_fadvise(DONTNEED)`` starts asynchronous write-back
of dirty pages and drops pages already on disk), so writing to disk overlaps with encryption.
Where ``posix_fadvise`` is missing (Windows, macOS) it is a plain writer.
"""

from __future__ import annotations

import os
from typing import BinaryIO

WINDOW = 32 << 20


class StreamingWriter:
    """``write`` then, every :data:`WINDOW` bytes, a write-back hint for what was written."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.written = 0
        self._hinted = 0
        self._advise = getattr(os, "posix_fadvise", None)

    def write(self, data: bytes | memoryview) -> None:
        self.out.write(data)
        self.written += len(data)
        if self._advise is not None and self.written - self._hinted >= WINDOW:
            self._hint()

    def _hint(self) -> None:
        self.out.flush()
        try:
            self._advise(self.out.fileno(), self._hinted, self.written - self._hinted, os.POSIX_FADV_DONTNEED)
        except OSError:  # only a hint: a file system that refuses it loses nothing
            self._advise = None
        self._hinted = self.written
