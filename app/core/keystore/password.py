"""The licence password: set it, unlock with throttling, and change it crash-safely."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import WrongPassword
from .attempts import AttemptState, DelaySchedule, remaining_wait
from .audit_log import AuditLog
from .blobs import MASTER_KEY_SIZE, KdfParams, seal, unseal, unwrap_master, wrap_master
from .errors import AlreadyInitialised, KeystoreError, TooManyAttempts
from .key_rows import where
from .models import KEY_TABLES
from .quick_unlock import QuickUnlock, drop_remembered
from .session import Unlocked
from .storage import META_MASTER, META_STORE_ID, Storage

META_ATTEMPTS = "failed_unlocks"

Progress = Callable[[int, int], None]


class Password:
    def __init__(
        self, storage: Storage, audit: AuditLog, quick_unlock: QuickUnlock, *,
        kdf: KdfParams, delay_schedule: DelaySchedule,
    ) -> None:
        self._storage = storage
        self._audit = audit
        self._quick_unlock = quick_unlock
        self.kdf = kdf
        self.delay_schedule = delay_schedule

    def is_initialised(self) -> bool:
        with self._storage.transaction() as s:
            return self._storage.get_meta(s, META_MASTER) is not None

    def initialise(self, password: bytes) -> Unlocked:
        _check_new_password(password)
        master = os.urandom(MASTER_KEY_SIZE)
        blob = wrap_master(master, password, self.kdf)
        with self._storage.transaction() as s:
            if self._storage.get_meta(s, META_MASTER) is not None:
                raise AlreadyInitialised("This keystore already has a licence password")
            self._storage.set_meta(s, META_MASTER, blob)
            self._storage.set_meta(s, META_STORE_ID, uuid.uuid4().hex.encode("ascii"))
            self._audit.append(
                s, Unlocked(blob, master), "keystore.created", kdf=_kdf_details(self.kdf)
            )
        return Unlocked(blob, master)

    def failed_attempts(self) -> int:
        with self._storage.transaction() as s:
            return self._attempts(s).failures

    def unlock_wait(self) -> int:
        with self._storage.transaction() as s:
            state = self._attempts(s)
        return remaining_wait(state, self._storage.clock(), self.delay_schedule)

    def unlock(self, password: bytes) -> Unlocked:
        blob, state = self._begin_attempt()
        try:
            master = unwrap_master(blob, password)
        except WrongPassword:
            wait = self.delay_schedule(state.failures)
            with self._storage.transaction() as s:
                self._audit.append(s, None, "unlock.failed", failures=state.failures)
            if wait > 0:
                raise WrongPassword(
                    "Wrong licence password ({count} wrong in a row); "
                    "wait {seconds} s before trying again",
                    count=state.failures, seconds=wait,
                ) from None
            raise WrongPassword(
                "Wrong licence password ({count} wrong in a row)", count=state.failures
            ) from None
        with self._storage.transaction() as s:
            self._storage.set_meta(s, META_ATTEMPTS, AttemptState().encode())
        return Unlocked(blob, master)

    def _attempts(self, s: Session) -> AttemptState:
        return AttemptState.decode(self._storage.get_meta(s, META_ATTEMPTS))

    def _begin_attempt(self) -> tuple[bytes, AttemptState]:
        """Refuse an early attempt, else count it as failed until it succeeds (kill-safe)."""
        now = self._storage.clock()
        with self._storage.transaction() as s:
            blob = self._storage.master_blob(s)
            state = self._attempts(s)
            wait = remaining_wait(state, now, self.delay_schedule)
            if wait > 0:
                raise TooManyAttempts(
                    "Too many wrong licence passwords: wait {seconds} s before trying again",
                    seconds=wait,
                )
            state = state.attempted(now)
            self._storage.set_meta(s, META_ATTEMPTS, state.encode())
        return blob, state

    def change(self, old: bytes, new: bytes, *, progress: Progress | None = None) -> Unlocked:
        """See :meth:`app.core.keystore.Keystore.change_password`."""
        _check_new_password(new)
        old_session = self.unlock(old)
        master = os.urandom(MASTER_KEY_SIZE)
        blob = wrap_master(master, new, self.kdf)
        new_session = Unlocked(blob, master)
        with self._storage.transaction() as s:
            self._storage.check_session(s, old_session)
            _rewrap_all(s, old_session.data_key(), new_session.data_key(), progress)
            self._storage.set_meta(s, META_MASTER, blob)
            drop_remembered(s)
            self._audit.append(
                s, new_session, "password.changed", keys=_key_count(s),
                kdf=_kdf_details(self.kdf),
            )
            s.flush()
            total = _key_count(s) + 1
            if progress:
                progress(total, total)  # the last step: everything written, commit next
        old_session.lock()
        self._quick_unlock.forget_cached_key()
        return new_session


def _rewrap_all(s: Session, old_key: bytes, new_key: bytes, progress: Progress | None) -> None:
    rows = [row for model in KEY_TABLES for row in s.scalars(select(model).order_by(model.id))]
    for done, row in enumerate(rows, 1):
        plain = unseal(old_key, row.private_key, **where(row))
        row.private_key = seal(new_key, plain, **where(row))
        s.flush()  # sent to SQLite now, so a kill can land between rows
        if progress:
            progress(done, len(rows) + 1)


def _kdf_details(kdf: KdfParams) -> dict:
    return {"alg": "argon2id", "m_kib": kdf.memory_kib, "t": kdf.iterations, "p": kdf.lanes}


def _key_count(s: Session) -> int:
    return sum(s.scalar(select(func.count()).select_from(model)) or 0 for model in KEY_TABLES)


def _check_new_password(password: bytes) -> None:
    if not password:
        raise KeystoreError("The licence password must not be empty")
