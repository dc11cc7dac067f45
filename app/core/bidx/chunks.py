"""Sealing and opening payload chunks in reusable buffers.

Why not ``bytes`` in, ``bytes`` out: with a fresh 1 MiB object per chunk, allocated on a worker
thread and freed on the reader thread, glibc's allocator serialises the threads (measured here:
two workers ran no faster than one). So the reader thread owns a small set of buffers, reads each
chunk into one, and a worker encrypts into another with ``update_into``; both go back to the set
once the result is written. At steady state nothing is allocated, and memory stays bounded by the
pipeline window. The output is byte-for-byte that of :func:`app.core.gm.sm4_gcm_encrypt` /
``AESGCM`` (tests/bidx check it against the vectors).
"""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, modes

from .sealing import ChunkFailed
from .suites import TAG_SIZE, FileKeys, chunk_nonce

BLOCK_SLACK = 16  # update_into wants room for one block more than the input


class Buffers:
    """Free list of equal-size buffers; used from the reader thread only, so no lock."""

    def __init__(self, size: int) -> None:
        self.size = size + TAG_SIZE + BLOCK_SLACK
        self._free: list[bytearray] = []

    def take(self) -> bytearray:
        return self._free.pop() if self._free else bytearray(self.size)

    def give(self, *buffers: bytearray) -> None:
        self._free.extend(buffers)


def seal_into(keys: FileKeys, index: int, last: bool, data: memoryview, out: bytearray) -> memoryview:
    """Encrypt one chunk into ``out``; returns the view ciphertext ‖ tag."""
    algorithm = keys.suite.algorithm(keys.payload_key)
    encryptor = Cipher(algorithm, modes.GCM(chunk_nonce(index, last))).encryptor()
    n = encryptor.update_into(data, out)
    encryptor.finalize()
    out[n : n + TAG_SIZE] = encryptor.tag
    return memoryview(out)[: n + TAG_SIZE]


def open_into(keys: FileKeys, index: int, last: bool, data: memoryview, out: bytearray) -> memoryview:
    """Decrypt and authenticate one chunk (ciphertext ‖ tag) into ``out``; returns the plaintext view.

    The plaintext is only handed on after ``finalize`` accepted the tag.
    """
    if len(data) < TAG_SIZE:
        raise ChunkFailed("Chunk {index} is shorter than its tag", index=index)
    tag = bytes(data[-TAG_SIZE:])
    algorithm = keys.suite.algorithm(keys.payload_key)
    decryptor = Cipher(algorithm, modes.GCM(chunk_nonce(index, last), tag)).decryptor()
    n = decryptor.update_into(data[:-TAG_SIZE], out)
    try:
        decryptor.finalize()
    except InvalidTag:
        raise ChunkFailed(
            "Chunk {index} failed authentication (tampered, reordered, truncated or wrong key)",
            index=index,
        ) from None
    return memoryview(out)[:n]
