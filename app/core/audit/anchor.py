"""The anchored head of the audit log: the last entry's seq and hash under a MAC.

The chain alone catches edits, deletions, reordering and insertions that are not recomputed;
someone who rewrites the file can recompute an unkeyed chain, and can cut its tail. So every
append made with an unlocked keystore also stores an *anchor* — the head's seq and hash under
HMAC-SM3 with a key derived from the master key. Verifying with that key then also catches a
rewritten chain and a cut tail, up to the last anchored entry. Entries appended while locked
(failed unlocks) are chained but not anchored until the next unlocked append.

Where the anchor is stored is the keystore's business; this module sees only bytes and a key.
"""

from __future__ import annotations

import struct

from ..gm import hmac_sm3, hmac_sm3_verify
from .chain import Entry, Report

_ANCHOR = struct.Struct(">Q32s32s")  # seq, head hash, MAC


def _message(seq: int, head: bytes) -> bytes:
    return b"EBidDesk audit anchor v1\0" + struct.pack(">Q", seq) + head


def make_anchor(key: bytes, head: Entry) -> bytes:
    return _ANCHOR.pack(head.seq, head.hash, hmac_sm3(key, _message(head.seq, head.hash)))


def check_anchor(key: bytes, anchor: bytes | None, entries: list[Entry], chained: Report) -> Report:
    """Check a chain that verified (``chained``) against its anchor, if the log has one yet."""
    count = chained.count
    if anchor is None:
        # Only a store upgraded from revision 0001 and never unlocked since lacks one.
        return Report(True, count, reason="no anchor yet: the tail is not protected")
    if len(anchor) != _ANCHOR.size:
        return Report(False, count, 1, "the audit anchor is damaged", anchor_checked=True)
    seq, head, mac = _ANCHOR.unpack(anchor)
    if not hmac_sm3_verify(key, _message(seq, head), mac):
        reason = "the audit anchor was forged or replaced"
        return Report(False, count, 1, reason, anchor_checked=True)
    if seq > len(entries):
        reason = f"entries {len(entries) + 1} to {seq} were removed"
        return Report(False, count, len(entries) + 1, reason, anchor_checked=True)
    if entries[seq - 1].hash != head:
        reason = f"the log was rewritten up to entry {seq} (recomputed chain)"
        return Report(False, count, 1, reason, anchor_checked=True)
    return Report(True, count, anchor_checked=True)
