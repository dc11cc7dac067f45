"""Notices of key-backup messages in the main window, against a real service: while B's wallet is
unlocked, a backup sent to B is announced in the status bar and counted on the Keys entry; once
verified the count goes; and A's own device is told at once when a recovery of her key was
confirmed for another device (the notice she must act on to veto it). Nothing is read while the
wallet is locked."""

from __future__ import annotations

from contextlib import contextmanager

from app.core.bidding import apply_for_key
from app.core.client.wallet import acting_as
from app.core.keybackup import flows
from app.core.keybackup import frame as fr
from app.ui import seams, settings
from app.ui.main_window import MainWindow
from app.ui.unlocked import UnlockedOp

from . import bid_service
from .bid_service import PASSWORD
from .test_keys_page import MANAGER, REP, add_manager, device

service = bid_service.service  # the module's service (fixture)
WAIT = 30_000


@contextmanager
def as_device(context):
    store = context.keystore
    unlocked = store.unlock(PASSWORD.encode())
    licence = store.list_licences()[0].id
    with acting_as(context.client, store, unlocked, licence, purpose="test: key backup") as holder:
        yield flows.Device(store, unlocked, holder, licence)


def applied(context) -> str:
    with as_device(context) as d:
        return apply_for_key(d.holder, d.store, d.unlocked, d.licence_id, "密钥").registry_id


def window_for(qtbot, context) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def unlock(qtbot, window) -> None:
    """Any password-gated operation opens the session (the wallet stays unlocked for a while)."""
    done = []
    seams.answer_next(PASSWORD)
    UnlockedOp(window, window.context, asking="test", op=lambda a, p, c: True, success=done.append).run()
    qtbot.waitUntil(lambda: bool(done) and window.context.session.is_unlocked(), timeout=WAIT)


def keys_entry(window) -> str:
    (row,) = [i for i, spec in enumerate(window.specs) if spec.page_id == "keys"]
    return window.sidebar.item(row).text()


def test_waiting_messages_are_announced_while_unlocked_and_a_confirmed_recovery_at_once(
        app, qtbot, service, monkeypatch, tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    add_manager(a, MANAGER)
    b = device(qtbot, service, monkeypatch, tmp_path, "b", MANAGER)
    a2 = device(qtbot, service, monkeypatch, tmp_path, "a2", REP)
    settings.UNLOCK_MINUTES.set(15)
    try:
        key_b, key_a = applied(b), applied(a)
        with as_device(a) as da:
            package, _ = flows.send_backup(da, key_a, key_b, wait_hours=2)

        window_b = window_for(qtbot, b)
        qtbot.wait(300)
        assert window_b.key_notices.waiting == []  # locked: nothing read, nothing asked
        unlock(qtbot, window_b)
        qtbot.waitUntil(lambda: keys_entry(window_b).endswith("（1）"), timeout=WAIT)
        news = window_b.statusBar().currentMessage()
        assert REP.name in news and "备份" in news and "密钥" in news
        # The same check has the audit log's head countersigned (due: none yet), once.
        qtbot.waitUntil(lambda: len(b.keystore.countersigned_heads()) == 1, timeout=WAIT)
        with as_device(b) as db:
            flows.verify_backup(db, fr.parse(db.mailbox.message(package).frame))
            db.mailbox.delete(package)
        window_b.key_notices.check()
        qtbot.waitUntil(lambda: "（" not in keys_entry(window_b), timeout=WAIT)

        with as_device(a) as da:
            flows.inbox(da)  # A takes B's acknowledgement
        applied(a2)
        with as_device(a2) as d2:
            request = flows.request_recovery(d2, key_a, key_b)
        with as_device(b) as db:
            grant, takes_effect = flows.confirm_recovery(db, request)

        window_a = window_for(qtbot, a)
        unlock(qtbot, window_a)
        qtbot.waitUntil(lambda: any(w.kind == "grant" for w in window_a.key_notices.waiting), timeout=WAIT)
        (pending,) = window_a.key_notices.waiting
        assert (pending.message_id, pending.subject, pending.takes_effect) == (grant, key_a, takes_effect)
        news = window_a.statusBar().currentMessage()
        assert MANAGER.name in news and key_a in news and "否决" in news

        # The owner vetoes, then withdraws the backup: B's window says both (taken on the Keys page).
        with as_device(a) as da:
            flows.veto(da, grant)
        window_b.key_notices.check()
        qtbot.waitUntil(lambda: [w.kind for w in window_b.key_notices.waiting] == ["veto"], timeout=WAIT)
        news = window_b.statusBar().currentMessage()
        assert REP.name in news and "否决" in news
        with as_device(a) as da:
            flows.withdraw_backup(da, key_a, key_b)
        window_b.key_notices.check()
        # Sorted: the two were made in the same second, and the relay then lists them by id.
        qtbot.waitUntil(lambda: sorted(w.kind for w in window_b.key_notices.waiting) == ["veto", "withdrawal"],
                        timeout=WAIT)
        news = window_b.statusBar().currentMessage()
        assert REP.name in news and "撤回" in news and "否决" not in news  # only what is new is said
        assert len(b.keystore.countersigned_heads()) == 1  # not due again within six hours
    finally:
        for context in (a, b, a2):
            context.close()
