"""The login page in headless Chromium (docs/protocols/qr-tasks.md §10): the QR is read off a
screenshot of the page as a webcam would read it off a screen; the page's own script follows the
task (scanned, a fresh QR after expiry) and, once the device confirms with a licence, opens the
session and shows the enterprise on the home page."""

from __future__ import annotations

import pytest

from app.core import qr
from app.core.qrtask import parse_task_uri
from tests.seal_service import chromium

pytestmark = pytest.mark.slow
browser = chromium.browser  # the fixture



def _qr_on_screen(browser, tmp_path, name: str) -> str:
    """The task URI decoded from a screenshot of the page (a PNG file, read by app.core.qr)."""
    path = tmp_path / f"{name}.png"
    path.write_bytes(browser.screenshot_png())
    codes = qr.decode(qr.load_image(path))
    assert len(codes) == 1, f"{len(codes)} codes on the screenshot {path}"
    return codes[0].text


def _status(browser) -> str:
    return browser.js("document.getElementById('status').textContent")


def test_scan_the_page_and_log_in(service, browser, tasks, legal_rep, demo, clock, tmp_path):
    enterprise, rep, _ = demo
    browser.goto(f"{service.url}/platform/login")
    browser.wait_for("document.getElementById('qr').complete")
    first = parse_task_uri(_qr_on_screen(browser, tmp_path, "login"))
    assert first.base == service.url
    assert "ebid_login" not in browser.js("document.cookie")  # HttpOnly: no script reads it

    clock.advance(seconds=61)  # the QR expires: the page fetches a new one by itself
    old_src = browser.js("document.getElementById('qr').src")
    browser.wait_for(f"document.getElementById('qr').src !== {old_src!r}")
    browser.wait_for("document.getElementById('qr').complete")
    assert browser.wait_for("document.getElementById('seconds').textContent") == "60"
    fresh = parse_task_uri(_qr_on_screen(browser, tmp_path, "renewed"))
    assert fresh.task_id != first.task_id

    task = tasks.fetch(fresh)
    browser.wait_for("document.getElementById('status').dataset.state === 'scanned'")
    assert _status(browser) == "已扫描，请在电子投标助手上确认"
    tasks.confirm(task, legal_rep.key, legal_rep.certificate)

    shown = browser.wait_for(
        "location.pathname === '/platform/home' && document.getElementById('enterprise')"
        " && document.getElementById('enterprise').textContent"
    )
    assert shown == enterprise.name
    assert browser.js("document.getElementById('person').textContent") == rep.name
    assert browser.js("document.getElementById('credit-code').textContent") == enterprise.credit_code
    assert "登录成功" in browser.js("document.body.textContent")
    assert "ebid_session" not in browser.js("document.cookie")
    (tmp_path / "home.png").write_bytes(browser.screenshot_png())

    browser.submit("document.getElementById('logout').click()")
    assert browser.js("location.pathname") == "/platform/login"
    assert "您已退出登录" in browser.js("document.getElementById('message').textContent")


def test_a_cancel_on_the_device_shows_on_the_page(service, browser, tasks, tmp_path):
    browser.goto(f"{service.url}/platform/login")
    browser.wait_for("document.getElementById('qr').complete")
    uri = _qr_on_screen(browser, tmp_path, "login")
    tasks.cancel(tasks.fetch(uri))
    browser.wait_for("document.getElementById('status').dataset.state === 'cancelled'")
    assert _status(browser) == "已取消"
    assert browser.js("document.getElementById('renew').hidden") is False
    browser.js("document.getElementById('renew').click()")  # a new code on request
    browser.wait_for("document.getElementById('status').dataset.state === 'waiting'")
    assert parse_task_uri(_qr_on_screen(browser, tmp_path, "new")).task_id != parse_task_uri(uri).task_id
