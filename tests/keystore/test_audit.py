"""Tamper detection of the audit log: edited, removed, moved, inserted entries; a cut tail."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from app.core.audit import GENESIS, canonical_details, entry_hash
from app.core.audit.chain import format_time
from app.core.errors import InvalidInput


@pytest.fixture
def logged(store, unlocked, clock):
    """Six entries (1 created + 5 events), anchored at the last one."""
    for n in range(5):
        clock.advance(60)
        store.log_event("authorisation.created", unlocked, agent=f"agent {n}", matters=["电子商务-招投标-全流程投标"])
    assert store.verify_audit(unlocked).ok
    return store


def _rows(path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT seq, at, event, details, prev_hash, hash FROM audit_log ORDER BY seq").fetchall()


def _rewrite(path, rows: list[tuple]) -> None:
    """What someone with the file can do: drop the append-only triggers and rewrite the table."""
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("DROP TRIGGER audit_log_no_delete")
        db.execute("DELETE FROM audit_log")
        db.executemany("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?)", rows)


def _renumber(rows: list[tuple]) -> list[tuple]:
    return [(n, *row[1:]) for n, row in enumerate(rows, 1)]


def _forged(store, prev_row: tuple, event: str) -> tuple:
    """A self-consistent new entry linked to ``prev_row`` (the chain is unkeyed)."""
    at = store.clock()
    details = canonical_details({"note": "forged"})
    return (0, at.strftime("%Y-%m-%d %H:%M:%S.%f"), event, details, prev_row[5], entry_hash(at, event, details, prev_row[5]))


def _first_bad(store) -> tuple[int | None, str]:
    report = store.verify_audit()
    assert not report.ok
    return report.first_bad_seq, report.reason


def test_intact_log_verifies(logged, unlocked):
    report = logged.verify_audit(unlocked)
    assert report.ok and report.count == 6 and report.anchor_checked
    assert [e.seq for e in logged.audit_entries()] == [1, 2, 3, 4, 5, 6]
    assert logged.audit_entries()[0].prev_hash == GENESIS


def test_the_table_refuses_updates_and_deletes(logged):
    with closing(sqlite3.connect(logged.path)) as db:
        for sql in ("UPDATE audit_log SET event = 'x' WHERE seq = 2", "DELETE FROM audit_log WHERE seq = 2"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                db.execute(sql)


def test_edited_entry(logged):
    rows = _rows(logged.path)
    rows[2] = rows[2][:3] + ('{"agent":"someone else"}',) + rows[2][4:]
    _rewrite(logged.path, rows)
    assert _first_bad(logged) == (3, "entry 3 was altered (its hash does not match)")


@pytest.mark.parametrize("column, value", [(1, "garbage"), (1, "2026-13-45 99:99:99"), (1, 12345),
                                           (3, b"\xff\xfe"), (4, "not bytes")])
def test_an_entry_edited_into_nonsense_is_reported_as_altered(logged, column, value):
    """Text where a time belongs, bytes where JSON belongs: "altered", not an internal error."""
    rows = _rows(logged.path)
    rows[3] = rows[3][:column] + (value,) + rows[3][column + 1:]
    _rewrite(logged.path, rows)
    assert _first_bad(logged) == (4, "entry 4 was altered (it cannot even be read)")


def test_removed_entry_leaving_a_gap(logged):
    rows = _rows(logged.path)
    _rewrite(logged.path, rows[:2] + rows[3:])
    assert _first_bad(logged) == (3, "entry 3 is missing")


def test_removed_entry_with_the_rest_renumbered(logged):
    rows = _rows(logged.path)
    _rewrite(logged.path, _renumber(rows[:2] + rows[3:]))
    seq, reason = _first_bad(logged)
    assert seq == 3 and "does not follow entry 2" in reason


def test_reordered_entries(logged):
    rows = _rows(logged.path)
    _rewrite(logged.path, _renumber(rows[:2] + [rows[3], rows[2]] + rows[4:]))
    seq, reason = _first_bad(logged)
    assert seq == 3 and "does not follow" in reason


def test_inserted_entry(logged):
    rows = _rows(logged.path)
    _rewrite(logged.path, _renumber(rows[:2] + [_forged(logged, rows[1], "authorisation.revoked")] + rows[2:]))
    assert _first_bad(logged) == (3, "entry 3 was inserted")


def test_cut_tail_is_caught_only_by_the_anchor(logged, unlocked):
    _rewrite(logged.path, _rows(logged.path)[:4])
    assert logged.verify_audit().ok  # the chain alone cannot see a missing tail
    report = logged.verify_audit(unlocked)
    assert not report.ok and report.first_bad_seq == 5 and "5 to 6 were removed" in report.reason


def test_recomputed_chain_is_caught_by_the_anchor(logged, unlocked):
    rows = _rows(logged.path)[:2]
    rows.append(_forged(logged, rows[1], "authorisation.revoked"))
    for _ in range(3):  # pad back to six entries, all consistently chained
        rows.append(_forged(logged, rows[-1], "licence.downloaded"))
    _rewrite(logged.path, _renumber(rows))
    assert logged.verify_audit().ok
    report = logged.verify_audit(unlocked)
    assert not report.ok and "rewritten up to entry 6" in report.reason


def test_forged_anchor(logged, unlocked):
    with closing(sqlite3.connect(logged.path)) as db, db:
        db.execute("UPDATE meta SET value = zeroblob(72) WHERE key = 'audit_anchor'")
    report = logged.verify_audit(unlocked)
    assert not report.ok and "forged" in report.reason


def test_details_must_be_json_and_free_of_secrets(store, unlocked):
    with pytest.raises(InvalidInput, match="secrets"):
        store.log_event("licence.downloaded", unlocked, private_key="00")
    with pytest.raises(InvalidInput, match="plain JSON"):
        store.log_event("licence.downloaded", unlocked, blob=b"\x00")
    assert canonical_details({"b": 1, "a": "中"}) == '{"a":"中","b":1}'


def test_time_encoding_is_utc_with_microseconds(clock):
    assert format_time(clock.now) == "2026-06-01T08:00:00.000000Z"
