"""Receiving a bid file: streamed to a temporary file beside its final place, never held in
memory, hashed on the way (SM3 for the request signature and the receipt; SM3 with the signer's
ZA for the bidder's detached signature), and cut off past the size limit."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from anyio import CancelScope, to_thread
from fastapi import Request

from ...core import gm
from ...core.errors import EbidError
from ..errors import ApiError


@dataclass
class Incoming:
    path: Path
    size: int
    sm3: str

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def check_declared_size(request: Request, limit: int) -> None:
    """Refuse early when the client says the body is too large (before reading any of it)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)


def _too_large(limit: int) -> ApiError:
    return ApiError("file_too_large", "Bid files may be at most {n} bytes", n=limit)


# The body arrives in chunks of tens of KiB; they are gathered up to this size and handed to a
# worker thread, which hashes (both digests) and writes them in one pass. The event loop never
# blocks on the disk or on hashing, at most ~BATCH + one chunk is held per upload, and each
# thread hop carries enough bytes to be worth it.
BATCH = 256 << 10


class _Sink:
    """The temporary file and the two running digests; used from worker threads, one call at a
    time (each awaited before the next), so it needs no lock."""

    def __init__(self, folder: Path, signer: gm.SM2PublicKey) -> None:
        fd, name = tempfile.mkstemp(prefix="upload-", suffix=".part", dir=folder)
        self.path = Path(name)
        self.out = os.fdopen(fd, "wb")
        self.plain, self.with_za = gm.SM3(), signer.message_hash()

    def write(self, data: bytearray) -> None:
        self.plain.update(data)
        self.with_za.update(data)
        self.out.write(data)

    def finish(self, signer: gm.SM2PublicKey, signature: bytes, signed_sm3: str) -> None:
        self.out.close()
        if self.plain.hexdigest() != signed_sm3:
            raise ApiError("content_mismatch", "The body does not match the signed digest")
        _check_bid_signature(signer, signature, self.with_za.digest())

    def discard(self) -> None:
        self.out.close()
        self.path.unlink(missing_ok=True)


async def receive(
    request: Request,
    folder: Path,
    *,
    limit: int,
    signer: gm.SM2PublicKey,
    signature: bytes,
    signed_sm3: str,
) -> Incoming:
    """Stream the body to ``folder``; check the signed digest and the bidder's signature."""
    sink = await to_thread.run_sync(_Sink, folder, signer)
    size, pending = 0, bytearray()
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            pending += chunk
            if len(pending) >= BATCH:
                batch, pending = pending, bytearray()
                await to_thread.run_sync(sink.write, batch)
        if pending:
            await to_thread.run_sync(sink.write, pending)
        await to_thread.run_sync(sink.finish, signer, signature, signed_sm3)
    except BaseException:
        # Shielded: a cancelled request (client gone) must still close and remove its file.
        with CancelScope(shield=True):
            await to_thread.run_sync(sink.discard)
        raise
    return Incoming(sink.path, size, signed_sm3)


def _check_bid_signature(signer: gm.SM2PublicKey, signature: bytes, digest: bytes) -> None:
    try:
        signer.verify_digest(signature, digest)
    except EbidError:
        raise ApiError("bad_bid_signature",
            "The bid file's signature does not verify with the licence's key",
        ) from None
