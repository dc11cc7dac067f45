"""Fixtures for the licence area: a settable clock, an authority loaded with the DEMO data,
and a ``download`` helper that does what a device does (new key, signed request)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core import gm
from app.core.licence import Authority, AuthorityKeys, InMemoryRepository, LicenceRequest, Person
from app.core.licence.demo import DEMO_ENTERPRISES, load_demo
from app.core.pki import Certificate, ManualClock

T0 = datetime(2026, 3, 2, 1, 0, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture(scope="session")
def authority_keys() -> AuthorityKeys:
    return AuthorityKeys.create("EBid Test Authority", not_before=T0 - timedelta(days=30))


@pytest.fixture
def authority(clock, authority_keys) -> Authority:
    authority = Authority(InMemoryRepository(), authority_keys, clock=clock)
    load_demo(authority)
    return authority


@pytest.fixture
def demo():
    """The first demo enterprise: (enterprise, legal representative, [other persons])."""
    first = DEMO_ENTERPRISES[0]
    return first.enterprise, first.enterprise.legal_representative, list(first.others)


@pytest.fixture
def download(authority, clock):
    """``download(person, enterprise, authorisation_id="")`` -> (IssuedLicence, device key)."""

    def _download(
        person: Person, enterprise, authorisation_id: str = "", *, place: str | None = None
    ):
        key = gm.SM2PrivateKey.generate()
        request = LicenceRequest(
            credit_code=enterprise.credit_code,
            registration_place=place or enterprise.registration_place,
            holder_name=person.name,
            id_number=person.id_number,
            device_public_key=key.public_key(),
            requested_at=clock(),
            authorisation_id=authorisation_id,
        )
        return authority.issue_licence(request.sign(key)), key

    return _download


@pytest.fixture
def openssl_verify(openssl, tmp_path):
    """``openssl_verify(root, leaf, at)`` -> CompletedProcess of the real ``openssl verify``."""

    def _verify(root: Certificate, leaf: Certificate | bytes, at: datetime, *, distid: bool = True):
        root_pem, leaf_pem = tmp_path / "root.pem", tmp_path / "leaf.pem"
        root_pem.write_bytes(root.to_pem())
        leaf_pem.write_bytes(leaf if isinstance(leaf, bytes) else leaf.to_pem())
        options = ["-vfyopt", "distid:1234567812345678"] if distid else []
        return subprocess.run(
            [
                openssl,
                "verify",
                *options,
                "-attime",
                str(int(at.timestamp())),
                "-CAfile",
                str(root_pem),
                str(leaf_pem),
            ],
            capture_output=True,
            text=True,
        )

    return _verify


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)
