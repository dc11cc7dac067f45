"""ORM classes of the login page's tables (made by ``migrations/versions/0004_web_login.py``;
keep the two in step): the pre-login record a login page's cookie names, and the browser
sessions confirmed login tasks opened. Cookies are stored only as their SM3."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ...db import Base, UTCDateTime


class LoginPageRow(Base):
    """One browser's login page: the task it shows now and that task's poll token (which never
    leaves the server), and the CSRF token of the page's own requests."""

    __tablename__ = "platform_login_pages"
    cookie_sm3: Mapped[str] = mapped_column(String(64), primary_key=True)
    task_id: Mapped[str] = mapped_column(String(40), ForeignKey("platform_tasks.task_id"))
    poll_token: Mapped[str] = mapped_column(String(64))
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WebSessionRow(Base):
    """A logged-in browser: who confirmed which task (one session per task: ``task_id`` is
    unique), the session's CSRF token and when it ends."""

    __tablename__ = "platform_web_sessions"
    session_sm3: Mapped[str] = mapped_column(String(64), primary_key=True)
    task_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("platform_tasks.task_id"), unique=True
    )
    serial: Mapped[str] = mapped_column(String(40))
    credit_code: Mapped[str] = mapped_column(String(18))
    enterprise_name: Mapped[str] = mapped_column(Text)
    person_id: Mapped[str] = mapped_column(String(40))
    person_name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(40))
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
