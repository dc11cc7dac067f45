"""The OS keyring policy: only a real backend may remember an unlock."""

from __future__ import annotations

import pytest
from keyring.backends import fail, null

from app.core.keystore import Keystore, KeyringUnlockCache, NullUnlockCache, select_unlock_cache
from app.core.keystore.quick_unlock import SESSION_TTL

from .conftest import PASSWORD


class MemoryKeyring:
    """A stand-in for an OS keyring (Windows Credential Locker, macOS Keychain) in this process.

    Not a ``KeyringBackend`` subclass: subclasses register themselves with ``keyring`` globally.
    """

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def test_fail_backend_selects_the_null_cache():
    assert isinstance(select_unlock_cache(fail.Keyring()), NullUnlockCache)
    assert isinstance(select_unlock_cache(null.Keyring()), NullUnlockCache)


def test_headless_default_backend_selects_the_null_cache():
    import keyring

    if not isinstance(keyring.get_keyring(), fail.Keyring):
        pytest.skip("this machine has a real keyring backend")
    assert isinstance(select_unlock_cache(), NullUnlockCache)


def test_null_cache_remembers_nothing(store, unlocked):
    assert store.remember(unlocked) is False
    assert store.resume() is None


@pytest.fixture
def remembering(tmp_path, clock):
    backend = MemoryKeyring()
    assert isinstance(select_unlock_cache(backend), KeyringUnlockCache)
    ks = Keystore.open(tmp_path / "ks.sqlite", clock=clock, unlock_cache=select_unlock_cache(backend))
    yield ks, backend
    ks.close()


def test_real_backend_remembers_until_expiry(remembering, clock):
    ks, backend = remembering
    unlocked = ks.initialise(PASSWORD)
    assert ks.remember(unlocked) is True
    assert len(backend.items) == 1 and unlocked.master().hex() not in next(iter(backend.items.values()))
    resumed = ks.resume()
    assert resumed is not None and resumed.master() == unlocked.master()
    clock.advance(SESSION_TTL.total_seconds())
    assert ks.resume() is None
    assert backend.items == {}  # expiry also clears the keyring entry


def test_forget_and_password_change_end_the_remembered_unlock(remembering):
    ks, backend = remembering
    unlocked = ks.initialise(PASSWORD)
    ks.remember(unlocked)
    ks.forget()
    assert ks.resume() is None
    ks.remember(unlocked)
    stale_key = dict(backend.items)
    ks.change_password(PASSWORD, b"new")
    backend.items.update(stale_key)  # even if the keyring kept the old entry…
    assert ks.resume() is None  # …the sealed copy in the file is gone
