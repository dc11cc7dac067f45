"""The test vectors of docs/formats/bidx.md §8: exact bytes, and independent re-derivation."""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.core import bidx, gm
from app.core.bidx.chunks import Buffers, open_into, seal_into
from app.core.bidx.format import parse_header
from app.core.bidx.sealing import seal_chunk
from app.core.bidx.suites import FileKeys
from tests.bidx import vectors
from tests.support import run

KEY_ID = "d94a2fcb88a63e824c32120f09f843778b6a29434a37f9d83e207e5da8806075"
WRAPPED = (
    "308189022004ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73022100e858f9d81e5430"
    "a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df00420f2510ae3cfc74e4eb31b5460e61a55a59c1ad9f8"
    "a1b56fcfe425e00b3a6a4673042044e70dd8f4bfee133f6f597fb2ff6946147d8c1092763f5d3ceaf6d74f234985"
)
CODES = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f000b5a422d323032362d30303100023031"
STANZA = "01" + KEY_ID + "008c" + WRAPPED + "0029"
# version 2 (written now): the sender field (kind 2, key id) follows the codes; H = 358
HEADER_PREFIX = "424944580d0a1a0a02{suite}00000166000000100000000000000028" + CODES + "02" + KEY_ID + STANZA
# version 1 (written by every release before the sender field): no sender; H = 325
V1_HEADER_PREFIX = "424944580d0a1a0a01{suite}00000145000000100000000000000028" + CODES + STANZA
SM4_META, AES_META = (
    "cdee559c1406de8b974b9d699b162fd361cd727f9460e970ac9a00adcbb36047dedd50316aaa43d8db",
    "7265a10c442c3742c0d584054a098203c619d10979e78b63e919ededdde920818cedf8b07e548a036e",
)
SM4_CHUNKS = (
    "5ca6a1a86602a685d2979045ed048377bd7c50e06a6555d85e214d1a1aa7479ed6d9a45c63ce9fd85ae9a81bcd5dc0d7"
    "0b2d633e2c75cf57ec22baa09d217e283869b759ca9f5bae896aaaaefced790a7b15fd6aa8991dba"
)
AES_CHUNKS = (
    "1288d07cfa4a8f658dae53f777727fc982603820f0bfdd6551c772585ec8b45182fe80a9a07faf90194b0cf5ca6f09a6"
    "3b0d171c9a89260d464b595f8298d960a2f3bc9e17709a89dca7b6695bdd435af7ebcefce3f544b7"
)
MACS = {  # header MAC by (suite, version)
    ("sm4", 2): "a53106e3778fc02693d9836e5e258d6cfc4ace59544ae3ab47abc675fe130dee",
    ("aes", 2): "089a843a93194ce0c053dcb86ab0977a8064e42c26b00638143e3c8850692608",
    ("sm4", 1): "285e151f10699d5f270814eb054ebea47c9ef467ec4a19eb74dd69b637a02c3c",
    ("aes", 1): "0863ae3b2450ca589f7d4e7f3b64d8ef3bf2a8763cd6248d0d2f2e8b7c6e8a44",
}


def _container(suite: str, version: int) -> bytes:
    prefix = HEADER_PREFIX if version == 2 else V1_HEADER_PREFIX
    meta, chunks = (SM4_META, SM4_CHUNKS) if suite == "sm4" else (AES_META, AES_CHUNKS)
    return bytes.fromhex(prefix.format(suite="01" if suite == "sm4" else "02") + meta + MACS[suite, version] + chunks)


EXPECTED = {suite: _container(suite, 2) for suite in ("sm4", "aes")}
# The bytes main wrote before version 2, kept to prove this reader still opens them.
EXPECTED_V1 = {suite: _container(suite, 1) for suite in ("sm4", "aes")}
HEADER_SIZE = 358
V1_HEADER_SIZE = 325
DERIVED = {  # (MAC key, metadata key, payload key)
    "sm4": ("566c1ca9b6c6dd8e38966b16eb29ee500ceb37fd49a9b0cd2ba920c059b72549",
            "34a7b98a9a372e2ce6cebe00d3d66904", "102dbcebda11dae8f32c4a27de6e90c4"),
    "aes": ("89084545f5c680745e07278a4e78c3a8ae937c8cfc082d55ffd91b426fe16033",
            "33892acdfea6189b7df624b6eacc0543644e3aedbad3f16c0ffa0749138fd183",
            "fe8220a36163abb4c8d9142d221597b2abc8125b681d1dfcbcc20df1d43ba6ae"),
}
SUITES = {"sm4": bidx.SM4_SUITE, "aes": bidx.AES_SUITE}


def test_key_id_is_sm3_of_the_spki_der(openssl: str, tmp_path: Path) -> None:
    pub = vectors.recipient_key().public_key()
    assert bidx.key_id(pub).hex() == KEY_ID
    pem = tmp_path / "pub.pem"
    pem.write_bytes(gm.public_key_to_pem(pub))
    der = run([openssl, "pkey", "-pubin", "-in", str(pem), "-outform", "DER"], text=False).stdout
    assert gm.sm3(der).hex() == KEY_ID


@pytest.mark.parametrize("suite", ["sm4", "aes"])
def test_engine_output_is_the_vector(tmp_path: Path, suite: str) -> None:
    assert vectors.build(tmp_path, SUITES[suite]) == EXPECTED[suite]


@pytest.mark.parametrize("version", [2, 1])
@pytest.mark.parametrize("suite", ["sm4", "aes"])
def test_vector_decrypts_to_the_plaintext_and_metadata(tmp_path: Path, suite: str, version: int) -> None:
    """Version 1 too: the exact bytes every earlier release wrote still open."""
    container = tmp_path / "vector.bidx"
    container.write_bytes((EXPECTED if version == 2 else EXPECTED_V1)[suite])
    (tmp_path / "out").mkdir()
    result = bidx.decrypt_file(container, vectors.recipient_key(), tmp_path / "out")
    assert result.output == tmp_path / "out" / vectors.NAME
    assert result.output.read_bytes() == vectors.PLAINTEXT
    assert result.metadata == bidx.SecretMetadata(vectors.NAME, vectors.MODIFIED, vectors.CREATED)
    assert result.header.version == version
    named = bidx.Sender(bidx.SenderKind.PUBLIC_KEY, bytes.fromhex(KEY_ID))
    assert result.header.sender == (named if version == 2 else None)


def test_openssl_unwraps_the_file_key(openssl: str, tmp_path: Path) -> None:
    key_pem = tmp_path / "key.pem"
    key_pem.write_bytes(gm.private_key_to_pem(vectors.recipient_key()))
    wrapped = tmp_path / "wrapped.der"
    wrapped.write_bytes(bytes.fromhex(WRAPPED))
    out = run([openssl, "pkeyutl", "-decrypt", "-inkey", str(key_pem), "-in", str(wrapped)], text=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout == vectors.FILE_KEY


def _openssl_hkdf(openssl: str, digest: str, length: int, info: bytes) -> str:
    out = run([
        openssl, "kdf", "-keylen", str(length), "-kdfopt", f"digest:{digest}",
        "-kdfopt", f"hexkey:{vectors.FILE_KEY.hex()}", "-kdfopt", f"hexsalt:{vectors.SALT.hex()}",
        "-kdfopt", f"hexinfo:{info.hex()}", "HKDF",
    ])
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().replace(":", "").lower()


@pytest.mark.parametrize("suite,digest", [("sm4", "SM3"), ("aes", "SHA256")])
def test_openssl_derives_the_same_keys(openssl: str, suite: str, digest: str) -> None:
    size = SUITES[suite].key_size
    infos = [(b"EBID BIDX v1 header MAC", 32), (b"EBID BIDX v1 metadata", size), (b"EBID BIDX v1 payload", size)]
    got = tuple(_openssl_hkdf(openssl, digest, n, info) for info, n in infos)
    assert got == DERIVED[suite]


@pytest.mark.parametrize("version", [2, 1])
def test_openssl_checks_the_sm4_header_mac(openssl: str, tmp_path: Path, version: int) -> None:
    data, size = (EXPECTED["sm4"], HEADER_SIZE) if version == 2 else (EXPECTED_V1["sm4"], V1_HEADER_SIZE)
    body = tmp_path / "body"
    body.write_bytes(data[: size - 32])
    out = run([openssl, "mac", "-digest", "SM3", "-macopt", f"hexkey:{DERIVED['sm4'][0]}", "-in", str(body), "HMAC"])
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().lower() == data[size - 32 : size].hex()


def test_aes_vector_opens_with_plain_cryptography() -> None:
    """Re-derive everything with library calls only, as another team would."""
    data = EXPECTED["aes"]
    salt = data[26:58]
    mac_key, meta_key, payload_key = (
        HKDF(hashes.SHA256(), length=32, salt=salt, info=info).derive(vectors.FILE_KEY)
        for info in (b"EBID BIDX v1 header MAC", b"EBID BIDX v1 metadata", b"EBID BIDX v1 payload")
    )
    header = data[:HEADER_SIZE]
    assert hmac.digest(mac_key, header[:-32], hashlib.sha256) == header[-32:]
    sealed_meta = parse_header(header).sealed_metadata
    meta = AESGCM(meta_key).decrypt(bytes(12), sealed_meta, None)
    assert meta == b"\x00\x07bid.txt" + vectors.MODIFIED.to_bytes(8, "big") + vectors.CREATED.to_bytes(8, "big")
    payload, plain = data[HEADER_SIZE:], b""
    for index, (start, size) in enumerate([(0, 16), (32, 16), (64, 8)]):
        nonce = index.to_bytes(11, "big") + (b"\x01" if index == 2 else b"\x00")
        plain += AESGCM(payload_key).decrypt(nonce, payload[start : start + size + 16], None)
    assert plain == vectors.PLAINTEXT


def test_sm4_chunks_match_the_reference_aead() -> None:
    """The engine's buffer path (chunks.py) agrees with app.core.gm's SM4-GCM."""
    payload = EXPECTED["sm4"][HEADER_SIZE:]
    key = bytes.fromhex(DERIVED["sm4"][2])
    assert gm.sm4_gcm_decrypt(key, bytes(11) + b"\x00", payload[:32]) == vectors.PLAINTEXT[:16]
    last = (2).to_bytes(11, "big") + b"\x01"
    assert gm.sm4_gcm_decrypt(key, last, payload[64:]) == vectors.PLAINTEXT[32:]


DOC = Path(__file__).resolve().parents[2] / "docs" / "formats" / "bidx.md"


def _doc_container(title: str) -> bytes:
    """The hex block under ``title`` in §9 of the format document, spaces removed."""
    text = DOC.read_text(encoding="utf-8")
    block = text.split("\n" + title, 1)[1].split("\n\n", 1)[0].split("```", 1)[0]
    lines = block.splitlines()[1:]  # skip the rest of the title line
    return bytes.fromhex("".join(line.replace(" ", "") for line in lines))


@pytest.mark.parametrize("title,suite,version", [
    ("SM2-SM4GCM-SM3 container", "sm4", 2), ("SM2-AES256GCM-SHA256 container", "aes", 2),
    ("Version 1 SM2-SM4GCM-SM3 container", "sm4", 1), ("Version 1 SM2-AES256GCM-SHA256 container", "aes", 1),
])
def test_the_document_shows_the_tested_bytes(title: str, suite: str, version: int) -> None:
    assert _doc_container(title) == (EXPECTED if version == 2 else EXPECTED_V1)[suite]


def test_the_document_shows_the_derived_values() -> None:
    text = DOC.read_text(encoding="utf-8")
    metadata = bidx.SecretMetadata(vectors.NAME, vectors.MODIFIED, vectors.CREATED).to_bytes()
    assert "metadata          0007 6269642e747874 000000006955b900 000000006955c710" in text
    assert metadata.hex() == "00076269642e747874000000006955b900000000006955c710"
    for value in (KEY_ID, *DERIVED["sm4"], *DERIVED["aes"], *MACS.values()):
        assert value in text
    squeezed = "".join(text.split())
    assert WRAPPED in squeezed


@pytest.mark.parametrize("suite", ["sm4", "aes"])
@pytest.mark.parametrize("size", [0, 1, 15, 16, 17, 1000])
def test_buffer_path_equals_the_reference_aead(suite: str, size: int) -> None:
    """chunks.py (update_into, reused buffers) produces what app.core.gm's AEAD functions produce."""
    keys = FileKeys.derive(SUITES[suite], os.urandom(32), os.urandom(32))
    data = os.urandom(size)
    reference = seal_chunk(keys, 7, size % 2 == 0, data)
    sealed = seal_into(keys, 7, size % 2 == 0, memoryview(data), Buffers(1000).take())
    assert bytes(sealed) == reference
    assert bytes(open_into(keys, 7, size % 2 == 0, memoryview(reference), Buffers(1000).take())) == data
    with pytest.raises(bidx.ChunkFailed):
        open_into(keys, 7, size % 2 == 1, memoryview(reference), Buffers(1000).take())
