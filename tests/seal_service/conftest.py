"""Fixtures for the seal office tests: the real service (both databases, like tests/service,
whose fixtures are reused), with Beijing as the seal office's local registration place, and a
synthetic transparent imprint PNG at 400 dpi."""

from __future__ import annotations

import pytest

from app.core.client.seal import SealClient
from app.core.licence.demo import DEMO_ENTERPRISES
from app.server.embedded import serve_in_thread
from app.server.provision import init_service
from app.server.settings import Settings
from tests.service.conftest import (  # noqa: F401
    T0,
    client,
    clock,
    db_url,
    demo,
    download,
    legal_rep,
)

from .kit import imprint_png

LOCAL_PLACES = ("北京市",)  # DEMO enterprise 1 is local; 2 and 3 are registered elsewhere


@pytest.fixture
def service(tmp_path, db_url, clock):  # noqa: F811  (replaces tests/service's, with local places)
    settings = Settings(
        home=tmp_path / "service", db_url=db_url, clock=clock, seal_local_places=LOCAL_PLACES
    )
    running = serve_in_thread(init_service(settings, demo=True))
    yield running
    running.stop()


@pytest.fixture
def rep_seals(legal_rep) -> SealClient:  # noqa: F811
    return SealClient(legal_rep)


@pytest.fixture
def png() -> bytes:
    return imprint_png()


@pytest.fixture
def elsewhere():
    """(enterprise, legal representative, others) of a DEMO enterprise registered elsewhere."""
    second = DEMO_ENTERPRISES[1]
    return second.enterprise, second.enterprise.legal_representative, list(second.others)
