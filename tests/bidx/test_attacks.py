"""Every way of damaging a container is rejected with a precise error, and no plaintext is left.

The container under attack has two recipients and three chunks (two full, one partial), and names
its signer as sender, so the tests cover the sender field, the other recipient's stanza, full and
partial chunks, and the final-chunk flag.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.core import bidx
from app.core.bidx.format import parse_header
from app.core.bidx.recipients import unwrap_file_key
from app.core.bidx.suites import FileKeys
from app.core.errors import DecryptionFailed, EbidError, InvalidInput
from tests.bidx.conftest import SMALL_CHUNK, listing

C = SMALL_CHUNK
SIZE = 3 * C - 10
TAG = 16


@pytest.fixture
def victim(make_file, encrypt, keys) -> tuple[Path, bytes]:
    container = encrypt(make_file(SIZE), keys[:2], project="ZB-9", section="3", signer=keys[2])
    return container, container.read_bytes()


def regions(data: bytes) -> dict[str, tuple[int, int]]:
    """Byte ranges of every field of the victim, named as in docs/formats/bidx.md."""
    header = parse_header(data[: int.from_bytes(data[10:14], "big")])
    spans = {"magic": (0, 8), "version": (8, 9), "suite": (9, 10), "header length": (10, 14),
             "chunk size": (14, 18), "plaintext length": (18, 26), "salt": (26, 58)}
    pos = 58
    for name, text in (("project", header.project), ("section", header.section)):
        spans[name] = (pos, pos + 2 + len(text.encode()))
        pos = spans[name][1]
    spans["sender kind"], spans["sender digest"] = (pos, pos + 1), (pos + 1, pos + 33)
    pos += 33
    spans["recipient count"] = (pos, pos + 1)
    pos += 1
    for i, stanza in enumerate(header.stanzas):
        spans[f"stanza {i} key id"] = (pos, pos + 32)
        spans[f"stanza {i} wrapped"] = (pos + 32, pos + 34 + len(stanza.wrapped))
        pos += 34 + len(stanza.wrapped)
    spans["metadata"] = (pos, pos + 2 + len(header.sealed_metadata))
    pos = spans["metadata"][1]
    spans["header MAC"] = (pos, pos + 32)
    pos += 32
    for i in range(3):
        size = min(C, SIZE - i * C)
        spans[f"chunk {i} body"] = (pos, pos + size)
        spans[f"chunk {i} tag"] = (pos + size, pos + size + TAG)
        pos += size + TAG
    assert pos == len(data)
    return spans


def attempt(data: bytes, key, tmp_path: Path, plaindir: Path) -> EbidError:
    """Decrypt tampered bytes; return the error and check that nothing was written."""
    tampered = tmp_path / "tampered.bidx"
    tampered.write_bytes(data)
    with pytest.raises(EbidError) as info:
        bidx.decrypt_file(tampered, key, plaindir)
    assert listing(plaindir) == []
    return info.value


def flip(data: bytes, offset: int, bit: int = 0) -> bytes:
    return data[:offset] + bytes([data[offset] ^ (1 << bit)]) + data[offset + 1 :]


def test_regions_cover_the_whole_file(victim) -> None:
    spans = regions(victim[1])
    assert spans["chunk 2 tag"][1] == len(victim[1])


@pytest.mark.parametrize("region", [
    "magic", "version", "suite", "header length", "chunk size", "plaintext length", "salt", "project",
    "section", "sender kind", "sender digest", "recipient count", "stanza 0 key id", "stanza 0 wrapped", "stanza 1 key id",
    "stanza 1 wrapped", "metadata", "header MAC",
    "chunk 0 body", "chunk 0 tag", "chunk 1 body", "chunk 1 tag", "chunk 2 body", "chunk 2 tag",
])
def test_bit_flip_in_each_field(victim, key, tmp_path: Path, plaindir: Path, region: str) -> None:
    start, end = regions(victim[1])[region]
    error = attempt(flip(victim[1], (start + end) // 2, 3), key, tmp_path, plaindir)
    if region in ("magic", "version"):
        assert isinstance(error, InvalidInput)
    else:
        assert isinstance(error, DecryptionFailed), error.message
    if region.endswith(("body", "tag")):
        assert isinstance(error, bidx.ChunkFailed) and error.index == int(region.split()[1])
        assert f"Chunk {error.index} failed authentication" in error.message


def test_every_single_byte_change_is_rejected(victim, key, tmp_path: Path, plaindir: Path) -> None:
    data = victim[1]
    for offset in range(len(data)):
        attempt(flip(data, offset, offset % 8), key, tmp_path, plaindir)


def test_truncation_at_every_length(victim, key, tmp_path: Path, plaindir: Path) -> None:
    data = victim[1]
    boundaries = {end for _start, end in regions(data).values()}
    for length in range(len(data)):
        error = attempt(data[:length], key, tmp_path, plaindir)
        if length in boundaries and length > regions(data)["header MAC"][1]:
            assert "truncated" in error.message


@pytest.mark.parametrize("extra", [b"\x00", b"x" * (C + TAG)])
def test_appended_bytes(victim, key, tmp_path: Path, plaindir: Path, extra: bytes) -> None:
    error = attempt(victim[1] + extra, key, tmp_path, plaindir)
    assert f"{len(extra)} unexpected bytes after its last chunk" in error.message


def _chunks(data: bytes) -> tuple[bytes, list[bytes]]:
    spans = regions(data)
    header = data[: spans["header MAC"][1]]
    return header, [data[spans[f"chunk {i} body"][0] : spans[f"chunk {i} tag"][1]] for i in range(3)]


@pytest.mark.parametrize("order", [[1, 0, 2], [0, 0, 2], [0, 1, 1], [0, 2], [1, 2], [0, 1], [0, 1, 2, 2], [2, 1, 0]])
def test_reordered_dropped_or_duplicated_chunks(victim, key, tmp_path: Path, plaindir: Path, order) -> None:
    header, chunks = _chunks(victim[1])
    error = attempt(header + b"".join(chunks[i] for i in order), key, tmp_path, plaindir)
    assert isinstance(error, DecryptionFailed)


def test_swapping_two_full_chunks_names_the_first_bad_chunk(victim, key, tmp_path, plaindir) -> None:
    header, chunks = _chunks(victim[1])
    error = attempt(header + chunks[1] + chunks[0] + chunks[2], key, tmp_path, plaindir)
    assert isinstance(error, bidx.ChunkFailed) and error.index == 0


def test_a_full_chunk_cannot_pose_as_the_last(make_file, encrypt, key, tmp_path, plaindir) -> None:
    """Cut a 3-chunk file after chunk 1 and fix the length field.

    Without the key the changed length breaks the header MAC. A recipient holds the file key and
    can re-MAC the header, and then the last-chunk flag in the nonce is what rejects chunk 1.
    """
    container = encrypt(make_file(3 * C))
    data = container.read_bytes()
    header = parse_header(data[: int.from_bytes(data[10:14], "big")])
    shorter = dataclasses.replace(header, plaintext_length=2 * C)
    payload = data[header.size : header.size + 2 * (C + TAG)]
    error = attempt(shorter.body() + header.mac + payload, key, tmp_path, plaindir)
    assert isinstance(error, bidx.HeaderTampered)

    file_keys = FileKeys.derive(header.suite, unwrap_file_key(key, header.stanzas), header.salt)
    remacced = shorter.body() + file_keys.header_mac(shorter.body())
    error = attempt(remacced + payload, key, tmp_path, plaindir)
    assert isinstance(error, bidx.ChunkFailed) and error.index == 1


def test_wrong_key(victim, keys, tmp_path: Path, plaindir: Path) -> None:
    error = attempt(victim[1], keys[2], tmp_path, plaindir)
    assert isinstance(error, bidx.NotARecipient)
    assert bidx.short_id(bidx.key_id(keys[2].public_key())) in error.message


def test_stanza_rewrapped_to_another_file_key_is_caught(victim, keys, tmp_path, plaindir) -> None:
    """Recipient 0 re-wraps a different file key for recipient 1: the header MAC commits them."""
    data = victim[1]
    header = parse_header(data[: int.from_bytes(data[10:14], "big")])
    evil = bidx.format.Stanza(header.stanzas[1].key_id, keys[1].public_key().encrypt(b"\x42" * 32))
    forged = dataclasses.replace(header, stanzas=(header.stanzas[0], evil))
    error = attempt(forged.body() + header.mac + data[header.size :], keys[1], tmp_path, plaindir)
    assert isinstance(error, bidx.HeaderTampered)


def test_header_of_one_file_with_payload_of_another(make_file, encrypt, key, tmp_path, plaindir) -> None:
    first, second = encrypt(make_file(2 * C, "a")), encrypt(make_file(2 * C, "b"))
    a, b = first.read_bytes(), second.read_bytes()
    header_a, header_b = int.from_bytes(a[10:14], "big"), int.from_bytes(b[10:14], "big")
    error = attempt(a[:header_a] + b[header_b:], key, tmp_path, plaindir)
    assert isinstance(error, bidx.ChunkFailed) and error.index == 0


def test_damage_late_in_the_file_leaves_no_partial_plaintext(make_file, key, tmp_path, outdir, plaindir) -> None:
    """Chunks 0–6 decrypt into the temporary file before chunk 7 fails; the temporary file goes."""
    options = bidx.EncryptOptions(chunk_size=C, workers=1)
    container = bidx.encrypt_file(make_file(8 * C), outdir, [key.public_key()], options=options).container
    data = container.read_bytes()
    error = attempt(flip(data, len(data) - 20), key, tmp_path, plaindir)
    assert isinstance(error, bidx.ChunkFailed) and error.index == 7
