"""What every request and CLI command shares: settings, database, keys, clock; and the unit of
work (one transaction with an :class:`Authority` bound to it)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..core.licence import Authority
from ..core.pki import to_utc_second
from . import db
from .authority.crl import CrlPublisher
from .authority.repository import SqlAuthorityRepository
from .certcache import CertificateCache
from .keys import ServiceKeys, load_keys
from .settings import Settings

NONCE_PURGE_INTERVAL = timedelta(seconds=60)


@dataclass
class Unit:
    session: Session
    authority: Authority


class ServiceContext:
    def __init__(self, settings: Settings, engine: Engine, keys: ServiceKeys) -> None:
        self.settings = settings
        self.engine = engine
        self.keys = keys
        self.clock = settings.clock
        self._sessions: sessionmaker = db.session_factory(engine)
        # Parsed, root-checked licence certificates (pure functions of their bytes); the root
        # itself is checked here, once.
        self.certificates = CertificateCache(keys.authority.root)
        self.crl = CrlPublisher(keys.authority)
        self._next_nonce_purge: datetime | None = None
        self._purge_lock = threading.Lock()

    @classmethod
    def open(cls, settings: Settings, *, migrate: bool = True) -> ServiceContext:
        """Load the keys, connect, and bring the schema up to date."""
        keys = load_keys(settings.keys_dir)
        settings.make_dirs()
        engine = db.make_engine(settings.database_url)
        if migrate:
            db.upgrade(engine)
        return cls(settings, engine, keys)

    def close(self) -> None:
        self.engine.dispose()

    def now(self) -> datetime:
        return to_utc_second(self.clock())

    def nonce_purge_due(self, now: datetime) -> bool:
        """True at most once per ``NONCE_PURGE_INTERVAL`` (per process): deleting expired
        nonces on every request was a second write per request for nothing (claims stay exact
        without it, see ``claim_nonce``); the table holds at most ~5 minutes of requests."""
        with self._purge_lock:
            if self._next_nonce_purge is not None and now < self._next_nonce_purge:
                return False
            self._next_nonce_purge = now + NONCE_PURGE_INTERVAL
            return True

    @contextmanager
    def unit(self) -> Iterator[Unit]:
        """One transaction: committed when the block returns, rolled back when it raises."""
        with self._sessions.begin() as session:
            authority = Authority(
                SqlAuthorityRepository(session),
                self.keys.authority,
                clock=self.clock,
                terms_of=self.certificates.terms_of,
            )
            yield Unit(session, authority)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session
