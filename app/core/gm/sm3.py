"""SM3 (GB/T 32905) hash, HMAC-SM3 and HKDF-SM3, all from OpenSSL through ``cryptography``."""

from __future__ import annotations

import hmac as _hmac
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

DIGEST_SIZE = 32
_READ_SIZE = 1 << 20


class SM3:
    """Incremental SM3: ``SM3().update(a).update(b).digest()``."""

    def __init__(self, data: bytes = b"") -> None:
        self._ctx = hashes.Hash(hashes.SM3())
        if data:
            self._ctx.update(data)

    def update(self, data: bytes) -> SM3:
        self._ctx.update(data)
        return self

    def copy(self) -> SM3:
        clone = SM3.__new__(SM3)
        clone._ctx = self._ctx.copy()
        return clone

    def digest(self) -> bytes:
        return self._ctx.copy().finalize()

    def hexdigest(self) -> str:
        return self.digest().hex()


def sm3(data: bytes) -> bytes:
    return SM3(data).digest()


def sm3_file(stream: BinaryIO) -> bytes:
    h = SM3()
    while block := stream.read(_READ_SIZE):
        h.update(block)
    return h.digest()


def hmac_sm3(key: bytes, data: bytes) -> bytes:
    mac = hmac.HMAC(key, hashes.SM3())
    mac.update(data)
    return mac.finalize()


def hmac_sm3_verify(key: bytes, data: bytes, tag: bytes) -> bool:
    """Constant-time comparison of an HMAC-SM3 tag."""
    return _hmac.compare_digest(hmac_sm3(key, data), tag)


def hkdf_sm3(key_material: bytes, *, length: int, salt: bytes | None = None, info: bytes = b"") -> bytes:
    """HKDF (RFC 5869) instantiated with HMAC-SM3."""
    return HKDF(algorithm=hashes.SM3(), length=length, salt=salt, info=info).derive(key_material)


def hkdf_sha256(key_material: bytes, *, length: int, salt: bytes | None = None, info: bytes = b"") -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(key_material)


def sm2_kdf(z: bytes, length: int) -> bytes:
    """The key derivation function of GB/T 32918.4 §5.4.3 (SM3 counter mode, counter from 1)."""
    out = bytearray()
    counter = 1
    while len(out) < length:
        out += sm3(z + counter.to_bytes(4, "big"))
        counter += 1
    return bytes(out[:length])
