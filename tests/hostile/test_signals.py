"""The signal matrix (issue "hostile inputs" §14): SIGTERM, SIGHUP, SIGINT and SIGKILL at several
points of ``ebid bid encrypt`` and ``ebid password change`` (decryption: tests/bidx/test_failures.py).

After TERM, HUP or INT: ebid says it stopped (exit 128 + the signal, 130 for Ctrl-C), no
traceback, no partial output and no temporary file of ours remains, and the keystore opens with
the old password or the new one, never neither and never both. After KILL: whatever carries a
target name is complete, the keystore is intact, and the next run that writes into the folder
removes the temporary files the killed one left (once they are stale: untouched for 10 minutes).

The points are reached exactly: the child (signal_child.py) sends itself the signal from inside
the call named, so the signal is handled by ebid's own handlers at that moment. One case per
command also signals from outside while the output grows.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.core import bidx
from app.core.errors import WrongPassword
from app.core.fsutil import _OUR_TEMPORARY, STALE_AFTER_S
from app.core.gm import SM2PrivateKey, public_key_to_pem
from app.core.keystore import Keystore, NullUnlockCache

ROOT = Path(__file__).resolve().parents[2]
STOPPING = [signal.SIGTERM, signal.SIGHUP, signal.SIGINT]
STOP_IDS = ["TERM", "HUP", "INT"]
OLD, NEW = "old licence password 甲", "new licence password 乙"
KEYS = 3  # licences; as many encryption keys; the device key

pytestmark = pytest.mark.slow


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, EBID_HOME=str(home), PYTHONPATH=str(ROOT))


def run_child(home: Path, signum: int, point: str, nth: int, *args: str) -> subprocess.CompletedProcess:
    name = signal.Signals(signum).name
    done = subprocess.run([sys.executable, "-m", "tests.hostile.signal_child", name, point, str(nth), *args],
                          capture_output=True, text=True, env=_env(home), cwd=ROOT, timeout=120)
    assert "armed" in done.stderr, f"the point {point} #{nth} was never reached: {done.stderr}"
    return done


def assert_stopped(done: subprocess.CompletedProcess, signum: int) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    if signum == signal.SIGKILL:
        assert done.returncode == -signal.SIGKILL
    elif signum == signal.SIGINT:
        assert done.returncode == 130 and "ebid: interrupted" in done.stderr, done.stderr
    else:
        assert done.returncode == 128 + signum and "ebid: stopped by" in done.stderr, done.stderr


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if _OUR_TEMPORARY.fullmatch(p.name)]


def age(paths: list[Path]) -> None:
    old = time.time() - STALE_AFTER_S - 60
    for p in paths:
        os.utime(p, (old, old))


# -- encryption --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def recipient(tmp_path_factory) -> tuple[SM2PrivateKey, Path]:
    key = SM2PrivateKey.generate()
    pem = tmp_path_factory.mktemp("recipient") / "pub.pem"
    pem.write_bytes(public_key_to_pem(key.public_key()))
    return key, pem


@pytest.fixture
def job(tmp_path: Path, recipient):
    """Two source files, an empty output folder, and the ebid arguments encrypting them."""
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    files = []
    for n, size in enumerate((300_000, 200_000)):
        path = src / f"投标文件-{n}.pdf"
        path.write_bytes(os.urandom(size))
        files.append(path)
    args = ["bid", "encrypt", *map(str, files), "-r", str(recipient[1]), "-o", str(out), "--workers", "1"]
    return out, files, args


ENCRYPT_POINTS = [("temp", 1), ("temp", 2), ("replace", 2)]
ENCRYPT_IDS = ["first temporary file", "first file done, second begun", "first renamed, second not"]


@pytest.mark.parametrize("point,nth", ENCRYPT_POINTS, ids=ENCRYPT_IDS)
@pytest.mark.parametrize("signum", STOPPING, ids=STOP_IDS)
def test_a_stopping_signal_during_encryption_leaves_nothing(tmp_path, job, signum, point, nth):
    out, _files, args = job
    done = run_child(tmp_path / "home", signum, point, nth, *args)
    assert_stopped(done, signum)
    assert sorted(os.listdir(out)) == []  # no container, no temporary file, not even the first


@pytest.mark.parametrize("point,nth", ENCRYPT_POINTS, ids=ENCRYPT_IDS)
def test_sigkill_during_encryption_leaves_only_complete_containers_and_the_next_run_cleans_up(
        tmp_path, job, recipient, point, nth):
    out, files, args = job
    assert_stopped(run_child(tmp_path / "home", signal.SIGKILL, point, nth, *args), signal.SIGKILL)
    left = temporaries(out)
    assert left  # the killed run could not remove its temporary files
    plain = tmp_path / "plain"
    plain.mkdir()
    for container in set(out.iterdir()) - set(left):  # under a target name: complete
        assert bidx.decrypt_file(container, recipient[0], plain).output.stat().st_size in (300_000, 200_000)

    again = subprocess.run([sys.executable, "-m", "app.cli.main", *args], capture_output=True, text=True,
                           env=_env(tmp_path / "home"), cwd=ROOT, timeout=120)
    assert again.returncode == 0, again.stderr
    assert set(temporaries(out)) == set(left)  # still fresh: maybe another process's, kept
    age(left)
    again = subprocess.run([sys.executable, "-m", "app.cli.main", *args], capture_output=True, text=True,
                           env=_env(tmp_path / "home"), cwd=ROOT, timeout=120)
    assert again.returncode == 0, again.stderr
    assert temporaries(out) == []


@pytest.mark.parametrize("signum", [*STOPPING, signal.SIGKILL], ids=[*STOP_IDS, "KILL"])
def test_a_signal_from_outside_while_a_container_grows(tmp_path, recipient, signum):
    source, out = tmp_path / "big.zip", tmp_path / "out"
    out.mkdir()
    source.write_bytes(os.urandom(96 << 20))
    child = subprocess.Popen(
        [sys.executable, "-m", "app.cli.main", "bid", "encrypt", str(source), "-r", str(recipient[1]),
         "-o", str(out), "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path / "home"), cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not any(p.stat().st_size > (8 << 20) for p in out.iterdir()) and time.monotonic() < deadline:
            assert child.poll() is None, child.stderr.read()
            time.sleep(0.005)
        child.send_signal(signum)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    assert_stopped(subprocess.CompletedProcess([], child.returncode, "", stderr), signum)
    if signum == signal.SIGKILL:
        assert [p.name for p in out.iterdir()] == [p.name for p in temporaries(out)]  # no big.zip.bidx
    else:
        assert os.listdir(out) == []


# -- password change -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("template-home")
    now = datetime.now(timezone.utc)
    with Keystore.open(home / "keystore.sqlite", unlock_cache=NullUnlockCache()) as ks:
        unlocked = ks.initialise(OLD.encode())
        for n in range(KEYS):
            ks.add_licence(unlocked, certificate=b"DER", private_key=SM2PrivateKey.generate(),
                           enterprise_code="91350100M000100Y43", enterprise_name="E", holder_name="H",
                           role="agent", not_before=now, not_after=now + timedelta(days=3))
            ks.add_encryption_key(unlocked, label=f"k{n}", private_key=SM2PrivateKey.generate())
        ks.create_device_identity(unlocked)
    (home / "old").write_text(OLD + "\n")
    (home / "new").write_text(NEW + "\n")
    return home


def fresh_home(template: Path, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    for name in ("keystore.sqlite", "old", "new"):
        (home / name).write_bytes((template / name).read_bytes())
    (home / "keystore.sqlite").chmod(0o600)
    return home


def change_args(home: Path) -> list[str]:
    return ["password", "change", "--password-file", str(home / "old"), "--new-password-file", str(home / "new")]


def working_password(home: Path) -> str:
    """The one password that opens the keystore (asserting there is exactly one), after checking
    that every key decrypts and the audit log verifies."""
    with Keystore.open(home / "keystore.sqlite", unlock_cache=NullUnlockCache()) as ks:
        working = []
        for name, password in (("old", OLD), ("new", NEW)):
            try:
                working.append((name, ks.unlock(password.encode())))
            except WrongPassword:
                pass
        assert len(working) == 1, f"working passwords: {[w[0] for w in working]}"
        name, unlocked = working[0]
        for info in ks.list_licences():
            ks.private_key(info.id, unlocked, purpose="check")
        ks.device_private_key(unlocked, purpose="check")
        assert ks.verify_audit(unlocked).ok
    return name


# (point, n, the password that must work afterwards)
CHANGE_POINTS = {
    "unlocking with the old password": ("derive", 1, "old"),
    "wrapping the new master key": ("derive", 2, "old"),
    "first key re-encrypted": ("seal", 1, "old"),
    "last key re-encrypted": ("seal", 2 * KEYS + 1, "old"),
    "committed": ("done", 1, "new"),
}
STOP_AT = ["unlocking with the old password", "last key re-encrypted", "committed"]
KILL_AT = ["wrapping the new master key", "first key re-encrypted", "committed"]
CHANGE_CASES = [pytest.param(sig, *CHANGE_POINTS[at], id=f"{sig_id}-{at}")
                for sig, sig_id in zip(STOPPING, STOP_IDS) for at in STOP_AT]
CHANGE_CASES += [pytest.param(signal.SIGKILL, *CHANGE_POINTS[at], id=f"KILL-{at}") for at in KILL_AT]


@pytest.mark.parametrize("signum,point,nth,works", CHANGE_CASES)
def test_a_signal_during_a_password_change_leaves_exactly_one_password(template, tmp_path, signum,
                                                                       point, nth, works):
    home = fresh_home(template, tmp_path)
    done = run_child(home, signum, point, nth, *change_args(home))
    assert_stopped(done, signum)
    assert "Licence password changed" not in done.stdout
    assert working_password(home) == works
    assert temporaries(home) == []
    if signum == signal.SIGKILL:
        info = subprocess.run([sys.executable, "-m", "app.cli.main", "keystore", "info"], capture_output=True,
                              text=True, env=_env(home), cwd=ROOT, timeout=120)
        assert info.returncode == 0, info.stderr  # the next start opens it


def test_a_completed_password_change_through_the_same_child_works(template, tmp_path):
    """The harness itself: a point never reached changes nothing about the run."""
    home = fresh_home(template, tmp_path)
    done = subprocess.run([sys.executable, "-m", "tests.hostile.signal_child", "SIGTERM", "seal", "999",
                           *change_args(home)], capture_output=True, text=True, env=_env(home), cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0 and "armed" not in done.stderr, done.stderr
    assert working_password(home) == "new"

