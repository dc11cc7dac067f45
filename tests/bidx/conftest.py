"""Fixtures for the bid-container tests: recipient keys, source files and an encrypt helper."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Callable, Sequence

import pytest

from app.core import bidx
from app.core.gm import SM2PrivateKey, private_key_to_pem, public_key_to_pem
from app.core.licence import Authority, AuthorityKeys, InMemoryRepository, LicenceRequest
from app.core.licence.demo import DEMO_ENTERPRISES, load_demo
from app.core.pki import ManualClock

SMALL_CHUNK = 64  # keeps multi-chunk tests fast; one test uses the real 1 MiB size


@pytest.fixture(scope="session")
def keys() -> list[SM2PrivateKey]:
    """Three recipient keys (generated once: SM2 key generation is pure Python)."""
    return [SM2PrivateKey.generate() for _ in range(3)]


@pytest.fixture
def key(keys: list[SM2PrivateKey]) -> SM2PrivateKey:
    return keys[0]


@pytest.fixture
def pem_files(tmp_path: Path, keys: list[SM2PrivateKey]) -> dict[str, Path]:
    """``key0.pem``/``pub0.pem``… written for CLI and OpenSSL tests."""
    files = {}
    for i, k in enumerate(keys):
        files[f"key{i}"] = tmp_path / f"key{i}.pem"
        files[f"key{i}"].write_bytes(private_key_to_pem(k))
        files[f"pub{i}"] = tmp_path / f"pub{i}.pem"
        files[f"pub{i}"].write_bytes(public_key_to_pem(k.public_key()))
    return files


@pytest.fixture
def make_file(tmp_path: Path) -> Callable[..., Path]:
    """Write ``size`` random bytes to ``tmp_path/src/NAME``."""
    folder = tmp_path / "src"
    folder.mkdir()

    def make(size: int, name: str = "bid.pdf") -> Path:
        path = folder / name
        path.write_bytes(os.urandom(size))
        return path

    return make


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    path = tmp_path / "out"
    path.mkdir()
    return path


@pytest.fixture
def plaindir(tmp_path: Path) -> Path:
    path = tmp_path / "plain"
    path.mkdir()
    return path


@pytest.fixture
def encrypt(keys: list[SM2PrivateKey], outdir: Path) -> Callable[..., Path]:
    """Encrypt a file to the given recipients (default: the first key) with small chunks."""

    def run(
        source: Path,
        recipients: Sequence[SM2PrivateKey] | None = None,
        *,
        suite: bidx.Suite = bidx.SM4_SUITE,
        chunk_size: int = SMALL_CHUNK,
        **options: object,
    ) -> Path:
        pubs = [k.public_key() for k in (recipients or keys[:1])]
        opts = bidx.EncryptOptions(suite=suite, chunk_size=chunk_size, **options)  # type: ignore[arg-type]
        return bidx.encrypt_file(source, outdir, pubs, options=opts).container

    return run


@dataclass(frozen=True)
class Bidder:
    """A licensed bidder: the licence's signing key and its certificate (DER), as issued."""

    key: SM2PrivateKey
    certificate: bytes

    def identity(self) -> bidx.SignerIdentity:
        return bidx.SignerIdentity(self.key.public_key(), self.certificate)


@pytest.fixture(scope="session")
def bidders() -> list[Bidder]:
    """The legal representatives of two DEMO enterprises, each with a licence the authority
    issued for a key of their own (generated once: SM2 key generation is pure Python)."""
    start = datetime(2026, 3, 2, tzinfo=UTC)
    authority = Authority(InMemoryRepository(), AuthorityKeys.create("EBid Test Authority", not_before=start),
                          clock=ManualClock(start + timedelta(days=1)))
    load_demo(authority)
    found = []
    for demo in DEMO_ENTERPRISES[:2]:
        enterprise, person = demo.enterprise, demo.enterprise.legal_representative
        key = SM2PrivateKey.generate()
        request = LicenceRequest(
            credit_code=enterprise.credit_code, registration_place=enterprise.registration_place,
            holder_name=person.name, id_number=person.id_number, device_public_key=key.public_key(),
            requested_at=start + timedelta(days=1),
        )
        found.append(Bidder(key, authority.issue_licence(request.sign(key)).certificate_der))
    return found


def listing(folder: Path) -> list[str]:
    """Every entry in a folder, hidden temporary files included."""
    return sorted(os.listdir(folder))
