"""Key backup end to end through `ebid key …` (docs/protocols/key-backup.md): three devices
(three EBID_HOMEs) against one real service. A (the legal representative) backs her key up to
B (a manager), B verifies; A encrypts and submits a bid; A's data folder is deleted; on a new
device A2 she downloads her licence again, asks B for recovery, B confirms, and A2 decrypts the
bid byte for byte — as B can with the copy he holds. The service's files never hold the key."""

from __future__ import annotations

import base64
import os
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core import gm
from app.core.keystore import Keystore, NullUnlockCache
from app.core.licence.demo import DEMO_ENTERPRISES
from app.server.provision import ProjectSpec, add_project

pytestmark = pytest.mark.slow

PASSWORD = "correct horse"
DEMO = DEMO_ENTERPRISES[0]
ENTERPRISE = DEMO.enterprise
REP = ENTERPRISE.legal_representative
MANAGER, AGENT = DEMO.others
OTHER = DEMO_ENTERPRISES[1].enterprise
PROJECT = "KB-2026-001"
KEY = re.compile(r"\bK-[0-9a-f]{16}\b")
MESSAGE = re.compile(r"\bM-[0-9a-f]{32}\b")


@pytest.fixture
def device(ebid, live, tmp_path):
    """``device(name)`` -> run(*args): the CLI with its own EBID_HOME against the live service."""
    (tmp_path / "pw").write_text(PASSWORD + "\n")

    def make(name: str):
        env = dict(os.environ, EBID_HOME=str(tmp_path / name), EBID_SERVER=live.url,
                   EBID_PASSWORD_FILE=str(tmp_path / "pw"))

        def run(*args):
            return ebid(*args, env=env)

        run.home = tmp_path / name
        return run

    return make


def ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(result, reason: str) -> str:
    """Exit 1 with the reason on stderr (the service's code, or the device's own words)."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert reason in result.stderr, result.stderr
    return result.stderr


def download(run, person, enterprise=ENTERPRISE) -> None:
    ok(run("keystore", "init"))
    ok(run("licence", "download", "--place", enterprise.registration_place, "--credit-code",
           enterprise.credit_code, "--name", person.name, "--id-number", person.id_number,
           "--phone", person.mobile))


def apply(run) -> str:
    return KEY.search(ok(run("key", "apply"))).group(0)


def message_of(run, kind: str) -> str:
    lines = [line for line in ok(run("key", "inbox")).splitlines() if f"\t{kind}\t" in line]
    assert len(lines) == 1, lines
    return MESSAGE.match(lines[0]).group(0)


def private_key(home: Path, key_id: str) -> gm.SM2PrivateKey:
    with Keystore.open(home / "keystore.sqlite", unlock_cache=NullUnlockCache()) as store:
        unlocked = store.unlock(PASSWORD.encode())
        (info,) = [k for k in store.list_encryption_keys() if k.registry_id == key_id]
        return store.encryption_private_key(info.id, unlocked, purpose="test")


def assert_no_key_material(folder: Path, key: gm.SM2PrivateKey) -> None:
    scalar = key.to_bytes()
    forms = [scalar, scalar.hex().encode(), scalar.hex().upper().encode(), base64.b64encode(scalar),
             base64.urlsafe_b64encode(scalar).rstrip(b"="), gm.private_key_to_der(key),
             base64.b64encode(gm.private_key_to_der(key))[48:64]]  # the PKCS#8 text's scalar part
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".sqlite") for p in files)
    for path in files:
        data = path.read_bytes()
        for form in forms:
            assert form not in data, f"{path} holds the key ({form[:8]!r}…)"


def test_a_lost_device_gets_its_key_back_from_the_backup_holder(device, live, tmp_path):
    now = datetime.now(UTC)
    add_project(live.ctx, ProjectSpec(PROJECT, "密钥备份项目（DEMO）", "演示招标人（DEMO）", ("1",),
                                      now + timedelta(days=1), now + timedelta(days=2)))
    a, b = device("a"), device("b")
    download(a, REP)
    ok(a("licence", "managers", "add", "--name", MANAGER.name, "--id-number", MANAGER.id_number))
    download(b, MANAGER)
    key_b = apply(b)
    key_a = apply(a)

    candidates = ok(a("key", "candidates", key_a)).splitlines()
    assert [line.split("\t")[0] for line in candidates] == [key_b]
    assert MANAGER.name in candidates[0]
    sent = ok(a("key", "backup", key_a, "--to", key_b))
    assert f"sent to {MANAGER.name} ({key_b})" in sent
    assert "sent, not verified yet" in ok(a("key", "list"))
    assert_no_key_material(tmp_path / "service", private_key(a.home, key_a))  # the package waits

    package = message_of(b, "backup")
    assert "verified and kept" in ok(b("key", "verify-backup", package))
    refused(b("key", "verify-backup", package), "unknown_message")  # fetched once, then gone
    assert "backup verified by its holder" in ok(a("key", "inbox"))
    listed = ok(a("key", "list"))
    assert f"{MANAGER.name} ({key_b}) verified" in listed
    assert f"{key_a}\theld for {REP.name}" in ok(b("key", "list"))

    # The offline transport: the same frame as a file, B's key backed up to A.
    package_file = tmp_path / "b-key.ebkb"
    ok(b("key", "export-backup", key_b, "--to", key_a, "-o", str(package_file)))
    altered = tmp_path / "altered.ebkb"
    raw = bytearray(package_file.read_bytes())
    raw[-100] ^= 0x01  # inside the sealed body (the signature is the last ~72 bytes)
    altered.write_bytes(raw)
    refused(a("key", "import", str(altered)), "was altered or not signed")
    assert "verified and kept" in ok(a("key", "import", str(package_file)))
    refused(a("key", "import", str(package_file)), "a replay")
    assert "backup verified by its holder" in ok(b("key", "inbox"))

    tender = tmp_path / "tender.pdf"
    tender.write_bytes(os.urandom(300_000))
    ok(a("key", "export-public", key_a, "-o", str(tmp_path / "a.pem")))
    ok(a("bid", "encrypt", str(tender), "-r", str(tmp_path / "a.pem"), "-o", str(tmp_path),
         "--project", PROJECT, "--section", "1"))
    container = tmp_path / "tender.pdf.bidx"
    assert "receipt S-" in ok(a("bid", "submit", str(container), "--project", PROJECT, "--section", "1"))
    assert "own key " + key_a in ok(a("bid", "rehearse", str(container)))

    shutil.rmtree(a.home)  # the device is lost
    a2 = device("a2")
    download(a2, REP)
    key_a2 = apply(a2)
    listed = ok(a2("key", "list"))
    assert f"{key_a}\ton another device" in listed and f"{MANAGER.name} ({key_b}) verified" in listed
    assert f"{key_a2}\town" in listed
    (tmp_path / "nothing").mkdir()
    refused(a2("bid", "decrypt", str(container), "-o", str(tmp_path / "nothing")), "no key")
    ok(a2("key", "request-recovery", key_a, "--from", key_b))
    request = message_of(b, "request")
    granted = ok(b("key", "confirm-recovery", request))
    assert MESSAGE.match(granted)
    assert "key recovered on this device" in ok(a2("key", "inbox"))
    assert f"{key_a}\trecovered" in ok(a2("key", "list"))

    out = ok(a2("bid", "decrypt", str(container), "-o", str(tmp_path / "a2")))
    assert "recovered key " + key_a in out
    assert (tmp_path / "a2" / "tender.pdf").read_bytes() == tender.read_bytes()
    out = ok(b("bid", "decrypt", str(container), "-o", str(tmp_path / "b")))
    assert f"backup of {key_a} held for {REP.name}" in out
    assert (tmp_path / "b" / "tender.pdf").read_bytes() == tender.read_bytes()

    assert_no_key_material(tmp_path / "service", private_key(a2.home, key_a))
    audit_b = ok(b("audit", "list"))
    assert "key_backup.held" in audit_b and "key_recovery.granted" in audit_b
    audit_a2 = ok(a2("audit", "list"))
    assert "key_recovery.sent" in audit_a2 and "key_recovery.recovered" in audit_a2


def test_ebid_bid_encrypt_refuses_a_key_of_this_device_without_a_verified_backup(device, live, tmp_path):
    """The bid-survival guard in the CLI (§8): judged by this device's records; a key this device
    does not hold is its holder's to back up; ``--accept-risk`` goes ahead and is audited."""
    a, b = device("a"), device("b")
    download(a, REP)
    ok(a("licence", "managers", "add", "--name", MANAGER.name, "--id-number", MANAGER.id_number))
    download(b, MANAGER)
    key_b, key_a = apply(b), apply(a)
    pem_a, pem_b = tmp_path / "a.pem", tmp_path / "b.pem"
    ok(a("key", "export-public", key_a, "-o", str(pem_a)))
    ok(b("key", "export-public", key_b, "-o", str(pem_b)))
    tender = tmp_path / "tender.pdf"
    tender.write_bytes(os.urandom(100_000))

    def encrypt(folder: str, *extra, pem=pem_a):
        (tmp_path / folder).mkdir()
        return a("bid", "encrypt", str(tender), "-r", str(pem), "-o", str(tmp_path / folder), *extra)

    def empty(folder: str) -> bool:
        return not any((tmp_path / folder).iterdir())

    said = refused(encrypt("alone"), "no_verified_backup")
    assert key_a in said and empty("alone")
    ok(encrypt("to-b", pem=pem_b))  # B's key, which A's device does not hold: B's to back up

    ok(a("key", "backup", key_a, "--to", key_b))
    said = refused(encrypt("sent"), "backup_unverified")
    assert MANAGER.name in said and empty("sent")
    risky = encrypt("risky", "--accept-risk")
    assert risky.returncode == 0 and "recorded in the audit log" in risky.stderr
    assert (tmp_path / "risky" / "tender.pdf.bidx").exists()
    audit = ok(a("audit", "list"))
    assert audit.count("bid.unprotected_key_accepted") == 1 and "backup_unverified" in audit
    ok(a("audit", "verify"))  # exit 0: the chain holds with the entry in it

    ok(b("key", "verify-backup", message_of(b, "backup")))
    refused(encrypt("before-inbox"), "backup_unverified")  # the acknowledgement waits in A's inbox
    assert empty("before-inbox")
    ok(a("key", "inbox"))
    done = encrypt("verified")
    assert done.returncode == 0 and done.stderr == "" and (tmp_path / "verified" / "tender.pdf.bidx").exists()
    assert ok(a("audit", "list")).count("bid.unprotected_key_accepted") == 1

    # Withdrawn by file (§3): the relay still lists B, but this device's record decides; B's
    # device deletes its copy when it imports the withdrawal, and no longer opens A's bids.
    withdrawal = tmp_path / "withdrawal.ebkf"
    said = ok(a("key", "withdraw-backup", key_a, "--from", key_b, "-o", str(withdrawal)))
    assert "no longer counts" in said and withdrawal.exists()
    assert f"{MANAGER.name} ({key_b}) withdrawn" in ok(a("key", "list"))
    refused(encrypt("withdrawn"), "no_verified_backup")
    assert empty("withdrawn")
    assert "the copy on this device is deleted" in ok(b("key", "import", str(withdrawal)))
    assert "held for" not in ok(b("key", "list"))
    refused(b("key", "import", str(withdrawal)), "message_replayed")
    (tmp_path / "b-opens").mkdir()
    opened = b("bid", "decrypt", str(tmp_path / "verified" / "tender.pdf.bidx"), "-o", str(tmp_path / "b-opens"))
    assert opened.returncode != 0 and not any((tmp_path / "b-opens").iterdir())


def test_a_backup_file_travels_as_qr_codes_and_is_verified(device, live, tmp_path):
    """§2.4: the same file, carried as a sequence of QR codes (PNG images here, a screen and a
    camera on the desktop) and rebuilt from them in any order, is verified as the file is."""
    a, b = device("a"), device("b")
    download(a, REP)
    ok(a("licence", "managers", "add", "--name", MANAGER.name, "--id-number", MANAGER.id_number))
    download(b, MANAGER)
    key_b, key_a = apply(b), apply(a)
    package = tmp_path / "backup.ebkf"
    ok(a("key", "export-backup", key_a, "--to", key_b, "-o", str(package)))
    said = ok(a("key", "qr", str(package), "-o", str(tmp_path / "codes")))
    images = sorted((tmp_path / "codes").glob("*.png"))
    assert len(images) > 1 and said.startswith(f"{len(images)} QR codes")
    shuffled = [str(p) for p in reversed(images)]
    refused_join = b("key", "qr-join", *shuffled[1:], "-o", str(tmp_path / "partial.ebkf"))
    assert refused_join.returncode == 2 and "missing" in refused_join.stderr
    assert not (tmp_path / "partial.ebkf").exists()
    ok(b("key", "qr-join", *shuffled, "-o", str(tmp_path / "rebuilt.ebkf")))
    assert (tmp_path / "rebuilt.ebkf").read_bytes() == package.read_bytes()
    assert "verified and kept on this device" in ok(b("key", "import", str(tmp_path / "rebuilt.ebkf")))
