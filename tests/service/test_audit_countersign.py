"""The audit log's head countersigned by the real service (issue 16 §3): a keystore file cut back
or restored from an older copy is caught by the heads the service signed — in the file while the
file keeps them, at the service when the whole file was rolled back."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing

import pytest

from app.core.audit import CountersignedHead
from app.core.client import ServiceError
from app.core.client.audit import AuditClient, countersign_log, verify_with_service
from app.core.errors import VerificationFailed
from app.core.keystore import Keystore, NullUnlockCache
from app.core.licence.demo import DEMO_ENTERPRISES

PASSWORD = "audit 审计 password".encode()


@pytest.fixture
def keystore(tmp_path, clock):
    (tmp_path / "device").mkdir()
    ks = Keystore.open(tmp_path / "device" / "keystore.sqlite", clock=clock, unlock_cache=NullUnlockCache())
    yield ks
    ks.close()


@pytest.fixture
def unlocked(keystore):
    return keystore.initialise(PASSWORD)


def _events(store, unlocked, n: int, who: str = "agent") -> None:
    for i in range(n):
        store.log_event("authorisation.created", unlocked, agent=f"{who} {i}")


def _anchor(path) -> bytes:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT value FROM meta WHERE key = 'audit_anchor'").fetchone()[0]


def _cut(path, keep: int, anchor: bytes) -> None:
    """What someone with the file can do: cut the log and put an anchor copied earlier back."""
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("DROP TRIGGER audit_log_no_delete")
        db.execute("DELETE FROM audit_log WHERE seq > ?", (keep,))
        db.execute("UPDATE meta SET value = ? WHERE key = 'audit_anchor'", (anchor,))


def _copy(path, to) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(FULL)")
    to.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, to)  # with its owner-only mode, as a backup tool keeps it


def test_a_countersigned_head_verifies_with_the_root_and_is_kept(keystore, unlocked, legal_rep, client):
    _events(keystore, unlocked, 3)
    signed = countersign_log(keystore, unlocked, legal_rep)
    assert signed.seq == 4 and signed.head == keystore.audit_entries()[3].hash
    signed.verify(client.root_certificate().public_key())
    assert keystore.countersigned_heads() == [signed]
    assert keystore.verify_audit(unlocked).ok
    assert verify_with_service(keystore, unlocked, legal_rep).ok
    assert AuditClient(legal_rep).newest(keystore.store_id()) == signed


def test_replayed_older_anchor_after_a_cut_is_caught(keystore, unlocked, legal_rep):
    _events(keystore, unlocked, 2)
    copied = _anchor(keystore.path)  # the anchor at entry 3
    _events(keystore, unlocked, 3)
    countersign_log(keystore, unlocked, legal_rep)  # head 6
    _cut(keystore.path, 3, copied)
    report = keystore.verify_audit(unlocked)
    assert not report.ok and report.first_bad_seq == 4
    assert "log cut back after countersigned head 6" in report.reason


def test_a_whole_file_restored_from_an_older_copy_is_caught_by_the_service(keystore, unlocked, legal_rep, tmp_path, clock):
    _events(keystore, unlocked, 2)
    countersign_log(keystore, unlocked, legal_rep)  # head 3
    old = tmp_path / "copy" / "keystore.sqlite"
    _copy(keystore.path, old)
    _events(keystore, unlocked, 3)
    countersign_log(keystore, unlocked, legal_rep)  # head 6
    path = keystore.path
    keystore.close()
    for suffix in ("", "-wal", "-shm"):
        with_suffix = path.with_name(path.name + suffix)
        if with_suffix.exists():
            os.remove(with_suffix)
    shutil.copyfile(old, path)
    with Keystore.open(path, clock=clock, unlock_cache=NullUnlockCache()) as restored:
        again = restored.unlock(PASSWORD)
        assert restored.verify_audit(again).ok  # the file alone cannot tell: it is a real old copy
        report = verify_with_service(restored, again, legal_rep)
        assert not report.ok and "log cut back after countersigned head 6" in report.reason
        with pytest.raises(ServiceError) as refused:
            countersign_log(restored, again, legal_rep)
        assert refused.value.code == "audit_log_cut_back" and refused.value.status == 409
        assert "countersigned head 6" in str(refused.value)


def test_a_restored_copy_that_went_on_is_caught_as_altered(keystore, unlocked, legal_rep, tmp_path, clock):
    """Restored to an older copy, then used: the log passes the countersigned head with other
    entries. The service's head does not match."""
    countersign_log(keystore, unlocked, legal_rep)  # head 1
    old = tmp_path / "copy" / "keystore.sqlite"
    _copy(keystore.path, old)
    _events(keystore, unlocked, 2)
    countersign_log(keystore, unlocked, legal_rep)  # head 3
    path = keystore.path
    keystore.close()
    for suffix in ("-wal", "-shm"):
        if path.with_name(path.name + suffix).exists():
            os.remove(path.with_name(path.name + suffix))
    shutil.copyfile(old, path)
    with Keystore.open(path, clock=clock, unlock_cache=NullUnlockCache()) as restored:
        again = restored.unlock(PASSWORD)
        _events(restored, again, 4, who="someone else")
        report = verify_with_service(restored, again, legal_rep)
        assert not report.ok and report.first_bad_seq == 2
        assert "an entry from 2 to 3 was altered (the log differs from countersigned head 3" in report.reason


def test_the_service_refuses_another_hash_at_the_same_head(keystore, unlocked, legal_rep):
    signed = countersign_log(keystore, unlocked, legal_rep)
    with pytest.raises(ServiceError) as refused:
        AuditClient(legal_rep).countersign(keystore.store_id(), signed.seq, bytes(32), signed.counter)
    assert refused.value.code == "audit_head_differs"


def test_another_person_cannot_read_or_push_this_keystores_heads(keystore, unlocked, legal_rep, download):
    countersign_log(keystore, unlocked, legal_rep)
    other = DEMO_ENTERPRISES[1].enterprise
    stranger = download(other.legal_representative, other)
    with pytest.raises(ServiceError) as refused:
        AuditClient(stranger).countersign(keystore.store_id(), 99, bytes(32), 99)
    assert refused.value.code == "audit_log_of_another"
    assert AuditClient(stranger).newest(keystore.store_id()) is None


def test_a_countersignature_over_other_bytes_is_refused(keystore, unlocked, legal_rep, client):
    signed = countersign_log(keystore, unlocked, legal_rep)
    forged = CountersignedHead(signed.store, signed.seq + 1, signed.head, signed.counter, signed.at, signed.signature)
    with pytest.raises(VerificationFailed):
        forged.verify(client.root_certificate().public_key())


@pytest.fixture
def cli(ebid, live, tmp_path):
    password = tmp_path / "pw"
    password.write_text("correct horse\n")
    env = dict(os.environ, EBID_HOME=str(tmp_path / "ebid-home"), EBID_SERVER=live.url,
               EBID_PASSWORD_FILE=str(password))
    return lambda *args: ebid(*args, env=env)


def test_the_command_line_countersigns_and_reports_a_cut(cli, tmp_path):
    enterprise = DEMO_ENTERPRISES[0].enterprise
    rep = enterprise.legal_representative
    assert cli("keystore", "init").returncode == 0
    r = cli("licence", "download", "--place", enterprise.registration_place, "--credit-code",
            enterprise.credit_code, "--name", rep.name, "--id-number", rep.id_number, "--phone", rep.mobile)
    assert r.returncode == 0, r.stderr
    path = tmp_path / "ebid-home" / "keystore.sqlite"
    keep = len(cli("audit", "list").stdout.splitlines())
    copied = _anchor(path)
    r = cli("audit", "countersign")
    assert r.returncode == 0, r.stderr
    head = int(r.stdout.split()[2])
    assert "countersigned by the service" in r.stdout and head > keep
    r = cli("audit", "verify", "--online")
    assert r.returncode == 0 and "Audit log intact" in r.stdout, r.stderr

    _cut(path, keep, copied)
    r = cli("audit", "verify", "--anchor")
    assert r.returncode == 1, r.stdout
    assert f"log cut back after countersigned head {head}" in r.stderr
