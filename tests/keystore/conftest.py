"""Fixtures of the keystore tests: a real SQLite file in tmp_path, a settable clock, no keyring."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.core.gm import SM2PrivateKey
from app.core.keystore import Keystore, NullUnlockCache

PASSWORD = "correct horse 电池".encode()


class FakeClock:
    """A clock the test moves by hand, so throttling is tested without sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2026, 6, 1, 8, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path, clock):
    ks = Keystore.open(tmp_path / "keystore.sqlite", clock=clock, unlock_cache=NullUnlockCache())
    yield ks
    ks.close()


@pytest.fixture
def unlocked(store):
    return store.initialise(PASSWORD)


@pytest.fixture
def add_licence(store, clock):
    """``add_licence(unlocked, key=None, **overrides)`` with plausible licence fields."""

    def _add(unlocked, key: SM2PrivateKey | None = None, **overrides):
        fields = dict(
            certificate=b"\x30\x03\x02\x01\x01", private_key=key or SM2PrivateKey.generate(),
            enterprise_code="91350100M000100Y43", enterprise_name="福建测试科技有限公司", holder_name="张三",
            role="legal_representative", not_before=clock.now, not_after=clock.now + timedelta(days=3),
        )
        fields.update(overrides)
        return store.add_licence(unlocked, **fields)

    return _add
