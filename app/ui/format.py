"""Times and sizes as the user reads them: in this computer's time zone, written the way of the
language chosen in Settings (``i18n.install`` makes it ``QLocale``'s default; zh_CN unless
English is chosen).

The time zone is Python's (``datetime.astimezone``), so ``TZ`` decides it as everywhere else in
the app; ``QLocale`` only writes the result. Years always have four digits (a two-digit year on a
bid deadline is a trap), and a time is shown to the minute unless ``seconds`` is asked for.

    local_time(receipt.received_at)              # 2026/12/1 10:00  ·  12/1/2026 10:00 AM
    local_time(moment, seconds=True)             # 2026/12/1 10:00:00
    clock_time(moment)                           # 10:00  ·  10:00 AM
    data_size(5_000_000)                         # 4.8 MB
    as_local_time("2026-12-01T02:00:00+00:00")   # the same as local_time, or None if not a time
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

_SHORT = QLocale.FormatType.ShortFormat


def _four_digit_years(pattern: str) -> str:
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def _with_seconds(pattern: str) -> str:
    return pattern if "ss" in pattern else pattern.replace("mm", "mm:ss", 1)


def time_pattern(*, seconds: bool = False, locale: QLocale | None = None) -> str:
    """The ``QDateTime`` pattern of a time of day in the user's language."""
    pattern = (locale or QLocale()).timeFormat(_SHORT)
    return _with_seconds(pattern) if seconds else pattern


def datetime_pattern(*, seconds: bool = False, locale: QLocale | None = None) -> str:
    """The ``QDateTime`` pattern :func:`local_time` writes (also for date-time editors)."""
    locale = locale or QLocale()
    date = _four_digit_years(locale.dateFormat(_SHORT))
    return f"{date} {time_pattern(seconds=seconds, locale=locale)}"


def _qt_local(moment: datetime) -> QDateTime:
    """``moment`` in this computer's time zone, as a zone-less ``QDateTime`` to be written."""
    here = moment.astimezone()
    return QDateTime(QDate(here.year, here.month, here.day), QTime(here.hour, here.minute, here.second))


def local_time(moment: datetime | None, *, seconds: bool = False) -> str:
    """A date and time in this computer's time zone; "" for None. A naive ``moment`` is taken
    as local time already (Python's rule)."""
    if moment is None:
        return ""
    locale = QLocale()
    return locale.toString(_qt_local(moment), datetime_pattern(seconds=seconds, locale=locale))


def clock_time(moment: datetime, *, seconds: bool = False) -> str:
    """The time of day only, in this computer's time zone."""
    locale = QLocale()
    return locale.toString(_qt_local(moment), time_pattern(seconds=seconds, locale=locale))


def data_size(size: float) -> str:
    """A size in bytes, in 1024 steps with the usual unit names (bytes, kB, MB, GB)."""
    return QLocale().formattedDataSize(int(size), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def aware_time(value: object) -> datetime | None:
    """``value`` as a time-zone-aware datetime: an aware datetime itself, or a string in ISO 8601
    with a time and a time zone (as the service and core errors send them); else None."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else None
    if not isinstance(value, str) or len(value) < 16 or value[10:11] not in ("T", "t", " "):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def as_local_time(value: object, *, seconds: bool = True) -> str | None:
    """:func:`local_time` of an aware datetime or ISO 8601 string (see :func:`aware_time`); None
    for anything else."""
    moment = aware_time(value)
    return None if moment is None else local_time(moment, seconds=seconds)
