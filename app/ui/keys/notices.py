"""Notices of key-backup messages waiting for this device (docs/protocols/key-backup.md §4): a
backup to verify, a recovery request to answer, and — the one that cannot wait — a recovery of
one of this device's keys confirmed for another device, which this device may still veto.

The mailbox is read with signed requests, so it is checked only while the wallet is unlocked
(:mod:`app.ui.wallet_session`): when the session opens and every few minutes while it stays
open. Reading changes nothing (answers to this device are taken on the Keys page); each message
is announced once, in the status bar, and the Keys entry of the sidebar counts what waits.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from ..changes import Change, on_change
from ..operations import BackgroundOp

log = logging.getLogger(__name__)
CHECK_MS = 5 * 60_000


@dataclass(frozen=True)
class Waiting:
    message_id: str
    kind: str  # backup / request / veto / withdrawal (taken on the Keys page) / grant (pending: vetoable)
    sender: str
    subject: str
    takes_effect: datetime | None = None


def waiting_messages(store, unlocked, client) -> list[Waiting]:
    """Every message waiting for this device's registered keys, read as each key's licence."""
    from ...core.client.mailbox import MailboxClient
    from ...core.client.wallet import acting_as

    found: dict[str, Waiting] = {}
    keys = [k for k in store.list_encryption_keys() if k.registry_id and k.licence_id is not None]
    for licence in dict.fromkeys(k.licence_id for k in keys):
        with acting_as(client, store, unlocked, licence, purpose="check key-backup messages") as holder:
            mailbox = MailboxClient(holder)
            for key in (k for k in keys if k.licence_id == licence):
                for meta in mailbox.inbox(key.registry_id):
                    if meta.kind in ("backup", "request", "veto", "withdrawal") and meta.addressed:
                        found[meta.message_id] = Waiting(meta.message_id, meta.kind, meta.sender_name, meta.subject)
                    elif meta.kind == "grant" and not meta.addressed:
                        found[meta.message_id] = Waiting(meta.message_id, "grant", meta.sender_name, meta.subject,
                                                         meta.deliver_after)
    return list(found.values())


def countersign_due(store, unlocked, client):
    """The audit log's head countersigned by the service when due (docs/protocols/audit-countersign.md),
    as the first licence: (the head, or None when not due; the refusal's code when the service has
    countersigned a newer or another head of this log — a file restored or altered)."""
    from ...core.client import ServiceError
    from ...core.client.audit import countersign_if_due
    from ...core.client.wallet import acting_as

    licences = store.list_licences()
    if not licences or unlocked is None:
        return None, None
    with acting_as(client, store, unlocked, licences[0].id, purpose="countersign the audit log") as holder:
        try:
            return countersign_if_due(store, unlocked, holder, client.clock()), None
        except ServiceError as exc:
            if exc.code in ("audit_log_cut_back", "audit_head_differs"):
                return None, exc.code
            raise


class KeyNotices(QObject):
    news = Signal(str)  # a line for the status bar
    counted = Signal(int)  # messages waiting now

    def __init__(self, context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.waiting: list[Waiting] = []
        self.audit_refusal: str | None = None  # the service holds a newer or another head of the log
        self._again = False
        self._announced: set[str] = set()
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        context.session.changed.connect(self._session_changed)
        on_change(self, Change.KEYS, self.check)  # a backup verified, a request answered on the Keys page

    def _session_changed(self) -> None:
        if self.context.session.is_unlocked():
            self._timer.start()
            self.check()
        else:
            self._timer.stop()

    def check(self) -> None:
        """Read the mailbox now if the wallet is unlocked (else nothing: no password is asked)."""
        context = self.context
        if self._busy:  # asked again meanwhile (a key changed): once this check ends, check again
            self._again = True
            return
        if not context.connected or not context.keystore.is_initialised():
            return
        unlocked = context.session.borrow()
        if unlocked is None:
            return
        store, client = context.keystore, context.client
        for_audit = context.session.borrow()  # its own copy: acting as a licence locks the one it is given

        def op(progress, cancel):
            try:
                found = waiting_messages(store, unlocked, client)
                try:
                    _, self.audit_refusal = countersign_due(store, for_audit, client)
                except Exception as exc:  # noqa: BLE001 — the messages were read; the next check retries
                    log.info("audit head not countersigned: %s", exc)
                return found
            finally:
                unlocked.lock()
                if for_audit is not None:
                    for_audit.lock()

        self._busy = True
        BackgroundOp(self, op=op, success=self._found).failure(self._failed).run()

    def _check_again(self) -> None:
        if self._again:
            self._again = False
            self.check()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        QTimer.singleShot(0, self._check_again)
        log.info("key-backup messages not checked: %s", exc)  # the Keys page says it when asked

    def _found(self, waiting: list[Waiting]) -> None:
        self._busy = False
        QTimer.singleShot(0, self._check_again)
        self.waiting = waiting
        fresh = [w for w in waiting if w.message_id not in self._announced]
        self._announced.update(w.message_id for w in fresh)
        self.counted.emit(len(waiting))
        if self.audit_refusal is not None:  # before anything else: the keystore file may have been replaced
            self.news.emit(self.tr(
                "The service countersigned a newer or another state of this device's audit log than the one here: "
                "the keystore file may have been restored from an older copy or altered. Check it with `ebid "
                "audit verify --online`."))
        elif fresh:
            self.news.emit(self.text(fresh))

    def text(self, fresh: list[Waiting]) -> str:
        grants = [w for w in fresh if w.kind == "grant"]
        if grants:  # first: someone may be taking this device's key
            g = grants[0]
            return self.tr("{sender} confirmed a recovery of your key {key} for another device: veto it on the Keys "
                           "page if you did not ask for it").format(sender=g.sender, key=g.subject)
        backups = [w for w in fresh if w.kind == "backup"]
        requests = [w for w in fresh if w.kind == "request"]
        parts = []
        if backups:
            parts.append(self.tr("backups to verify: {n} (from {senders})").format(
                n=len(backups), senders="、".join(dict.fromkeys(w.sender for w in backups))))
        if requests:
            parts.append(self.tr("recovery requests to answer: {n} (from {senders})").format(
                n=len(requests), senders="、".join(dict.fromkeys(w.sender for w in requests))))
        vetoes = [w for w in fresh if w.kind == "veto"]
        if vetoes:
            parts.append(self.tr("recoveries vetoed by the key's owner: {n} (from {senders})").format(
                n=len(vetoes), senders="、".join(dict.fromkeys(w.sender for w in vetoes))))
        withdrawals = [w for w in fresh if w.kind == "withdrawal"]
        if withdrawals:
            parts.append(self.tr("backups withdrawn by their owners, to delete: {n} (from {senders})").format(
                n=len(withdrawals), senders="、".join(dict.fromkeys(w.sender for w in withdrawals))))
        return self.tr("Keys page: {what}").format(what="；".join(parts))
