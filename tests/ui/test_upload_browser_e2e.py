"""Encrypt and upload by QR, end to end (issue: QR tasks): headless Chromium, logged in by the login
page's QR, picks a section on the upload page and shows its encryption QR; the Scan page reads it
from Chromium's screenshot; the task dialog (real widgets) shows project, section and deadline,
the holder chooses bid files on this device (count and sizes shown), confirms with the licence
password; the files are encrypted to the device key as the bid page does, uploaded bound to the
task, and the page changes by itself to 加密成功 with the receipts. A closed project is refused in
the dialog before any password."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from app.core import bidx, gm
from app.core.bidding import apply_for_key
from app.core.client.wallet import acting_as
from app.core.paths import data_dir
from app.ui import seams
from app.ui.keys import guard as guard_question
from tests.seal_service import chromium

from . import bid_service, task_scan
from .bid_service import PASSWORD, PROJECT
from .platform_browser import log_in, task_dialog

pytestmark = pytest.mark.slow
browser = chromium.browser  # the fixture

service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures
scan = task_scan.scan  # the fixture
WAIT = 60_000


def _device_key(context):
    store = context.keystore
    licence_id = store.list_licences()[0].id
    unlocked = store.unlock(PASSWORD.encode())
    with acting_as(context.client, store, unlocked, licence_id, purpose="test: apply for a key") as holder:
        return apply_for_key(holder, store, unlocked, licence_id, "投标专用密钥")


def _upload_qr(browser, context, running, tmp_path, section: str = "2"):
    log_in(browser, context, running.url, tmp_path)
    browser.goto(f"{running.url}/platform/projects/{PROJECT}/upload")
    browser.wait_for("!!document.getElementById('make-qr')")
    browser.js(f"document.getElementById('section').value = {section!r}")
    browser.submit("document.getElementById('make-qr').click()")
    browser.wait_for("!!document.getElementById('qr') && document.getElementById('qr').complete")
    screenshot = tmp_path / "upload-page.png"
    screenshot.write_bytes(browser.screenshot_png())
    return screenshot


def test_the_app_encrypts_and_uploads_the_chosen_files_for_the_qr_read_off_its_screenshot(
        service, clock, context, browser, scan, qtbot, tmp_path):
    running, _ = service
    key = _device_key(context)
    dialog = task_dialog(scan, qtbot, _upload_qr(browser, context, running, tmp_path))
    panel = dialog.upload_panel
    assert dialog.kind.text() == "加密" and panel.isVisible()
    assert PROJECT in panel.project.text() and panel.section.text() == "2"
    assert browser.wait_for("document.getElementById('status').dataset.state === 'scanned'")
    assert not dialog.confirm_button.isEnabled() and "投标文件" in dialog.problem.text()  # no files yet

    sources = []
    for n, size in enumerate((300_000, 1_500_000)):
        path = tmp_path / f"投标文件-{n}.pdf"
        path.write_bytes(os.urandom(size))
        sources.append(path)
    seams.answer_next([str(p) for p in sources])
    panel.choose_button.click()
    assert panel.chosen.text().splitlines()[0].startswith("2 个文件")
    assert "投标文件-1.pdf" in panel.chosen.text()
    assert dialog.confirm_button.isEnabled() and not dialog.problem.isVisible()

    # The key is on this device only: the bid-survival guard asks; accepting asks the password again.
    seams.answer_next(PASSWORD, guard_question.ACCEPT, PASSWORD)
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.state is not None or dialog.problem.text().startswith("被拒绝"),
                    timeout=WAIT)
    assert dialog.state is not None, dialog.problem.text()
    receipts = dialog.state.outcome["receipts"]
    assert dialog.outcome.text().startswith("加密成功") and len(receipts) == 2
    assert [s.kind for s in seams.shown if s.kind == "unprotected"] == ["unprotected"]
    (accepted,) = [e.details_dict() for e in context.keystore.audit_entries()
                   if e.event == "bid.unprotected_key_accepted"]
    assert accepted["via"] == "encrypt task" and accepted["files"] == [p.name for p in sources]

    assert browser.wait_for("document.getElementById('status').dataset.state === 'encrypted'")
    assert browser.js("document.getElementById('status').textContent") == "加密成功"
    shown = browser.js("Array.from(document.querySelectorAll('#receipts tr[data-submission]'))"
                       ".map(function (r) { return r.dataset.submission; })")
    assert shown == [r["submission_id"] for r in receipts]
    (tmp_path / "encrypted.png").write_bytes(browser.screenshot_png())

    private = context.keystore.encryption_private_key(
        key.id, context.keystore.unlock(PASSWORD.encode()), purpose="test: check")
    for source, receipt in zip(sources, receipts):  # what was uploaded opens to the original
        container = data_dir() / "bids" / "encrypted" / receipt["file_name"]
        assert gm.sm3(container.read_bytes()).hex() == receipt["sm3"]
        header = bidx.inspect_container(container)
        assert (header.project, header.section) == (PROJECT, "2")
        out = tmp_path / f"back-{source.stem}"
        out.mkdir()
        assert bidx.decrypt_file(container, private, out).output.read_bytes() == source.read_bytes()


def test_a_closed_project_is_refused_before_the_password(
        service, clock, context, browser, scan, qtbot, tmp_path):
    running, _ = service
    _device_key(context)
    project = next(p for p in context.client.projects() if p.code == PROJECT)
    clock.set(project.bid_deadline - timedelta(minutes=2))
    screenshot = _upload_qr(browser, context, running, tmp_path, section="1")
    clock.set(project.bid_deadline + timedelta(seconds=1))  # the deadline passes while the QR shows
    dialog = task_dialog(scan, qtbot, screenshot)
    source = tmp_path / "late.pdf"
    source.write_bytes(os.urandom(10_000))
    dialog.upload_panel.set_files([source])
    assert not dialog.confirm_button.isEnabled()
    assert "截止" in dialog.problem.text() and PROJECT in dialog.problem.text()
    dialog.confirm()  # even forced: no password asked (none is queued), nothing sent
    assert browser.wait_for("document.getElementById('status').dataset.state === 'scanned'")  # fetched only
    assert dialog.state is None and not dialog.busy()
    assert not (data_dir() / "bids" / "encrypted").exists() or not any(
        (data_dir() / "bids" / "encrypted").iterdir())


def test_a_cancel_while_encrypting_leaves_no_container_and_no_upload(service, context, tmp_path):
    """core's confirm_encrypt with the cancel token the dialog's progress dialog sets: stopped
    inside the file, nothing is left in the output folder, nothing was uploaded, the task is open."""
    from app.core.bidx import worker_pool
    from app.core.client.task_holder import confirm_encrypt
    from app.core.client.tasks import TaskClient, task_state
    from app.core.errors import Cancelled
    from app.core.tasks import CancelToken
    from app.server.platform.tasks.uploads import create_encrypt

    running, _ = service
    _device_key(context)
    store = context.keystore
    made = create_encrypt(running.ctx, base_url=running.url, address="127.0.0.1", user_agent="test",
                          credit_code=store.list_licences()[0].enterprise_code, code=PROJECT, section="1")
    source = tmp_path / "big.pdf"
    source.write_bytes(os.urandom(24 << 20))
    out = tmp_path / "encrypted"
    cancel = CancelToken()

    def progress(done, total):
        if done > 0:
            cancel.cancel()  # the holder presses Cancel once encryption is under way

    unlocked = store.unlock(PASSWORD.encode())
    with TaskClient([context.client.root_certificate()], clock=context.client.clock) as tasks, \
            worker_pool() as pool:
        task = tasks.fetch(made.uri)
        with pytest.raises(Cancelled):
            confirm_encrypt(tasks, context.client, store, unlocked, store.list_licences()[0].id, task,
                            [source], out, pool, progress, cancel, accept_risk=True)
    unlocked.lock()
    assert not any(out.iterdir())  # the half-made container was removed
    assert task_state(running.url, made.row.task_id, made.upload.poll_token).state == "scanned"
    with running.ctx.unit() as u:
        assert not [s for s in u.platform.repo.submissions_of(store.list_licences()[0].enterprise_code)
                    if s.task_id == made.row.task_id]
