"""Both SM2 backends agree with each other, with the standard and with OpenSSL."""

from __future__ import annotations

import pytest

from app.core import gm
from app.core.errors import DecryptionFailed, VerificationFailed
from app.core.gm import sm2, sm2_backends
from tests.support import run

NAMES = ["gmalg", "gmssl-pyx"]
DISTID = "distid:1234567812345678"


def _available(name: str) -> bool:
    try:
        sm2_backends.select(name)
    except ImportError:
        return False
    return True


@pytest.fixture(params=NAMES)
def backend(request):
    if not _available(request.param):
        # gmssl-pyx has wheels for Linux x86-64 and Windows only; CI runs on Linux x86-64.
        pytest.skip(f"{request.param} has no wheel for this platform")
    previous = sm2.backend_name()
    sm2.use_backend(request.param)
    yield request.param
    sm2.use_backend(previous)


def test_default_backend_is_the_fastest_available(monkeypatch):
    monkeypatch.delenv("EBID_SM2_BACKEND", raising=False)
    expected = "gmssl-pyx" if _available("gmssl-pyx") else "gmalg"
    assert sm2_backends.select().name == expected


def test_standard_signature_vector_verifies(backend):
    d = int("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16)
    sig = sm2.encode_signature(
        int("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3", 16),
        int("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA", 16),
    )
    pub = gm.SM2PrivateKey(d).public_key()
    pub.verify(sig, b"message digest")
    with pytest.raises(VerificationFailed):
        pub.verify(sig, b"message digesT")


def test_standard_ciphertext_vector_decrypts(backend):
    d = int("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16)
    key = gm.SM2PrivateKey(d)
    k = int("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21", 16)
    der = sm2._encrypt_with_k(key.public_key(), b"encryption standard", k).to_der()
    assert key.decrypt(der) == b"encryption standard"


@pytest.mark.parametrize("other", NAMES)
def test_cross_backend_round_trips(backend, other):
    if not _available(other):
        pytest.skip(f"{other} unavailable")
    key = gm.SM2PrivateKey.generate()
    pub = key.public_key()
    sig = key.sign(b"payload")
    for size in (1, 32, 255, 256, 1000):
        msg = bytes(range(256)) * 4
        ct = pub.encrypt(msg[:size])
        sm2.use_backend(other)
        pub.verify(sig, b"payload")
        assert key.decrypt(ct) == msg[:size]
        sm2.use_backend(backend)


def test_rejections(backend):
    key = gm.SM2PrivateKey.generate()
    pub = key.public_key()
    with pytest.raises(VerificationFailed):
        pub.verify(key.sign(b"a"), b"b")
    ct = gm.Ciphertext.parse(pub.encrypt(b"secret"))
    with pytest.raises(DecryptionFailed):
        key.decrypt(gm.Ciphertext(ct.x, ct.y, bytes(32), ct.c2).to_der())
    with pytest.raises(DecryptionFailed):
        gm.SM2PrivateKey.generate().decrypt(ct.to_der())


def test_failed_checks_print_nothing(backend, capfd):
    key = gm.SM2PrivateKey.generate()
    pub = key.public_key()
    assert not pub.is_valid_signature(key.sign(b"a"), b"b")
    with pytest.raises(DecryptionFailed):
        gm.SM2PrivateKey.generate().decrypt(pub.encrypt(b"x"))
    out, err = capfd.readouterr()
    assert err == "" and out == ""


def test_openssl_interop(backend, openssl, tmp_path):
    key = gm.SM2PrivateKey.generate()
    (tmp_path / "k.pem").write_bytes(gm.private_key_to_pem(key))
    (tmp_path / "p.pem").write_bytes(gm.public_key_to_pem(key.public_key()))
    (tmp_path / "m").write_bytes(b"interop")
    (tmp_path / "m.sig").write_bytes(key.sign(b"interop"))
    out = run([openssl, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", "p.pem",
               "-pkeyopt", DISTID, "-in", "m", "-sigfile", "m.sig"], cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    (tmp_path / "c.der").write_bytes(key.public_key().encrypt(b"wrapped"))
    out = run([openssl, "pkeyutl", "-decrypt", "-inkey", "k.pem", "-in", "c.der"], cwd=tmp_path, text=False)
    assert out.stdout == b"wrapped"
    assert run([openssl, "pkeyutl", "-encrypt", "-pubin", "-inkey", "p.pem", "-in", "m", "-out", "o.der"],
               cwd=tmp_path).returncode == 0
    assert key.decrypt((tmp_path / "o.der").read_bytes()) == b"interop"
    assert run([openssl, "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", "k.pem", "-pkeyopt", DISTID,
                "-in", "m", "-out", "o.sig"], cwd=tmp_path).returncode == 0
    key.public_key().verify((tmp_path / "o.sig").read_bytes(), b"interop")
