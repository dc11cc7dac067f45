"""Who is on the login page and who is logged in: pre-login records and browser sessions.

**Pre-login cookie** (``ebid_login``, HttpOnly, SameSite=Strict, Path=/platform, Secure over
https). Its value is 32 random bytes (base64url) naming a small server-side record
(:class:`~.models.LoginPageRow`, keyed by the value's SM3, so a copy of the database opens no
page): the login task the page shows now, that task's *poll token*, and the page's CSRF token.
A server-side record rather than an HMAC'd or encrypted cookie because the claim of a confirmed
task must be spent exactly once (a conditional DELETE of the record, below) and a self-contained
cookie cannot be spent; and because the poll token then never leaves the server at all — not
even encrypted — so no script, URL, log line or browser cache can hold it. The record lives
:data:`PAGE_LIFETIME` after the page last made a task (each load and each refresh of the QR
makes one).

**Session cookie** (``ebid_session``, same flags). When the page's task is confirmed, the page
posts its CSRF token (:func:`claim`); in one transaction the pre-login record is deleted (a
conditional DELETE: of two claims with the same cookie exactly one finds it) and a session row
is inserted whose ``task_id`` is unique in the table (so one confirmed task opens at most one
session, across processes). The session gets a new random id (the cookie), stored as its SM3,
with the enterprise and person that confirmed, its own CSRF token, and an end
``details.session`` seconds (the task document's) after it opened; logout deletes the row.
"""

from __future__ import annotations

import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from ....core import gm
from ...context import ServiceContext
from ..tasks import rules as task_rules
from ..tasks.models import TaskRow
from .models import LoginPageRow, WebSessionRow

PAGE_COOKIE = "ebid_login"
SESSION_COOKIE = "ebid_session"
COOKIE_PATH = "/platform"
PAGE_LIFETIME = timedelta(minutes=10)


@dataclass(frozen=True)
class LoginPage:
    """What a login page shows: its task's QR content and the page's CSRF token."""

    cookie: str
    csrf: str
    uri: str
    task: TaskRow


@dataclass(frozen=True)
class WebSession:
    task_id: str
    serial: str
    credit_code: str
    enterprise_name: str
    person_id: str
    person_name: str
    role: str
    csrf: str
    expires_at: datetime

    def csrf_ok(self, sent: str | None) -> bool:
        return _same_text(sent, self.csrf)


@dataclass(frozen=True)
class OpenedSession:
    cookie: str
    seconds: int


def _digest(text: str) -> str:
    return gm.sm3(text.encode("utf-8")).hex()


def _cookie_ok(cookie: str | None) -> bool:
    return bool(cookie) and len(cookie) <= 100 and cookie.isascii()


def _same_text(sent: str | None, kept: str) -> bool:
    return bool(sent) and sent.isascii() and hmac.compare_digest(sent.encode(), kept.encode())


def _page_row(ctx: ServiceContext, cookie: str | None) -> LoginPageRow | None:
    if not _cookie_ok(cookie):
        return None
    with ctx.session() as s:
        row = s.get(LoginPageRow, _digest(cookie))
    return row if row is not None and row.expires_at >= ctx.now() else None


def new_page(ctx: ServiceContext, cookie: str | None, *, base_url: str, address: str,
             user_agent: str, csrf: str | None = None) -> LoginPage | None:
    """A new login task for the browser's page. The record ``cookie`` names is reused if it is
    live (a reload, a refreshed QR), else a new record and cookie are made. With ``csrf`` (the
    page's script asking for a fresh QR) only a live record with that CSRF token may: None
    otherwise, and nothing is made."""
    existing = _page_row(ctx, cookie)
    if csrf is not None and (existing is None or not _same_text(csrf, existing.csrf)):
        return None
    made = task_rules.create_login(ctx, base_url=base_url, address=address, user_agent=user_agent)
    now = ctx.now()
    with ctx.session() as s:
        s.execute(delete(LoginPageRow).where(LoginPageRow.expires_at < now))
        row = s.get(LoginPageRow, existing.cookie_sm3) if existing is not None else None
        if row is None:
            cookie = secrets.token_urlsafe(32)
            row = LoginPageRow(cookie_sm3=_digest(cookie), csrf=secrets.token_urlsafe(32),
                               created_at=now)
            s.add(row)
        row.task_id, row.poll_token = made.row.task_id, made.poll_token
        row.expires_at = now + PAGE_LIFETIME
        s.flush()
        page_csrf = row.csrf
    return LoginPage(cookie, page_csrf, made.uri, made.row)


def page_state(ctx: ServiceContext, cookie: str | None) -> TaskRow | None:
    """The state of the task the page shows (through the task rules, with its poll token);
    None if the cookie names no live page."""
    row = _page_row(ctx, cookie)
    if row is None:
        return None
    return task_rules.state(ctx, row.task_id, row.poll_token)


def claim(ctx: ServiceContext, cookie: str | None, csrf: str | None) -> OpenedSession | None:
    """Turn the page's confirmed task into a browser session, once; None if the cookie names no
    live page, the CSRF token is wrong, the task is not confirmed, or it was claimed already."""
    page = _page_row(ctx, cookie)
    if page is None or not _same_text(csrf, page.csrf):
        return None
    task = task_rules.state(ctx, page.task_id, page.poll_token)
    if task.state != "confirmed" or task.credit_code is None:
        return None
    seconds = int(json.loads(task.document)["details"]["session"])
    session_cookie, now = secrets.token_urlsafe(32), ctx.now()
    try:
        with ctx.session() as s:
            spent = s.execute(
                delete(LoginPageRow)
                .where(LoginPageRow.cookie_sm3 == page.cookie_sm3,
                       LoginPageRow.task_id == task.task_id)
                .returning(LoginPageRow.cookie_sm3)
            ).first()
            if spent is None:
                return None  # another claim with the same cookie won
            s.execute(delete(WebSessionRow).where(WebSessionRow.expires_at < now))
            s.add(WebSessionRow(
                session_sm3=_digest(session_cookie), task_id=task.task_id, serial=task.serial or "",
                credit_code=task.credit_code, enterprise_name=task.enterprise_name or "",
                person_id=task.person_id or "", person_name=task.person_name or "",
                role=task.role or "", csrf=secrets.token_urlsafe(32), created_at=now,
                expires_at=now + timedelta(seconds=seconds),
            ))
            s.flush()
    except IntegrityError:
        return None  # the task already opened a session
    return OpenedSession(session_cookie, seconds)


def session_for(ctx: ServiceContext, cookie: str | None) -> WebSession | None:
    if not _cookie_ok(cookie):
        return None
    with ctx.session() as s:
        row = s.get(WebSessionRow, _digest(cookie))
    if row is None or row.expires_at < ctx.now():
        return None
    return WebSession(row.task_id, row.serial, row.credit_code, row.enterprise_name,
                      row.person_id, row.person_name, row.role, row.csrf, row.expires_at)


def close_session(ctx: ServiceContext, cookie: str | None) -> None:
    if _cookie_ok(cookie):
        with ctx.session() as s:
            s.execute(delete(WebSessionRow).where(WebSessionRow.session_sm3 == _digest(cookie)))
