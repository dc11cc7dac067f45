"""The cryptographic steps of one container, without any I/O: build and seal a header, open a header
with a recipient key, and the reference sealing of one chunk (the engine's buffer path is chunks.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from ..errors import DecryptionFailed
from ..gm import SM2PrivateKey, SM2PublicKey
from .format import SALT_SIZE, Header, SecretMetadata, Sender, Stanza
from .recipients import unwrap_file_key, wrap_file_key
from .suites import FILE_KEY_SIZE, METADATA_NONCE, FileKeys, Suite, chunk_nonce

Wrap = Callable[[SM2PublicKey, bytes], Stanza]


class HeaderTampered(DecryptionFailed):
    """The header MAC or the encrypted metadata did not authenticate."""


class ChunkFailed(DecryptionFailed):
    """A payload chunk did not authenticate."""

    def __init__(self, template: str, /, **params: object) -> None:
        super().__init__(template, **params)
        self.index = params.get("index")


@dataclass(frozen=True)
class FileSecrets:
    """The random (and clock) choices behind one container. Fixed values are for test vectors only."""

    file_key: bytes
    salt: bytes
    wrap: Wrap = wrap_file_key
    created: int | None = None  # Unix seconds for the metadata; None means now

    @classmethod
    def random(cls) -> FileSecrets:
        return cls(os.urandom(FILE_KEY_SIZE), os.urandom(SALT_SIZE))


@dataclass(frozen=True)
class HeaderFields:
    """What the caller chooses about a container (the rest is derived or random)."""

    suite: Suite
    chunk_size: int
    plaintext_length: int
    project: str = ""
    section: str = ""
    sender: Sender | None = None  # who will sign the container (bidx.md §8, "Origin")


def seal_header(
    fields: HeaderFields,
    recipients: Sequence[SM2PublicKey],
    metadata: SecretMetadata,
    secrets: FileSecrets,
) -> tuple[Header, FileKeys]:
    """Wrap the file key for every recipient, encrypt the metadata and MAC the whole header."""
    keys = FileKeys.derive(fields.suite, secrets.file_key, secrets.salt)
    sealed = fields.suite.seal(keys.metadata_key, METADATA_NONCE, metadata.to_bytes(), b"")
    header = Header(
        fields.suite,
        fields.chunk_size,
        fields.plaintext_length,
        secrets.salt,
        fields.project,
        fields.section,
        tuple(secrets.wrap(r, secrets.file_key) for r in recipients),
        sealed,
        fields.sender,
    )
    return replace(header, mac=keys.header_mac(header.body())), keys


def open_header(header: Header, key: SM2PrivateKey,
                stanzas: tuple[Stanza, ...] | None = None) -> tuple[FileKeys, SecretMetadata]:
    """Unwrap the file key (from the header's stanzas, or from ``stanzas`` delivered beside it:
    the opening by re-wrap), check the header MAC, then decrypt the secret metadata."""
    file_key = unwrap_file_key(key, header.stanzas if stanzas is None else stanzas)
    keys = check_header_mac(header, file_key)
    try:
        plain = header.suite.open(keys.metadata_key, METADATA_NONCE, header.sealed_metadata, b"")
    except DecryptionFailed:  # unreachable unless the MAC key and metadata key disagree
        raise HeaderTampered("The encrypted metadata failed authentication") from None
    return keys, SecretMetadata.from_bytes(plain)


def check_header_mac(header: Header, file_key: bytes) -> FileKeys:
    """The file's keys, once the header MAC verified under ``file_key``."""
    keys = FileKeys.derive(header.suite, file_key, header.salt)
    if not keys.header_mac_ok(header.body(), header.mac):
        raise HeaderTampered("The header failed authentication: it was altered after encryption")
    return keys


def seal_chunk(keys: FileKeys, index: int, last: bool, data: bytes) -> bytes:
    return keys.suite.seal(keys.payload_key, chunk_nonce(index, last), data, b"")
