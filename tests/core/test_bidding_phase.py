"""A project's phase on the device agrees with the platform's rules (app/server/platform/rules.py):
a bid is refused only after the deadline, a submission may be fetched from the opening on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core.bidding import Phase, phase
from app.core.client import Project

DEADLINE = datetime(2026, 12, 8, 9, 30, tzinfo=UTC)
PROJECT = Project(code="P", name="P", tenderee="T", sections=("1",), bid_deadline=DEADLINE,
                  opening_time=DEADLINE + timedelta(hours=1))
TICK = timedelta(microseconds=1)


def test_bids_are_taken_up_to_the_deadline_itself():
    assert phase(PROJECT, DEADLINE - timedelta(days=3)) is Phase.OPEN
    assert phase(PROJECT, DEADLINE) is Phase.OPEN


def test_after_the_deadline_it_is_closed_until_the_opening():
    assert phase(PROJECT, DEADLINE + TICK) is Phase.CLOSED
    assert phase(PROJECT, PROJECT.opening_time - TICK) is Phase.CLOSED


def test_from_the_opening_time_on_it_is_opened():
    assert phase(PROJECT, PROJECT.opening_time) is Phase.OPENED
    assert phase(PROJECT, PROJECT.opening_time + timedelta(days=30)) is Phase.OPENED
