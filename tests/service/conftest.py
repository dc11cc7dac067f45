"""Fixtures for the service tests: the real service (uvicorn on 127.0.0.1 in a thread) on a
temporary SQLite file or on PostgreSQL, a settable clock shared by service and client, and
helpers that do what a device does."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.core import bidx, gm
from app.core.client import ServiceClient
from app.core.client.tasks import TaskClient
from app.core.licence.demo import DEMO_ENTERPRISES
from app.core.pki import ManualClock
from app.server.embedded import serve_in_thread
from app.server.provision import ProjectSpec, add_project, init_service
from app.server.settings import Settings

T0 = datetime(2026, 3, 2, 1, 0, 0, tzinfo=UTC)
PG_ENV = "EBID_TEST_POSTGRES_URL"
PROJECT = "ZB-2026-0001"


def _postgres_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: CI must run the PostgreSQL variants (see ./dev)")
        pytest.skip(f"PostgreSQL not configured: set {PG_ENV} (./dev test does so when run as root)")
    return url


def _reset_postgres(url: str) -> None:
    """A clean schema for each test: drop everything the previous test made."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str | None:
    if request.param == "sqlite":
        return None  # the default: a SQLite file in the service's home
    url = _postgres_url()
    _reset_postgres(url)
    return url


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def service(tmp_path, db_url, clock):
    settings = Settings(home=tmp_path / "service", db_url=db_url, clock=clock, max_upload_bytes=8 << 20)
    ctx = init_service(settings, demo=True)
    add_project(ctx, ProjectSpec(PROJECT, "测试项目（DEMO）", "演示招标人（DEMO）", ("1", "2"),
                                 T0 + timedelta(days=5), T0 + timedelta(days=5, hours=1)))
    running = serve_in_thread(ctx)
    yield running
    running.stop()


@pytest.fixture
def live(tmp_path):
    """The service on the real clock (the CLI runs in a subprocess on the system clock), with
    the DEMO enterprises."""
    running = serve_in_thread(init_service(Settings(home=tmp_path / "service"), demo=True))
    yield running
    running.stop()


@pytest.fixture
def client(service, clock):
    with ServiceClient(service.url, clock=clock) as c:
        yield c


@pytest.fixture
def tasks(client):
    """A device's task client trusting the service's root, on the shared clock."""
    with TaskClient([client.root_certificate()], clock=client.clock) as c:
        yield c


@pytest.fixture
def demo():
    """(enterprise, legal representative, [other persons]) of the first DEMO enterprise."""
    first = DEMO_ENTERPRISES[0]
    return first.enterprise, first.enterprise.legal_representative, list(first.others)


@pytest.fixture
def download(client):
    """``download(person, enterprise, authorisation_id="")`` -> HolderClient with a new key."""

    def _download(person, enterprise, authorisation_id: str = ""):
        key = gm.SM2PrivateKey.generate()
        licence = client.request_licence(
            key, place=enterprise.registration_place, credit_code=enterprise.credit_code,
            name=person.name, id_number=person.id_number, phone=person.mobile,
            authorisation_id=authorisation_id,
        )
        return client.holder(licence.certificate, key)

    return _download


@pytest.fixture
def legal_rep(download, demo):
    enterprise, rep, _ = demo
    return download(rep, enterprise)


@pytest.fixture
def bid_file(tmp_path):
    """``bid_file(holder, size=…, project=…, section=…, recipient=…)`` -> (container path,
    signature); encrypted to ``recipient`` (a public key), else to a throw-away key, and naming
    the holder's licence certificate as its sender, as the app does (bidx.md §8)."""

    def _make(holder, *, size: int = 100_000, project: str = PROJECT, section: str = "1",
              recipient=None):
        source = tmp_path / f"tender-{size}.pdf"
        source.write_bytes(os.urandom(size))
        recipient = recipient or gm.SM2PrivateKey.generate().public_key()
        options = bidx.EncryptOptions(project=project, section=section, signer=holder.key,
                                      signer_certificate=holder.certificate.der)
        out = tmp_path / "out"
        out.mkdir(exist_ok=True)
        result = bidx.encrypt_file(source, out, [recipient], options=options)
        return Path(result.container), result.signature.read_bytes()

    return _make
