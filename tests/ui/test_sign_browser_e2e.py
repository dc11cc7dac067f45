"""Scan to sign, end to end (docs/protocols/qr-tasks.md §11): headless Chromium logs in through the
login page's QR, opens /platform/sign and uploads a file; the QR is read from a screenshot of
that page by the Scan page; the task dialog (real widgets) shows the document's name, size and
SM3, offers the seal collected on this device (seal office: upload → review → collect) and
confirms with the licence password; the page in Chromium shows 签章成功 by itself, and the
signature it downloads verifies with `ebid seal verify` and with our GB/T 38540 verifier."""

from __future__ import annotations

import base64

import pytest
from PySide6.QtCore import Qt

from app.core import gm
from app.core.client.seal import SealClient, collect_into_keystore
from app.core.client.wallet import acting_as
from app.core.seal.format import SealRefused, verify_signature
from app.ui import seams
from tests.seal_service import chromium
from tests.seal_service.kit import imprint_png, make_seal

from . import bid_service, task_scan
from .bid_service import PASSWORD

pytestmark = pytest.mark.slow
browser = chromium.browser  # the fixture
service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures
scan = task_scan.scan  # the fixture
WAIT = 30_000
DOCUMENT = "投标函（DEMO）.pdf"


def _collect_a_seal(context, running) -> str:
    """The seal office's way onto the device: upload, approval by the reviewer, 领章."""
    store = context.keystore
    [licence] = store.list_licences()
    unlocked = store.unlock(PASSWORD.encode())
    with acting_as(context.client, store, unlocked, licence.id, purpose="collect a seal") as holder:
        seals = SealClient(holder)
        seal_id = make_seal(seals, running, imprint_png())
        collect_into_keystore(seals, store, unlocked, seal_id, licence_id=licence.id)
    return seal_id


def _confirm(dialog, qtbot):
    seams.answer_next(PASSWORD)
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.state is not None or dialog.problem.isVisible(), timeout=WAIT)
    assert dialog.state is not None, dialog.problem.text()


def _log_in(browser, scan, qtbot, url, tmp_path) -> None:
    browser.goto(f"{url}/platform/login")
    browser.wait_for("document.getElementById('qr').complete")
    _confirm(task_scan.scan_screenshot(scan, qtbot, browser, tmp_path / "login.png"), qtbot)
    browser.wait_for("location.pathname === '/platform/home'")


def _choose_file(browser, path) -> None:
    """As a user picking the file in the page's file field (DevTools sets the input's file)."""
    root = browser.call("DOM.getDocument")["root"]["nodeId"]
    node = browser.call("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
    browser.call("DOM.setFileInputFiles", files=[str(path)], nodeId=node)


def test_the_page_shows_a_verified_seal_signature_when_the_app_confirms_the_qr_off_its_screenshot(
        service, context, browser, scan, qtbot, tmp_path, ebid):
    running, _ = service
    seal_id = _collect_a_seal(context, running)
    _log_in(browser, scan, qtbot, running.url, tmp_path)

    document = tmp_path / DOCUMENT
    document.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 40 + b"\r\n%%EOF\r\n")
    browser.goto(f"{running.url}/platform/sign")
    _choose_file(browser, document)
    browser.submit("document.getElementById('send').click()")
    browser.wait_for("document.getElementById('qr') && document.getElementById('qr').complete")
    assert browser.js("document.getElementById('status').dataset.state") == "waiting"

    dialog = task_scan.scan_screenshot(scan, qtbot, browser, tmp_path / "sign-page.png")
    sm3 = gm.sm3(document.read_bytes()).hex()
    assert dialog.kind.text() == "签章" and dialog.address.text() == running.url
    picker = dialog.sign_box
    assert picker.isVisible() and picker.document_name.text() == DOCUMENT
    assert picker.document_sm3.text() == sm3 and str(document.stat().st_size) in picker.document_size.text()
    assert browser.wait_for("document.getElementById('status').dataset.state === 'scanned'")
    qtbot.waitUntil(lambda: picker.seals.count() == 1 and not picker.busy(), timeout=WAIT)
    item = picker.seals.item(0)
    assert item.flags() & Qt.ItemFlag.ItemIsEnabled and picker.chosen_seal() == seal_id
    assert dialog.confirm_button.isEnabled()

    _confirm(dialog, qtbot)
    assert dialog.state.state == "confirmed"
    assert dialog.outcome.text().startswith("签章成功") and DOCUMENT in dialog.outcome.text()

    shown = browser.wait_for(  # both sides say it: the page moved on by itself
        "document.getElementById('status').dataset.state === 'confirmed'"
        " && document.getElementById('status').textContent")
    assert shown == "签章成功" and seal_id in browser.js("document.getElementById('seal').textContent")
    (tmp_path / "signed.png").write_bytes(browser.screenshot_png())
    downloaded = browser.js(  # the browser's own download (its session cookie goes along)
        "fetch(document.getElementById('download').href, {credentials: 'same-origin'})"
        ".then(r => r.arrayBuffer()).then(b => { let s = ''; new Uint8Array(b).forEach("
        "c => s += String.fromCharCode(c)); return btoa(s); })")
    signature = tmp_path / "signature.der"
    signature.write_bytes(base64.b64decode(downloaded))

    verified = ebid("--server", running.url, "seal", "verify", str(signature), str(document))
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith("VALID:") and seal_id in verified.stdout
    root = context.client.root_certificate()
    info = verify_signature(signature.read_bytes(), document.read_bytes(), roots=[root], clock=context.client.clock)
    assert info.seal.seal_id == seal_id and info.signature.data_hash.hex() == sm3
    assert info.trusted_time  # the desktop's QR signature carries the service's time stamp, judged at it
    with pytest.raises(SealRefused):  # and it is this file's signature, no other's
        verify_signature(signature.read_bytes(), document.read_bytes() + b"\n", roots=[root],
                         clock=context.client.clock)
    tampered = tmp_path / "other.pdf"
    tampered.write_bytes(document.read_bytes() + b"\n")
    refused = ebid("--server", running.url, "seal", "verify", str(signature), str(tampered))
    assert refused.returncode == 1 and "bad_document_hash" in refused.stderr
