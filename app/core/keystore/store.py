"""The keystore: opening the file, the licence password, and changing it.

Key operations (licences, device identity, encryption keys) live in :mod:`.items`; this module
owns the password: initialise, unlock with throttling, remember/resume through the OS keyring,
and the crash-safe password change.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..audit import log as audit_log  # module binding: audit imports keystore.db
from ..errors import EbidError, WrongPassword
from ..paths import data_dir
from . import db
from .attempts import AttemptState, DelaySchedule, default_delay, remaining_wait
from .blobs import DEFAULT, KdfParams, MASTER_KEY_SIZE, seal, unseal, unwrap_master, wrap_master
from .errors import AlreadyInitialised, KeystoreError, Locked, NotInitialised, TooManyAttempts
from .items import ItemsMixin
from .models import KEY_TABLES, Meta
from .quick_unlock import META_SESSION, QuickUnlockMixin
from .seals import SealsMixin
from .session import Unlocked
from .unlock_cache import UnlockCache, select_unlock_cache

FILE_NAME = "keystore.sqlite"
META_MASTER = "master_key"
META_ATTEMPTS = "failed_unlocks"
META_STORE_ID = "store_id"

Progress = Callable[[int, int], None]
Clock = Callable[[], datetime]


def default_path() -> Path:
    return data_dir() / FILE_NAME


class Keystore(ItemsMixin, SealsMixin, QuickUnlockMixin):
    """One keystore file. Open it with :meth:`open`; it upgrades its schema on open."""

    def __init__(
        self,
        engine: Engine,
        path: Path,
        *,
        clock: Clock = db.utcnow,
        delay_schedule: DelaySchedule = default_delay,
        kdf: KdfParams = DEFAULT,
        unlock_cache: UnlockCache | None = None,
    ) -> None:
        self.engine = engine
        self.path = path
        self.clock = clock
        self.delay_schedule = delay_schedule
        self.kdf = kdf
        self.unlock_cache = unlock_cache if unlock_cache is not None else select_unlock_cache()
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: str | Path | None = None, **options) -> Keystore:
        """Open (creating if needed) the keystore at ``path``, default ``data_dir()/keystore.sqlite``."""
        target = Path(path) if path is not None else default_path()
        if target.is_dir():
            raise KeystoreError("{path} is a folder, not a keystore file", path=str(target))
        engine = db.make_engine(target)
        try:
            db.upgrade(engine, target)
        except EbidError:
            engine.dispose()
            raise
        return cls(engine, target, **options)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Keystore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One SQLite transaction (``BEGIN IMMEDIATE``): all or nothing, even under SIGKILL."""
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as exc:
            raise db._damaged(self.path, exc) from None

    # -----------------------------------------------------------------------------------------
    # meta helpers

    @staticmethod
    def _get_meta(session: Session, key: str) -> bytes | None:
        row = session.get(Meta, key)
        return None if row is None else row.value

    @staticmethod
    def _set_meta(session: Session, key: str, value: bytes) -> None:
        session.merge(Meta(key=key, value=value))

    def _master_blob(self, session: Session) -> bytes:
        blob = self._get_meta(session, META_MASTER)
        if blob is None:
            raise NotInitialised("No licence password is set on this device yet: set one first")
        return blob

    def _check_session(self, session: Session, unlocked: Unlocked) -> None:
        unlocked.master()  # raises Locked if locked
        if self._master_blob(session) != unlocked.master_blob:
            raise Locked("The licence password was changed: enter it again")

    def store_id(self) -> str:
        """A random id of this keystore (names its keyring entry)."""
        with self.transaction() as s:
            raw = self._get_meta(s, META_STORE_ID)
            if raw is None:
                raw = uuid.uuid4().hex.encode("ascii")
                self._set_meta(s, META_STORE_ID, raw)
            return raw.decode("ascii")

    # -----------------------------------------------------------------------------------------
    # the password

    def is_initialised(self) -> bool:
        with self.transaction() as s:
            return self._get_meta(s, META_MASTER) is not None

    def initialise(self, password: bytes) -> Unlocked:
        """Set the licence password on a new keystore; returns an unlocked session."""
        _check_new_password(password)
        master = os.urandom(MASTER_KEY_SIZE)
        blob = wrap_master(master, password, self.kdf)
        with self.transaction() as s:
            if self._get_meta(s, META_MASTER) is not None:
                raise AlreadyInitialised("This keystore already has a licence password")
            self._set_meta(s, META_MASTER, blob)
            self._set_meta(s, META_STORE_ID, uuid.uuid4().hex.encode("ascii"))
            self._audit(s, Unlocked(blob, master), "keystore.created", kdf=_kdf_details(self.kdf))
        return Unlocked(blob, master)

    def failed_attempts(self) -> int:
        with self.transaction() as s:
            return AttemptState.decode(self._get_meta(s, META_ATTEMPTS)).failures

    def unlock_wait(self) -> int:
        """Seconds before the next password attempt is accepted (0 = now)."""
        with self.transaction() as s:
            state = AttemptState.decode(self._get_meta(s, META_ATTEMPTS))
        return remaining_wait(state, self.clock(), self.delay_schedule)

    def unlock(self, password: bytes) -> Unlocked:
        """Check the licence password. Wrong: :class:`WrongPassword`; too soon: :class:`TooManyAttempts`."""
        blob, state = self._begin_attempt()
        try:
            master = unwrap_master(blob, password)
        except WrongPassword:
            wait = self.delay_schedule(state.failures)
            with self.transaction() as s:
                self._audit(s, None, "unlock.failed", failures=state.failures)
            if wait > 0:
                raise WrongPassword(
                    "Wrong licence password ({count} wrong in a row); "
                    "wait {seconds} s before trying again",
                    count=state.failures, seconds=wait,
                ) from None
            raise WrongPassword("Wrong licence password ({count} wrong in a row)", count=state.failures) from None
        with self.transaction() as s:
            self._set_meta(s, META_ATTEMPTS, AttemptState().encode())
        return Unlocked(blob, master)

    def _begin_attempt(self) -> tuple[bytes, AttemptState]:
        """Refuse an early attempt, else count it as failed until it succeeds (kill-safe)."""
        now = self.clock()
        with self.transaction() as s:
            blob = self._master_blob(s)
            state = AttemptState.decode(self._get_meta(s, META_ATTEMPTS))
            wait = remaining_wait(state, now, self.delay_schedule)
            if wait > 0:
                raise TooManyAttempts(
                    "Too many wrong licence passwords: wait {seconds} s before trying again", seconds=wait
                )
            state = state.attempted(now)
            self._set_meta(s, META_ATTEMPTS, state.encode())
        return blob, state

    def change_password(self, old: bytes, new: bytes, *, progress: Progress | None = None) -> Unlocked:
        """Re-encrypt every private key under a new master key wrapped by ``new``, in one transaction.

        A fresh master key (not just a re-wrapped one) means an old copy of the file together with
        the old password opens nothing written after the change. ``progress(done, total)`` is
        called after each key, and with ``done == total`` once the new password record is written
        and only the commit remains.
        """
        _check_new_password(new)
        old_session = self.unlock(old)
        master = os.urandom(MASTER_KEY_SIZE)
        blob = wrap_master(master, new, self.kdf)
        new_session = Unlocked(blob, master)
        with self.transaction() as s:
            self._check_session(s, old_session)
            self._rewrap_all(s, old_session.data_key(), new_session.data_key(), progress)
            self._set_meta(s, META_MASTER, blob)
            s.execute(delete(Meta).where(Meta.key == META_SESSION))
            self._audit(s, new_session, "password.changed", keys=_key_count(s), kdf=_kdf_details(self.kdf))
            s.flush()
            total = _key_count(s) + 1
            if progress:
                progress(total, total)  # the last step: everything written, commit next
        old_session.lock()
        self.unlock_cache.clear(self.store_id())
        return new_session

    @staticmethod
    def _rewrap_all(s: Session, old_key: bytes, new_key: bytes, progress: Progress | None) -> None:
        rows = [row for model in KEY_TABLES for row in s.scalars(select(model).order_by(model.id))]
        for done, row in enumerate(rows, 1):
            where = dict(table=row.__tablename__, column="private_key", row_id=row.id)
            row.private_key = seal(new_key, unseal(old_key, row.private_key, **where), **where)
            s.flush()  # sent to SQLite now, so a kill can land between rows
            if progress:
                progress(done, len(rows) + 1)

    # -----------------------------------------------------------------------------------------
    # the audit log (stored in this file; see app.core.audit)

    def log_event(self, event: str, unlocked: Unlocked | None = None, **details: object) -> audit_log.Entry:
        """Record a security event (e.g. ``"authorisation.created"``); details are JSON, never secrets.

        With ``unlocked`` the entry is also anchored (see :mod:`app.core.audit.log`).
        """
        with self.transaction() as s:
            if unlocked is not None:
                self._check_session(s, unlocked)
            return audit_log.append(s, event, details, at=self.clock(), unlocked=unlocked)

    def audit_entries(self, *, since: int = 0, limit: int | None = None) -> list[audit_log.Entry]:
        with self.transaction() as s:
            return audit_log.entries(s, since=since, limit=limit)

    def verify_audit(self, unlocked: Unlocked | None = None) -> audit_log.Report:
        """Check the chain; with ``unlocked``, also the anchored head (catches a cut or rewritten tail)."""
        with self.transaction() as s:
            if unlocked is not None:
                self._check_session(s, unlocked)
            return audit_log.verify(s, unlocked)


def _kdf_details(kdf: KdfParams) -> dict:
    return {"alg": "argon2id", "m_kib": kdf.memory_kib, "t": kdf.iterations, "p": kdf.lanes}


def _key_count(s: Session) -> int:
    return sum(s.scalar(select(func.count()).select_from(model)) or 0 for model in KEY_TABLES)


def _check_new_password(password: bytes) -> None:
    if not password:
        raise KeystoreError("The licence password must not be empty")
