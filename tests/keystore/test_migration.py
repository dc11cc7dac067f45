"""Alembic: a file saved by schema revision 0001 (tests/data/keystore-v1.sqlite) upgrades and opens."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.core.gm import sm3
from app.core.keystore import Keystore, KeystoreError, NullUnlockCache
from app.core.keystore.db import Base, current_revision, head_revision

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "keystore-v1.sqlite"
FIXTURE_PASSWORD = "v1-fixture-密码".encode()  # see tests/data/make_keystore_v1.py


def _revision(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _scalar(label: str) -> bytes:
    return sm3(label.encode())


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    target = tmp_path / "keystore.sqlite"
    shutil.copyfile(FIXTURE, target)
    assert _revision(target) == "0001"
    return target


def test_v1_file_upgrades_and_its_keys_still_unlock(v1_copy):
    assert head_revision() != "0001"  # otherwise this test would upgrade nothing
    with Keystore.open(v1_copy, unlock_cache=NullUnlockCache()) as ks:
        assert current_revision(ks.engine) == head_revision()
        unlocked = ks.unlock(FIXTURE_PASSWORD)
        licences = ks.list_licences()
        assert [(lic.id, lic.role, lic.holder_name, lic.enterprise_name) for lic in licences] == [
            (1, "legal_representative", "张三", "福建测试科技有限公司"),
            (2, "agent", "张三", "福建测试科技有限公司"),
        ]
        assert licences[1].certificate == b"opaque DER 2"
        assert licences[0].not_after == datetime(2026, 1, 4, tzinfo=timezone.utc)
        for lic in licences:
            key = ks.private_key(lic.id, unlocked, purpose="migration test")
            assert key.to_bytes() == _scalar(f"fixture licence {lic.id}")
        (enc,) = ks.list_encryption_keys()
        assert enc.licence_id == 1
        assert ks.encryption_private_key(enc.id, unlocked, purpose="t").to_bytes() == _scalar("fixture encryption key")
        assert ks.device_private_key(unlocked, purpose="t").public_key() == ks.device_identity().public_key
        # The table revision 0002 added works, and anchors under the old master key.
        report = ks.verify_audit(unlocked)
        assert report.ok and report.count == 4 and report.anchor_checked
    assert FIXTURE.read_bytes()[:16] == b"SQLite format 3\0"


def test_models_match_the_newest_migration(tmp_path):
    with Keystore.open(tmp_path / "fresh.sqlite", unlock_cache=NullUnlockCache()) as ks:
        with ks.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_a_file_from_a_newer_version_is_refused(v1_copy):
    with closing(sqlite3.connect(v1_copy)) as db, db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(KeystoreError, match="newer version of EBid Desk"):
        Keystore.open(v1_copy, unlock_cache=NullUnlockCache())
