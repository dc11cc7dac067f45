"""Detached signatures over a whole container file: SM2 with SM3, standard user ID, DER.

The signature covers the container's bytes exactly as stored, so the platform can tell who
encrypted the file and that it is unchanged, and ``openssl dgst -sm3 -verify PUB.pem -sigopt
distid:1234567812345678 -signature FILE.bidx.sig FILE.bidx`` checks it independently. The encryption
engine signs while it writes (no second pass); these functions sign or check a file afterwards.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InvalidInput, VerificationFailed
from ..gm import SM2PrivateKey, SM2PublicKey
from .pipeline import open_for_reading, read_exact

_BLOCK = 1 << 20


def _digest(path: Path, public_key: SM2PublicKey) -> bytes:
    h = public_key.message_hash()
    with open_for_reading(path) as stream:
        while block := read_exact(stream, _BLOCK, path):
            h.update(block)
    return h.digest()


def sign_container(path: Path | str, key: SM2PrivateKey) -> bytes:
    """DER signature over the file at ``path``."""
    return key.sign_digest(_digest(Path(path), key.public_key()))


def verify_container(path: Path | str, signature: bytes, public_key: SM2PublicKey) -> None:
    """Raise :class:`VerificationFailed` unless ``signature`` is ``public_key``'s over the file."""
    digest = _digest(Path(path), public_key)
    try:
        public_key.verify_digest(signature, digest)
    except (VerificationFailed, InvalidInput):  # a malformed signature is simply not valid
        raise VerificationFailed(
            "The signature does not match {path}: the file was changed or signed by another key",
            path=str(path),
        ) from None
