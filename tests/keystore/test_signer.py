"""The licence signer handle: signs like the raw key, audits its hand-out once, and stops when
the session that made it is locked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import gm
from app.core.keystore import Locked, Unlocked
from app.core.pki import LicenceTerms, Mode, Role, make_licence, make_root
from tests.support import run

DISTID = "distid:1234567812345678"
MESSAGE = "投标文件 v1 — task 42".encode()


@pytest.fixture
def licence(store, unlocked, add_licence, clock):
    """A licence stored with a real certificate (issued to its key by a throwaway root)."""
    key, root_key = gm.SM2PrivateKey.generate(), gm.SM2PrivateKey.generate()
    root = make_root(root_key, common_name="Signer Test Root", not_before=clock.now)
    terms = LicenceTerms(
        credit_code="91350100M000100Y43", enterprise_name="福建测试科技有限公司",
        registration_place="福州市", holder_name="张三", person_id="P-1",
        masked_id_number="110108********0033", role=Role.LEGAL_REPRESENTATIVE,
        mode=Mode.ALL_BUSINESS, authorisation_id="A-1", granted_by="P-1", matters=(),
        not_before=clock.now, not_after=clock.now + timedelta(days=3),
    )
    cert = make_licence(terms, key.public_key(), root=root, root_key=root_key)
    return add_licence(unlocked, key=key, certificate=cert.der), key


def test_signature_verifies_with_the_licence_key(store, unlocked, licence):
    info, key = licence
    signer = store.licence_signer(unlocked, info.id, purpose="sign task")
    assert signer.licence_id == info.id
    assert signer.certificate == info.certificate
    assert signer.public_key() == key.public_key()
    signature = signer.sign(MESSAGE)
    key.public_key().verify(signature, MESSAGE)
    assert not key.public_key().is_valid_signature(signature, MESSAGE + b"!")


def test_openssl_verifies_under_the_certificate_key(store, unlocked, licence, openssl, tmp_path):
    info, _key = licence
    signer = store.licence_signer(unlocked, info.id, purpose="sign task")
    cert, pub, msg, sig = (tmp_path / n for n in ("licence.der", "pub.pem", "msg", "msg.sig"))
    cert.write_bytes(signer.certificate)
    msg.write_bytes(MESSAGE)
    sig.write_bytes(signer.sign(MESSAGE))
    out = run([openssl, "x509", "-inform", "DER", "-in", str(cert), "-pubkey", "-noout",
               "-out", str(pub)])
    assert out.returncode == 0, out.stderr
    out = run([openssl, "dgst", "-sm3", "-verify", str(pub), "-sigopt", DISTID,
               "-signature", str(sig), str(msg)])
    assert out.returncode == 0 and "Verified OK" in out.stdout, out.stderr
    out = run([openssl, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin",
               "-inkey", str(pub), "-pkeyopt", DISTID, "-in", str(msg), "-sigfile", str(sig)])
    assert out.returncode == 0 and "Verified Successfully" in out.stdout, out.stderr


def test_signing_after_lock_raises_locked(store, unlocked, licence):
    info, _key = licence
    signer = store.licence_signer(unlocked, info.id, purpose="sign task")
    signer.sign(MESSAGE)
    unlocked.lock()
    with pytest.raises(Locked):
        signer.sign(MESSAGE)


def test_a_locked_session_gets_no_signer(store, unlocked, licence):
    info, _key = licence
    unlocked.lock()
    with pytest.raises(Locked):
        store.licence_signer(unlocked, info.id, purpose="sign task")


def test_hand_out_is_audited_like_private_key(store, unlocked, licence):
    info, _key = licence
    before = len(store.audit_entries())
    signer = store.licence_signer(unlocked, info.id, purpose="sign task")
    handed = store.audit_entries(since=before)
    store.private_key(info.id, unlocked, purpose="sign task")
    raw = store.audit_entries(since=before + 1)
    assert [(e.event, e.details_dict()) for e in handed] == [
        (
            "key.used",
            {"table": "licences", "id": info.id, "purpose": "sign task"},
        )
    ]
    assert [(e.event, e.details) for e in raw] == [(e.event, e.details) for e in handed]
    signer.sign(MESSAGE)
    signer.sign(MESSAGE)
    assert len(store.audit_entries()) == before + 2  # signing itself logs nothing more
    assert store.verify_audit(unlocked).ok


def test_repr_shows_no_key_material(store, unlocked, licence):
    info, key = licence
    signer = store.licence_signer(unlocked, info.id, purpose="sign task")
    text = repr(signer)
    scalar = key.to_bytes()
    for secret in (scalar.hex(), scalar.hex().upper(), str(int.from_bytes(scalar, "big")),
                   repr(scalar), unlocked.master().hex(), repr(unlocked.master())):
        assert secret not in text
    assert "_key" not in text and "_session" not in text
    assert str(info.id) in text
    public = {name: getattr(signer, name) for name in dir(signer) if not name.startswith("_")}
    assert not any(isinstance(v, (gm.SM2PrivateKey, Unlocked)) for v in public.values())
