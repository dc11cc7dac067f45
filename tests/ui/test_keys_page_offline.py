"""The Keys page with holders on two separate services (docs/protocols/key-backup.md §2.2, §2.3):
A (the legal representative) on S1 and B (a manager) on S2 exchange cards, each shown with the
root's fingerprint to compare; A backs up to B by file, B's page verifies it and writes the
acknowledgement to a file, and A's page shows the backup verified once she imports it. On a new
device A2 (S1 again) she asks B for the key by file; B's page confirms the request file and
writes the grant; A2's page takes it. Dialogs are answered through seams."""

from __future__ import annotations

import pytest

from app.core import gm
from app.core.client import ServiceClient
from app.server.embedded import serve_in_thread
from app.server.provision import init_service
from app.server.settings import Settings
from app.ui import seams
from app.ui.keys import view as kv

from . import bid_service
from .bid_service import PASSWORD
from .test_keys_page import (
    ENTERPRISE,
    MANAGER,
    REP,
    apply_key,
    check,
    click,
    device,
    open_page,
    row,
    select,
    settle,
)

service = bid_service.service  # S1 (fixture)


@pytest.fixture(scope="module")
def second(service, tmp_path_factory):
    """S2: another service, its own authority; B's legal representative names B a manager there.
    On S1's clock: two PCs whose clocks agree (a licence issued a moment ago on a PC whose clock
    runs ahead is not valid yet on the other)."""
    clock = service[1]
    running = serve_in_thread(init_service(Settings(home=tmp_path_factory.mktemp("service2"), clock=clock),
                                           demo=True))
    with ServiceClient(running.url, clock=clock) as client:
        key = gm.SM2PrivateKey.generate()
        licence = client.request_licence(key, place=ENTERPRISE.registration_place, credit_code=ENTERPRISE.credit_code,
                                         name=REP.name, id_number=REP.id_number, phone=REP.mobile)
        client.holder(licence.certificate, key).add_manager(MANAGER.name, MANAGER.id_number, MANAGER.mobile)
    yield running, clock
    running.stop()


on = device  # a context with its own data folder on the given service


def infos(since: int) -> list:
    return [s for s in seams.shown[since:] if s.kind == "info"]


def export_card(qtbot, page, key: str, path) -> str:
    """The card written; the fingerprint the page showed to read out."""
    select(page.mine, 0, key)
    shown = len(seams.shown)
    seams.answer_next(str(path), PASSWORD)
    click(qtbot, page.export_card_button)
    settle(qtbot, lambda: bool(infos(shown)))
    (said,) = infos(shown)
    card = kv.read_card(str(path))
    assert kv.grouped(card.root_fingerprint) in said.text
    return card.root_fingerprint


def import_card(qtbot, page, path, fingerprint: str) -> None:
    shown = len(seams.shown)
    seams.answer_next([str(path)], True, PASSWORD)
    click(qtbot, page.import_card_button)
    settle(qtbot, lambda: bool(infos(shown)))
    (asked,) = [s for s in seams.shown[shown:] if s.kind == "confirm"]
    assert kv.grouped(fingerprint) in asked.text  # what the user compares with the one read out


def import_file(qtbot, page, *answers) -> None:
    shown = len(seams.shown)
    seams.answer_next(*answers)
    click(qtbot, page.import_button)
    settle(qtbot, lambda: bool(infos(shown)))


def test_two_services_back_up_and_recover_through_the_page_by_file(app, qtbot, service, second, monkeypatch,
                                                                     tmp_path):
    a = on(qtbot, service, monkeypatch, tmp_path, "a", REP)
    b = on(qtbot, second, monkeypatch, tmp_path, "b", MANAGER)
    contexts = [a, b]
    try:
        page_a, page_b = open_page(qtbot, a), open_page(qtbot, b)
        key_b, key_a = apply_key(qtbot, page_b), apply_key(qtbot, page_a)
        fp_s1 = export_card(qtbot, page_a, key_a, tmp_path / "a.ebkc")
        fp_s2 = export_card(qtbot, page_b, key_b, tmp_path / "b.ebkc")
        assert fp_s1 != fp_s2

        # Not confirmed: nothing is kept.
        shown = len(seams.shown)
        seams.answer_next([str(tmp_path / "a.ebkc")], False)
        click(qtbot, page_b.import_card_button)
        assert not b.keystore.peers.cards() and not infos(shown)
        import_card(qtbot, page_b, tmp_path / "a.ebkc", fp_s1)
        import_card(qtbot, page_a, tmp_path / "b.ebkc", fp_s2)
        assert [c.record_id for c in b.keystore.peers.cards()] == [key_a]

        package, ack = tmp_path / "backup.ebkf", tmp_path / "ack.ebkf"
        select(page_a.mine, 0, key_a)
        shown = len(seams.shown)
        seams.answer_next(PASSWORD, key_b, 0, str(package))  # B is no candidate of S1: chosen from his card
        click(qtbot, page_a.export_button)
        settle(qtbot, lambda: bool(infos(shown)))
        import_file(qtbot, page_b, [str(package)], str(ack), PASSWORD)
        assert [h.registry_id for h in b.keystore.backups.held_keys()] == [key_a]
        assert ack.exists()
        import_file(qtbot, page_a, [str(ack)], PASSWORD)
        assert [(h.record_id, h.state) for h in row(page_a, key_a, kv.OWN).holders] == [(key_b, "verified")]

        # A new device on S1: the key on "another device", asked back from B by file.
        a2 = on(qtbot, service, monkeypatch, tmp_path, "a2", REP)
        contexts.append(a2)
        page_a2 = open_page(qtbot, a2)
        apply_key(qtbot, page_a2)
        import_card(qtbot, page_a2, tmp_path / "b.ebkc", fp_s2)
        check(qtbot, page_a2, lambda: any(r.registry_id == key_a and r.kind == kv.ELSEWHERE
                                          for r in page_a2.view.keys))
        select(page_a2.mine, 0, key_a)
        request, grant = tmp_path / "request.ebkf", tmp_path / "grant.ebkf"
        shown = len(seams.shown)
        seams.answer_next(key_b, str(request), PASSWORD)
        click(qtbot, page_a2.recover_file_button)
        settle(qtbot, lambda: bool(infos(shown)))
        shown = len(seams.shown)
        import_file(qtbot, page_b, [str(request)], True, str(grant), PASSWORD)
        (asked,) = [s for s in seams.shown[shown:] if s.kind == "confirm"]
        assert REP.name in asked.text and key_a in asked.text  # who asks, for which key
        import_file(qtbot, page_a2, [str(grant)], PASSWORD)
        assert any(r.registry_id == key_a and r.kind == kv.RECOVERED for r in page_a2.view.keys)
    finally:
        for context in contexts:
            context.close()
