"""Having the audit log's head countersigned by the service, and checking the log against the
newest head the service holds (docs/protocols/audit-countersign.md).

Every call is a signed request of one licence holder (:class:`~.client.HolderClient`); the
answer is checked with the authority root the client trusts (pinned when the client has a pin)
before the keystore keeps it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from ..audit import CountersignedHead, Report
from ..keystore import Keystore, Unlocked
from ..wire.audit import AuditHead, AuditHeadIn
from .client import HolderClient, _body
from .errors import ServiceError


class AuditClient:
    def __init__(self, holder: HolderClient) -> None:
        self.holder = holder

    def countersign(self, store: str, seq: int, head: bytes, counter: int) -> CountersignedHead:
        body = _body(AuditHeadIn, store=store, seq=seq, head=head.hex(), counter=counter)
        answer = AuditHead.model_validate(self.holder.call("POST", "/audit/heads", body).json())
        signed = self._checked(answer)
        if (signed.store, signed.seq, signed.head, signed.counter) != (store, seq, head, counter):
            raise ServiceError(502, "audit_head_mismatch", "The service countersigned another audit head")
        return signed

    def newest(self, store: str) -> CountersignedHead | None:
        """The newest head the service countersigned for this keystore, or None."""
        try:
            answer = AuditHead.model_validate(self.holder.call("GET", f"/audit/heads/{store}").json())
        except ServiceError as exc:
            if exc.code == "unknown_audit_head":
                return None
            raise
        return self._checked(answer)

    def _checked(self, answer: AuditHead) -> CountersignedHead:
        try:
            head = bytes.fromhex(answer.head)
        except ValueError:
            head = b""
        signed = CountersignedHead(answer.store, answer.seq, head, answer.counter, answer.at,
                                   answer.signature)
        signed.verify(self.holder.service.root_certificate().public_key())
        return signed


def countersign_log(store: Keystore, unlocked: Unlocked, holder: HolderClient) -> CountersignedHead:
    """Send the verified, anchored head; keep the service's countersignature in the keystore.

    Refused by the service (``audit_log_cut_back``, ``audit_head_differs``) when it countersigned
    a newer or another head of this keystore before: the file was cut back or restored."""
    anchor = store.audit_head(unlocked)
    signed = AuditClient(holder).countersign(store.store_id(), anchor.seq, anchor.head, anchor.counter)
    store.record_countersigned(unlocked, signed)
    return signed


#: How often a device that is in use has its head countersigned: what a restore of an older copy of
#: the file can lose unseen is at most what was written in this long.
COUNTERSIGN_EVERY = timedelta(hours=6)


def countersign_if_due(store: Keystore, unlocked: Unlocked, holder: HolderClient, now: datetime, *,
                       every: timedelta = COUNTERSIGN_EVERY) -> CountersignedHead | None:
    """:func:`countersign_log` when nothing was countersigned yet, or the newest countersigned
    head is older than ``every`` and entries were written since; else None."""
    heads = store.countersigned_heads()
    newest = max(heads, key=lambda h: h.seq) if heads else None
    if newest is not None and (now - newest.at < every or not store.audit_entries(since=newest.seq, limit=1)):
        return None
    return countersign_log(store, unlocked, holder)


def verify_with_service(store: Keystore, unlocked: Unlocked, holder: HolderClient) -> Report:
    """The keystore's own verification, then the newest head the service countersigned: a whole
    file restored from an older copy (its own countersigned heads rolled back with it) is caught
    here and only here."""
    report = store.verify_audit(unlocked)
    if not report.ok:
        return report
    newest = AuditClient(holder).newest(store.store_id())
    if newest is None:
        return replace(report, reason=report.reason or "the service has countersigned no head of this log yet")
    entries = store.audit_entries(since=newest.seq - 1, limit=1)
    if not entries:
        reason = f"log cut back after countersigned head {newest.seq} (the service's newest)"
        return Report(False, report.count, report.count + 1, reason, anchor_checked=True)
    if entries[0].hash != newest.head:
        kept = [h.seq for h in store.countersigned_heads() if h.seq < newest.seq]
        first = (max(kept) + 1) if kept else 1
        where = f"entry {first}" if first == newest.seq else f"an entry from {first} to {newest.seq}"
        reason = f"{where} was altered (the log differs from countersigned head {newest.seq}, the service's newest)"
        return Report(False, report.count, first, reason, anchor_checked=True)
    return report
