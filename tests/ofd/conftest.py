"""Fixtures for the OFD tests: the seal-format test authority (sealkit) and a seal of it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.pki import Certificate, ManualClock
from tests.ofd.ofdkit import sample
from tests.seal_format.sealkit import T0, World, build_world, seal_for


@pytest.fixture(scope="session")
def world() -> World:
    return build_world()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0 + timedelta(hours=1))


@pytest.fixture
def seal(world, clock) -> bytes:
    return seal_for(world, clock)


@pytest.fixture(scope="session")
def ofdrw_root() -> Certificate:
    return Certificate.load(sample("ofdrw_ROOT.cert.pem"))
