"""The anchored head of the audit log: the last entry's seq and hash under a MAC, with a counter.

The chain alone catches edits, deletions, reordering and insertions that are not recomputed;
someone who rewrites the file can recompute an unkeyed chain, and can cut its tail. So every
append made with an unlocked keystore also stores an *anchor* — the head's seq and hash under
HMAC-SM3 with a key derived from the master key. Verifying with that key then also catches a
rewritten chain and a cut tail, up to the last anchored entry. Entries appended while locked
(failed unlocks) are chained but not anchored until the next unlocked append.

Anchor, version 2 (97 bytes)::

    0x02 | seq (u64 BE) | head hash (32) | counter (u64 BE) | since (u64 BE)
    | countersigned seq (u64 BE) | MAC
    MAC = HMAC-SM3(audit key, "EBidDesk audit anchor v2\\0" || store id (UTF-8) || all before)

``counter`` rises by one with every anchor written (it is what a countersigned head is bound
to: an anchor older than a countersigned head has a lower counter); ``since`` is the first entry
the log has been anchored from; ``countersigned seq`` the last head the service countersigned
(0: none yet). All three are under the MAC, so only the password holder can lower them; so is
the keystore's id, which names the log to the service (an edited id would let a restored copy
pass for a log never countersigned).
Version 1 (72 bytes: seq, head, MAC under "EBidDesk audit anchor v1\\0") is still read; the next
unlocked append replaces it with version 2.

Where the anchor is stored is the keystore's business; this module sees only bytes and a key.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from ..gm import hmac_sm3, hmac_sm3_verify
from .chain import Entry, Report

_V1 = struct.Struct(">Q32s32s")  # seq, head hash, MAC
_V2_BODY = struct.Struct(">BQ32sQQQ")  # version, seq, head, counter, since, countersigned seq
_V2_SIZE = _V2_BODY.size + 32
_DOMAIN_V1 = b"EBidDesk audit anchor v1\0"
_DOMAIN_V2 = b"EBidDesk audit anchor v2\0"


@dataclass(frozen=True)
class Anchor:
    """An anchor whose MAC verified (version 1 reads as counter 0, since 0: unknown)."""

    seq: int
    head: bytes
    counter: int = 0
    since: int = 0
    countersigned: int = 0
    version: int = 2


class BadAnchor(Exception):
    """The stored anchor is damaged or its MAC fails (the reason is the text)."""


def make_anchor(
    key: bytes, head: Entry, *, store: str, counter: int, since: int, countersigned: int = 0
) -> bytes:
    body = _V2_BODY.pack(2, head.seq, head.hash, counter, since, countersigned)
    return body + hmac_sm3(key, _DOMAIN_V2 + store.encode("utf-8") + body)


def read_anchor(key: bytes | None, anchor: bytes, *, store: str) -> Anchor:
    """The anchor's fields once its MAC verified under ``key``, else :class:`BadAnchor`.

    ``key`` None reads the fields without the MAC: only for the anchor a password change
    replaces, which was made under the master key the change just discarded."""
    if not isinstance(anchor, bytes | bytearray | memoryview):  # a cell edited into a number or text
        raise BadAnchor("the audit anchor is damaged")
    anchor = bytes(anchor)
    if len(anchor) == _V1.size:
        seq, head, mac = _V1.unpack(anchor)
        if key is not None and not hmac_sm3_verify(key, _DOMAIN_V1 + struct.pack(">Q", seq) + head, mac):
            raise BadAnchor("the audit anchor was forged or replaced")
        return Anchor(seq, head, version=1)
    if len(anchor) != _V2_SIZE or anchor[0] != 2:
        raise BadAnchor("the audit anchor is damaged")
    body, mac = anchor[:_V2_BODY.size], anchor[_V2_BODY.size:]
    if key is not None and not hmac_sm3_verify(key, _DOMAIN_V2 + store.encode("utf-8") + body, mac):
        raise BadAnchor("the audit anchor was forged or replaced")
    _, seq, head, counter, since, countersigned = _V2_BODY.unpack(body)
    return Anchor(seq, head, counter, since, countersigned)


def anchor_problem(anchor: Anchor, entries: list[Entry]) -> tuple[int, str] | None:
    """(first bad seq, reason) when the entries do not reach or do not match the anchor."""
    if anchor.seq > len(entries) or anchor.seq < 1:
        return len(entries) + 1, f"entries {len(entries) + 1} to {anchor.seq} were removed"
    if entries[anchor.seq - 1].hash != anchor.head:
        return 1, f"the log was rewritten up to entry {anchor.seq} (recomputed chain)"
    return None


def check_anchor(
    key: bytes, anchor: bytes | None, entries: list[Entry], chained: Report, *, store: str,
    required_from: int | None = None,
) -> Report:
    """Check a chain that verified (``chained``) against its anchor.

    ``required_from``: the first entry that only a password holder writes. Such an entry is
    always anchored when written, so from then on a missing anchor is tampering, not an old
    file that was never anchored."""
    count = chained.count
    if anchor is None:
        if required_from is not None:
            reason = (f"the audit anchor was removed (entry {required_from} was written with the "
                      "password, so the log was anchored)")
            return Report(False, count, required_from, reason, anchor_checked=True)
        # Only a store upgraded from revision 0001 and never unlocked since lacks one.
        return Report(True, count, reason="no anchor yet: the tail is not protected")
    try:
        found = read_anchor(key, anchor, store=store)
    except BadAnchor as exc:
        return Report(False, count, 1, str(exc), anchor_checked=True)
    problem = anchor_problem(found, entries)
    if problem is not None:
        return Report(False, count, problem[0], problem[1], anchor_checked=True)
    return Report(True, count, anchor_checked=True)
