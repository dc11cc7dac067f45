"""What every repository of the keystore shares: the file, its transactions, its clock, and the
checks that a session still matches the stored password."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from . import db
from .db import Base
from .errors import Locked, NotFound, NotInitialised
from .models import Meta
from .session import Unlocked

META_MASTER = "master_key"
META_STORE_ID = "store_id"

Clock = Callable[[], datetime]


class Storage:
    """One keystore file; the repositories each hold the same instance."""

    def __init__(self, engine: Engine, path: Path, clock: Clock) -> None:
        self.engine = engine
        self.path = path
        self.clock = clock
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One SQLite transaction (``BEGIN IMMEDIATE``): all or nothing, even under SIGKILL."""
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as exc:
            raise db._damaged(self.path, exc) from None

    @staticmethod
    def get_meta(s: Session, key: str) -> bytes | None:
        row = s.get(Meta, key)
        return None if row is None else row.value

    @staticmethod
    def set_meta(s: Session, key: str, value: bytes) -> None:
        s.merge(Meta(key=key, value=value))

    def master_blob(self, s: Session) -> bytes:
        blob = self.get_meta(s, META_MASTER)
        if blob is None:
            raise NotInitialised("No licence password is set on this device yet: set one first")
        return blob

    def check_session(self, s: Session, unlocked: Unlocked) -> None:
        unlocked.master()  # raises Locked if locked
        if self.master_blob(s) != unlocked.master_blob:
            raise Locked("The licence password was changed: enter it again")

    @staticmethod
    def row(s: Session, model: type[Base], row_id: int, what: str):
        row = s.get(model, row_id)
        if row is None:
            raise NotFound("No {what} with id {id} in the keystore", what=what, id=row_id)
        return row

    def store_id(self) -> str:
        """A random id of this keystore (names its keyring entry)."""
        with self.transaction() as s:
            raw = self.get_meta(s, META_STORE_ID)
            if raw is None:
                raw = uuid.uuid4().hex.encode("ascii")
                self.set_meta(s, META_STORE_ID, raw)
            return raw.decode("ascii")
