"""The wrong-password schedule of app/core/keystore/attempts.py on its own, without a keystore or
Argon2id (the same rules through a real keystore: test_limits.py): three wrong passwords are
free, then the wait doubles from 1 s and never exceeds 15 minutes; it counts from the last
attempt, rounds up to whole seconds, and a clock set back never lengthens it; the counter's
encoding in the file (failures u32, last attempt in ms i64, 0 = never)."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta

import pytest

from app.core.keystore.attempts import AttemptState, default_delay, remaining_wait

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def test_three_wrong_passwords_are_free_then_the_wait_doubles_from_one_second():
    assert [default_delay(n) for n in range(0, 9)] == [0, 0, 0, 1, 2, 4, 8, 16, 32]


def test_the_wait_is_capped_at_15_minutes():
    assert default_delay(12) == 512 and default_delay(13) == 900  # 1024 s would exceed 15 minutes
    assert default_delay(1_000) == 900


def test_no_wait_without_failures_or_without_a_recorded_attempt():
    assert remaining_wait(AttemptState(2, T0), T0, default_delay) == 0
    assert remaining_wait(AttemptState(10, None), T0, default_delay) == 0
    assert remaining_wait(AttemptState(4, T0), T0, lambda n: -5) == 0  # a schedule saying "negative" waits nothing


def test_the_wait_counts_from_the_last_attempt_in_whole_seconds_rounded_up():
    state = AttemptState(5, T0)  # 4 s
    assert remaining_wait(state, T0, default_delay) == 4
    assert remaining_wait(state, T0 + timedelta(seconds=0.1), default_delay) == 4
    assert remaining_wait(state, T0 + timedelta(seconds=3, milliseconds=1), default_delay) == 1
    assert remaining_wait(state, T0 + timedelta(seconds=4), default_delay) == 0
    assert remaining_wait(state, T0 + timedelta(days=1), default_delay) == 0


def test_a_clock_set_back_never_makes_the_wait_longer_than_the_delay():
    state = AttemptState(5, T0)
    assert remaining_wait(state, T0 - timedelta(days=30), default_delay) == 4


def test_an_attempt_raises_the_count_and_records_its_time():
    assert AttemptState().attempted(T0) == AttemptState(1, T0)
    assert AttemptState(7, T0).attempted(T0 + timedelta(seconds=9)) == AttemptState(8, T0 + timedelta(seconds=9))


def test_the_counter_is_stored_as_failures_and_milliseconds():
    moment = T0 + timedelta(milliseconds=250)
    raw = AttemptState(3, moment).encode()
    assert raw == struct.pack(">Iq", 3, int(moment.timestamp()) * 1000 + 250)
    assert AttemptState.decode(raw) == AttemptState(3, moment)
    assert AttemptState(9).encode() == struct.pack(">Iq", 9, 0)
    assert AttemptState.decode(struct.pack(">Iq", 9, 0)) == AttemptState(9, None)


@pytest.mark.parametrize("raw", [None, b"", struct.pack(">Iq", 1, 5) + b"\0", struct.pack(">Iq", 1, 5)[:-1]])
def test_a_counter_of_another_length_counts_as_none(raw):
    assert AttemptState.decode(raw) == AttemptState()


def test_a_counter_before_1970_keeps_its_time():
    assert AttemptState.decode(struct.pack(">Iq", 2, -1000)) == AttemptState(2, datetime(1969, 12, 31, 23, 59, 59,
                                                                                         tzinfo=UTC))
