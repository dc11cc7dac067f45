"""Key backup through the offline file transport between two authorities
(docs/protocols/key-backup.md §2.2, §2.3): A (the legal representative) on service S1, B (a
manager) on a separate service S2, each its own authority, as two PCs with their own embedded
service. They exchange peer cards, reading the roots' fingerprints out to each other; A backs
her key up to B by file, B verifies and answers by file; A encrypts a bid (the guard lets it
through on the file-acknowledged backup); A's data folder is deleted; on A2 she downloads her
licence again from S1, asks B for recovery by file, B grants by file, and A2 decrypts the bid
byte for byte. The refusals of cards and bundles are checked along the way, and neither
service's files ever hold the key."""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime, timedelta

import pytest

from app.core.client import ServiceClient
from app.core.keybackup import card as cards
from app.core.keystore import Keystore, NullUnlockCache
from app.core.licence.demo import DEMO_ENTERPRISES
from app.core.pki import Certificate
from app.server.embedded import serve_in_thread
from app.server.provision import init_service
from app.server.settings import Settings

from .test_key_backup_cli import (
    MANAGER,
    MESSAGE,
    PASSWORD,
    REP,
    apply,
    assert_no_key_material,
    download,
    ok,
    private_key,
    refused,
)

pytestmark = pytest.mark.slow

OTHER = DEMO_ENTERPRISES[1].enterprise
FINGERPRINT = re.compile(r"Authority root SHA-256: ((?:[0-9a-f]{4} ?){16})")


@pytest.fixture
def second(tmp_path):
    """A second, separate service (its own authority, root and key registry), like `live`."""
    running = serve_in_thread(init_service(Settings(home=tmp_path / "service2"), demo=True))
    yield running
    running.stop()


@pytest.fixture
def device(ebid, tmp_path):
    """``device(name, service)`` -> run(*args): the CLI with its own EBID_HOME on ``service``."""
    (tmp_path / "pw").write_text(PASSWORD + "\n")

    def make(name: str, service):
        env = dict(os.environ, EBID_HOME=str(tmp_path / name), EBID_SERVER=service.url,
                   EBID_PASSWORD_FILE=str(tmp_path / "pw"))

        def run(*args):
            return ebid(*[str(a) for a in args], env=env)

        run.home = tmp_path / name
        return run

    return make


def fingerprint(out: str) -> str:
    return FINGERPRINT.search(out).group(1).strip()


def imports(run) -> int:
    return ok(run("audit", "list")).count("peer_card.imported")


def expired_card(home, service, key_id: str) -> bytes:
    """B's card of ``key_id`` as B's device would have made it eight days ago: signed with B's
    licence key, with the authority's root and CRL — only its time is past."""
    with Keystore.open(home / "keystore.sqlite", unlock_cache=NullUnlockCache()) as store:
        unlocked = store.unlock(PASSWORD.encode())
        (licence,) = store.list_licences()
        (key,) = [k for k in store.list_encryption_keys() if k.registry_id == key_id]
        signer = store.licence_signer(unlocked, licence.id, purpose="test")
        with ServiceClient(service.url) as client:
            root, crl = client.root_certificate(), client.crl_pem()
        now = datetime.now(UTC).replace(microsecond=0)
        return cards.build_card(record_id=key_id, public_key=key.public_key, label=key.label,
                                licence=Certificate.load(licence.certificate), root=root, crl=crl,
                                created=now - timedelta(days=8), expires=now - timedelta(days=1), signer=signer)


def test_two_authorities_back_up_and_recover_a_key_by_file(device, live, second, tmp_path):
    a, b = device("a", live), device("b", second)
    download(a, REP)
    rep_s2 = device("rep-s2", second)  # on B's service, the legal representative names B a manager
    download(rep_s2, REP)
    ok(rep_s2("licence", "managers", "add", "--name", MANAGER.name, "--id-number", MANAGER.id_number))
    download(b, MANAGER)
    key_a, key_b = apply(a), apply(b)

    # The card exchange: each reads the fingerprint of their root out to the other.
    card_a, card_b = tmp_path / "a.card", tmp_path / "b.card"
    fp_s1 = fingerprint(ok(a("key", "export-card", key_a, "-o", card_a)))
    fp_s2 = fingerprint(ok(b("key", "export-card", key_b, "-o", card_b)))
    assert fp_s1 != fp_s2  # two authorities
    refused(b("key", "import-card", card_a), "untrusted_root")  # nobody confirmed S1's root
    refused(b("key", "import-card", card_a, "--trust-root", fp_s2), "untrusted_root")  # not its root
    assert imports(b) == 0
    said = ok(b("key", "import-card", card_a, "--trust-root", fp_s1))
    assert said.startswith(f"{key_a}\t{REP.name}\tlegal_representative") and fp_s1 in said

    # Cards A refuses, leaving nothing kept: altered, of another enterprise, expired.
    altered = tmp_path / "altered.card"
    raw = card_b.read_bytes()
    stamp = re.search(rb'"expires":"(\d{4})', raw)
    altered.write_bytes(raw[: stamp.start(1)] + b"2099" + raw[stamp.end(1):])
    refused(a("key", "import-card", altered, "--trust-root", fp_s2), "card_altered")
    c = device("c", second)
    download(c, OTHER.legal_representative, OTHER)
    key_c = apply(c)
    ok(c("key", "export-card", key_c, "-o", tmp_path / "c.card"))
    refused(a("key", "import-card", tmp_path / "c.card", "--trust-root", fp_s2), "other_enterprise")
    (tmp_path / "old.card").write_bytes(expired_card(b.home, second, key_b))
    refused(a("key", "import-card", tmp_path / "old.card", "--trust-root", fp_s2), "stale_card")
    assert imports(a) == 0
    ok(a("key", "import-card", card_b, "--trust-root", fp_s2.replace(" ", "").upper()))

    # The backup by file; B verifies it against A's card and answers by file.
    package, ack = tmp_path / "a-to-b.ebkf", tmp_path / "ack.ebkf"
    ok(a("key", "export-backup", key_a, "--to", key_b, "-o", package))
    assert a("key", "import", package).returncode == 1  # A cannot take her own package
    no_answer = b("key", "import", package)
    assert no_answer.returncode == 2 and "--answer-to" in no_answer.stderr
    assert "verified and kept" in ok(b("key", "import", package, "--answer-to", ack))
    assert f"{key_a}\theld for {REP.name}" in ok(b("key", "list"))

    # A bundle whose card is not its frame's sender's: B's acknowledgement with A's own card.
    _, frame_part = cards.unbundle(ack.read_bytes())
    (tmp_path / "swapped.ebkf").write_bytes(cards.bundle(card_a.read_bytes(), frame_part))
    refused(a("key", "import", tmp_path / "swapped.ebkf"), "card_mismatch")
    assert f"{MANAGER.name} ({key_b}) sent, not verified yet" in ok(a("key", "list"))

    ok(a("key", "import", ack))
    refused(a("key", "import", ack), "a replay")
    assert f"{MANAGER.name} ({key_b}) verified" in ok(a("key", "list"))

    tender = tmp_path / "tender.pdf"
    tender.write_bytes(os.urandom(300_000))
    ok(a("key", "export-public", key_a, "-o", tmp_path / "a.pem"))
    done = a("bid", "encrypt", tender, "-r", tmp_path / "a.pem", "-o", tmp_path)
    assert done.returncode == 0 and done.stderr == "", done.stderr  # the guard: protected, no risk
    container = tmp_path / "tender.pdf.bidx"

    shutil.rmtree(a.home)  # the device is lost
    a2 = device("a2", live)
    download(a2, REP)
    apply(a2)
    unknown = a2("key", "request-recovery", key_a, "--from", key_b, "-o", tmp_path / "r")  # S1 knows no key_b
    assert unknown.returncode == 2 and "unknown_key_record" in unknown.stderr and not (tmp_path / "r").exists()
    ok(a2("key", "import-card", card_b, "--trust-root", fp_s2))
    request, grant = tmp_path / "request.ebkf", tmp_path / "grant.ebkf"
    said = ok(a2("key", "request-recovery", key_a, "--from", key_b, "-o", request))
    assert MESSAGE.match(said)
    (tmp_path / "nothing").mkdir()
    refused(a2("bid", "decrypt", container, "-o", tmp_path / "nothing"), "no key")
    granted = ok(b("key", "confirm-recovery", "--file", request, "-o", grant))
    assert MESSAGE.match(granted) and str(grant) in granted
    ok(a2("key", "import", grant))
    assert f"{key_a}\trecovered" in ok(a2("key", "list"))

    out = ok(a2("bid", "decrypt", container, "-o", tmp_path / "a2"))
    assert "recovered key " + key_a in out
    assert (tmp_path / "a2" / "tender.pdf").read_bytes() == tender.read_bytes()
    out = ok(b("bid", "decrypt", container, "-o", tmp_path / "b"))
    assert f"backup of {key_a} held for {REP.name}" in out
    assert (tmp_path / "b" / "tender.pdf").read_bytes() == tender.read_bytes()

    key = private_key(a2.home, key_a)
    assert_no_key_material(tmp_path / "service", key)
    assert_no_key_material(tmp_path / "service2", key)
    audit_b = ok(b("audit", "list"))
    assert "peer_card.imported" in audit_b and "key_backup.held" in audit_b and "key_recovery.granted" in audit_b
    audit_a2 = ok(a2("audit", "list"))
    assert "key_recovery.sent" in audit_a2 and "key_recovery.recovered" in audit_a2
