"""The hash chain of the audit log: canonical encoding, entry hash, and chain verification.

    hash(n) = SM3( "EBidDesk audit v1\\0" || lp(time) || lp(event) || lp(details) || prev_hash )
    prev_hash(1) = 32 zero bytes; prev_hash(n) = hash(n - 1)

``lp(x)`` is a 4-byte big-endian length then the UTF-8 bytes; ``time`` is ISO 8601 UTC with
microseconds and a ``Z``; ``details`` is canonical JSON (sorted keys, no spaces, UTF-8). The length
prefixes make the encoding unambiguous, so no two different entries hash the same input.

The sequence number is deliberately *not* hashed: an entry's place is fixed by the link to its
predecessor, and the numbers are checked to run 1, 2, 3, … So when entries are removed, moved or
inserted and the rest renumbered, the first broken link points at the exact place.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Mapping

from ..errors import InvalidInput
from ..gm import sm3

GENESIS = bytes(32)
_DOMAIN = b"EBidDesk audit v1\0"
#: Detail keys that must never be logged: the log is readable without the password.
_FORBIDDEN = ("password", "private", "secret", "scalar", "master")


@dataclass(frozen=True)
class Entry:
    seq: int
    at: datetime
    event: str
    details: str  # canonical JSON
    prev_hash: bytes
    hash: bytes

    def details_dict(self) -> dict:
        return json.loads(self.details)


@dataclass(frozen=True)
class Report:
    """Outcome of :func:`verify_chain` (and of the anchored check in :mod:`.anchor`)."""

    ok: bool
    count: int
    first_bad_seq: int | None = None
    reason: str = ""
    anchor_checked: bool = False


def canonical_details(details: Mapping[str, object]) -> str:
    for key in details:
        if any(word in key.lower() for word in _FORBIDDEN):
            raise InvalidInput("Audit details must not contain secrets (key {key})", key=key)
    try:
        return json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InvalidInput("Audit details must be plain JSON values: {detail}", detail=str(exc)) from None


def format_time(at: datetime) -> str:
    if at.tzinfo is None:
        raise InvalidInput("Audit times must carry a time zone (use UTC)")
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _lp(text: str) -> bytes:
    raw = text.encode("utf-8")
    return struct.pack(">I", len(raw)) + raw


def entry_hash(at: datetime, event: str, details: str, prev_hash: bytes) -> bytes:
    body = _DOMAIN + _lp(format_time(at)) + _lp(event) + _lp(details) + prev_hash
    return sm3(body)


def next_entry(
    previous: Entry | None, *, at: datetime, event: str, details: Mapping[str, object]
) -> Entry:
    """The entry that follows ``previous`` (``None``: the first of the log)."""
    text = canonical_details(details)
    seq, prev = (previous.seq + 1, previous.hash) if previous else (1, GENESIS)
    return Entry(seq, at, event, text, prev, entry_hash(at, event, text, prev))


def verify_chain(entries: Iterable[Entry]) -> Report:
    """Check numbering, hashes and links in order; report the first bad entry.

    - edited: its hash does not match its content;
    - removed (later ones renumbered) or moved: the entry now at that place does not link to the
      one before it;
    - inserted: consistent with itself, but the entry after it links to the one *before* it, so
      the inserted entry's own number is reported.
    """
    hashes: list[bytes] = []
    for expected, entry in enumerate(entries, 1):
        if entry.seq != expected:
            return Report(False, expected - 1, expected, f"entry {expected} is missing")
        if entry_hash(entry.at, entry.event, entry.details, entry.prev_hash) != entry.hash:
            return Report(False, expected - 1, expected, f"entry {expected} was altered (its hash does not match)")
        previous = hashes[-1] if hashes else GENESIS
        if entry.prev_hash != previous:
            if len(hashes) >= 2 and entry.prev_hash == hashes[-2]:
                return Report(False, expected - 1, expected - 1, f"entry {expected - 1} was inserted")
            return Report(
                False, expected - 1, expected,
                f"entry {expected} does not follow entry {expected - 1} (entries removed or moved here)",
            )
        hashes.append(entry.hash)
    return Report(True, len(hashes))
