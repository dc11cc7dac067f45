"""Every limit of the BIDX header (docs/formats/bidx.md §2), reached exactly and passed by one:
the recipient count, code, name and wrapped-key lengths, the chunk size, the header length and
stray bytes inside the header. A header is parsed before anything is authenticated, so each of
these refusals must fire on its own (by its own message), not later as a MAC failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import bidx
from app.core.bidx.format import (
    _FIXED,
    _MIN_HEADER_SIZES,
    KEY_ID_SIZE,
    LEGACY_VERSION,
    MAC_SIZE,
    MAGIC,
    MAX_CHUNK_SIZE,
    MAX_CODE_BYTES,
    MAX_HEADER_SIZE,
    MAX_NAME_BYTES,
    MAX_RECIPIENTS,
    MAX_WRAPPED_SIZE,
    MIN_CHUNK_SIZE,
    VERSION,
    DamagedContainer,
    SecretMetadata,
    check_chunk_size,
    parse_header,
    parse_prefix,
)
from app.core.errors import InvalidInput
from app.core.gm import SM2PrivateKey
from tests.bidx.conftest import listing


def raw_header(*, project: bytes = b"", section: bytes = b"", stanzas: list[bytes] | None = None,
               count: int | None = None, sealed: bytes = b"m" * 16, chunk_size: int = 64,
               stray: bytes = b"", sender: bytes = b"\x00") -> bytes:
    """Header bytes (version 2) written field by field, so a field can break a limit the writer
    keeps; ``stray`` bytes go between the encrypted metadata and the MAC (the length counts them);
    ``sender`` is the raw sender field (kind byte, then the digest)."""
    wrapped = [b"w" * 100] if stanzas is None else stanzas
    variable = b"".join([
        len(project).to_bytes(2, "big"), project, len(section).to_bytes(2, "big"), section, sender,
        bytes([len(wrapped) if count is None else count]),
        *(b"k" * KEY_ID_SIZE + len(w).to_bytes(2, "big") + w for w in wrapped),
        len(sealed).to_bytes(2, "big"), sealed, stray,
    ])
    length = _FIXED.size + len(variable) + MAC_SIZE
    fixed = _FIXED.pack(MAGIC, VERSION, bidx.SM4_SUITE.ident, length, chunk_size, 0, b"s" * 32)
    return fixed + variable + b"M" * MAC_SIZE


def test_the_raw_builder_makes_a_header_the_parser_reads():
    header = parse_header(raw_header())
    assert (header.project, header.chunk_size, len(header.stanzas)) == ("", 64, 1)


def refused(data: bytes) -> str:
    with pytest.raises(DamagedContainer) as info:
        parse_header(data)
    return info.value.message


# -- the sender (version 2) ---------------------------------------------------------------------

def test_a_sender_of_each_kind_parses_and_an_unknown_kind_is_refused():
    for kind in bidx.SenderKind:
        assert parse_header(raw_header(sender=bytes([kind]) + b"d" * 32)).sender == bidx.Sender(kind, b"d" * 32)
    assert parse_header(raw_header()).sender is None
    assert "unknown kind of sender (3)" in refused(raw_header(sender=b"\x03" + b"d" * 32))


def test_a_sender_digest_cut_short_is_refused_by_the_parser():
    header = raw_header(sender=b"\x01" + b"d" * 32)
    cut = bytearray(header[:_FIXED.size + 4 + 1 + 10])  # inside the digest
    cut[10:14] = len(cut).to_bytes(4, "big")
    with pytest.raises(DamagedContainer):
        parse_header(bytes(cut))


# -- recipients --------------------------------------------------------------------------------

def test_255_recipients_encrypt_and_the_last_one_decrypts(tmp_path: Path):
    keys = [SM2PrivateKey.generate() for _ in range(MAX_RECIPIENTS)]
    source = tmp_path / "bid.pdf"
    source.write_bytes(b"bid" * 100)
    out = tmp_path / "out"
    out.mkdir()
    result = bidx.encrypt_file(source, out, [k.public_key() for k in keys],
                               options=bidx.EncryptOptions(chunk_size=64))
    assert len(result.header.stanzas) == MAX_RECIPIENTS == 255
    assert len(parse_header(result.container.read_bytes()[:result.header.size]).stanzas) == 255
    plain = tmp_path / "plain"
    plain.mkdir()
    assert bidx.decrypt_file(result.container, keys[-1], plain).output.read_bytes() == b"bid" * 100


@pytest.mark.parametrize("count", [0, MAX_RECIPIENTS + 1])
def test_no_recipient_or_256_are_refused_before_anything_is_written(tmp_path: Path, count):
    key = SM2PrivateKey.generate().public_key()
    source = tmp_path / "bid.pdf"
    source.write_bytes(b"bid")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(InvalidInput, match="1 to 255 recipients"):
        bidx.encrypt_file(source, out, [key] * count)
    assert listing(out) == []


def test_a_header_listing_no_recipient_is_refused():
    assert "lists no recipients" in refused(raw_header(count=0))  # one stanza follows, unlisted


def test_a_recipient_count_beyond_the_stanzas_present_is_refused():
    assert "recipient 2" in refused(raw_header(count=2))  # read from the metadata that follows


# -- codes, wrapped keys, the file name -----------------------------------------------------------

@pytest.mark.parametrize("field", ["project", "section"])
def test_codes_of_256_bytes_parse_and_257_are_refused(field):
    assert getattr(parse_header(raw_header(**{field: b"c" * MAX_CODE_BYTES})), field) == "c" * 256
    assert f"the {field} code is too long" in refused(raw_header(**{field: b"c" * (MAX_CODE_BYTES + 1)}))


def test_the_writer_refuses_a_code_of_257_bytes(tmp_path: Path):
    source = tmp_path / "bid.pdf"
    source.write_bytes(b"bid")
    key = SM2PrivateKey.generate().public_key()
    bidx.encrypt_file(source, tmp_path, [key], options=bidx.EncryptOptions(project="p" * 256))
    with pytest.raises(InvalidInput, match="project code is longer than 256 bytes"):
        bidx.encrypt_file(source, tmp_path, [key], options=bidx.EncryptOptions(project="p" * 257))


def test_wrapped_keys_of_512_bytes_parse_and_513_are_refused():
    assert parse_header(raw_header(stanzas=[b"w" * MAX_WRAPPED_SIZE])).stanzas[0].wrapped == b"w" * 512
    assert "recipient 2's wrapped key is too long" in refused(
        raw_header(stanzas=[b"w" * 10, b"w" * (MAX_WRAPPED_SIZE + 1)]))


def test_inner_names_of_1024_bytes_round_trip_and_1025_are_refused():
    name = "n" * MAX_NAME_BYTES
    assert SecretMetadata.from_bytes(SecretMetadata(name, 1, 2).to_bytes()).name == name
    with pytest.raises(InvalidInput, match="longer than 1024 bytes"):
        SecretMetadata(name + "n", 1, 2).to_bytes()
    forged = (MAX_NAME_BYTES + 1).to_bytes(2, "big") + b"n" * (MAX_NAME_BYTES + 1) + bytes(16)
    with pytest.raises(DamagedContainer, match="wrong layout"):
        SecretMetadata.from_bytes(forged)


# -- chunk size ------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [MIN_CHUNK_SIZE, MAX_CHUNK_SIZE])
def test_chunk_sizes_at_the_bounds_are_accepted(size):
    assert check_chunk_size(size) == size
    assert parse_header(raw_header(chunk_size=size)).chunk_size == size


@pytest.mark.parametrize("size", [MIN_CHUNK_SIZE - 1, MAX_CHUNK_SIZE + 1])
def test_chunk_sizes_past_the_bounds_are_refused(size):
    with pytest.raises(InvalidInput, match="chunk size must be between 16 and 67108864"):
        check_chunk_size(size)
    assert "impossible chunk size" in refused(raw_header(chunk_size=size))
    assert MAX_CHUNK_SIZE == 64 << 20


# -- header length and stray bytes -------------------------------------------------------------------

def _prefix(length: int, version: int = VERSION) -> bytes:
    return MAGIC + bytes([version, bidx.SM4_SUITE.ident]) + length.to_bytes(4, "big")


VERSIONS = [LEGACY_VERSION, VERSION]


@pytest.mark.parametrize("version", VERSIONS)
def test_header_lengths_at_the_bounds_are_accepted(version):
    assert _MIN_HEADER_SIZES == {1: 147, 2: 148}  # v2 adds the sender kind byte
    for length in (_MIN_HEADER_SIZES[version], MAX_HEADER_SIZE):
        assert parse_prefix(_prefix(length, version)) == length


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("past", [-1, "max", "u32"])
def test_header_lengths_past_the_bounds_are_refused(version, past):
    length = {"max": MAX_HEADER_SIZE + 1, "u32": 0xFFFFFFFF}.get(past, _MIN_HEADER_SIZES[version] - 1)
    with pytest.raises(DamagedContainer, match="header length field is impossible"):
        parse_prefix(_prefix(length, version))
    assert MAX_HEADER_SIZE == 1 << 20


@pytest.mark.parametrize("stray", [b"\0", b"x" * 33])
def test_stray_bytes_inside_the_header_are_refused(stray):
    assert f"{len(stray)} stray bytes before the payload" in refused(raw_header(stray=stray))


def test_a_real_container_with_one_stray_byte_is_refused_by_the_parser_not_the_mac(tmp_path: Path):
    key = SM2PrivateKey.generate()
    source = tmp_path / "bid.pdf"
    source.write_bytes(b"bid")
    result = bidx.encrypt_file(source, tmp_path, [key.public_key()])
    data = result.container.read_bytes()
    size = result.header.size
    header = bytearray(data[:size - MAC_SIZE] + b"\0" + data[size - MAC_SIZE:size])
    header[10:14] = (size + 1).to_bytes(4, "big")
    assert "1 stray bytes before the payload" in refused(bytes(header))
