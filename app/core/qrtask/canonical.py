"""The canonical JSON of task documents and responses (docs/protocols/qr-tasks.md §5.1)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def canonical(value: dict) -> bytes:
    """Sorted ASCII keys, no white space, UTF-8 as itself; strings, ints, objects, arrays only."""
    _check(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def parse_canonical(data: bytes) -> dict | None:
    """The object ``data`` holds, or None unless it is canonical JSON (callers refuse)."""
    try:
        value = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
        if not isinstance(value, dict) or canonical(value) != data:
            return None
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    return value


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)


def _no_duplicates(pairs: list) -> dict:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key")
    return dict(pairs)


def _check(value) -> None:
    if isinstance(value, bool) or value is None or isinstance(value, float):
        raise TypeError("only strings, integers, objects and arrays are canonical")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not key.isascii():
                raise TypeError("keys are ASCII strings")
            _check(item)
    elif isinstance(value, list):
        for item in value:
            _check(item)
    elif not isinstance(value, (str, int)):
        raise TypeError(f"not canonical: {type(value).__name__}")
