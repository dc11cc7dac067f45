"""Local times and sizes through QLocale, in the language chosen (zh_CN by default, English), and
the service's ISO 8601 times inside refusals shown as local times."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QCoreApplication

from app.core.client.errors import ServiceError
from app.core.errors import InvalidInput
from app.ui import errors, i18n
from app.ui.format import aware_time, clock_time, data_size, datetime_pattern, local_time

NOON_UTC = datetime(2026, 12, 1, 2, 0, 5, tzinfo=UTC)  # 10:00:05 in Beijing
AM = "\u202fAM"  # Qt's English: a narrow no-break space before AM/PM


@pytest.fixture
def beijing(monkeypatch):
    """This computer in UTC+8 (a POSIX zone rule: needs no tz database)."""
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def english(app):
    i18n.install(app, "en")  # the app fixture restores zh_CN afterwards
    return app


def test_times_in_chinese(app, beijing):
    assert local_time(NOON_UTC) == "2026/12/1 10:00"
    assert local_time(NOON_UTC, seconds=True) == "2026/12/1 10:00:05"
    assert clock_time(NOON_UTC) == "10:00"
    assert local_time(None) == ""


def test_times_in_english_with_four_digit_years(english, beijing):
    assert local_time(NOON_UTC) == f"12/1/2026 10:00{AM}"
    assert local_time(NOON_UTC, seconds=True) == f"12/1/2026 10:00:05{AM}"
    assert clock_time(NOON_UTC) == f"10:00{AM}"
    assert "yyyy" in datetime_pattern()


def test_any_zone_is_shown_in_this_computers_zone(app, beijing):
    new_york = timezone(timedelta(hours=-5))
    assert local_time(datetime(2026, 11, 30, 21, 0, tzinfo=new_york)) == "2026/12/1 10:00"
    assert local_time(datetime(2026, 12, 1, 10, 0)) == "2026/12/1 10:00"  # naive: already local


def test_sizes(app):
    assert data_size(512) == "512 字节"
    assert data_size(1536) == "1.5 kB"
    assert data_size(5_000_000) == "4.8 MB"  # in 1024 steps
    assert data_size(3 * 1024**3) == "3.0 GB"


def test_sizes_in_english(english):
    assert data_size(512) == "512 bytes"
    assert data_size(5_000_000) == "4.8 MB"


@pytest.mark.parametrize("text", ["2026-12-01T02:00:05+00:00", "2026-12-01T02:00:05Z",
                                  "2026-12-01 10:00:05+08:00", "2026-12-01T02:00:05.000+00:00"])
def test_iso_times_with_a_zone_are_times(text):
    assert aware_time(text) == NOON_UTC


@pytest.mark.parametrize("value", ["2026-12-01", "2026-12-01T02:00:05", "91110000MA01DEMO01",
                                   "110108198503150026", "2026", 20261201, None,
                                   datetime(2026, 12, 1, 2, 0)])
def test_other_values_are_not(value):
    assert aware_time(value) is None


def test_a_refusal_shows_the_services_utc_time_as_local_time(app, beijing):
    template = "The authorisation ended at {end}"
    refusal = ServiceError(403, "expired", "The authorisation ended at 2026-12-01T02:00:05+00:00",
                           template=template, params={"end": "2026-12-01T02:00:05+00:00"})
    shown = errors.user_message(refusal)
    translated = QCoreApplication.translate("errors", template)
    assert shown == translated.format(end="2026/12/1 10:00:05")
    assert "2026-12-01T" not in shown and "+00:00" not in shown


def test_core_errors_with_datetime_parameters_too(english, beijing):
    exc = InvalidInput("The seal {id} expired at {end}", id="S-1", end=NOON_UTC)
    assert errors.user_message(exc) == f"The seal S-1 expired at 12/1/2026 10:00:05{AM}"
    other = InvalidInput("No licence with serial {serial:x} at {place}", serial=255, place="2026-12-01")
    assert errors.user_message(other) == "No licence with serial ff at 2026-12-01"  # left alone
