"""Reading BIDX containers: inspect (no key), decrypt to a folder, and rehearse (decrypt, keep nothing).

Order of checks, each failing with a message that says what is wrong: header structure → the
recipient stanza for this key → header MAC (commits the file key and every header field) → the
file's exact length → every chunk's tag, with the chunk counter and last-chunk flag in its nonce.
Plaintext goes to a temporary file that is renamed into place only after the last check passed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from ..errors import InvalidInput
from ..fsutil import AtomicFile, remove_stale_temporaries
from ..gm import SM2PrivateKey
from ..tasks import CancelToken, Progress, no_progress
from .chunks import Buffers, open_into
from .format import (
    PREFIX_SIZE,
    DamagedContainer,
    Header,
    SecretMetadata,
    Stanza,
    parse_header,
    parse_prefix,
)
from .naming import CONTAINER_SUFFIX, check_output_folder, free_name, safe_file_name
from .pipeline import (
    Job,
    WorkerPool,
    borrowed_pool,
    open_for_reading,
    read_exact,
    read_into,
    run_ordered,
)
from .sealing import open_header
from .suites import TAG_SIZE, FileKeys
from .writeback import StreamingWriter


@dataclass(frozen=True)
class Opened:
    """A container whose header verified under a recipient's key."""

    header: Header
    keys: FileKeys
    metadata: SecretMetadata


@dataclass(frozen=True)
class DecryptResult:
    container: Path
    output: Path | None  # None for a rehearsal
    header: Header
    metadata: SecretMetadata


def inspect_container(path: Path | str) -> Header:
    """The readable header (suite, sizes, codes, recipient key ids); nothing is authenticated."""
    container = Path(path)
    with open_for_reading(container) as stream:
        return read_header(stream, container)


def decrypt_file(
    path: Path | str,
    key: SM2PrivateKey,
    outdir: Path | str,
    *,
    pool: WorkerPool | None = None,
    workers: int | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    stanza: Stanza | None = None,
) -> DecryptResult:
    """Decrypt into ``outdir`` under the original name (or ``NAME (1)``… if taken). ``stanza``:
    the file key wrapped to ``key`` outside the header (the opening by re-wrap, opening.py)."""
    container, folder = Path(path), check_output_folder(Path(outdir))
    remove_stale_temporaries([folder], depth=0)  # what a killed run left here (bidx.md §7)
    with open_for_reading(container) as stream:
        opened = _open_verified(stream, container, key, stanza)
        fallback = container.name.removesuffix(CONTAINER_SUFFIX) or "decrypted"
        target = free_name(folder, safe_file_name(opened.metadata.name, fallback) or "decrypted")
        atomic = AtomicFile(target, overwrite=False)
        with atomic as out, borrowed_pool(pool, workers) as workers_pool:
            sink = StreamingWriter(out).write
            _open_payload(stream, container, opened, workers_pool, sink, progress, cancel)
            atomic.commit()
    return DecryptResult(container, target, opened.header, opened.metadata)


def rehearse(
    path: Path | str,
    key: SM2PrivateKey,
    *,
    pool: WorkerPool | None = None,
    workers: int | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    stanza: Stanza | None = None,
) -> DecryptResult:
    """Every check of :func:`decrypt_file`, writing nothing: proves the key opens this exact file."""
    container = Path(path)
    with open_for_reading(container) as stream:
        opened = _open_verified(stream, container, key, stanza)
        with borrowed_pool(pool, workers) as workers_pool:
            _open_payload(stream, container, opened, workers_pool, _discard, progress, cancel)
    return DecryptResult(container, None, opened.header, opened.metadata)


def _discard(data: memoryview) -> None:
    """The rehearsal's sink: plaintext is authenticated, then dropped."""


def read_header(stream: BinaryIO, path: Path) -> Header:
    prefix = read_exact(stream, PREFIX_SIZE, path)
    if not prefix:
        raise InvalidInput("The file is empty, not a BIDX bid container")
    length = parse_prefix(prefix)
    return parse_header(prefix + read_exact(stream, length - PREFIX_SIZE, path))


def _open_verified(stream: BinaryIO, path: Path, key: SM2PrivateKey, stanza: Stanza | None = None) -> Opened:
    header = read_header(stream, path)
    keys, metadata = open_header(header, key, None if stanza is None else (stanza,))
    _check_length(os.fstat(stream.fileno()).st_size, header)
    return Opened(header, keys, metadata)


def _check_length(actual: int, header: Header) -> None:
    """Name the damage precisely before spending time on chunks (the chunk loop checks it again)."""
    expected = header.container_size
    if actual > expected:
        raise DamagedContainer("The file has {extra} unexpected bytes after its last chunk", extra=actual - expected)
    if actual < expected:
        stride = header.chunk_size + TAG_SIZE
        index = (actual - header.size) // stride
        raise DamagedContainer(
            "The file is truncated: it ends inside chunk {index} of {count} ({missing} bytes missing)",
            index=index, count=header.chunk_count, missing=expected - actual,
        )


def _open_payload(
    stream: BinaryIO,
    path: Path,
    opened: Opened,
    pool: WorkerPool,
    sink: Callable[[memoryview], object],
    progress: Progress,
    cancel: CancelToken | None,
) -> None:
    total, done = opened.header.plaintext_length, 0

    def consume(plain: memoryview) -> None:
        nonlocal done
        sink(plain)
        done += len(plain)
        progress(done, total)

    buffers = Buffers(opened.header.chunk_size)
    run_ordered(pool, _open_jobs(stream, path, opened, buffers), consume, cancel, buffers.give,
                window=pool.window_for(opened.header.chunk_size))
    if read_exact(stream, 1, path):
        raise DamagedContainer("The file has unexpected bytes after its last chunk")


def _open_jobs(stream: BinaryIO, path: Path, opened: Opened, buffers: Buffers) -> Iterator[Job]:
    header, count = opened.header, opened.header.chunk_count
    for index in range(count):
        size = header.chunk_plain_size(index) + TAG_SIZE
        sealed, plain = buffers.take(), buffers.take()
        data = read_into(stream, sealed, size, path)
        if len(data) != size:
            raise DamagedContainer(
                "The file is truncated: it ends inside chunk {index} of {count}", index=index, count=count
            )
        yield Job(partial(open_into, opened.keys, index, index == count - 1, data, plain), (sealed, plain))
