"""Byte layout of a BIDX header (docs/formats/bidx.md §2) and of its secret metadata (§4).

Everything here is pure: bytes in, values out. Parsing is strict — every length is bounded, every
byte is accounted for — because a header is read before anything is authenticated.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from enum import IntEnum

from ..errors import DecryptionFailed, InvalidInput
from .suites import SUITES, TAG_SIZE, Suite

MAGIC = b"BIDX\r\n\x1a\n"
VERSION = 2  # what this program writes: v1 plus the sender named under the header MAC (bidx.md §2)
LEGACY_VERSION = 1  # still read, and verified for what it proves (bidx.md §8)
READABLE_VERSIONS = (LEGACY_VERSION, VERSION)
SALT_SIZE = 32
KEY_ID_SIZE = 32
MAC_SIZE = 32
DEFAULT_CHUNK_SIZE = 1 << 20
MIN_CHUNK_SIZE = 16
MAX_CHUNK_SIZE = 1 << 26
MAX_HEADER_SIZE = 1 << 20
MAX_RECIPIENTS = 255
MAX_CODE_BYTES = 256
MAX_NAME_BYTES = 1024
MAX_WRAPPED_SIZE = 512
SENDER_DIGEST_SIZE = 32
# magic, version, suite, header length, chunk size, plaintext length, salt
_FIXED = struct.Struct(">8sBBIIQ32s")
PREFIX_SIZE = 14  # magic + version + suite + header length: enough to know how much to read
# fixed part, two empty codes, one recipient with an empty wrapped key, an empty metadata tag, MAC;
# version 2 adds at least the sender kind byte
_MIN_HEADER_SIZE = _FIXED.size + 2 + 2 + 1 + KEY_ID_SIZE + 2 + 2 + TAG_SIZE + MAC_SIZE
_MIN_HEADER_SIZES = {LEGACY_VERSION: _MIN_HEADER_SIZE, VERSION: _MIN_HEADER_SIZE + 1}


class DamagedContainer(DecryptionFailed):
    """The container is structurally broken: truncated, extended or with an impossible field."""


@dataclass(frozen=True)
class Stanza:
    """The file key wrapped with SM2 (DER SM2Cipher) for the recipient whose key id is given."""

    key_id: bytes
    wrapped: bytes


class SenderKind(IntEnum):
    """How a v2 header names the bidder who signs the container (0 in the file: no sender)."""

    CERTIFICATE = 1  # SM3 of the signer's X.509 certificate DER
    PUBLIC_KEY = 2  # SM3 of the signer's SubjectPublicKeyInfo DER (its key id), for a bare key


@dataclass(frozen=True)
class Sender:
    """The sender a header names: who will sign the container. Under the header MAC, so a
    recipient knows a file-key holder wrote it; the signature proves the signer agrees (§8)."""

    kind: SenderKind
    digest: bytes

    def describe(self) -> str:
        what = "certificate" if self.kind is SenderKind.CERTIFICATE else "key"
        return f"{what} SM3 {self.digest[:8].hex()}"


@dataclass(frozen=True)
class Header:
    suite: Suite
    chunk_size: int
    plaintext_length: int
    salt: bytes
    project: str
    section: str
    stanzas: tuple[Stanza, ...]
    sealed_metadata: bytes
    sender: Sender | None = None
    version: int = VERSION
    mac: bytes = field(default=b"", compare=False)

    @property
    def chunk_count(self) -> int:
        """At least one chunk: the empty file is one empty final chunk."""
        return max(1, -(-self.plaintext_length // self.chunk_size))

    def chunk_plain_size(self, index: int) -> int:
        return min(self.chunk_size, self.plaintext_length - index * self.chunk_size)

    @property
    def payload_size(self) -> int:
        return self.plaintext_length + self.chunk_count * TAG_SIZE

    @property
    def size(self) -> int:
        return len(self.body()) + MAC_SIZE

    @property
    def container_size(self) -> int:
        return self.size + self.payload_size

    def body(self) -> bytes:
        """The header without its MAC: exactly the bytes the MAC covers."""
        variable = b"".join(
            [
                _string(self.project, "project code"),
                _string(self.section, "section code"),
                self._sender_field(),
                bytes([len(self.stanzas)]),
                *(s.key_id + _u16(len(s.wrapped)) + s.wrapped for s in self.stanzas),
                _u16(len(self.sealed_metadata)) + self.sealed_metadata,
            ]
        )
        length = _FIXED.size + len(variable) + MAC_SIZE
        fixed = _FIXED.pack(
            MAGIC, self.version, self.suite.ident, length, self.chunk_size, self.plaintext_length, self.salt
        )
        return fixed + variable

    def _sender_field(self) -> bytes:
        """v2: ``u8 kind ‖ digest[32]``, or a lone 0 for no sender; v1 has no such field."""
        if self.version == LEGACY_VERSION:
            assert self.sender is None, "a version 1 header cannot name a sender"
            return b""
        if self.sender is None:
            return b"\x00"
        assert len(self.sender.digest) == SENDER_DIGEST_SIZE
        return bytes([self.sender.kind]) + self.sender.digest

    def to_bytes(self) -> bytes:
        assert len(self.mac) == MAC_SIZE, "seal the header before writing it"
        return self.body() + self.mac


def _u16(n: int) -> bytes:
    return n.to_bytes(2, "big")


def _string(text: str, what: str) -> bytes:
    raw = text.encode("utf-8")
    if len(raw) > MAX_CODE_BYTES:
        raise InvalidInput("The {what} is longer than {limit} bytes", what=what, limit=MAX_CODE_BYTES)
    return _u16(len(raw)) + raw


def check_chunk_size(size: int) -> int:
    if not MIN_CHUNK_SIZE <= size <= MAX_CHUNK_SIZE:
        raise InvalidInput(
            "The chunk size must be between {low} and {high} bytes", low=MIN_CHUNK_SIZE, high=MAX_CHUNK_SIZE
        )
    return size


# ---------------------------------------------------------------------------------------------
# Parsing

def parse_prefix(prefix: bytes) -> int:
    """Check magic and version in the first 14 bytes; return the total header length."""
    if 0 < len(prefix) < len(MAGIC) and MAGIC.startswith(prefix):
        raise DamagedContainer("The container is truncated inside its header")
    if prefix[: len(MAGIC)] != MAGIC:
        raise InvalidInput("This is not a BIDX bid container (wrong magic bytes)")
    if len(prefix) < PREFIX_SIZE:
        raise DamagedContainer("The container is truncated inside its header")
    if prefix[8] not in READABLE_VERSIONS:
        raise InvalidInput("This container uses BIDX version {v}; this program reads versions 1 and 2", v=prefix[8])
    length = int.from_bytes(prefix[10:14], "big")
    if not _MIN_HEADER_SIZES[prefix[8]] <= length <= MAX_HEADER_SIZE:
        raise DamagedContainer("The header length field is impossible ({length} bytes)", length=length)
    return length


class _Reader:
    def __init__(self, data: bytes, offset: int) -> None:
        self.data, self.pos = data, offset

    def take(self, n: int, what: str) -> bytes:
        if self.pos + n > len(self.data):
            raise DamagedContainer("The header is damaged: {what} runs past its end", what=what)
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def u8(self, what: str) -> int:
        return self.take(1, what)[0]

    def u16(self, what: str) -> int:
        return int.from_bytes(self.take(2, what), "big")

    def string(self, what: str) -> str:
        n = self.u16(what)
        if n > MAX_CODE_BYTES:
            raise DamagedContainer("The header is damaged: the {what} is too long", what=what)
        try:
            return self.take(n, what).decode("utf-8")
        except UnicodeDecodeError:
            raise DamagedContainer("The header is damaged: the {what} is not UTF-8", what=what) from None


def parse_header(data: bytes) -> Header:
    """Parse a complete header (its length comes from :func:`parse_prefix`); MAC not checked."""
    length = parse_prefix(data[:PREFIX_SIZE])
    if len(data) != length:
        raise DamagedContainer("The container is truncated inside its header")
    _magic, version, suite_id, _length, chunk_size, plain_len, salt = _FIXED.unpack_from(data)
    if suite_id not in SUITES:
        raise DamagedContainer("The header names an unknown cipher suite ({ident})", ident=suite_id)
    if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
        raise DamagedContainer("The header has an impossible chunk size ({size})", size=chunk_size)
    reader = _Reader(data, _FIXED.size)
    project = reader.string("project code")
    section = reader.string("section code")
    sender = _parse_sender(reader) if version != LEGACY_VERSION else None
    stanzas = _parse_stanzas(reader)
    sealed = reader.take(reader.u16("metadata length"), "encrypted metadata")
    if len(sealed) < TAG_SIZE:
        raise DamagedContainer("The header is damaged: the encrypted metadata is too short")
    mac = reader.take(MAC_SIZE, "header MAC")
    if reader.pos != length:
        raise DamagedContainer("The header is damaged: {n} stray bytes before the payload", n=length - reader.pos)
    return Header(SUITES[suite_id], chunk_size, plain_len, salt, project, section, stanzas, sealed,
                  sender, version, mac)


def _parse_sender(reader: _Reader) -> Sender | None:
    kind = reader.u8("sender kind")
    if kind == 0:
        return None
    if kind not in SenderKind._value2member_map_:
        raise DamagedContainer("The header names an unknown kind of sender ({kind})", kind=kind)
    return Sender(SenderKind(kind), reader.take(SENDER_DIGEST_SIZE, "sender digest"))


def _parse_stanzas(reader: _Reader) -> tuple[Stanza, ...]:
    count = reader.u8("recipient count")
    if count == 0:
        raise DamagedContainer("The header is damaged: it lists no recipients")
    stanzas = []
    for i in range(count):
        key_id = reader.take(KEY_ID_SIZE, f"recipient {i + 1} key id")
        size = reader.u16(f"recipient {i + 1} wrapped key length")
        if size > MAX_WRAPPED_SIZE:
            raise DamagedContainer("The header is damaged: recipient {n}'s wrapped key is too long", n=i + 1)
        stanzas.append(Stanza(key_id, reader.take(size, f"recipient {i + 1} wrapped key")))
    return tuple(stanzas)


# ---------------------------------------------------------------------------------------------
# Secret metadata (encrypted inside the header)

@dataclass(frozen=True)
class SecretMetadata:
    """What only a recipient may read: the original name and times. Sizes are in the header."""

    name: str
    modified: int  # Unix seconds of the source file's mtime, 0 if unknown
    created: int  # Unix seconds when the container was made

    def to_bytes(self) -> bytes:
        raw = self.name.encode("utf-8")
        if len(raw) > MAX_NAME_BYTES:
            raise InvalidInput("The file name is longer than {n} bytes", n=MAX_NAME_BYTES)
        return _u16(len(raw)) + raw + struct.pack(">QQ", self.modified, self.created)

    @classmethod
    def from_bytes(cls, data: bytes) -> SecretMetadata:
        n = int.from_bytes(data[:2], "big")
        if len(data) != 2 + n + 16 or n > MAX_NAME_BYTES:
            raise DamagedContainer("The encrypted metadata has the wrong layout")
        try:
            name = data[2 : 2 + n].decode("utf-8")
        except UnicodeDecodeError:
            raise DamagedContainer("The encrypted metadata has a file name that is not UTF-8") from None
        modified, created = struct.unpack(">QQ", data[2 + n :])
        return cls(name, modified, created)
