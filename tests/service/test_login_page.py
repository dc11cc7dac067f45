"""The platform's login web page against the real service over HTTP (docs/protocols/qr-tasks.md
§10): the page's QR (a PNG data URI) read back by app.core.qr, the state JSON the page polls
through its transitions, a confirmation by the real device client opening exactly one browser
session, the cookies' flags, CSRF on every POST, logout, expiry of the QR and of the session."""

from __future__ import annotations

import base64
import re

import cv2
import httpx
import numpy as np
import pytest
from sqlalchemy import select

from app.core import qr
from app.core.qrtask import parse_task_uri
from app.server.keys import PLATFORM_NAME
from app.server.platform.tasks.models import TaskRow
from app.server.platform.web import sessions
from app.server.platform.web.models import LoginPageRow, WebSessionRow

from .conftest import PROJECT

pytestmark = pytest.mark.slow
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36"


@pytest.fixture
def browser(service):
    """An HTTP client playing the browser (its own cookie jar), not following redirects."""
    with httpx.Client(base_url=service.url, headers={"User-Agent": BROWSER},
                      follow_redirects=False) as http:
        yield http


def _qr_text(data_uri: str) -> str:
    assert data_uri.startswith("data:image/png;base64,")
    png = base64.b64decode(data_uri.split(",", 1)[1], validate=True)
    assert png.startswith(b"\x89PNG")
    frame = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    [code] = qr.decode(frame)
    return code.text


def _open_page(browser) -> tuple[httpx.Response, str, str]:
    """GET the login page: (response, the task URI read from its QR, the page's CSRF token)."""
    page = browser.get("/platform/login")
    assert page.status_code == 200
    src = re.search(r'<img id="qr" alt="[^"]*" src="([^"]+)"', page.text).group(1)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return page, _qr_text(src), csrf


def _state(browser) -> dict:
    answer = browser.get("/platform/login/state")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    return answer.json()


def _set_cookie(response: httpx.Response, name: str) -> str:
    [header] = [h for h in response.headers.get_list("set-cookie") if h.startswith(f"{name}=")]
    return header


def _page_record(service, task_id: str) -> LoginPageRow:
    with service.ctx.session() as s:
        return s.scalars(select(LoginPageRow).where(LoginPageRow.task_id == task_id)).one()


def test_the_page_shows_a_task_qr_and_keeps_the_poll_token_on_the_server(service, browser, clock):
    page, text, csrf = _open_page(browser)
    uri = parse_task_uri(text)  # a valid task URI of this platform
    assert uri.base == service.url
    assert f'<b id="platform">{PLATFORM_NAME}</b>' in page.text
    assert '<span id="seconds">60</span>' in page.text and "扫码登录" in page.text
    assert '<script src="/platform/login/login.js" defer></script>' in page.text
    assert not re.search(r"\son[a-z]+\s*=", page.text, re.IGNORECASE)  # no inline handlers
    assert "<script>" not in page.text  # no inline script
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "img-src data:" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-store"

    cookie = _set_cookie(page, sessions.PAGE_COOKIE)
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower() and "Path=/platform" in cookie
    assert "Secure" not in cookie  # plain http (loopback)
    record = _page_record(service, uri.task_id)
    assert record.poll_token and record.poll_token not in page.text
    assert record.poll_token not in cookie and uri.secret not in cookie
    with service.ctx.session() as s:
        task = s.get(TaskRow, uri.task_id)
    assert (task.requester_address, task.requester_agent) == ("127.0.0.1", BROWSER)

    state = _state(browser)
    assert state == {"state": "waiting", "expires_in": 60}
    assert record.poll_token not in str(state)
    clock.advance(seconds=15)
    assert _state(browser)["expires_in"] == 45

    script = browser.get("/platform/login/login.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert "/platform/login/state" in script.text and record.poll_token not in script.text

    _, text2, csrf2 = _open_page(browser)  # a reload: a new task on the same record
    assert parse_task_uri(text2).task_id != uri.task_id and csrf2 == csrf
    assert _page_record(service, parse_task_uri(text2).task_id).cookie_sm3 == record.cookie_sm3


def test_confirm_opens_one_session_for_the_enterprise(service, browser, tasks, legal_rep, demo,
                                                      bid_file):
    enterprise, rep, _ = demo
    container, signature = bid_file(legal_rep)
    receipt = legal_rep.submit_bid(container, signature, project=PROJECT, section="1")
    page, text, csrf = _open_page(browser)
    stolen_page_cookie = browser.cookies[sessions.PAGE_COOKIE]

    task = tasks.fetch(text)
    assert _state(browser)["state"] == "scanned"
    early = browser.post("/platform/login/finish", data={"csrf": csrf})  # not confirmed yet
    assert early.status_code == 303 and early.headers["location"] == "/platform/login?note=login_failed"
    assert sessions.SESSION_COOKIE not in browser.cookies

    tasks.confirm(task, legal_rep.key, legal_rep.certificate)
    assert _state(browser)["state"] == "confirmed"
    for forged in ({}, {"csrf": "forged"}):
        refused = browser.post("/platform/login/finish", data=forged)
        assert refused.headers["location"] == "/platform/login?note=login_failed"
        assert sessions.SESSION_COOKIE not in browser.cookies

    finished = browser.post("/platform/login/finish", data={"csrf": csrf})
    assert finished.status_code == 303 and finished.headers["location"] == "/platform/home"
    cookie = _set_cookie(finished, sessions.SESSION_COOKIE)
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower() and "Path=/platform" in cookie
    assert "Max-Age=1800" in cookie and "Secure" not in cookie
    assert 'ebid_login=""' in _set_cookie(finished, sessions.PAGE_COOKIE)  # the pre-login one ends
    session_cookie = browser.cookies[sessions.SESSION_COOKIE]
    assert session_cookie != stolen_page_cookie and session_cookie not in page.text

    home = browser.get("/platform/home")
    assert home.status_code == 200 and "default-src 'none'" in home.headers["content-security-policy"]
    for shown in ("登录成功", f'<b id="enterprise">{enterprise.name}</b>',
                  f'<span id="credit-code">{enterprise.credit_code}</span>',
                  f'<b id="person">{rep.name}</b>', '<span id="role">法定代表人</span>',
                  f'data-project="{PROJECT}"', "测试项目（DEMO）",
                  f'data-submission="{receipt.submission_id}"', container.name):
        assert shown in home.text, shown
    assert browser.get("/platform/login/state").status_code == 401  # the page record is spent

    with httpx.Client(base_url=service.url, follow_redirects=False) as second:  # same task, again
        second.cookies.set(sessions.PAGE_COOKIE, stolen_page_cookie, path="/platform")
        again = second.post("/platform/login/finish", data={"csrf": csrf})
        assert again.headers["location"] == "/platform/login?note=login_failed"
        assert sessions.SESSION_COOKIE not in second.cookies
        assert second.get("/platform/home").headers["location"] == "/platform/login"
    with service.ctx.session() as s:
        opened = s.scalars(select(WebSessionRow)).all()
    assert [(r.task_id, r.credit_code, r.role) for r in opened] == [
        (parse_task_uri(text).task_id, enterprise.credit_code, "legal_representative")]
    assert opened[0].session_sm3 != session_cookie  # stored as its SM3 only


def test_a_confirmed_task_opens_no_second_session_even_from_another_page(service, browser, tasks,
                                                                         legal_rep):
    """Two page records naming the same confirmed task (as if a second browser held it): the
    database lets only one session be made for the task."""
    _, text, csrf = _open_page(browser)
    task_id = parse_task_uri(text).task_id
    tasks.confirm(tasks.fetch(text), legal_rep.key, legal_rep.certificate)
    record = _page_record(service, task_id)
    with service.ctx.session() as s:
        s.add(LoginPageRow(cookie_sm3=sessions._digest("second-browser"), task_id=task_id,
                           poll_token=record.poll_token, csrf="second-csrf",
                           created_at=record.created_at, expires_at=record.expires_at))
    assert browser.post("/platform/login/finish", data={"csrf": csrf}).headers["location"] == "/platform/home"
    assert sessions.claim(service.ctx, "second-browser", "second-csrf") is None
    with service.ctx.session() as s:
        assert len(s.scalars(select(WebSessionRow)).all()) == 1


def test_logout_needs_the_csrf_token_and_ends_the_session(service, browser, tasks, legal_rep):
    _, text, csrf = _open_page(browser)
    tasks.confirm(tasks.fetch(text), legal_rep.key, legal_rep.certificate)
    browser.post("/platform/login/finish", data={"csrf": csrf})
    home = browser.get("/platform/home")
    session_csrf = re.search(r'name="csrf" value="([^"]+)"', home.text).group(1)
    assert session_csrf != csrf
    session_cookie = browser.cookies[sessions.SESSION_COOKIE]

    crowded = {f"f{i}": "x" for i in range(20)} | {"csrf": session_csrf}  # a flood of fields
    for forged in ({}, {"csrf": "forged"}, {"csrf": csrf}, crowded):  # none, wrong, the page's
        refused = browser.post("/platform/logout", data=forged)
        assert refused.status_code == 403 and "未退出登录" in refused.text
        assert browser.get("/platform/home").status_code == 200

    out = browser.post("/platform/logout", data={"csrf": session_csrf})
    assert out.status_code == 303 and out.headers["location"] == "/platform/login?note=logged_out"
    assert 'ebid_session=""' in _set_cookie(out, sessions.SESSION_COOKIE)
    assert sessions.SESSION_COOKIE not in browser.cookies
    with httpx.Client(base_url=service.url, follow_redirects=False) as replay:  # the old cookie
        replay.cookies.set(sessions.SESSION_COOKIE, session_cookie, path="/platform")
        assert replay.get("/platform/home").headers["location"] == "/platform/login?note=session_ended"
    assert "您已退出登录" in browser.get("/platform/login?note=logged_out").text
    assert "<script>" not in browser.get("/platform/login?note=<script>").text


def test_home_needs_a_session_and_the_session_ends_after_its_seconds(service, browser, tasks,
                                                                     legal_rep, clock):
    assert browser.get("/platform/home").headers["location"] == "/platform/login"
    _, text, csrf = _open_page(browser)
    tasks.confirm(tasks.fetch(text), legal_rep.key, legal_rep.certificate)
    browser.post("/platform/login/finish", data={"csrf": csrf})
    clock.advance(seconds=1799)
    assert browser.get("/platform/home").status_code == 200
    clock.advance(seconds=2)
    assert browser.get("/platform/home").headers["location"] == "/platform/login?note=session_ended"


def test_an_expired_qr_is_reported_and_renewed_with_the_csrf_token(service, browser, tasks, legal_rep,
                                                                   clock):
    _, text, csrf = _open_page(browser)
    clock.advance(seconds=61)
    assert _state(browser) == {"state": "expired", "expires_in": 0}
    late = browser.post("/platform/login/finish", data={"csrf": csrf})
    assert late.headers["location"] == "/platform/login?note=login_failed"

    for headers in ({}, {"X-CSRF-Token": "forged"}):
        assert browser.post("/platform/login/renew", headers=headers).status_code == 401
    assert _state(browser)["state"] == "expired"  # nothing changed
    renewed = browser.post("/platform/login/renew", headers={"X-CSRF-Token": csrf})
    assert renewed.status_code == 200
    body = renewed.json()
    assert (body["state"], body["expires_in"]) == ("waiting", 60)
    fresh = parse_task_uri(_qr_text(body["qr"]))
    assert fresh.task_id != parse_task_uri(text).task_id
    assert _page_record(service, fresh.task_id).poll_token not in renewed.text
    assert _state(browser)["state"] == "waiting"

    tasks.confirm(tasks.fetch(fresh), legal_rep.key, legal_rep.certificate)  # the new QR works
    assert browser.post("/platform/login/finish", data={"csrf": csrf}).headers["location"] == "/platform/home"


def test_a_cancelled_task_says_so(service, browser, tasks):
    _, text, csrf = _open_page(browser)
    tasks.cancel(tasks.fetch(text))
    assert _state(browser)["state"] == "cancelled"
    assert browser.post("/platform/login/finish", data={"csrf": csrf}).headers["location"] == (
        "/platform/login?note=login_failed")


def test_without_a_page_cookie_there_is_no_state(service):
    with httpx.Client(base_url=service.url) as http:
        assert http.get("/platform/login/state").status_code == 401
        http.cookies.set(sessions.PAGE_COOKIE, "guess", path="/platform")
        assert http.get("/platform/login/state").status_code == 401
        assert http.post("/platform/login/renew", headers={"X-CSRF-Token": "x"}).status_code == 401


def test_cookies_are_secure_over_https(service, browser, tasks, legal_rep):
    """Behind a TLS-terminating proxy on the same host (uvicorn trusts 127.0.0.1's
    X-Forwarded-Proto), the request is https and both cookies carry Secure."""
    https = {"X-Forwarded-Proto": "https"}
    with httpx.Client(base_url=service.url, headers=https) as http:
        page = http.get("/platform/login")
        assert "; Secure" in _set_cookie(page, sessions.PAGE_COOKIE)
        src = re.search(r'<img id="qr" alt="[^"]*" src="([^"]+)"', page.text).group(1)
        assert parse_task_uri(_qr_text(src)).base.startswith("https://127.0.0.1:")

    _, text, csrf = _open_page(browser)  # (the device reaches this platform over plain http)
    tasks.confirm(tasks.fetch(text), legal_rep.key, legal_rep.certificate)
    finished = browser.post("/platform/login/finish", data={"csrf": csrf}, headers=https)
    assert finished.headers["location"] == "/platform/home"
    assert "; Secure" in _set_cookie(finished, sessions.SESSION_COOKIE)


def test_a_task_uri_opened_in_a_browser_says_to_scan_it_with_the_app(browser):
    _, uri, _ = _open_page(browser)
    task = parse_task_uri(uri)
    opened = browser.get(f"/platform/t/{task.task_id}")  # the fragment (the secret) is never sent
    assert opened.status_code == 200 and "请使用电子投标助手扫描此二维码" in opened.text
    assert "default-src 'none'" in opened.headers["content-security-policy"]
    guessed = browser.get("/platform/t/not-a-task-at-all")
    assert guessed.status_code == 200 and guessed.text == opened.text  # confirms nothing to a guesser
    assert browser.get(f"/platform/tasks/{task.task_id}/state").status_code == 403  # still closed
