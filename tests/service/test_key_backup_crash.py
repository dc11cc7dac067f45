"""Kill -9 in the middle of backup verification and of recovery, on either device
(docs/protocols/key-backup.md §5): afterwards the key is either fully there and opens a bid, or
not there at all — never half — and running the same command again completes.

Each step is a real ``ebid`` in a subprocess (key_backup_crash_child.py) against one real
service, SIGKILLed by itself right before or after a chosen call: inside a keystore transaction
(before its commit), after the commit and before the next message goes out, between posting a
message and recording it, and before the handled message is deleted at the relay. The devices are
three EBID_HOMEs: A (legal representative, the owner), B (a manager, the backup holder) and, for
recovery, a fresh new device of A for each round.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import bidx
from app.core.bidding import device_key_for
from app.core.keystore import Keystore, NullUnlockCache
from app.core.licence.demo import DEMO_ENTERPRISES

pytestmark = pytest.mark.slow

PASSWORD = "correct horse"
DEMO = DEMO_ENTERPRISES[0]
ENTERPRISE = DEMO.enterprise
REP = ENTERPRISE.legal_representative
MANAGER = DEMO.others[0]
KEY = re.compile(r"\bK-[0-9a-f]{16}\b")
MESSAGE = re.compile(r"\bM-[0-9a-f]{32}\b")
CHILD = Path(__file__).with_name("key_backup_crash_child.py")

KEYSTORE = "app.core.keystore.key_backups"
MAILBOX = "app.core.client.mailbox:MailboxClient"

# (where, before/after, which call): the points a step is killed at, in the order they happen.
VERIFY_POINTS = [  # B: ebid key verify-backup
    (f"{KEYSTORE}:seal_key", "after", 1),  # inside the transaction keeping the copy
    (f"{KEYSTORE}:KeyBackups.store_held", "after", 1),  # copy committed, no acknowledgement yet
    (f"{MAILBOX}.post", "after", 1),  # acknowledgement posted, not audited nor recorded
    ("app.core.keystore:Keystore.log_event", "after", 1),  # audited, backup state not recorded
    (f"{MAILBOX}.record_backup", "after", 1),  # all done but the package's deletion
]
ACK_POINTS = [  # A: ebid key inbox, taking the acknowledgement
    (f"{KEYSTORE}:KeyBackups._remember", "after", 1),  # inside the transaction
    (f"{KEYSTORE}:KeyBackups.record_ack", "after", 1),  # committed, the ack not deleted
]
CONFIRM_POINTS = [  # B: ebid key confirm-recovery
    (f"{KEYSTORE}:KeyBackups.held_private_key", "after", 1),  # the key opened, nothing sent
    (f"{KEYSTORE}:KeyBackups._remember", "after", 1),  # inside the transaction recording it
    (f"{KEYSTORE}:KeyBackups.record_recovery", "after", 1),  # one of grant / record done
    (f"{MAILBOX}.post", "after", 1),  # the grant posted (the open ordering: record vs post)
    (f"{MAILBOX}.delete", "before", 1),  # all done but the request's deletion
]
GRANT_POINTS = [  # the new device: ebid key inbox, taking the grant (stores the recovered key)
    (f"{MAILBOX}.inbox", "after", 1),  # listed, nothing taken
    (f"{KEYSTORE}:seal_key", "after", 1),  # inside the transaction storing the key
    (f"{KEYSTORE}:KeyBackups.store_recovered", "after", 1),  # committed, the grant not deleted
    (f"{MAILBOX}.delete", "after", 1),  # deleted, the command not finished
    (f"{KEYSTORE}:KeyBackups._remember", "before", 1),  # before the transaction
]


@pytest.fixture
def device(live, tmp_path):
    """``device(name)`` -> run(*args) with its own EBID_HOME; ``run.killed(point, *args)`` runs
    the same command in the crash child, which must die by SIGKILL at ``point``."""
    (tmp_path / "pw").write_text(PASSWORD + "\n")

    def make(name: str):
        env = dict(os.environ, EBID_HOME=str(tmp_path / name), EBID_SERVER=live.url,
                   EBID_PASSWORD_FILE=str(tmp_path / "pw"))

        def call(command: list[str]) -> subprocess.CompletedProcess:
            return subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True,
                                  timeout=120)

        def run(*args):
            return call([sys.executable, "-m", "app.cli.main", *args])

        def killed(point, *args):
            target, when, n = point
            result = call([sys.executable, str(CHILD), target, when, str(n), "--", *args])
            assert result.returncode == -signal.SIGKILL, (point, result.returncode, result.stdout, result.stderr)

        run.home, run.killed = tmp_path / name, killed
        return run

    return make


def ok(result) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def download(run, person) -> None:
    ok(run("keystore", "init"))
    ok(run("licence", "download", "--place", ENTERPRISE.registration_place, "--credit-code",
           ENTERPRISE.credit_code, "--name", person.name, "--id-number", person.id_number,
           "--phone", person.mobile))


def apply(run) -> str:
    return KEY.search(ok(run("key", "apply"))).group(0)


def inbox_ids(run, kind: str) -> list[str]:
    return [MESSAGE.match(line).group(0) for line in ok(run("key", "inbox")).splitlines()
            if f"\t{kind}\t" in line]


class Bid:
    """A bid encrypted to one registered key of A, and the check that a keystore opens it."""

    def __init__(self, owner_home: Path, key_id: str, folder: Path) -> None:
        with _opened(owner_home) as (store, _):
            (info,) = [k for k in store.list_encryption_keys() if k.registry_id == key_id]
        folder.mkdir()
        self.plain = os.urandom(50_000)
        (folder / "tender.pdf").write_bytes(self.plain)
        self.container = bidx.encrypt_file(folder / "tender.pdf", folder, [info.public_key],
                                           options=bidx.EncryptOptions(workers=1)).container
        self.key_id, self.folder, self.opened = key_id, folder, 0

    def opens_with(self, home: Path) -> str:
        """Decrypt byte for byte with what the keystore at ``home`` holds; which key it used."""
        with _opened(home) as (store, unlocked):
            key, which = device_key_for(store, unlocked, self.container, "crash test")
        self.opened += 1
        out = self.folder / f"out{self.opened}"
        out.mkdir()
        result = bidx.decrypt_file(self.container, key, out, workers=1)
        assert result.output.read_bytes() == self.plain
        return which


class _opened:
    def __init__(self, home: Path) -> None:
        self.store = Keystore.open(home / "keystore.sqlite", unlock_cache=NullUnlockCache())

    def __enter__(self):
        return self.store, self.store.unlock(PASSWORD.encode())

    def __exit__(self, *exc) -> None:
        self.store.close()


def held_copies(home: Path, key_id: str) -> list:
    with _opened(home) as (store, unlocked):
        found = [h for h in store.backups.held_keys() if h.registry_id == key_id]
        for held in found:  # every copy there opens: never a row without its key
            assert store.backups.held_private_key(held.id, unlocked, purpose="check").public_key() == held.public_key
        assert store.verify_audit(unlocked).ok
        return found


def recovered_keys(home: Path, key_id: str) -> list:
    with _opened(home) as (store, unlocked):
        found = [k for k in store.list_encryption_keys() if k.registry_id == key_id]
        for key in found:
            assert key.origin == "recovered"
            assert store.encryption_private_key(key.id, unlocked, purpose="check").public_key() == key.public_key
        assert store.verify_audit(unlocked).ok
        return found


def recoveries(home: Path, request_id: str) -> list:
    with _opened(home) as (store, _):
        return [r for r in store.backups.recoveries() if r.message_id == request_id]


def waiting(live, key_id: str, kind: str) -> list:
    """Messages of ``kind`` the relay holds for ``key_id`` (read from the service's database)."""
    with live.ctx.unit() as u:
        return [m for m in u.mailbox.repo.to_or_about(key_id) if m.kind == kind and m.recipient_key == key_id]


def test_kill_during_backup_verification_on_either_device(device, live, tmp_path):
    a, b = device("a"), device("b")
    download(a, REP)
    ok(a("licence", "managers", "add", "--name", MANAGER.name, "--id-number", MANAGER.id_number))
    download(b, MANAGER)
    key_b = apply(b)

    for n, point in enumerate(VERIFY_POINTS):
        key = apply(a)  # a key of its own for each round: a clean "absent" before
        bid = Bid(a.home, key, tmp_path / f"bid{n}")
        ok(a("key", "backup", key, "--to", key_b))
        (package,) = inbox_ids(b, "backup")

        b.killed(point, "key", "verify-backup", package)
        copies = held_copies(b.home, key)
        assert len(copies) <= 1, point
        if copies:  # kept whole: it opens the bid already
            assert f"backup of {key} held for {REP.name}" in bid.opens_with(b.home)
        assert bool(copies) == (n > 0), point  # before the commit nothing, after it all

        assert "verified and kept" in ok(b("key", "verify-backup", package)), point  # the retry completes
        (copy,) = held_copies(b.home, key)
        assert copy.package_id == package
        assert f"backup of {key} held for {REP.name}" in bid.opens_with(b.home)
        assert waiting(live, key_b, "backup") == [], point  # the package is gone from the relay
        states = [s for s in live_backups(live, key) if s.holder_key == key_b]
        assert [s.package_id for s in states] == [package], point

        # The owner's device takes the acknowledgement(s), killed once on the way.
        a.killed(ACK_POINTS[n % len(ACK_POINTS)], "key", "inbox")
        with _opened(a.home) as (store, _):
            (sent,) = [s for s in store.backups.sent_backups() if s.package_id == package]
            assert sent.state in ("sent", "verified")
        ok(a("key", "inbox"))
        with _opened(a.home) as (store, _):
            (sent,) = [s for s in store.backups.sent_backups() if s.package_id == package]
            assert sent.state == "verified" and sent.verified_at is not None
        assert waiting(live, key, "ack") == []
        assert f"{MANAGER.name} ({key_b}) verified" in ok(a("key", "list"))


def live_backups(live, key_id: str) -> list:
    with live.ctx.unit() as u:
        return u.mailbox.repo.backups_of(key_id)


def test_kill_during_recovery_on_either_device(device, live, tmp_path):
    a, b = device("a"), device("b")
    download(a, REP)
    ok(a("licence", "managers", "add", "--name", MANAGER.name, "--id-number", MANAGER.id_number))
    download(b, MANAGER)
    key_b, key_a = apply(b), apply(a)
    ok(a("key", "backup", key_a, "--to", key_b))
    (package,) = inbox_ids(b, "backup")
    ok(b("key", "verify-backup", package))
    ok(a("key", "inbox"))
    bid = Bid(a.home, key_a, tmp_path / "bid")
    shutil.rmtree(a.home)  # the device is lost

    rounds = max(len(CONFIRM_POINTS), len(GRANT_POINTS))
    for n in range(rounds):
        confirm_at, grant_at = CONFIRM_POINTS[n % len(CONFIRM_POINTS)], GRANT_POINTS[n % len(GRANT_POINTS)]
        new = device(f"a2-{n}")  # a new device of A's for each round
        download(new, REP)
        key_new = apply(new)
        request = MESSAGE.match(ok(new("key", "request-recovery", key_a, "--from", key_b))).group(0)

        # The backup holder is killed while confirming; its copy is untouched either way.
        b.killed(confirm_at, "key", "confirm-recovery", request)
        assert f"backup of {key_a}" in bid.opens_with(b.home)
        assert len(recoveries(b.home, request)) <= 1
        granted = ok(b("key", "confirm-recovery", request))  # the retry completes
        grant = MESSAGE.match(granted).group(0)
        (record,) = recoveries(b.home, request)
        assert (record.state, record.grant_id) == ("granted", grant), confirm_at
        assert waiting(live, key_b, "request") == [], confirm_at
        # Exactly one grant went to the new device, the one recorded: a retry never sends a
        # second (which the owner's other devices would have to veto separately).
        assert [m.message_id for m in waiting(live, key_new, "grant")] == [grant], confirm_at

        # The new device is killed while taking the grant (storing the recovered key).
        new.killed(grant_at, "key", "inbox")
        present = recovered_keys(new.home, key_a)
        assert len(present) <= 1, grant_at
        if present:
            assert f"recovered key {key_a}" in bid.opens_with(new.home)
        said = ok(new("key", "inbox"))  # the retry completes
        assert "key recovered on this device" in said or "already taken on this device" in said or (
            "No messages" in said and present), (grant_at, said)
        (recovered,) = recovered_keys(new.home, key_a)
        assert f"recovered key {key_a}" in bid.opens_with(new.home)
        assert waiting(live, key_new, "grant") == [], grant_at
        assert f"{key_a}\trecovered" in ok(new("key", "list"))


def test_kill_right_after_a_recovery_request_leaves_it_known_and_its_grant_is_taken(device, live, tmp_path):
    """The request is at the relay but the new device died before the command ended: the device
    knew it before it left, so the holder's grant is taken (before, it was "sent no recovery
    request" and the owner had to ask again)."""
    a, b = device("a"), device("b")
    download(a, REP)
    ok(a("licence", "managers", "add", "--name", MANAGER.name, "--id-number", MANAGER.id_number))
    download(b, MANAGER)
    key_b, key_a = apply(b), apply(a)
    ok(a("key", "backup", key_a, "--to", key_b))
    (package,) = inbox_ids(b, "backup")
    ok(b("key", "verify-backup", package))
    ok(a("key", "inbox"))
    bid = Bid(a.home, key_a, tmp_path / "bid")
    shutil.rmtree(a.home)

    new = device("a2")
    download(new, REP)
    apply(new)
    new.killed((f"{MAILBOX}.post", "after", 1), "key", "request-recovery", key_a, "--from", key_b)
    (posted,) = waiting(live, key_b, "request")
    (record,) = recoveries(new.home, posted.message_id)
    assert (record.direction, record.subject, record.state) == ("sent", key_a, "sending")

    ok(b("key", "confirm-recovery", posted.message_id))
    assert "key recovered on this device" in ok(new("key", "inbox"))
    assert f"recovered key {key_a}" in bid.opens_with(new.home)
