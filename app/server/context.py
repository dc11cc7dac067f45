"""What every request and CLI command shares: settings, database, keys, clock; and the unit of
work: one transaction, with each counterpart (authority, platform, seal office) bound to it.

Each counterpart is built one way: its rules written against a small repository protocol, a Sql
repository over the unit's Session, and one line in :data:`COUNTERPARTS` that binds the two. A
new counterpart (the key-backup mailbox) adds a field to :class:`Unit` and a line there."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
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
from .mailbox.repository import SqlMailboxRepository
from .mailbox.rules import Mailbox
from .platform.repository import SqlPlatformRepository
from .platform.rules import Platform
from .seal_office.office import SealOffice
from .seal_office.repository import SqlSealOfficeRepository
from .settings import Settings

NONCE_PURGE_INTERVAL = timedelta(seconds=60)


@dataclass
class Unit:
    session: Session
    authority: Authority
    platform: Platform
    seal_office: SealOffice
    mailbox: Mailbox


def _authority(ctx: ServiceContext, session: Session, _unit: dict) -> Authority:
    repo = SqlAuthorityRepository(session)
    return Authority(
        repo, ctx.keys.authority, clock=ctx.clock, terms_of=ctx.certificates.terms_of
    )


def _platform(ctx: ServiceContext, session: Session, _unit: dict) -> Platform:
    return Platform(
        SqlPlatformRepository(session), key=ctx.keys.platform_key, clock=ctx.now,
        bids_dir=ctx.settings.bids_dir,
    )


def _seal_office(ctx: ServiceContext, session: Session, unit: dict) -> SealOffice:
    authority = unit["authority"]
    return SealOffice(
        SqlSealOfficeRepository(session), authority, authority.now, ctx.settings.seal_local_places
    )


def _mailbox(ctx: ServiceContext, session: Session, unit: dict) -> Mailbox:
    return Mailbox(SqlMailboxRepository(session), unit["authority"], ctx.now)


#: Unit field -> how the counterpart is bound to the unit's session (in order: a counterpart
#: may use the ones bound before it, passed in the dict of the unit so far).
COUNTERPARTS: dict[str, Callable[[ServiceContext, Session, dict], object]] = {
    "authority": _authority,
    "platform": _platform,
    "seal_office": _seal_office,
    "mailbox": _mailbox,
}


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
            bound: dict[str, object] = {}
            for name, bind in COUNTERPARTS.items():
                bound[name] = bind(self, session, bound)
            yield Unit(session, **bound)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session
