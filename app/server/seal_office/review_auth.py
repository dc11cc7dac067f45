"""Who may use the review page: reviewer tokens and page sessions.

A reviewer token is made on the server machine (``ebid service review token --name …``) and
shown once: ``rvw.<token id>.<secret>``. The database keeps only the SM3 digest of the whole
token, so a copy of the database signs nobody in. Signing in on the page exchanges the token for
a session: a random cookie (HttpOnly, SameSite=Strict, path ``/seal-office/review``), stored as
its SM3 digest, with a per-session CSRF token that every POST form must carry back.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select

from ...core import gm
from ...core.errors import InvalidInput
from ..context import ServiceContext
from .models import ReviewerTokenRow, ReviewSessionRow

SESSION_LIFETIME = timedelta(hours=8)
PREFIX = "rvw"


@dataclass(frozen=True)
class ReviewSession:
    reviewer: str
    csrf: str

    def csrf_ok(self, sent: str | None) -> bool:
        return bool(sent) and hmac.compare_digest(sent.encode(), self.csrf.encode())


def _digest(text: str) -> str:
    return gm.sm3(text.encode("utf-8")).hex()


def create_token(ctx: ServiceContext, name: str) -> str:
    """A new reviewer token for ``name``; returned once, stored only as a digest."""
    name = " ".join(name.split())
    if not name or len(name) > 100:
        raise InvalidInput("A reviewer needs a name (1 to 100 characters)")
    token_id = secrets.token_hex(6)
    token = f"{PREFIX}.{token_id}.{secrets.token_urlsafe(24)}"
    with ctx.session() as s:
        s.add(
            ReviewerTokenRow(
                token_id=token_id, name=name, token_sm3=_digest(token), created_at=ctx.now()
            )
        )
    return token


def reviewer_for_token(ctx: ServiceContext, token: str) -> ReviewerTokenRow | None:
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != PREFIX or len(token) > 200:
        return None
    with ctx.session() as s:
        row = s.get(ReviewerTokenRow, parts[1])
    if row is None or row.revoked_at is not None:
        return None
    return row if hmac.compare_digest(row.token_sm3, _digest(token.strip())) else None


def open_session(ctx: ServiceContext, token: str) -> str | None:
    """The cookie value of a new session, or None for a wrong token."""
    row = reviewer_for_token(ctx, token)
    if row is None:
        return None
    cookie, now = secrets.token_urlsafe(32), ctx.now()
    with ctx.session() as s:
        s.execute(delete(ReviewSessionRow).where(ReviewSessionRow.expires_at < now))
        s.add(
            ReviewSessionRow(
                session_sm3=_digest(cookie),
                token_id=row.token_id,
                csrf=secrets.token_urlsafe(32),
                created_at=now,
                expires_at=now + SESSION_LIFETIME,
            )
        )
    return cookie


def session_for(ctx: ServiceContext, cookie: str | None) -> ReviewSession | None:
    if not cookie or len(cookie) > 100:
        return None
    with ctx.session() as s:
        query = (
            select(ReviewSessionRow, ReviewerTokenRow)
            .join(ReviewerTokenRow, ReviewerTokenRow.token_id == ReviewSessionRow.token_id)
            .where(ReviewSessionRow.session_sm3 == _digest(cookie))
        )
        found = s.execute(query).first()
    if found is None:
        return None
    session, token = found
    if session.expires_at < ctx.now() or token.revoked_at is not None:
        return None
    return ReviewSession(token.name, session.csrf)


def close_session(ctx: ServiceContext, cookie: str | None) -> None:
    if cookie:
        with ctx.session() as s:
            s.execute(
                delete(ReviewSessionRow).where(ReviewSessionRow.session_sm3 == _digest(cookie))
            )
