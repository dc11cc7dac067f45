"""Cipher suites of the BIDX container and the key schedule shared by both.

A suite fixes the AEAD of the payload and metadata, and the hash behind HKDF and the header MAC.
The file key is always 32 random bytes wrapped with SM2, whichever suite carries the payload.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Callable

from cryptography.hazmat.primitives.ciphers import algorithms

from ..errors import InvalidInput
from ..gm import (
    aes256_gcm_decrypt,
    aes256_gcm_encrypt,
    hkdf_sha256,
    hkdf_sm3,
    hmac_sm3,
    sm4_gcm_decrypt,
    sm4_gcm_encrypt,
)

FILE_KEY_SIZE = 32
MAC_KEY_SIZE = 32
TAG_SIZE = 16
NONCE_SIZE = 12
COUNTER_SIZE = 11

# HKDF "info" labels: one per derived key, so no key is ever used for two purposes.
INFO_MAC = b"EBID BIDX v1 header MAC"
INFO_METADATA = b"EBID BIDX v1 metadata"
INFO_PAYLOAD = b"EBID BIDX v1 payload"

Aead = Callable[[bytes, bytes, bytes], bytes]
Kdf = Callable[..., bytes]


def _hmac_sha256(key: bytes, data: bytes) -> bytes:
    return hmac.digest(key, data, hashlib.sha256)


@dataclass(frozen=True)
class Suite:
    """One row of the suite table in docs/formats/bidx.md."""

    ident: int
    name: str
    short: str
    key_size: int
    kdf: Kdf
    mac: Callable[[bytes, bytes], bytes]
    seal: Aead
    open: Aead
    # The block cipher behind the AEAD, for the engine's allocation-free chunk path (chunks.py).
    algorithm: Callable[[bytes], algorithms.BlockCipherAlgorithm]


SM4_SUITE = Suite(
    1, "SM2-SM4GCM-SM3", "sm4", 16, hkdf_sm3, hmac_sm3, sm4_gcm_encrypt, sm4_gcm_decrypt, algorithms.SM4
)
AES_SUITE = Suite(
    2, "SM2-AES256GCM-SHA256", "aes", 32, hkdf_sha256, _hmac_sha256, aes256_gcm_encrypt, aes256_gcm_decrypt,
    algorithms.AES,
)
SUITES = {suite.ident: suite for suite in (SM4_SUITE, AES_SUITE)}
DEFAULT_SUITE = SM4_SUITE


def suite_by_name(name: str) -> Suite:
    """Accept the short CLI name (``sm4``/``aes``) or the full suite name."""
    for suite in SUITES.values():
        if name.lower() in (suite.short, suite.name.lower()):
            return suite
    raise InvalidInput("Unknown cipher suite {name}; use sm4 or aes", name=name)


@dataclass(frozen=True)
class FileKeys:
    """The three keys HKDF derives from the file key and the header salt."""

    suite: Suite
    mac_key: bytes
    metadata_key: bytes
    payload_key: bytes

    @classmethod
    def derive(cls, suite: Suite, file_key: bytes, salt: bytes) -> FileKeys:
        def kdf(info: bytes, length: int) -> bytes:
            return suite.kdf(file_key, length=length, salt=salt, info=info)

        return cls(
            suite,
            kdf(INFO_MAC, MAC_KEY_SIZE),
            kdf(INFO_METADATA, suite.key_size),
            kdf(INFO_PAYLOAD, suite.key_size),
        )

    def header_mac(self, header_body: bytes) -> bytes:
        return self.suite.mac(self.mac_key, header_body)

    def header_mac_ok(self, header_body: bytes, tag: bytes) -> bool:
        return hmac.compare_digest(self.header_mac(header_body), tag)


def chunk_nonce(index: int, last: bool) -> bytes:
    """11-byte big-endian chunk counter followed by the last-chunk flag byte (0x01 or 0x00)."""
    return index.to_bytes(COUNTER_SIZE, "big") + (b"\x01" if last else b"\x00")


METADATA_NONCE = bytes(NONCE_SIZE)  # the metadata key encrypts exactly one message
