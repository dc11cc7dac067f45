"""Decrypt at the opening by QR, end to end (issue: QR tasks): a bid encrypted to this device's key
is submitted; after the opening time headless Chromium, logged in by the login page's QR, shows
the opening hall; the Scan page reads the hall's decrypt QR from Chromium's screenshot; the task
dialog (real widgets) shows the bid and the device key, confirms with the licence password, and
the page in Chromium changes by itself to 解密成功 with the platform's plaintext SM3 — equal to
the original file's. A device without the bid's key refuses, naming the key, and the page says
the bid was not decrypted."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from app.core import bidx, gm
from app.core.bidding import apply_for_key, key_hex, signer_key
from app.core.client.wallet import acting_as
from app.ui import seams
from tests.seal_service import chromium

from . import bid_service, task_scan
from .bid_service import PASSWORD, PROJECT
from .platform_browser import log_in, task_dialog

pytestmark = pytest.mark.slow
browser = chromium.browser  # the fixture

service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures
scan = task_scan.scan  # the fixture
WAIT = 30_000
LABEL = "投标专用密钥"


def submit_bid(context, tmp_path, *, recipient=None):
    """A bid encrypted to a new key of this device (or to ``recipient``), signed with the
    licence and submitted to the demo project: (receipt, the original file)."""
    store, client = context.keystore, context.client
    licence_id = store.list_licences()[0].id
    source = tmp_path / "投标文件.pdf"
    source.write_bytes(os.urandom(700_000))
    out = tmp_path / "encrypted"
    out.mkdir(exist_ok=True)
    unlocked = store.unlock(PASSWORD.encode())
    with acting_as(client, store, unlocked, licence_id, purpose="test: submit a bid") as holder:
        if recipient is None:
            recipient = apply_for_key(holder, store, unlocked, licence_id, LABEL).public_key
        options = bidx.EncryptOptions(project=PROJECT, section="1",
                                      signer=signer_key(store, unlocked, licence_id))
        result = bidx.encrypt_file(source, out, [recipient], options=options)
        receipt = holder.submit_bid(result.container, result.signature.read_bytes(), project=PROJECT,
                                    section="1")
    return receipt, source


def open_hall(browser, context, running, clock, tmp_path):
    project = next(p for p in context.client.projects() if p.code == PROJECT)
    clock.set(project.opening_time + timedelta(minutes=1))
    log_in(browser, context, running.url, tmp_path)
    browser.goto(f"{running.url}/platform/projects/{PROJECT}/opening")
    browser.wait_for("!!document.querySelector('img.qr') && document.querySelector('img.qr').complete")
    browser.js("document.querySelector('img.qr').scrollIntoView({block: 'center'})")  # as the holder scrolls
    screenshot = tmp_path / "opening-hall.png"
    screenshot.write_bytes(browser.screenshot_png())
    return screenshot


def _status(browser, receipt) -> str:
    return browser.js(f"document.getElementById('status-{receipt.submission_id}').dataset.state")


def test_the_platform_decrypts_the_bid_when_the_app_confirms_the_qr_read_off_its_screenshot(
        service, clock, context, browser, scan, qtbot, tmp_path):
    running, _ = service
    receipt, source = submit_bid(context, tmp_path)
    dialog = task_dialog(scan, qtbot, open_hall(browser, context, running, clock, tmp_path))
    assert dialog.kind.text() == "解密"
    panel = dialog.bid_panel
    assert panel.isVisible() and not dialog.problem.isVisible()
    assert panel.file.text() == receipt.file_name and panel.section.text() == "1"
    assert PROJECT in panel.project.text()
    key = context.keystore.list_encryption_keys()[0]
    assert panel.device_key.text() == f"{LABEL}（密钥标识 {key_hex(key.public_key)[:16]}）"
    assert browser.wait_for(f"document.getElementById('status-{receipt.submission_id}')"
                            ".dataset.state === 'scanned'")
    assert dialog.confirm_button.isEnabled()

    seams.answer_next(PASSWORD)
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.state is not None or dialog.problem.isVisible(), timeout=WAIT)
    assert dialog.state is not None, dialog.problem.text()
    plain_sm3 = gm.sm3(source.read_bytes()).hex()
    assert dialog.outcome.text().startswith("解密成功") and plain_sm3 in dialog.outcome.text()

    sid = receipt.submission_id
    assert browser.wait_for(f"document.getElementById('status-{sid}').dataset.state === 'decrypted'")
    assert browser.js(f"document.getElementById('status-{sid}').textContent") == "解密成功"
    assert browser.js(f"document.getElementById('sm3-{sid}').textContent") == plain_sm3  # the platform's
    assert browser.js(f"document.getElementById('qr-{sid}').hidden") is True
    (tmp_path / "decrypted.png").write_bytes(browser.screenshot_png())
    [history] = [r for r in context.keystore.task_history() if r.task_type == "decrypt"]
    assert (history.action, history.outcome) == ("confirmed", "confirmed")


def test_a_bid_whose_key_this_device_lacks_is_refused_naming_the_key(
        service, clock, context, browser, scan, qtbot, tmp_path):
    running, _ = service
    elsewhere = gm.SM2PrivateKey.generate().public_key()  # e.g. the key of the office's other PC
    receipt, _ = submit_bid(context, tmp_path, recipient=elsewhere)
    dialog = task_dialog(scan, qtbot, open_hall(browser, context, running, clock, tmp_path))
    kid = bidx.key_id(elsewhere).hex()[:16]
    assert dialog.problem.isVisible() and kid in dialog.problem.text()
    assert receipt.file_name in dialog.problem.text()
    assert dialog.bid_panel.device_key.text() == "无：本设备没有该投标文件的密钥"
    assert not dialog.confirm_button.isEnabled()  # nothing to confirm with; the password is not asked

    dialog.cancel_button.click()  # tell the platform why
    qtbot.waitUntil(lambda: dialog.state is not None or dialog.problem.text().startswith("被拒绝"),
                    timeout=WAIT)
    assert dialog.state is not None and dialog.state.outcome == {"result": "declined", "reason": "missing_key"}
    assert dialog.outcome.text().startswith("未解密")
    sid = receipt.submission_id
    assert browser.wait_for(f"document.getElementById('status-{sid}').dataset.state === 'missing_key'")
    assert "没有该投标文件的解密密钥" in browser.js(f"document.getElementById('status-{sid}').textContent")
    assert browser.js(f"document.getElementById('sm3-{sid}').textContent") == ""
