"""The bid-survival guard on the bid page (docs/protocols/key-backup.md §8), against a real
service with two devices: A (the legal representative) encrypts, B (a licence manager) holds
the backup. Without a verified backup nothing is encrypted unless A accepts the risk — asked each
time and recorded in the audit log; "back up" opens the Keys page on the key; once B has verified
a backup the page encrypts with no question; when B's licence is revoked the backup stops
counting and the question comes back, naming why."""

from __future__ import annotations

import os

from app.core.client.wallet import acting_as
from app.core.keybackup import flows
from app.core.keybackup import frame as fr
from app.core.keybackup.guard import RISK_ACCEPTED
from app.ui import seams
from app.ui.bids.model import State
from app.ui.bids.page import BidsPage
from app.ui.keys import guard as guard_question
from app.ui.main_window import MainWindow

from . import bid_service
from .bid_service import PASSWORD, PROJECT, drop_files
from .test_keys_page import MANAGER, REP, add_manager, device

service = bid_service.service  # the module's service (fixture)
WAIT = 60_000


def _page(qtbot, context, window=None) -> BidsPage:
    if window is None:
        page = BidsPage(context)
        qtbot.addWidget(page)
        page.resize(1000, 800)
        page.show()
    else:
        window.show_page("bids")
        page = window.current_page()
    qtbot.waitUntil(lambda: page.form.project() is not None, timeout=WAIT)
    page.form.project_box.setCurrentIndex(page.form.project_box.findData(PROJECT))
    return page


def _tender(tmp_path, name: str = "投标文件.pdf"):
    path = tmp_path / "tender" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(os.urandom(150_000))
    return path


def _questions() -> list[str]:
    return [s.text for s in seams.shown if s.kind == "unprotected"]


def _accepted(context) -> list[dict]:
    return [e.details_dict() for e in context.keystore.audit_entries() if e.event == RISK_ACCEPTED]


def _settled(page) -> bool:
    problems = [s for s in seams.shown if s.kind in ("warn", "bug")]
    assert not problems, problems
    return bool(page.model.rows) and not page.encryptor.busy() and all(
        r.state is not State.QUEUED for r in page.model.rows)


def _applied(context) -> str:
    """B applies for a key on its device (through core, as its Keys page does)."""
    from app.core.bidding import apply_for_key

    store = context.keystore
    unlocked = store.unlock(PASSWORD.encode())
    licence = store.list_licences()[0].id
    with acting_as(context.client, store, unlocked, licence, purpose="test: apply") as holder:
        return apply_for_key(holder, store, unlocked, licence, "B 的密钥").registry_id


def _back_up(a, b, key_a: str, key_b: str) -> None:
    """A backs her key up to B, B verifies (备份验证), A takes the acknowledgement: the steps of
    the Keys page, through core's flows."""
    def as_device(context):
        store = context.keystore
        unlocked = store.unlock(PASSWORD.encode())
        licence = store.list_licences()[0].id
        return unlocked, acting_as(context.client, store, unlocked, licence, purpose="test: key backup"), licence

    unlocked_a, acting_a, licence_a = as_device(a)
    with acting_a as holder_a:
        device_a = flows.Device(a.keystore, unlocked_a, holder_a, licence_a)
        package, _ = flows.send_backup(device_a, key_a, key_b)
        unlocked_b, acting_b, licence_b = as_device(b)
        with acting_b as holder_b:
            device_b = flows.Device(b.keystore, unlocked_b, holder_b, licence_b)
            flows.verify_backup(device_b, fr.parse(device_b.mailbox.message(package).frame))
        assert [e.status for e in flows.inbox(device_a)] == ["backup verified by its holder"]


def test_without_a_verified_backup_nothing_is_encrypted_and_accepting_is_asked_each_time(
        app, qtbot, service, monkeypatch, tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    try:
        page = _page(qtbot, a)
        source = _tender(tmp_path)
        seams.answer_next(True, PASSWORD, None)  # apply for a key, the password, then stop at the guard
        assert drop_files(page, [source])
        qtbot.waitUntil(lambda: len(_questions()) == 1 and not page.encryptor.busy(), timeout=WAIT)
        (key,) = a.keystore.list_encryption_keys()
        assert key.registry_id in _questions()[0] and "仅在此设备" in _questions()[0]
        assert [r.state for r in page.model.rows] == [State.QUEUED]
        assert not page.form.outdir.exists() or not any(page.form.outdir.iterdir())
        assert _accepted(a) == [] and page.buttons["encrypt"].isEnabled()  # they wait to be tried again

        seams.answer_next(PASSWORD, guard_question.ACCEPT)
        page.buttons["encrypt"].click()
        qtbot.waitUntil(lambda: _settled(page), timeout=WAIT)
        assert [r.state for r in page.model.rows] == [State.ENCRYPTED], [r.error for r in page.model.rows]
        assert len(_questions()) == 2  # asked again: an acceptance is for one encryption
        (entry,) = _accepted(a)
        assert entry["key"] == key.registry_id and entry["standing"] == "no_verified_backup"
        assert entry["files"] == [source.name] and entry["project"] == PROJECT and entry["via"] == "bid page"
        assert a.keystore.verify_audit().ok

        seams.answer_next(PASSWORD, guard_question.ACCEPT)
        assert drop_files(page, [_tender(tmp_path, "第二份.pdf")])
        qtbot.waitUntil(lambda: _settled(page) and len(_accepted(a)) == 2, timeout=WAIT)
        assert len(_questions()) == 3
    finally:
        a.close()


def test_back_up_now_opens_the_keys_page_on_that_key(app, qtbot, service, monkeypatch, tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    window = MainWindow(a)
    qtbot.addWidget(window)
    window.show()
    try:
        page = _page(qtbot, a, window)
        seams.answer_next(True, PASSWORD, guard_question.BACK_UP, None)  # … and no password for the backup yet
        assert drop_files(page, [_tender(tmp_path)])
        qtbot.waitUntil(lambda: window.current_page().page_id == "keys", timeout=WAIT)
        keys = window.current_page()
        (key,) = a.keystore.list_encryption_keys()
        assert keys.selected_key() is not None and keys.selected_key().registry_id == key.registry_id
        asked = [s.text for s in seams.shown if s.kind == "password"]
        assert len(asked) == 2 and ("备份" in asked[-1] or "back up" in asked[-1])  # the backup's own prompt
        assert [r.state for r in page.model.rows] == [State.QUEUED] and _accepted(a) == []
    finally:
        window.close()
        a.close()


def test_a_verified_backup_lets_the_bid_through_until_its_holder_s_licence_is_revoked(
        app, qtbot, service, monkeypatch, tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    add_manager(a, MANAGER)
    b = device(qtbot, service, monkeypatch, tmp_path, "b", MANAGER)
    try:
        key_b = _applied(b)
        page = _page(qtbot, a)
        seams.answer_next(True, PASSWORD, None)  # the key is applied for, then the guard stops
        assert drop_files(page, [_tender(tmp_path)])
        qtbot.waitUntil(lambda: len(_questions()) == 1 and not page.encryptor.busy(), timeout=WAIT)
        (key_a,) = [k.registry_id for k in a.keystore.list_encryption_keys()]

        _back_up(a, b, key_a, key_b)
        seams.answer_next(PASSWORD)  # no question this time
        page.buttons["encrypt"].click()
        qtbot.waitUntil(lambda: _settled(page), timeout=WAIT)
        assert [r.state for r in page.model.rows] == [State.ENCRYPTED], [r.error for r in page.model.rows]
        assert len(_questions()) == 1 and _accepted(a) == []

        store = a.keystore  # B leaves the enterprise: his licence is revoked, his backup no longer counts
        unlocked = store.unlock(PASSWORD.encode())
        with acting_as(a.client, store, unlocked, store.list_licences()[0].id, purpose="test") as holder:
            holder.remove_manager(next(m.person_id for m in holder.managers() if m.name == MANAGER.name))
        seams.answer_next(PASSWORD, None)
        assert drop_files(page, [_tender(tmp_path, "之后.pdf")])
        qtbot.waitUntil(lambda: len(_questions()) == 2 and not page.encryptor.busy(), timeout=WAIT)
        assert MANAGER.name in _questions()[1] and "不再有效" in _questions()[1]
        assert page.model.rows[-1].state is State.QUEUED
    finally:
        a.close()
        b.close()
