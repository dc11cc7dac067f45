"""Initialise, unlock, wrong passwords and their growing, persisted delays."""

from __future__ import annotations

import pytest

from app.core.errors import WrongPassword
from app.core.keystore import (
    AlreadyInitialised, Keystore, KeystoreError, NotInitialised, NullUnlockCache, TooManyAttempts, default_delay,
)
from app.core.keystore.attempts import FREE_ATTEMPTS, MAX_DELAY, AttemptState, remaining_wait
from app.core.keystore.blobs import FLOOR, master_params

from .conftest import PASSWORD


def test_new_store_is_not_initialised_and_refuses_unlock(store):
    assert not store.is_initialised()
    with pytest.raises(NotInitialised, match="No licence password"):
        store.unlock(PASSWORD)


def test_initialise_then_unlock(store, unlocked):
    assert store.is_initialised()
    again = store.unlock(PASSWORD)
    assert again.master() == unlocked.master()
    with pytest.raises(AlreadyInitialised):
        store.initialise(b"other")


def test_empty_password_refused(store):
    with pytest.raises(KeystoreError, match="must not be empty"):
        store.initialise(b"")


def test_stored_kdf_parameters_are_at_least_the_floor(store, unlocked):
    params, salt, _, _ = master_params(unlocked.master_blob)
    assert params.at_least(FLOOR) and params.memory_kib >= 65536 and params.iterations >= 3
    assert len(salt) == 16


def test_delay_schedule_grows_and_is_capped():
    delays = [default_delay(n) for n in range(0, 20)]
    assert delays[:FREE_ATTEMPTS] == [0] * FREE_ATTEMPTS
    assert delays[FREE_ATTEMPTS:FREE_ATTEMPTS + 4] == [1, 2, 4, 8]
    assert all(a <= b for a, b in zip(delays, delays[1:]))
    assert max(delays) == MAX_DELAY


def test_remaining_wait_counts_down_and_survives_a_clock_going_back(clock):
    state = AttemptState(failures=FREE_ATTEMPTS + 2, last_attempt=clock.now)  # delay 4 s
    assert remaining_wait(state, clock.now, default_delay) == 4
    clock.advance(2.5)
    assert remaining_wait(state, clock.now, default_delay) == 2
    clock.advance(2)
    assert remaining_wait(state, clock.now, default_delay) == 0
    clock.advance(-3600)
    assert remaining_wait(state, clock.now, default_delay) == 4
    assert AttemptState.decode(state.encode()) == state


def test_wrong_passwords_are_counted_delayed_and_persisted(tmp_path, clock):
    # Schedule injected so that the second failure already waits (fewer Argon2id runs).
    schedule = lambda n: 0 if n < 2 else 10 * (n - 1)  # noqa: E731
    path = tmp_path / "ks.sqlite"
    with Keystore.open(path, clock=clock, delay_schedule=schedule, unlock_cache=NullUnlockCache()) as ks:
        ks.initialise(PASSWORD)
        with pytest.raises(WrongPassword, match=r"Wrong licence password \(1 wrong in a row\)$"):
            ks.unlock(b"guess 1")
        with pytest.raises(WrongPassword, match=r"2 wrong in a row\); wait 10 s") as info:
            ks.unlock(b"guess 2")
        assert not isinstance(info.value, TooManyAttempts)
        clock.advance(3)
        with pytest.raises(TooManyAttempts, match="wait 7 s") as early:
            ks.unlock(PASSWORD)  # refused before the KDF, even with the right password
        assert early.value.seconds == 7
    # A restart does not reset the counter or the wait.
    with Keystore.open(path, clock=clock, delay_schedule=schedule, unlock_cache=NullUnlockCache()) as ks:
        assert ks.failed_attempts() == 2
        assert ks.unlock_wait() == 7
        clock.advance(7)
        ks.unlock(PASSWORD)
        assert ks.failed_attempts() == 0 and ks.unlock_wait() == 0
        events = [e.event for e in ks.audit_entries()]
    assert events == ["keystore.created", "unlock.failed", "unlock.failed"]


def test_open_rejects_a_file_that_is_not_a_database(tmp_path):
    bogus = tmp_path / "ks.sqlite"
    bogus.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(KeystoreError, match="cannot be read"):
        Keystore.open(bogus, unlock_cache=NullUnlockCache())


def test_open_rejects_a_folder(tmp_path):
    with pytest.raises(KeystoreError, match="is a folder"):
        Keystore.open(tmp_path, unlock_cache=NullUnlockCache())
