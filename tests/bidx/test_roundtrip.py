"""Encrypt then decrypt real files: sizes around chunk boundaries, both suites, several recipients."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import bidx
from app.core.gm import SM2PrivateKey
from app.core.bidx.sealing import FileSecrets, HeaderFields, seal_chunk, seal_header
from tests.bidx.conftest import SMALL_CHUNK, listing

C = SMALL_CHUNK
SIZES = [0, 1, C - 1, C, C + 1, 5 * C, 5 * C + 7]


@pytest.mark.parametrize("suite", [bidx.SM4_SUITE, bidx.AES_SUITE], ids=["sm4", "aes"])
@pytest.mark.parametrize("size", SIZES)
def test_round_trip(make_file, encrypt, key, plaindir: Path, size: int, suite: bidx.Suite) -> None:
    source = make_file(size)
    container = encrypt(source, suite=suite)
    header = bidx.inspect_container(container)
    assert (header.plaintext_length, header.suite) == (size, suite)
    assert header.chunk_count == max(1, -(-size // C))
    assert container.stat().st_size == header.size + size + header.chunk_count * 16
    result = bidx.decrypt_file(container, key, plaindir)
    assert result.output == plaindir / source.name
    assert result.output.read_bytes() == source.read_bytes()
    assert listing(plaindir) == [source.name]


@pytest.mark.parametrize("count", [1, 2, 3])
def test_each_recipient_alone_decrypts(make_file, encrypt, keys, tmp_path: Path, count: int) -> None:
    source = make_file(3 * C + 5)
    container = encrypt(source, keys[:count])
    header = bidx.inspect_container(container)
    assert [s.key_id for s in header.stanzas] == [bidx.key_id(k.public_key()) for k in keys[:count]]
    for i, k in enumerate(keys[:count]):
        folder = tmp_path / f"plain{i}"
        folder.mkdir()
        assert bidx.decrypt_file(container, k, folder).output.read_bytes() == source.read_bytes()
    for k in keys[count:]:
        with pytest.raises(bidx.NotARecipient):
            bidx.rehearse(container, k)


@pytest.mark.slow
@pytest.mark.parametrize("suite", [bidx.SM4_SUITE, bidx.AES_SUITE], ids=["sm4", "aes"])
def test_real_chunk_size_multi_chunk(make_file, key, outdir: Path, plaindir: Path, suite: bidx.Suite) -> None:
    source = make_file(3 * bidx.DEFAULT_CHUNK_SIZE + 12345)
    result = bidx.encrypt_file(source, outdir, [key.public_key()], options=bidx.EncryptOptions(suite=suite))
    assert bidx.inspect_container(result.container).chunk_count == 4
    assert bidx.decrypt_file(result.container, key, plaindir).output.read_bytes() == source.read_bytes()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chunk=st.integers(16, 200), data=st.data())
def test_random_sizes_and_chunk_boundaries(tmp_path: Path, key: SM2PrivateKey, chunk: int, data) -> None:
    chunks = data.draw(st.integers(0, 6))
    size = max(0, chunks * chunk + data.draw(st.integers(-2, 2)))
    workers = data.draw(st.integers(1, 3))
    folder = tmp_path / os.urandom(4).hex()
    folder.mkdir()
    source = folder / "f.bin"
    source.write_bytes(os.urandom(size))
    options = bidx.EncryptOptions(chunk_size=chunk, workers=workers)
    container = bidx.encrypt_file(source, folder, [key.public_key()], options=options).container
    (folder / "plain").mkdir()
    out = bidx.decrypt_file(container, key, folder / "plain", workers=workers).output
    assert out.read_bytes() == source.read_bytes()


def test_batch_shares_one_pool_and_reports_progress(make_file, keys, outdir: Path, plaindir: Path) -> None:
    sources = [make_file(n, f"part{i}.doc") for i, n in enumerate([3 * C, 0, 2 * C + 1])]
    overall: list[tuple[int, int]] = []
    per_file: dict[int, list[int]] = {}
    with bidx.worker_pool(2) as pool:
        results = bidx.encrypt_files(
            sources, outdir, [keys[0].public_key()], options=bidx.EncryptOptions(chunk_size=C), pool=pool,
            progress=lambda d, t: overall.append((d, t)),
            file_progress=lambda i, d, t: per_file.setdefault(i, []).append(d),
        )
        for result in results:
            bidx.decrypt_file(result.container, keys[0], plaindir, pool=pool)
    assert [r.container.name for r in results] == [f"part{i}.doc.bidx" for i in range(3)]
    assert overall[-1] == (5 * C + 1, 5 * C + 1)
    assert [d for d, _ in overall] == sorted(d for d, _ in overall)
    assert per_file == {0: [C, 2 * C, 3 * C], 1: [0], 2: [C, 2 * C, 2 * C + 1]}
    for source in sources:
        assert (plaindir / source.name).read_bytes() == source.read_bytes()


def test_existing_outputs_are_never_overwritten(make_file, encrypt, key, outdir: Path, plaindir: Path) -> None:
    source = make_file(10, "标书.pdf")
    first, second = encrypt(source), encrypt(source)
    assert (first.name, second.name) == ("标书.pdf.bidx", "标书.pdf (1).bidx")
    (plaindir / "标书.pdf").write_bytes(b"keep me")
    out = bidx.decrypt_file(first, key, plaindir).output
    assert out.name == "标书 (1).pdf"
    assert (plaindir / "标书.pdf").read_bytes() == b"keep me"


def test_signature_is_written_beside_the_container(make_file, key, outdir: Path) -> None:
    source = make_file(2 * C)
    options = bidx.EncryptOptions(chunk_size=C, signer=key, project="ZB-1", section="02")
    result = bidx.encrypt_file(source, outdir, [key.public_key()], options=options)
    assert result.signature == outdir / "bid.pdf.bidx.sig"
    bidx.verify_container(result.container, result.signature.read_bytes(), key.public_key())
    header = bidx.inspect_container(result.container)
    assert (header.project, header.section) == ("ZB-1", "02")


@pytest.mark.parametrize(
    "stored,expected",
    [("../../evil.txt", "evil.txt"), ("..\\..\\evil.txt", "evil.txt"), ("..", "crafted"), ("a:b?.txt", "a_b_.txt")],
)
def test_name_inside_the_container_cannot_escape_the_folder(
    tmp_path: Path, key: SM2PrivateKey, stored: str, expected: str
) -> None:
    """A crafted (but validly encrypted) container names a path outside the output folder."""
    fields = HeaderFields(bidx.SM4_SUITE, 16, 4)
    header, file_keys = seal_header(fields, [key.public_key()], bidx.SecretMetadata(stored, 0, 0), FileSecrets.random())
    container = tmp_path / "crafted.bidx"
    container.write_bytes(header.to_bytes() + seal_chunk(file_keys, 0, True, b"data"))
    folder = tmp_path / "deep" / "plain"
    folder.mkdir(parents=True)
    result = bidx.decrypt_file(container, key, folder)
    assert result.output == folder / expected
    assert listing(folder) == [expected]
    assert listing(tmp_path / "deep") == ["plain"]
