"""The parallel, ordered, memory-bounded chunk pipeline under encryption and decryption.

The calling thread reads chunk *i*, hands it to the worker pool, and once the window of chunks in
flight is full it waits for the oldest one and passes its result on — so results are consumed
strictly in order, at most ``window`` chunks (each input plus output) are in memory whatever the
file size, and the cancel token is checked once per chunk. OpenSSL releases the GIL inside the
AEAD calls, so the workers really run on separate cores.
"""

from __future__ import annotations

import os
import stat
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from ..errors import InvalidInput
from ..tasks import CancelToken, check

CHUNKS_PER_WORKER = 3  # enough to keep every worker busy while the reader waits on the oldest
# The chunk size is the bidder's choice (up to 64 MiB, bidx.md §2) and the opener pays for it:
# each chunk in flight holds an input and an output buffer. Past this budget the window
# shrinks (never below two chunks), so 16 workers at 64 MiB hold 256 MiB, not 6 GiB.
IN_FLIGHT_BUDGET = 256 << 20


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass
class WorkerPool:
    """A thread pool and the in-flight window that goes with its size; share one across a batch."""

    executor: ThreadPoolExecutor
    workers: int

    @property
    def window(self) -> int:
        return self.workers * CHUNKS_PER_WORKER

    def window_for(self, chunk_size: int) -> int:
        """Chunks in flight for this chunk size: the pool's window within the memory budget."""
        return max(2, min(self.window, IN_FLIGHT_BUDGET // (2 * max(1, chunk_size))))


@contextmanager
def worker_pool(workers: int | None = None) -> Iterator[WorkerPool]:
    """One crypto pool sized to the cores (or ``workers``), shut down on exit."""
    count = workers or default_workers()
    executor = ThreadPoolExecutor(max_workers=count, thread_name_prefix="bidx")
    try:
        yield WorkerPool(executor, count)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


@contextmanager
def borrowed_pool(pool: WorkerPool | None, workers: int | None = None) -> Iterator[WorkerPool]:
    """Use the caller's pool if given, else a private one for this call."""
    if pool is not None:
        yield pool
    else:
        with worker_pool(workers) as own:
            yield own


@dataclass(frozen=True)
class Job:
    """One chunk's work for a worker, and the buffers it borrows until its result is consumed."""

    run: Callable[[], memoryview]
    buffers: tuple[bytearray, ...] = ()


def run_ordered(
    pool: WorkerPool,
    jobs: Iterator[Job],
    consume: Callable[[memoryview], None],
    cancel: CancelToken | None,
    give_back: Callable[..., None] = lambda *buffers: None,
    window: int | None = None,
) -> None:
    """Run ``jobs`` on the pool and feed their results, in order, to ``consume``.

    After a result is consumed its buffers go to ``give_back`` for reuse by later jobs. At most
    ``window`` (default: the pool's) jobs are in flight.
    """
    limit = window or pool.window
    pending: deque[tuple[Future[memoryview], Job]] = deque()

    def finish_oldest() -> None:
        future, job = pending.popleft()
        consume(future.result())
        give_back(*job.buffers)

    try:
        for job in jobs:
            check(cancel)
            pending.append((pool.executor.submit(job.run), job))
            if len(pending) >= limit:
                finish_oldest()
        while pending:
            check(cancel)
            finish_oldest()
    finally:
        for future, _job in pending:  # after an error or cancel: drop what has not started
            future.cancel()


def read_error(exc: OSError, path: Path) -> InvalidInput:
    return InvalidInput("Cannot read {path}: {reason}", path=str(path), reason=exc.strerror or str(exc))


@contextmanager
def open_for_reading(path: Path) -> Iterator[BinaryIO]:
    """Unbuffered: chunks are large, and a read error names the file, not the output.

    Only a regular file: opening a FIFO would wait forever for a writer, and a device such as
    /dev/zero never ends. Opened without blocking and checked on the open descriptor, so the
    file checked is the file read (for a regular file the flag changes nothing)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise read_error(exc, path) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InvalidInput("{path} is not a regular file", path=str(path))
    stream = os.fdopen(fd, "rb", buffering=0)
    with stream:
        yield stream  # type: ignore[misc]


def read_exact(stream: BinaryIO, size: int, path: Path) -> bytes:
    """Read exactly ``size`` bytes, or fewer only at end of file."""
    try:
        return _read_exact(stream, size)
    except OSError as exc:
        raise read_error(exc, path) from None


def read_into(stream: BinaryIO, buffer: bytearray, size: int, path: Path) -> memoryview:
    """Fill ``buffer[:size]`` from the stream; the view is shorter only at end of file."""
    view = memoryview(buffer)
    got = 0
    try:
        while got < size:
            n = stream.readinto(view[got:size])
            if not n:
                break
            got += n
    except OSError as exc:
        raise read_error(exc, path) from None
    return view[:got]


def _read_exact(stream: BinaryIO, size: int) -> bytes:
    data = stream.read(size)
    if data is None or len(data) == size or not data:
        return data or b""
    parts = [data]
    got = len(data)
    while got < size:
        more = stream.read(size - got)
        if not more:
            break
        parts.append(more)
        got += len(more)
    return b"".join(parts)
