"""Killing a password change at any point leaves exactly one of the two passwords working.

A child process changes the password of a keystore holding many keys and is SIGKILLed: by itself
at chosen steps inside the transaction (after some keys are re-encrypted, and after everything is
written but before the commit), and by the parent at random moments (during Argon2id, during the
re-encryption, around the commit). After each kill the file must open with the old password or
the new one — never both, never neither — and every key must decrypt to its original value.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import WrongPassword
from app.core.gm import SM2PrivateKey
from app.core.keystore import Keystore, NullUnlockCache
from app.core.keystore.blobs import unseal
from app.core.keystore.models import KEY_TABLES

OLD, NEW = "old password", "new password"
LICENCES, ENCRYPTION_KEYS = 40, 40
TOTAL_STEPS = LICENCES + ENCRYPTION_KEYS + 1 + 1  # + device key + the password record
CHILD = Path(__file__).with_name("crash_child.py")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, dict[tuple[str, int], bytes]]:
    """A keystore with many keys, and the scalar each row must decrypt to."""
    from datetime import datetime, timedelta, timezone

    path = tmp_path_factory.mktemp("template") / "keystore.sqlite"
    expected: dict[tuple[str, int], bytes] = {}
    now = datetime.now(timezone.utc)
    with Keystore.open(path, unlock_cache=NullUnlockCache()) as ks:
        unlocked = ks.initialise(OLD.encode())
        for _ in range(LICENCES):
            key = SM2PrivateKey.generate()
            info = ks.add_licence(
                unlocked, certificate=b"DER", private_key=key, enterprise_code="91350100M000100Y43",
                enterprise_name="E", holder_name="H", role="agent", not_before=now, not_after=now + timedelta(days=3),
            )
            expected[("licences", info.id)] = key.to_bytes()
        for n in range(ENCRYPTION_KEYS):
            key = SM2PrivateKey.generate()
            expected[("encryption_keys", ks.add_encryption_key(unlocked, label=f"k{n}", private_key=key).id)] = key.to_bytes()
        ks.create_device_identity(unlocked)
        expected[("device_identity", 1)] = ks.device_private_key(unlocked, purpose="test").to_bytes()
    return path, expected


def _run_child(path: Path, kill_step: int, kill_after: float | None) -> str:
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), OLD, NEW, str(kill_step)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
    if kill_after is not None:
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    if proc.returncode == -signal.SIGKILL:
        return "killed"
    assert proc.returncode == 0, err
    return out.strip()


def _which_password_works(path: Path, expected: dict[tuple[str, int], bytes]) -> str:
    with Keystore.open(path, unlock_cache=NullUnlockCache()) as ks:
        working = []
        for name, password in (("old", OLD), ("new", NEW)):
            try:
                working.append((name, ks.unlock(password.encode())))
            except WrongPassword:
                pass
        assert len(working) == 1, f"working passwords: {[w[0] for w in working]}"
        name, unlocked = working[0]
        assert _decrypt_all(ks, unlocked) == expected
        assert ks.private_key(1, unlocked, purpose="check").to_bytes() == expected[("licences", 1)]
        assert ks.verify_audit(unlocked).ok
        return name


def _decrypt_all(ks: Keystore, unlocked) -> dict[tuple[str, int], bytes]:
    """Every blob opened with the real cipher (one layer below the API, whose SM2 key objects cost
    a scalar multiplication each and would make this test slow)."""
    out = {}
    with ks.transaction() as s:
        for model in KEY_TABLES:
            for row in s.scalars(select(model)):
                where = dict(table=model.__tablename__, column="private_key", row_id=row.id)
                out[(model.__tablename__, row.id)] = unseal(unlocked.data_key(), row.private_key, **where)
    return out


def _fresh_copy(template_path: Path, folder: Path) -> Path:
    folder.mkdir()
    target = folder / "keystore.sqlite"
    shutil.copyfile(template_path, target)
    return target


def test_kill_inside_the_transaction_keeps_the_old_password(template, tmp_path):
    path, expected = template
    for step in (1, 2, TOTAL_STEPS // 3, TOTAL_STEPS // 2, TOTAL_STEPS - 2, TOTAL_STEPS - 1, TOTAL_STEPS):
        copy = _fresh_copy(path, tmp_path / f"step{step}")
        assert _run_child(copy, step, None) == "killed"
        assert _which_password_works(copy, expected) == "old", f"killed at step {step}"


def test_kill_at_random_moments_leaves_exactly_one_password(template, tmp_path):
    path, expected = template
    copy = _fresh_copy(path, tmp_path / "complete")
    duration = float(_run_child(copy, 0, None))
    assert _which_password_works(copy, expected) == "new"
    rng = random.Random(20261129)
    outcomes = []
    for run in range(8):
        copy = _fresh_copy(path, tmp_path / f"random{run}")
        _run_child(copy, 0, rng.uniform(0, duration * 1.2))
        outcomes.append(_which_password_works(copy, expected))
    assert set(outcomes) <= {"old", "new"}
