"""Encrypting files into BIDX containers: one file or a batch sharing one worker pool.

A batch is all or nothing: every container is written to a temporary file beside its target and
the containers are renamed into place only once all of them (and their signatures) are complete.
A failure or a cancel removes every temporary file and leaves the output folder as it was.
"""

from __future__ import annotations

import os
import time
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Sequence

from ..errors import InvalidInput
from ..fsutil import AtomicFile, atomic_write, remove_stale_temporaries
from ..gm import SM2PrivateKey, SM2PublicKey
from ..tasks import CancelToken, Progress, check, no_progress
from .chunks import Buffers, seal_into
from .format import (
    DEFAULT_CHUNK_SIZE,
    MAX_RECIPIENTS,
    Header,
    SecretMetadata,
    Sender,
    check_chunk_size,
)
from .naming import CONTAINER_SUFFIX, SIGNATURE_SUFFIX, check_output_folder, free_name
from .origin import signer_identity
from .pipeline import (
    Job,
    WorkerPool,
    borrowed_pool,
    open_for_reading,
    read_exact,
    read_into,
    run_ordered,
)
from .sealing import FileSecrets, HeaderFields, seal_header
from .suites import DEFAULT_SUITE, TAG_SIZE, FileKeys, Suite
from .writeback import StreamingWriter

FileProgress = Callable[[int, int, int], None]  # (file index, bytes done, file total)


@dataclass(frozen=True)
class EncryptOptions:
    suite: Suite = DEFAULT_SUITE
    chunk_size: int = DEFAULT_CHUNK_SIZE
    project: str = ""
    section: str = ""
    signer: SM2PrivateKey | None = None  # signs each finished container (SM2/SM3, standard ID)
    # The signer's certificate (DER), named in each header as the sender; default: the signer's
    # own ``certificate`` (the keystore's licence signer has one), else the bare signing key.
    signer_certificate: bytes | None = None
    workers: int | None = None  # pool size when no pool is passed; default one per core


@dataclass(frozen=True)
class EncryptResult:
    source: Path
    container: Path
    signature: Path | None
    header: Header


@dataclass
class _Written:
    """A finished container waiting in its temporary file for the batch to commit."""

    source: Path
    target: AtomicFile
    header: Header
    signature: bytes | None


def encrypt_file(
    source: Path | str,
    outdir: Path | str,
    recipients: Sequence[SM2PublicKey],
    *,
    options: EncryptOptions = EncryptOptions(),
    pool: WorkerPool | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    secrets: FileSecrets | None = None,
) -> EncryptResult:
    """Encrypt one file into ``outdir``; see :func:`encrypt_files`."""
    fixed = [secrets] if secrets is not None else None
    return encrypt_files(
        [source], outdir, recipients, options=options, pool=pool, progress=progress, cancel=cancel,
        secrets=fixed,
    )[0]


def encrypt_files(
    sources: Sequence[Path | str],
    outdir: Path | str,
    recipients: Sequence[SM2PublicKey],
    *,
    options: EncryptOptions = EncryptOptions(),
    pool: WorkerPool | None = None,
    progress: Progress = no_progress,
    file_progress: FileProgress | None = None,
    cancel: CancelToken | None = None,
    secrets: Sequence[FileSecrets] | None = None,
) -> list[EncryptResult]:
    """Encrypt each source into its own container ``NAME.bidx`` (plus ``NAME.bidx.sig`` if signing).

    ``progress`` gets the overall (bytes done, bytes total); ``file_progress`` the same per file
    with the file's index. ``secrets`` fixes the random values (test vectors only).
    """
    paths = [Path(s) for s in sources]
    folder = check_output_folder(Path(outdir))
    _check_request(paths, recipients, options)
    remove_stale_temporaries([folder], depth=0)  # what a killed run left here (bidx.md §7)
    sizes = [_source_size(p) for p in paths]
    overall = _Overall(sum(sizes), progress)
    taken: set[Path] = set()
    companions = (SIGNATURE_SUFFIX,) if options.signer else ()
    with ExitStack() as stack, borrowed_pool(pool, options.workers) as workers:
        written = []
        for index, path in enumerate(paths):
            check(cancel)
            target = free_name(folder, path.name + CONTAINER_SUFFIX, companions=companions, taken=taken)
            report = overall.for_file(index, file_progress)
            chosen = secrets[index] if secrets is not None else FileSecrets.random()
            written.append(_encrypt_one(path, target, recipients, options, workers, report, cancel, chosen, stack))
        check(cancel)
        return _commit_all(written)


def _check_request(paths: list[Path], recipients: Sequence[SM2PublicKey], options: EncryptOptions) -> None:
    if not paths:
        raise InvalidInput("There are no files to encrypt")
    if not 1 <= len(recipients) <= MAX_RECIPIENTS:
        raise InvalidInput("A container needs 1 to {n} recipients", n=MAX_RECIPIENTS)
    if len(set(recipients)) != len(recipients):
        raise InvalidInput("The same recipient key is listed twice")
    check_chunk_size(options.chunk_size)
    _sender(options)  # a certificate that is not the signing key's is refused before any work


def _sender(options: EncryptOptions) -> Sender | None:
    """The sender the header names: whoever signs the container, by certificate if known."""
    if options.signer is None:
        return None
    certificate = options.signer_certificate or getattr(options.signer, "certificate", None)
    return signer_identity(options.signer.public_key(), certificate).sender()


def _source_size(path: Path) -> int:
    try:
        info = path.stat()
    except OSError as exc:
        raise InvalidInput("Cannot read {path}: {reason}", path=str(path), reason=exc.strerror or str(exc)) from None
    if not path.is_file():
        raise InvalidInput("{path} is not a regular file", path=str(path))
    return info.st_size


class _Overall:
    """Adds per-file progress up into batch progress."""

    def __init__(self, total: int, progress: Progress) -> None:
        self.total, self.progress, self.finished = total, progress, 0

    def for_file(self, index: int, file_progress: FileProgress | None) -> Progress:
        base = self.finished

        def report(done: int, total: int) -> None:
            if file_progress is not None:
                file_progress(index, done, total)
            self.progress(base + done, self.total)
            if done == total:
                self.finished = base + total

        return report


def _encrypt_one(
    path: Path,
    target: Path,
    recipients: Sequence[SM2PublicKey],
    options: EncryptOptions,
    pool: WorkerPool,
    progress: Progress,
    cancel: CancelToken | None,
    secrets: FileSecrets,
    stack: ExitStack,
) -> _Written:
    source = stack.enter_context(open_for_reading(path))
    info = os.fstat(source.fileno())
    size = info.st_size
    fields = HeaderFields(options.suite, options.chunk_size, size, options.project, options.section,
                          _sender(options))
    created = secrets.created if secrets.created is not None else int(time.time())
    metadata = SecretMetadata(path.name, max(0, int(info.st_mtime)), created)
    header, keys = seal_header(fields, recipients, metadata, secrets)
    atomic = AtomicFile(target, overwrite=False)
    out = StreamingWriter(stack.enter_context(atomic))
    digest = options.signer.public_key().message_hash() if options.signer else None

    def emit(data: bytes) -> None:
        out.write(data)
        if digest is not None:
            digest.update(data)

    emit(header.to_bytes())
    done = 0

    def consume(sealed: memoryview) -> None:
        nonlocal done
        emit(sealed)
        done += len(sealed) - TAG_SIZE
        progress(done, size)

    buffers = Buffers(header.chunk_size)
    run_ordered(pool, _seal_jobs(source, path, header, keys, buffers), consume, cancel, buffers.give,
                window=pool.window_for(header.chunk_size))
    if read_exact(source, 1, path):
        raise InvalidInput("{path} grew while it was being encrypted; try again", path=str(path))
    signature = options.signer.sign_digest(digest.digest()) if options.signer and digest else None
    return _Written(path, atomic, header, signature)


def _seal_jobs(source: BinaryIO, path: Path, header: Header, keys: FileKeys, buffers: Buffers) -> Iterator[Job]:
    count = header.chunk_count
    for index in range(count):
        size = header.chunk_plain_size(index)
        plain, sealed = buffers.take(), buffers.take()
        data = read_into(source, plain, size, path)
        if len(data) != size:
            raise InvalidInput("{path} shrank while it was being encrypted; try again", path=str(path))
        yield Job(partial(seal_into, keys, index, index == count - 1, data, sealed), (plain, sealed))


def _commit_all(written: list[_Written]) -> list[EncryptResult]:
    """Rename every container (and write its signature); undo them all if one step fails."""
    done: list[Path] = []
    results = []
    try:
        for item in written:
            item.target.commit()
            done.append(item.target.path)
            sig_path = None
            if item.signature is not None:
                sig_path = item.target.path.with_name(item.target.path.name + SIGNATURE_SUFFIX)
                atomic_write(sig_path, item.signature, overwrite=False)
                done.append(sig_path)
            results.append(EncryptResult(item.source, item.target.path, sig_path, item.header))
    except BaseException:  # an error, a cancel, or a signal between two renames: all or none
        for path in done:
            path.unlink(missing_ok=True)
        raise
    return results
