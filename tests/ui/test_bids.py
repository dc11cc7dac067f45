"""The bid files page against the real service: drop, apply for a key, encrypt and sign, cancel,
submit with a verified receipt, rehearse, fetch back after the opening and decrypt."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel

from app.core import bidx
from app.core.pki import Certificate
from app.ui import seams
from app.ui.bids import records as bid_records
from app.ui.bids.model import State
from app.ui.bids.page import BidsPage
from app.ui.keys import guard as guard_question

from . import bid_service
from .bid_service import PASSWORD, PROJECT, drop_files, make_context

service, clock, context = (
    bid_service.service,
    bid_service.clock,
    bid_service.context,
)  # shared fixtures

WAIT = 60000


@pytest.fixture
def page(context, qtbot):
    page = BidsPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    qtbot.waitUntil(lambda: page.form.project() is not None, timeout=WAIT)
    page.form.project_box.setCurrentIndex(page.form.project_box.findData(PROJECT))
    return page


def _files(tmp_path, *sizes):
    folder = tmp_path / "tender"
    folder.mkdir(exist_ok=True)
    paths = []
    for n, size in enumerate(sizes):
        path = folder / f"投标文件-{n}.pdf"
        path.write_bytes(os.urandom(size))
        paths.append(path)
    return paths


def _encrypted(page, qtbot, paths, *answers):
    """Drop ``paths`` and wait until they are encrypted. The key has no backup in these tests, so
    the bid-survival guard is answered by accepting the risk (its own tests: test_encryption_guard)."""
    seams.answer_next(*answers, guard_question.ACCEPT)
    assert drop_files(page, paths)
    qtbot.waitUntil(
        lambda: (
            page.model.rows
            and not page.encryptor.busy()
            and all(r.state is not State.QUEUED for r in page.model.rows)
        ),
        timeout=WAIT,
    )
    assert [r.state for r in page.model.rows] == [State.ENCRYPTED] * len(paths), [
        r.error for r in page.model.rows
    ]
    return page.model.rows


def _select(page, row: int) -> None:
    index = page.model.index(row, 0)
    page.table.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def _device_key(context, rows):
    store = context.keystore
    info = store.list_encryption_keys()[0]
    unlocked = store.unlock(PASSWORD.encode())
    return store.encryption_private_key(info.id, unlocked, purpose="test")


def test_dropping_two_files_applies_for_a_key_encrypts_signs_and_decrypts_back(
    page, context, qtbot, tmp_path
):
    sources = _files(tmp_path, 300_000, 2_500_000)
    rows = _encrypted(page, qtbot, sources, True, PASSWORD)  # "apply for a key?", then the password
    assert page.banner.isVisible() and page.banner.text()
    key = _device_key(context, rows)
    licence = Certificate.load(context.keystore.list_licences()[0].certificate)
    for source, row in zip(sources, rows):
        header = bidx.inspect_container(row.container)
        assert (header.project, header.section) == (PROJECT, page.form.section())
        signer = bidx.SignerIdentity(licence.public_key(), licence.der)
        assert bidx.verify_container(row.container, row.signature.read_bytes(), signer).bound  # names the licence
        out = tmp_path / f"back-{source.stem}"
        out.mkdir()
        result = bidx.decrypt_file(row.container, key, out)
        assert result.output.read_bytes() == source.read_bytes()
    registered = context.keystore.list_encryption_keys()
    assert len(registered) == 1 and page.form.device_key() is not None
    assert not page.form.apply_button.isVisible()
    assert page.overall.value() == 1000


def test_cancel_right_after_the_start_leaves_no_output(page, qtbot, tmp_path):
    big = tmp_path / "tender" / "大文件.zip"
    big.parent.mkdir()
    with open(big, "wb") as f:
        f.truncate(768 << 20)
    seams.answer_next(True, PASSWORD, guard_question.ACCEPT)
    assert drop_files(page, [big])
    row = page.model.rows[0]
    qtbot.waitUntil(lambda: row.state is State.ENCRYPTING, timeout=WAIT)
    assert page.buttons["cancel_all"].isEnabled()
    page.buttons["cancel_all"].click()
    qtbot.waitUntil(lambda: not page.encryptor.busy(), timeout=WAIT)
    assert row.state is State.CANCELLED and row.container is None
    assert list(page.form.outdir.iterdir()) == []
    assert page.buttons["encrypt"].isEnabled()  # may be tried again


def test_submit_shows_a_verified_receipt_then_fetch_after_the_opening(
    page, context, qtbot, tmp_path, clock
):
    (source,) = _files(tmp_path, 1_200_000)
    (row,) = _encrypted(page, qtbot, [source], True, PASSWORD)
    _select(page, 0)
    seams.answer_next(PASSWORD)
    page.buttons["submit"].click()
    qtbot.waitUntil(lambda: row.state is State.SUBMITTED, timeout=WAIT)
    receipt = row.receipt
    assert receipt.sm3 in page.receipt.text() and receipt.submission_id in page.receipt.text()
    record = bid_records.load()[receipt.submission_id]
    assert record.container == str(row.container) and record.key_ids
    assert page.submitted.receipts[0].submission_id == receipt.submission_id

    page.submitted.select(receipt.submission_id)
    before = len(seams.shown)
    page.submitted.fetch_button.click()  # before the opening: said at once, no folder or password asked
    assert [s.kind for s in seams.shown[before:]] == ["warn"]
    assert "开标" in seams.shown[-1].text and PROJECT in seams.shown[-1].text

    clock.advance(timedelta(days=8))
    page.actions.load_projects()
    chosen = tmp_path / "开标后"
    chosen.mkdir()
    seams.answer_next(str(chosen), PASSWORD)
    page.submitted.fetch_button.click()
    qtbot.waitUntil(lambda: page.actions.last_opened is not None, timeout=WAIT)
    assert page.actions.last_opened.read_bytes() == source.read_bytes()
    assert page.actions.last_opened.parent == chosen  # where the user chose, remembered for next time
    asked = [s for s in seams.shown if s.kind == "folder"][-1]
    assert asked.text.endswith("opened")  # the first time: the default beside the encrypted files
    page.actions.last_opened = None
    seams.answer_next(None)  # the folder dialog cancelled: nothing fetched, no password asked
    page.submitted.fetch_button.click()
    assert [s for s in seams.shown if s.kind == "folder"][-1].text == str(chosen)
    assert page.actions.last_opened is None


def test_rehearsal_passes_then_names_the_damaged_chunk(page, qtbot, tmp_path):
    (source,) = _files(tmp_path, 3_000_000)
    (row,) = _encrypted(page, qtbot, [source], True, PASSWORD)
    _select(page, 0)
    seams.answer_next(PASSWORD)
    page.buttons["rehearse"].click()
    qtbot.waitUntil(lambda: any(s.kind == "info" for s in seams.shown), timeout=WAIT)
    assert "Rehearsal passed" in row.note or "演练" in row.note
    data = bytearray(row.container.read_bytes())
    data[-100] ^= 1  # inside the last chunk
    row.container.write_bytes(bytes(data))
    seams.answer_next(PASSWORD)
    page.buttons["rehearse"].click()
    qtbot.waitUntil(lambda: any(s.kind == "warn" for s in seams.shown), timeout=WAIT)
    assert "2" in [s.text for s in seams.shown if s.kind == "warn"][-1]  # chunk 2 of 0..2


def test_wrong_password_shows_the_error_and_asks_again(page, qtbot, tmp_path):
    sources = _files(tmp_path, 10_000)
    _encrypted(page, qtbot, sources, True, "not the password", PASSWORD)
    asks = [s for s in seams.shown if s.kind == "password"]
    warnings = [s.text for s in seams.shown if s.kind == "warn"]
    assert len(asks) == 2 and len(warnings) == 1


def test_without_a_licence_the_page_says_so(app, qtbot, service, monkeypatch, tmp_path):
    context = make_context(qtbot, service, monkeypatch, licence=False)
    page = BidsPage(context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.form.project() is not None, timeout=WAIT)
    assert not page.form.apply_button.isVisible()
    assert page.form.licence_id() is None
    page.add_paths(_files(tmp_path, 1000))
    assert [s.kind for s in seams.shown] == ["warn"]
    assert page.model.rows[0].state is State.QUEUED
    context.close()


def test_a_remote_server_presenting_another_root_gets_no_key_and_no_bid(
    app, qtbot, service, monkeypatch, tmp_path
):
    """The pin is enforced where the client is made: applying for a key (the first step of an
    encryption) is refused before anything reaches the server."""
    from app.core.client import ServiceClient
    from app.core.client.client import ROOT_CHANGED
    from app.core.errors import VerificationFailed
    from app.ui import errors

    context = make_context(qtbot, service, monkeypatch, remote_pin="00" * 32)
    running, clock = service
    store = context.keystore
    unlocked = store.unlock(PASSWORD.encode())
    licence = store.list_licences()[0]
    unpinned = ServiceClient(running.url, clock=clock)
    holder = unpinned.holder(licence.certificate, store.private_key(licence.id, unlocked, purpose="test"))
    unlocked.lock()
    registered_before = len(holder.keys())
    page = BidsPage(context)
    qtbot.addWidget(page)
    page.show()
    expected = errors.user_message(VerificationFailed(ROOT_CHANGED))
    qtbot.waitUntil(lambda: expected in page.form.times.text(), timeout=WAIT)  # projects refused
    seams.answer_next(PASSWORD)
    page.form.apply_requested.emit()
    qtbot.waitUntil(lambda: any(expected in s.text for s in seams.shown if s.kind == "warn"),
                    timeout=WAIT)
    assert store.list_encryption_keys() == []
    assert len(holder.keys()) == registered_before
    unpinned.close()
    context.close()


def test_a_closed_project_is_marked_and_refused_before_the_password(page, qtbot, tmp_path, clock):
    project = page.form.project()
    clock.set(project.bid_deadline + timedelta(minutes=1))  # after the deadline, before the opening
    page.actions.load_projects()
    closed = page.form.phase_text(project)
    assert closed
    qtbot.waitUntil(lambda: closed in page.form.project_box.currentText(), timeout=WAIT)
    assert closed in page.form.times.text()
    seams.shown.clear()
    page.add_paths(_files(tmp_path, 1000))
    assert [s.kind for s in seams.shown] == ["warn"]  # said at once: no password asked
    assert project.code in seams.shown[0].text
    assert page.model.rows[0].state is State.QUEUED and not page.encryptor.busy()

    clock.set(project.opening_time)
    page.actions.load_projects()
    opened = page.form.phase_text(project)
    assert opened and opened != closed
    qtbot.waitUntil(lambda: opened in page.form.project_box.currentText(), timeout=WAIT)


def test_the_first_project_still_taking_bids_is_chosen(page):
    now = page.form.now()
    open_one = page.form.project()
    closed = open_one.model_copy(update={
        "code": "DEMO-CLOSED", "bid_deadline": now - timedelta(hours=1),
        "opening_time": now + timedelta(hours=1),
    })
    page.form.set_projects([closed, open_one])  # the platform lists by deadline: closed first
    assert page.form.project().code == open_one.code
    assert page.form.phase_text(closed) in page.form.project_box.itemText(0)
    assert page.form.project_box.itemText(1) == f"{open_one.name} ({open_one.code})"


def test_submitting_after_the_deadline_is_refused_before_the_password(page, qtbot, tmp_path, clock):
    (source,) = _files(tmp_path, 5000)
    (row,) = _encrypted(page, qtbot, [source], True, PASSWORD)
    clock.set(page.form.project().bid_deadline + timedelta(seconds=1))
    _select(page, 0)
    seams.shown.clear()
    page.buttons["submit"].click()
    assert [s.kind for s in seams.shown] == ["warn"]
    assert row.state is State.ENCRYPTED


def test_a_hostile_receipt_name_cannot_write_outside_the_opened_folder(page, qtbot, tmp_path, clock):
    """The receipt's file name is the uploader's (or a hostile platform's) choice."""
    (source,) = _files(tmp_path, 3000)
    (row,) = _encrypted(page, qtbot, [source], True, PASSWORD)
    _select(page, 0)
    seams.answer_next(PASSWORD)
    page.buttons["submit"].click()
    qtbot.waitUntil(lambda: row.state is State.SUBMITTED, timeout=WAIT)
    opened = page.form.outdir.parent / "opened"
    target = opened.parent.parent / "escaped.bidx"
    hostile = row.receipt.model_copy(update={"file_name": "../../escaped.bidx"})
    clock.advance(timedelta(days=8))
    page.actions.load_projects()
    opened.mkdir(parents=True, exist_ok=True)
    seams.answer_next(str(opened), PASSWORD)
    page.actions.fetch_and_decrypt(hostile)
    qtbot.waitUntil(lambda: page.actions.last_opened is not None, timeout=WAIT)
    assert not target.exists()
    assert (opened / "escaped.bidx").is_file()
    assert page.actions.last_opened.parent == opened
    assert page.actions.last_opened.read_bytes() == source.read_bytes()
