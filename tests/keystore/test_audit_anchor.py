"""The anchor cannot be removed, replaced by an older one, or outlived by a rewrite (issue 16 §3).

What someone who can write the file, but does not know the password, can do: drop the
append-only triggers, rewrite or cut ``audit_log``, delete or copy back ``meta.audit_anchor``.
Each case here passed as "intact" before the anchor carried its counter and the log recorded
that it had been anchored."""

from __future__ import annotations

import sqlite3
import struct
from contextlib import closing
from datetime import UTC, datetime

import pytest

from app.core.audit import canonical_details, entry_hash
from app.core.gm import hmac_sm3

from .conftest import PASSWORD


@pytest.fixture
def logged(store, unlocked, clock):
    """Six entries (1 created + 5 events), anchored at the last one."""
    for n in range(5):
        clock.advance(60)
        store.log_event("authorisation.created", unlocked, agent=f"agent {n}")
    assert store.verify_audit(unlocked).ok
    return store


def _sql(path, *statements: str, params=()) -> None:
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for sql in statements:
            db.execute(sql, params)


def _anchor(path) -> bytes | None:
    with closing(sqlite3.connect(path)) as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'audit_anchor'").fetchone()
    return None if row is None else row[0]


def _put_anchor(path, value: bytes) -> None:
    _sql(path, "INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_anchor', ?)", params=(value,))


def _rows(path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT seq, at, event, details, prev_hash, hash FROM audit_log ORDER BY seq").fetchall()


def _forged_log(store, keep: int, total: int) -> list[tuple]:
    """The first ``keep`` rows, then self-consistent forged ones up to ``total`` (no password
    needed: the chain is unkeyed)."""
    rows = _rows(store.path)[:keep]
    for seq in range(keep + 1, total + 1):
        at = datetime(2026, 6, 1, 9, seq, tzinfo=UTC)
        details = canonical_details({"agent": "nobody"})
        prev = rows[-1][5]
        rows.append((seq, at.strftime("%Y-%m-%d %H:%M:%S.%f"), "authorisation.revoked", details, prev,
                     entry_hash(at, "authorisation.revoked", details, prev)))
    return rows


def _write_log(path, rows: list[tuple]) -> None:
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        db.execute("DELETE FROM audit_log")
        db.executemany("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?)", rows)


def test_a_deleted_anchor_is_tampering(logged, unlocked):
    _sql(logged.path, "DELETE FROM meta WHERE key = 'audit_anchor'")
    report = logged.verify_audit(unlocked)
    assert not report.ok and report.anchor_checked
    assert report.first_bad_seq == 1 and "audit anchor was removed" in report.reason


def test_a_rewrite_without_the_password_is_caught_even_with_the_anchor_deleted(logged, unlocked):
    _write_log(logged.path, _forged_log(logged, 2, 6))
    _sql(logged.path, "DELETE FROM meta WHERE key = 'audit_anchor'")
    assert logged.verify_audit().ok  # the chain alone is consistent
    report = logged.verify_audit(unlocked)
    assert not report.ok and "audit anchor was removed" in report.reason


def test_the_next_unlocked_append_records_what_it_found(logged, unlocked):
    """Re-anchoring a cut log must not erase the cut: the append writes down what it found."""
    _write_log(logged.path, _rows(logged.path)[:3])
    logged.log_event("licence.downloaded", unlocked, serial="01")
    events = [e.event for e in logged.audit_entries()]
    assert events == ["keystore.created", "authorisation.created", "authorisation.created",
                      "audit.tampering_found", "licence.downloaded"]
    report = logged.verify_audit(unlocked)
    assert not report.ok and report.first_bad_seq == 4
    assert "records tampering" in report.reason and "entries 4 to 6 were removed" in report.reason
    assert not logged.verify_audit().ok  # the record is in the chain: seen without the password too


def test_a_deleted_anchor_found_by_the_next_append_is_recorded(logged, unlocked):
    _sql(logged.path, "DELETE FROM meta WHERE key = 'audit_anchor'")
    logged.log_event("licence.downloaded", unlocked, serial="01")
    report = logged.verify_audit(unlocked)
    assert not report.ok and report.first_bad_seq == 7 and "anchor was removed" in report.reason


def _record_head(store, unlocked, seq: int) -> None:
    """Keep a countersigned head at ``seq`` as the client does once the service signed it (the
    signature is checked by the client: tests/service/test_audit_countersign.py)."""
    from app.core.audit import CountersignedHead

    entry = store.audit_entries()[seq - 1]
    head = CountersignedHead(store.store_id(), seq, entry.hash, store.audit_head(unlocked).counter,
                             datetime(2026, 6, 1, 9, 0, tzinfo=UTC), b"(checked by the client)")
    store.record_countersigned(unlocked, head)


def test_an_older_anchor_put_back_after_a_cut_is_caught_by_the_countersigned_head(store, unlocked):
    """Copy the anchor at entry 3; the log grows and is countersigned at 6; cut it back to 3 and
    put the old anchor back: chain and anchor agree, the countersigned head does not."""
    for n in range(2):
        store.log_event("authorisation.created", unlocked, agent=f"agent {n}")
    copied = _anchor(store.path)
    for n in range(3):
        store.log_event("authorisation.created", unlocked, agent=f"agent {n + 2}")
    _record_head(store, unlocked, 6)
    assert store.verify_audit(unlocked).ok
    _write_log(store.path, _rows(store.path)[:3])
    _put_anchor(store.path, copied)
    report = store.verify_audit(unlocked)
    assert not report.ok and report.first_bad_seq == 4
    assert "log cut back after countersigned head 6" in report.reason


def test_an_older_anchor_put_back_with_the_head_records_deleted_is_caught(store, unlocked):
    """The anchor written after a countersignature names its seq: removing the record shows."""
    store.log_event("authorisation.created", unlocked, agent="a")
    _record_head(store, unlocked, 2)
    store.log_event("authorisation.created", unlocked, agent="b")
    _sql(store.path, "DELETE FROM audit_heads")
    report = store.verify_audit(unlocked)
    assert not report.ok and "record of countersigned head 2 was removed" in report.reason


def test_a_log_rebuilt_past_the_countersigned_head_is_caught(store, unlocked):
    """Cut back before the countersigned head, old anchor put back, then the device goes on
    writing: the log passes the head again, with other entries."""
    store.log_event("authorisation.created", unlocked, agent="a")
    copied = _anchor(store.path)
    for agent in "bcd":
        store.log_event("authorisation.created", unlocked, agent=agent)
    _record_head(store, unlocked, 3)
    _record_head(store, unlocked, 5)
    _write_log(store.path, _rows(store.path)[:2])
    _put_anchor(store.path, copied)
    for agent in "xyz":
        store.log_event("authorisation.created", unlocked, agent=agent)
    report = store.verify_audit(unlocked)
    assert not report.ok and report.first_bad_seq == 1
    assert "an entry from 1 to 3 was altered (the log differs from countersigned head 3)" in report.reason


def test_counter_and_since_survive_a_password_change(store, unlocked, clock):
    for _ in range(3):
        store.log_event("licence.downloaded", unlocked, serial="01")
    before = store.audit_head(unlocked)
    changed = store.change_password(PASSWORD, b"another password 2")
    after = store.audit_head(changed)
    assert after.counter > before.counter and after.since == before.since == 1
    assert store.verify_audit(changed).ok


def test_a_version_1_anchor_still_verifies_and_is_upgraded(logged, unlocked):
    """A keystore anchored before the counter (revision 0006 and earlier) upgrades cleanly."""
    rows = _rows(logged.path)
    seq, head = rows[-1][0], rows[-1][5]
    v1 = struct.pack(">Q", seq) + head
    v1 += hmac_sm3(unlocked.audit_key(), b"EBidDesk audit anchor v1\0" + struct.pack(">Q", seq) + head)
    _put_anchor(logged.path, v1)
    assert logged.verify_audit(unlocked).ok
    logged.log_event("licence.downloaded", unlocked, serial="01")
    assert len(_anchor(logged.path)) == 97 and _anchor(logged.path)[0] == 2
    anchor = logged.audit_head(unlocked)
    assert anchor.since == seq and anchor.counter == 1
    assert logged.verify_audit(unlocked).ok


def test_a_log_of_failed_unlocks_only_may_lack_an_anchor(tmp_path, clock):
    """What an old file (schema 0001, upgraded, never unlocked since) looks like: no anchor, and
    nothing in the log that only the password holder writes. Still intact, with a note."""
    from app.core.keystore import Keystore, NullUnlockCache

    with Keystore.open(tmp_path / "k.sqlite", clock=clock, unlock_cache=NullUnlockCache()) as ks:
        unlocked = ks.initialise(PASSWORD)
        with pytest.raises(Exception):
            ks.unlock(b"wrong")
        rows = _rows(ks.path)[1:]
        rows = [(1, rows[0][1], rows[0][2], rows[0][3], bytes(32),
                 entry_hash(ks.audit_entries()[1].at, rows[0][2], rows[0][3], bytes(32)))]
        _write_log(ks.path, rows)
        _sql(ks.path, "DELETE FROM meta WHERE key = 'audit_anchor'")
        report = ks.verify_audit(unlocked)
        assert report.ok and "no anchor yet" in report.reason
