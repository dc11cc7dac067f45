"""Column types shared by the keystore and the service databases."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in and out, stored naive in UTC (SQLite has no time zones, and
    storing UTC everywhere lets SQLite and PostgreSQL agree). A naive datetime is refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use timezone-aware UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)

    def result_processor(self, dialect, coltype):
        """The stored text parsed as the dialect does, but a cell someone edited into another type
        or an impossible time is the project's error, not a TypeError deep in SQLAlchemy."""
        inner = super().result_processor(dialect, coltype)
        if inner is None:
            return None

        def process(value):
            try:
                return inner(value)
            except (TypeError, ValueError, OverflowError):
                from .errors import InvalidInput

                raise InvalidInput("A time stored in the database is damaged ({value})",
                                   value=repr(value)[:40]) from None

        return process
