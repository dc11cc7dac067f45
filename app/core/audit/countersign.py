"""Heads of the audit log countersigned by the service: the one check a rolled-back file cannot pass.

One file cannot prove it is the newest copy of itself: a full copy taken earlier (log, anchor
and all) is as valid as the day it was taken. So now and then the keystore sends its anchored
head — (store id, seq, head hash, anchor counter) — in a signed request; the service refuses a
head older than the last one it countersigned for that store, and otherwise signs::

    "EBidDesk audit countersign v1\\0" || lp(store id) || seq (u64 BE) || head (32)
    || counter (u64 BE) || lp(time, YYYY-MM-DDTHH:MM:SSZ)

with the authority root's key (SM2 with SM3, the standard user ID). The keystore keeps every
countersigned head; verification compares the log with them (:func:`check_countersigned`), and
online with the newest the service holds. Protocol: docs/protocols/audit-countersign.md.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import EbidError, VerificationFailed
from ..gm import SM2PublicKey
from .anchor import Anchor
from .chain import Entry, Report

_DOMAIN = b"EBidDesk audit countersign v1\0"


def _lp(text: str) -> bytes:
    raw = text.encode("utf-8")
    return struct.pack(">I", len(raw)) + raw


def stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class CountersignedHead:
    store: str
    seq: int
    head: bytes
    counter: int
    at: datetime
    signature: bytes

    def message(self) -> bytes:
        return countersign_message(self.store, self.seq, self.head, self.counter, self.at)

    def verify(self, key: SM2PublicKey) -> None:
        """:class:`VerificationFailed` unless the service's key signed this head."""
        try:
            key.verify(self.signature, self.message())
        except EbidError:
            raise VerificationFailed(
                "The service's countersignature of audit head {seq} does not verify", seq=self.seq
            ) from None


def countersign_message(store: str, seq: int, head: bytes, counter: int, at: datetime) -> bytes:
    return _DOMAIN + _lp(store) + struct.pack(">Q", seq) + head + struct.pack(">Q", counter) + _lp(stamp(at))


def check_countersigned(
    entries: list[Entry], heads: list[CountersignedHead], anchor: Anchor | None, chained: Report
) -> Report:
    """The log (whose chain and anchor verified) against the heads the service countersigned."""
    count, matched = chained.count, 0
    for head in sorted(heads, key=lambda h: h.seq):
        if head.seq > len(entries):
            reason = f"log cut back after countersigned head {head.seq} (it now ends at entry {len(entries)})"
            return Report(False, count, len(entries) + 1, reason, anchor_checked=True)
        if entries[head.seq - 1].hash != head.head:
            first = matched + 1
            where = f"entry {first}" if first == head.seq else f"an entry from {first} to {head.seq}"
            reason = f"{where} was altered (the log differs from countersigned head {head.seq})"
            return Report(False, count, first, reason, anchor_checked=True)
        matched = head.seq
    if anchor is not None and heads:
        newest = max(heads, key=lambda h: h.counter)
        if anchor.version == 2 and anchor.counter < newest.counter:
            reason = (f"the audit anchor was replayed: it is older than countersigned head "
                      f"{newest.seq} (counter {anchor.counter} < {newest.counter})")
            return Report(False, count, anchor.seq + 1, reason, anchor_checked=True)
    if anchor is not None and anchor.countersigned and anchor.countersigned not in {h.seq for h in heads}:
        reason = f"the record of countersigned head {anchor.countersigned} was removed"
        return Report(False, count, anchor.countersigned, reason, anchor_checked=True)
    return Report(True, count, anchor_checked=chained.anchor_checked, reason=chained.reason)
