"""Fixtures for the seal format tests (the objects themselves are built in sealkit.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.pki import ManualClock
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
