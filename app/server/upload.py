"""Receiving a bid file: streamed to a temporary file beside its final place, never held in
memory, hashed on the way (SM3 for the request signature and the receipt; SM3 with the signer's
ZA for the bidder's detached signature), and cut off past the size limit."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from ..core import gm
from ..core.errors import EbidError
from .errors import ApiError, unauthorised


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
    return ApiError(413, "file_too_large", "Bid files may be at most {n} bytes", n=limit)


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
    fd, name = tempfile.mkstemp(prefix="upload-", suffix=".part", dir=folder)
    path, size = Path(name), 0
    plain, with_za = gm.SM3(), signer.message_hash()
    try:
        with os.fdopen(fd, "wb") as out:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise _too_large(limit)
                plain.update(chunk)
                with_za.update(chunk)
                out.write(chunk)
        if plain.hexdigest() != signed_sm3:
            raise unauthorised("content_mismatch", "The body does not match the signed digest")
        _check_bid_signature(signer, signature, with_za.digest())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return Incoming(path, size, signed_sm3)


def _check_bid_signature(signer: gm.SM2PublicKey, signature: bytes, digest: bytes) -> None:
    try:
        signer.verify_digest(signature, digest)
    except EbidError:
        raise ApiError(
            400,
            "bad_bid_signature",
            "The bid file's signature does not verify with the licence's key",
        ) from None
