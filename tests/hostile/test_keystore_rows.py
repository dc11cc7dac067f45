"""Keystore rows edited by someone holding the file (issue "hostile inputs" §14): the sealed key
blobs, the password record, the key rows' other columns, the audit log and its anchor, the
attempt counter. Hypothesis rewrites one or two cells — byte edits of the stored value, other
bytes, or a value of another SQLite type — then the keystore is opened and used the way the app
uses it. Every use either works or raises the project's error (EbidError), within a bounded
time; nothing else (no TypeError, ValueError, struct.error or SQLAlchemy error escaping).
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import time
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.core.errors import EbidError
from app.core.gm import SM2PrivateKey
from app.core.keystore import Keystore, NullUnlockCache
from tests.hostile.mutate import byte_mutants

PASSWORD = "row fuzzing password 丙".encode()
EXAMPLES = 8
BOUND_S = 20  # one use of a mutated store; Argon2id (64 MiB, t=3) is the slowest legitimate step

# (table, column, row condition) of every cell fuzzed, with the uses that read it.
CELLS = {
    "password record": ("meta", "value", "key = 'master_key'"),
    "audit anchor": ("meta", "value", "key = 'audit_anchor'"),
    "attempt counter": ("meta", "value", "key = 'failed_unlocks'"),
    "licence key blob": ("licences", "private_key", "id = 1"),
    "licence certificate": ("licences", "certificate", "id = 1"),
    "licence role": ("licences", "role", "id = 1"),
    "licence not_after": ("licences", "not_after", "id = 1"),
    "licence enterprise name": ("licences", "enterprise_name", "id = 1"),
    "encryption key blob": ("encryption_keys", "private_key", "id = 1"),
    "encryption public key": ("encryption_keys", "public_key", "id = 1"),
    "encryption key origin": ("encryption_keys", "origin", "id = 1"),
    "encryption key created_at": ("encryption_keys", "created_at", "id = 1"),
    "device key blob": ("device_identity", "private_key", "id = 1"),
    "device public key": ("device_identity", "public_key", "id = 1"),
    "audit details": ("audit_log", "details", "seq = 2"),
    "audit hash": ("audit_log", "hash", "seq = 2"),
    "audit prev_hash": ("audit_log", "prev_hash", "seq = 3"),
    "audit event": ("audit_log", "event", "seq = 3"),
    "audit time": ("audit_log", "at", "seq = 2"),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, object]:
    """A keystore with a licence, an encryption key, a device key, an audit log and a failed
    unlock; and its unlocked session (so most examples need no Argon2id)."""
    path = tmp_path_factory.mktemp("rows") / "keystore.sqlite"
    now = datetime.now(timezone.utc)
    with Keystore.open(path, unlock_cache=NullUnlockCache()) as ks:
        unlocked = ks.initialise(PASSWORD)
        ks.add_licence(unlocked, certificate=b"\x30\x03\x02\x01\x01", private_key=SM2PrivateKey.generate(),
                       enterprise_code="91350100M000100Y43", enterprise_name="福建测试科技有限公司",
                       holder_name="张三", role="legal_representative", not_before=now,
                       not_after=now + timedelta(days=3))
        ks.add_encryption_key(unlocked, label="k", private_key=SM2PrivateKey.generate())
        ks.create_device_identity(unlocked)
        try:
            ks.unlock(b"a wrong guess")
        except EbidError:
            pass
    return path, unlocked


def original(path: Path, table: str, column: str, where: str):
    with closing(sqlite3.connect(path)) as db:
        row = db.execute(f"SELECT {column} FROM {table} WHERE {where}").fetchone()  # noqa: S608 - test tables
    assert row is not None, (table, column, where)
    return row[0]


def edit_cell(path: Path, table: str, column: str, where: str, value) -> None:
    """One UPDATE, as someone rewriting the file makes it: the audit log's append-only trigger
    (which stops the app, not them) is dropped for the edit and put back."""
    with closing(sqlite3.connect(path)) as db, db:
        triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                              (table,)).fetchall()
        for name, _ in triggers:
            db.execute(f"DROP TRIGGER {name}")
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {where}", (value,))  # noqa: S608 - test tables
        for _, sql in triggers:
            db.execute(sql)


@st.composite
def replacement(draw, value):
    """An edit of ``value`` that a hand (or a bit rot) could make to one SQLite cell."""
    as_bytes = value if isinstance(value, bytes) else str(value).encode()
    kind = draw(st.sampled_from(["edit", "edit", "edit", "bytes", "text", "integer", "real", "empty"]))
    if kind == "edit":
        edited = draw(byte_mutants(as_bytes)) if as_bytes else draw(st.binary(max_size=8))
        if isinstance(value, str):
            return edited.decode("utf-8", "replace")
        return edited
    if kind == "bytes":
        return draw(st.binary(max_size=120))
    if kind == "text":
        return draw(st.text(max_size=60))
    if kind == "integer":
        return draw(st.integers(-(2 ** 16), 2 ** 16))  # bounded: bytes(n) of a huge one allocates n
    if kind == "real":
        return draw(st.floats(allow_nan=False))
    return b"" if isinstance(value, bytes) else ""


#: Cells whose use includes an unlock with the password (an Argon2id each: kept to these).
UNLOCKING = {"password record", "attempt counter"}


def use(path: Path, unlocked, *, unlock: bool) -> None:
    """What the app does with a keystore, each step allowed to refuse with the project's error."""
    with Keystore.open(path, unlock_cache=NullUnlockCache()) as ks:
        steps = [
            ks.failed_attempts, ks.unlock_wait, ks.is_initialised, ks.list_licences, ks.list_encryption_keys,
            ks.device_identity, ks.audit_entries,
            lambda: ks.verify_audit(unlocked),
            lambda: ks.private_key(1, unlocked, purpose="fuzz"),
            lambda: ks.encryption_private_key(1, unlocked, purpose="fuzz"),
            lambda: ks.encryption_public_key(1, unlocked),
            lambda: ks.device_private_key(unlocked, purpose="fuzz"),
        ]
        if unlock:
            steps.append(lambda: ks.unlock(PASSWORD))
        for step in steps:
            try:
                step()
            except EbidError:
                pass


# Crashes this test found in modules outside the hostile-inputs change; each stays a strict xfail
# (it fails the run once fixed, so the marker is removed) until its owner fixes it.
KNOWN: dict[str, str] = {}  # cells that crashed, each until its fix (none left)
CELL_PARAMS = [pytest.param(cell, id=cell, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[cell])]
                            if cell in KNOWN else []) for cell in CELLS]


@pytest.mark.parametrize("cell", CELL_PARAMS)
def test_an_edited_cell_opens_or_raises_the_projects_error(template, tmp_path, cell):
    source, unlocked = template
    table, column, where = CELLS[cell]
    value = original(source, table, column, where)
    copies = (tmp_path / f"keystore-{n}.sqlite" for n in itertools.count())

    @settings(max_examples=EXAMPLES, deadline=None,
              derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])
    @given(st.data())
    def run(data):
        copy = next(copies)  # a new file each time: no -wal or -shm of the last example replayed
        shutil.copyfile(source, copy)
        new = data.draw(replacement(value))
        try:
            edit_cell(copy, table, column, where, new)
        except sqlite3.IntegrityError:
            assume(False)  # refused by the schema itself (NOT NULL, CHECK): not a reachable state
        start = time.monotonic()
        try:
            use(copy, unlocked, unlock=cell in UNLOCKING)
        except EbidError:
            pass
        assert time.monotonic() - start < BOUND_S, f"{cell} = {new!r} took too long"

    run()


def test_the_unedited_template_works_in_every_step(template, tmp_path):
    """The uses above really reach the rows: on the intact copy none of them refuses."""
    source, unlocked = template
    copy = tmp_path / "keystore.sqlite"
    shutil.copyfile(source, copy)
    with Keystore.open(copy, unlock_cache=NullUnlockCache()) as ks:
        assert ks.verify_audit(unlocked).ok
        assert ks.private_key(1, unlocked, purpose="check") and ks.device_private_key(unlocked, purpose="check")
        assert ks.encryption_public_key(1, unlocked) and ks.list_licences()[0].holder_name == "张三"
        assert ks.failed_attempts() == 1
        ks.unlock(PASSWORD)
