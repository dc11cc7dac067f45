"""SQLite engine, connection settings and schema migration for the keystore file.

Every connection runs in WAL mode with ``synchronous=FULL`` (a committed transaction survives power
loss, and a killed process leaves either the old or the new state), foreign keys on and
``secure_delete`` on (freed pages are zeroed, so replaced ciphertexts do not linger). Transactions
start with ``BEGIN IMMEDIATE`` so that a writer never has to upgrade a read lock (no deadlock
between two processes, e.g. the GUI and the CLI); ``busy_timeout`` makes the other one wait.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase

from ..dbtypes import UTCDateTime  # noqa: F401  (re-exported for the models)
from .errors import KeystoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


class Base(DeclarativeBase):
    pass


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _on_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
    cursor = dbapi_conn.cursor()
    for pragma in (
        "journal_mode=WAL",
        "synchronous=FULL",
        "foreign_keys=ON",
        "secure_delete=ON",
        f"busy_timeout={BUSY_TIMEOUT_MS}",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _on_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path) -> Engine:
    _private(path)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _private(path: Path) -> None:
    """The keystore readable by its owner only (POSIX): created 0600 whatever the umask, and an
    older one tightened. SQLite gives its -wal and -shm files the database file's mode; ones
    left from before are tightened too."""
    if os.name != "posix":
        return  # Windows: the user's profile folder's ACL is what protects it
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError:
        return  # the real error comes from SQLite, with its own message
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if file.stat().st_mode & 0o077:
                file.chmod(0o600)
        except FileNotFoundError:
            continue
        except OSError:
            pass


def alembic_config() -> Config:
    """A Config built in code: the app ships no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, path: Path, revision: str = "head") -> None:
    """Bring the file's schema to ``revision`` (the newest by default) in one transaction."""
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise _damaged(path, exc) from None
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current is not None and current not in known:
        raise KeystoreError(
            "The keystore {path} was written by a newer version of EBid Desk (schema {rev}); update the app",
            path=str(path),
            rev=current,
        )
    config = alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    except SQLAlchemyError as exc:
        raise _damaged(path, exc) from None


def _damaged(path: Path, exc: SQLAlchemyError) -> KeystoreError:
    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return KeystoreError("The keystore {path} cannot be read: {reason}", path=str(path), reason=reason)
