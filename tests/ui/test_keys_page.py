"""The Keys page (密钥管理) against a real service over HTTP, two devices: A (the legal
representative) and B (a licence manager of the same enterprise), each with its own EBID_HOME.
A applies for a key and backs it up to B through the page; B's page shows the incoming backup
and verifies it (备份验证); A's page then shows the backup as verified. Password prompts and
the holder choice are answered through seams."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.client import ServiceClient
from app.core.client.wallet import acting_as, download_licence
from app.core.licence.demo import DEMO_ENTERPRISES
from app.core.pki import Certificate, parse_licence
from app.ui import seams
from app.ui.keys import view as kv
from app.ui.keys.page import KeysPage

from . import bid_service
from .bid_service import PASSWORD, make_context

service = bid_service.service  # the module's service (fixture)

DEMO = DEMO_ENTERPRISES[0]
ENTERPRISE = DEMO.enterprise
REP = ENTERPRISE.legal_representative
MANAGER = DEMO.others[0]


def device(qtbot, service, monkeypatch, tmp_path, name: str, person=None):
    """A context with its own data folder; ``person`` downloads a licence of the DEMO enterprise."""
    monkeypatch.setenv("EBID_HOME", str(tmp_path / name))
    context = make_context(qtbot, service, monkeypatch, licence=person is REP)
    if person is not None and person is not REP:
        running, clock = service
        unlocked = context.keystore.unlock(PASSWORD.encode())
        download_licence(ServiceClient(running.url, clock=clock), context.keystore, unlocked,
                         place=ENTERPRISE.registration_place, credit_code=ENTERPRISE.credit_code,
                         name=person.name, id_number=person.id_number, phone=person.mobile)
        unlocked.lock()
    return context


def add_manager(context, person) -> None:
    store = context.keystore
    unlocked = store.unlock(PASSWORD.encode())
    with acting_as(context.client, store, unlocked, store.list_licences()[0].id, purpose="test") as holder:
        if person.name not in [m.name for m in holder.managers()]:  # the module's service keeps them
            holder.add_manager(person.name, person.id_number, person.mobile)


def open_page(qtbot, context) -> KeysPage:
    page = KeysPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def settle(qtbot, condition, timeout=30000) -> None:
    """Wait for ``condition``; a warning or bug report shown on the way fails at once."""
    def done() -> bool:
        problems = [s for s in seams.shown if s.kind in ("warn", "bug")]
        assert not problems, problems
        return condition()

    qtbot.waitUntil(done, timeout=timeout)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def select(tree, column: int, value) -> None:
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item.data(column, Qt.ItemDataRole.UserRole) == value or item.text(column) == value:
            tree.setCurrentItem(item)
            return
    raise AssertionError(f"{value!r} not in {tree.accessibleName()}")


def own_keys(page: KeysPage) -> list[kv.KeyRow]:
    return [r for r in page.view.keys if r.kind == kv.OWN]


def test_the_page_lists_this_devices_key_and_says_whom_to_ask_for_a_backup(app, qtbot, service, monkeypatch,
                                                                              tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    try:
        page = open_page(qtbot, a)
        assert page.view.keys == () and page.mine.topLevelItemCount() == 0
        assert not page.backup_button.isEnabled()

        seams.answer_next(PASSWORD)
        click(qtbot, page.apply_button)
        settle(qtbot, lambda: page.view.online and len(own_keys(page)) == 1)
        (key,) = own_keys(page)
        assert key.registry_id.startswith("K-") and key.holders == ()
        item = page.mine.topLevelItem(0)
        assert item.text(0) == key.registry_id
        assert item.text(3) == kv.fingerprint(key.key_id)

        # Another page (or the next start) lists it from the keystore alone, without the password.
        again = open_page(qtbot, a)
        assert [r.registry_id for r in own_keys(again)] == [key.registry_id]
        assert again.mine.topLevelItem(0).text(0) == key.registry_id

        # Nobody else of the enterprise has a key: the page says whom to ask and what they must do.
        select(page.mine, 0, key.registry_id)
        shown = len(seams.shown)
        seams.answer_next(PASSWORD)
        click(qtbot, page.backup_button)
        settle(qtbot, lambda: any(s.kind == "info" for s in seams.shown[shown:]))
        (said,) = [s for s in seams.shown[shown:] if s.kind == "info"]
        assert "申请密钥" in said.text or "Apply for a key" in said.text
        assert not a.keystore.backups.sent_backups()
    finally:
        a.close()


def test_a_backs_up_to_b_b_verifies_and_a_withdraws_it_through_the_page(app, qtbot, service, monkeypatch, tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    add_manager(a, MANAGER)
    b = device(qtbot, service, monkeypatch, tmp_path, "b", MANAGER)
    try:
        page_a, page_b = open_page(qtbot, a), open_page(qtbot, b)
        seams.answer_next(PASSWORD)
        click(qtbot, page_b.apply_button)
        settle(qtbot, lambda: page_b.view.online and len(own_keys(page_b)) == 1)
        key_b = own_keys(page_b)[0].registry_id
        seams.answer_next(PASSWORD)
        click(qtbot, page_a.apply_button)
        settle(qtbot, lambda: page_a.view.online and len(own_keys(page_a)) == 1)
        key_a = own_keys(page_a)[0].registry_id

        # A: 备份 — one password for the candidates and the sending; B's key record is chosen.
        select(page_a.mine, 0, key_a)
        shown = len(seams.shown)
        seams.answer_next(PASSWORD, key_b, 0)
        click(qtbot, page_a.backup_button)
        settle(qtbot, lambda: any(s.kind == "info" for s in seams.shown[shown:]))
        choice = next(s for s in seams.shown[shown:] if s.kind == "choice")
        assert key_a in choice.text
        (mine,) = own_keys(page_a)
        assert [(h.record_id, h.state, h.name) for h in mine.holders] == [(key_b, "sent", MANAGER.name)]
        assert MANAGER.name in page_a.mine.topLevelItem(0).text(4)

        # B: the incoming backup waits in 我备份的密钥; 备份验证 keeps it and tells A.
        seams.answer_next(PASSWORD)
        click(qtbot, page_b.refresh_button)
        settle(qtbot, lambda: page_b.view.online and len(page_b.view.incoming) == 1)
        (incoming,) = page_b.view.incoming
        assert (incoming.kind, incoming.sender, incoming.subject) == ("backup", REP.name, key_a)
        assert page_b.incoming.topLevelItemCount() == 1
        assert not page_b.verify_button.isEnabled()
        select(page_b.incoming, 0, incoming.message_id)
        assert not page_b.confirm_button.isEnabled()
        seams.answer_next(PASSWORD)
        click(qtbot, page_b.verify_button)
        settle(qtbot, lambda: page_b.held.topLevelItemCount() == 1 and not page_b.view.incoming)
        held = page_b.held.topLevelItem(0)
        assert held.text(0) == key_a and REP.name in held.text(1)
        assert [h.registry_id for h in b.keystore.backups.held_keys()] == [key_a]
        assert [(r.registry_id, r.kind) for r in page_b.view.keys if r.kind != kv.ELSEWHERE] == [
            (key_b, kv.OWN), (key_a, kv.HELD)]
        select(page_b.mine, 0, key_a)  # 我的密钥 lists it too, as `ebid key list` does; it is not B's to back up
        assert REP.name in page_b.mine.currentItem().text(1) and not page_b.backup_button.isEnabled()

        # A: the acknowledgement is taken and the service's state says verified.
        seams.answer_next(PASSWORD)
        click(qtbot, page_a.refresh_button)
        settle(qtbot, lambda: [h.state for h in own_keys(page_a)[0].holders] == ["verified"])
        assert [b.state for b in a.keystore.backups.sent_backups()] == ["verified"]
        assert [(x.kind, x.sender, x.subject, x.problem) for x in page_a.view.answers] == [
            ("ack", MANAGER.name, key_a, None)]
        assert MANAGER.name in page_a.news.text() and page_a.news.isVisible()
        text = page_a.mine.topLevelItem(0).text(4)
        assert MANAGER.name in text and ("verified" in text or "已验证" in text)

        # A withdraws it (B changes role): at once it no longer counts; B's device deletes its copy.
        select(page_a.mine, 0, key_a)
        assert page_a.withdraw_button.isEnabled()
        shown = len(seams.shown)
        seams.answer_next(key_b, True, PASSWORD)
        click(qtbot, page_a.withdraw_button)
        settle(qtbot, lambda: any(s.kind == "info" for s in seams.shown[shown:]))
        (asked,) = [s for s in seams.shown[shown:] if s.kind == "confirm"]
        assert MANAGER.name in asked.text
        assert [h.state for h in own_keys(page_a)[0].holders] == ["withdrawn"]
        assert a.keystore.backups.sent_backups()[-1].state == "withdrawn"
        check(qtbot, page_b, lambda: page_b.held.topLevelItemCount() == 0)
        assert b.keystore.backups.held_keys() == []
    finally:
        a.close()
        b.close()


def apply_key(qtbot, page: KeysPage) -> str:
    before = {r.registry_id for r in own_keys(page)}
    seams.answer_next(PASSWORD)
    click(qtbot, page.apply_button)
    settle(qtbot, lambda: page.view.online and len(own_keys(page)) == len(before) + 1)
    return next(r.registry_id for r in own_keys(page) if r.registry_id not in before)


def check(qtbot, page: KeysPage, condition) -> None:
    """Check with the service (password), then wait for ``condition``."""
    seams.answer_next(PASSWORD)
    click(qtbot, page.refresh_button)
    settle(qtbot, lambda: page.view.online and condition())


def row(page: KeysPage, registry_id: str, kind: str) -> kv.KeyRow:
    return next(r for r in page.view.keys if r.registry_id == registry_id and r.kind == kind)


def test_a_new_device_asks_the_backup_holder_who_confirms_one_request_and_refuses_another(
        app, qtbot, service, monkeypatch, tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    add_manager(a, MANAGER)
    b = device(qtbot, service, monkeypatch, tmp_path, "b", MANAGER)
    a2 = device(qtbot, service, monkeypatch, tmp_path, "a2", REP)
    a3 = device(qtbot, service, monkeypatch, tmp_path, "a3", REP)
    try:
        page_a, page_b, page_a2, page_a3 = (open_page(qtbot, c) for c in (a, b, a2, a3))
        key_b, key_a = apply_key(qtbot, page_b), apply_key(qtbot, page_a)
        select(page_a.mine, 0, key_a)
        seams.answer_next(PASSWORD, key_b, 0)
        click(qtbot, page_a.backup_button)
        settle(qtbot, lambda: bool(row(page_a, key_a, kv.OWN).holders))
        check(qtbot, page_b, lambda: len(page_b.view.incoming) == 1)
        select(page_b.incoming, 0, page_b.view.incoming[0].message_id)
        seams.answer_next(PASSWORD)
        click(qtbot, page_b.verify_button)
        settle(qtbot, lambda: page_b.held.topLevelItemCount() == 1)

        # Two new devices of A's owner: each applies for its key and sees the old one "on another
        # device" with its verified holder; each asks B (申请恢复).
        new_keys = {}
        for page in (page_a2, page_a3):
            new_keys[page] = apply_key(qtbot, page)
            old = row(page, key_a, kv.ELSEWHERE)
            assert [(h.name, h.state) for h in old.verified_holders()] == [(MANAGER.name, "verified")]
            select(page.mine, 0, key_a)
            shown = len(seams.shown)
            seams.answer_next(PASSWORD)
            click(qtbot, page.recover_button)
            settle(qtbot, lambda page=page: row(page, key_a, kv.ELSEWHERE).requested is not None)
            assert any(s.kind == "info" and MANAGER.name in s.text for s in seams.shown[shown:])
            assert not page.recover_button.isEnabled()

        # A3's new key (a change elsewhere) left A2's page with what the service said before.
        assert row(page_a2, key_a, kv.ELSEWHERE).requested is not None and not page_a2.view.online

        # B sees both requests with the requester, masked ID number, new device and time.
        check(qtbot, page_b, lambda: len(page_b.view.incoming) == 2)
        fingerprints = {kv.fingerprint(next(r.key_id for r in own_keys(p) if r.registry_id == k)): p
                        for p, k in new_keys.items()}
        requests = {fingerprints[m.new_device]: m for m in page_b.view.incoming}
        masked = parse_licence(Certificate.load(a2.keystore.list_licences()[0].certificate)).terms.masked_id_number
        for message in requests.values():
            assert (message.kind, message.sender, message.subject, message.problem) == ("request", REP.name, key_a,
                                                                                        None)
            assert message.masked_id == masked and message.created is not None
        assert REP.id_number not in masked

        # B refuses A3's request and confirms A2's.
        select(page_b.incoming, 0, requests[page_a3].message_id)
        assert page_b.confirm_button.isEnabled() and not page_b.verify_button.isEnabled()
        seams.answer_next(True, PASSWORD)
        click(qtbot, page_b.refuse_button)
        settle(qtbot, lambda: [m.message_id for m in page_b.view.incoming] == [requests[page_a2].message_id])
        question = [s for s in seams.shown if s.kind == "confirm"][-1]
        assert REP.name in question.text and requests[page_a3].new_device in question.text
        select(page_b.incoming, 0, requests[page_a2].message_id)
        seams.answer_next(True, PASSWORD)
        click(qtbot, page_b.confirm_button)
        settle(qtbot, lambda: not page_b.view.incoming)

        # A2 takes the grant in: the old key is on this device again, recovered.
        check(qtbot, page_a2, lambda: any(r.registry_id == key_a and r.kind == kv.RECOVERED
                                          for r in page_a2.view.keys))
        assert [k.origin for k in a2.keystore.list_encryption_keys() if k.registry_id == key_a] == ["recovered"]
        assert [(x.kind, x.sender, x.problem) for x in page_a2.view.answers] == [("grant", MANAGER.name, None)]
        assert key_a in page_a2.news.text()
        check(qtbot, page_a3, lambda: True)
        assert not any(r.kind == kv.RECOVERED for r in page_a3.view.keys)
    finally:
        for context in (a, b, a2, a3):
            context.close()


def test_the_owners_other_device_vetoes_a_recovery_inside_the_waiting_period(app, qtbot, service, monkeypatch,
                                                                             tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    add_manager(a, MANAGER)
    b = device(qtbot, service, monkeypatch, tmp_path, "b", MANAGER)
    a2 = device(qtbot, service, monkeypatch, tmp_path, "a2", REP)
    try:
        page_a, page_b, page_a2 = (open_page(qtbot, c) for c in (a, b, a2))
        key_b, key_a = apply_key(qtbot, page_b), apply_key(qtbot, page_a)
        select(page_a.mine, 0, key_a)
        shown = len(seams.shown)
        seams.answer_next(PASSWORD, key_b, 2)  # a recovery takes effect 2 hours after it is confirmed
        click(qtbot, page_a.backup_button)
        settle(qtbot, lambda: bool(row(page_a, key_a, kv.OWN).holders))
        assert any(s.kind == "number" for s in seams.shown[shown:])
        check(qtbot, page_b, lambda: len(page_b.view.incoming) == 1)
        select(page_b.incoming, 0, page_b.view.incoming[0].message_id)
        seams.answer_next(PASSWORD)
        click(qtbot, page_b.verify_button)
        settle(qtbot, lambda: page_b.held.topLevelItemCount() == 1)
        assert [h.wait_hours for h in b.keystore.backups.held_keys()] == [2]

        apply_key(qtbot, page_a2)
        select(page_a2.mine, 0, key_a)
        seams.answer_next(PASSWORD)
        click(qtbot, page_a2.recover_button)
        settle(qtbot, lambda: row(page_a2, key_a, kv.ELSEWHERE).requested is not None)
        check(qtbot, page_b, lambda: len(page_b.view.incoming) == 1)
        select(page_b.incoming, 0, page_b.view.incoming[0].message_id)
        seams.answer_next(True, PASSWORD)
        click(qtbot, page_b.confirm_button)
        settle(qtbot, lambda: not page_b.view.incoming)

        # A's old device, still alive, sees the pending recovery and vetoes it.
        check(qtbot, page_a, lambda: any(m.kind == "grant" for m in page_a.view.incoming))
        (grant,) = page_a.view.incoming
        assert (grant.sender, grant.subject) == (MANAGER.name, key_a)
        assert grant.takes_effect is not None and (grant.takes_effect - grant.created).total_seconds() >= 7000
        page_a.tabs.setCurrentIndex(1)
        select(page_a.incoming, 0, grant.message_id)
        assert page_a.veto_button.isEnabled() and not page_a.confirm_button.isEnabled()
        seams.answer_next(True, PASSWORD)
        click(qtbot, page_a.veto_button)
        settle(qtbot, lambda: not page_a.view.incoming)

        # The grant never reaches A2; B learns of the veto.
        check(qtbot, page_a2, lambda: True)
        assert not any(r.kind == kv.RECOVERED for r in page_a2.view.keys)
        assert not any(k.registry_id == key_a for k in a2.keystore.list_encryption_keys())
        check(qtbot, page_b, lambda: bool(page_b.view.answers))
        assert [(x.kind, x.sender, x.problem) for x in page_b.view.answers] == [("veto", REP.name, None)]
        assert [r.state for r in b.keystore.backups.recoveries()] == ["vetoed"]
    finally:
        for context in (a, b, a2):
            context.close()


def test_a_backup_travels_as_a_file_and_an_altered_one_is_refused(app, qtbot, service, monkeypatch, tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    add_manager(a, MANAGER)
    b = device(qtbot, service, monkeypatch, tmp_path, "b", MANAGER)
    try:
        page_a, page_b = open_page(qtbot, a), open_page(qtbot, b)
        key_b, key_a = apply_key(qtbot, page_b), apply_key(qtbot, page_a)
        package = tmp_path / "backup.ebkb"
        select(page_a.mine, 0, key_a)
        shown = len(seams.shown)
        seams.answer_next(PASSWORD, key_b, 0, str(package))
        click(qtbot, page_a.export_button)
        settle(qtbot, lambda: any(s.kind == "info" for s in seams.shown[shown:]))
        assert package.stat().st_size > 1000
        assert [(h.record_id, h.state) for h in row(page_a, key_a, kv.OWN).holders] == [(key_b, "sent")]

        altered = tmp_path / "altered.ebkb"
        raw = bytearray(package.read_bytes())
        raw[-100] ^= 0x01  # inside the sealed body
        altered.write_bytes(raw)
        shown = len(seams.shown)
        seams.answer_next([str(altered)], PASSWORD)
        click(qtbot, page_b.import_button)
        qtbot.waitUntil(lambda: any(s.kind == "warn" for s in seams.shown[shown:]), timeout=30000)
        assert not b.keystore.backups.held_keys()
        seams.shown.clear()

        seams.answer_next([str(package)], PASSWORD)
        click(qtbot, page_b.import_button)
        settle(qtbot, lambda: page_b.held.topLevelItemCount() == 1)
        assert [h.registry_id for h in b.keystore.backups.held_keys()] == [key_a]
        check(qtbot, page_a, lambda: [h.state for h in row(page_a, key_a, kv.OWN).holders] == ["verified"])
    finally:
        a.close()
        b.close()
