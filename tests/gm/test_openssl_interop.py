"""OpenSSL 3 as the independent checker: keys, signatures and ciphertexts in both directions."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import gm
from tests.support import run

DISTID = "distid:1234567812345678"


@pytest.fixture
def ossl_key(tmp_path, openssl) -> tuple[Path, Path]:
    key, pub = tmp_path / "ossl.pem", tmp_path / "ossl.pub"
    assert run([openssl, "genpkey", "-algorithm", "SM2", "-out", str(key)]).returncode == 0
    assert run([openssl, "pkey", "-in", str(key), "-pubout", "-out", str(pub)]).returncode == 0
    return key, pub


@pytest.fixture
def our_key(tmp_path) -> tuple[gm.SM2PrivateKey, Path, Path]:
    key = gm.SM2PrivateKey.generate()
    key_path, pub_path = tmp_path / "ours.pem", tmp_path / "ours.pub"
    key_path.write_bytes(gm.private_key_to_pem(key))
    pub_path.write_bytes(gm.public_key_to_pem(key.public_key()))
    return key, key_path, pub_path


def test_openssl_reads_our_private_and_public_keys(openssl, our_key):
    key, key_path, pub_path = our_key
    out = run([openssl, "pkey", "-in", str(key_path), "-text", "-noout"])
    assert out.returncode == 0, out.stderr
    assert "ASN1 OID: SM2" in out.stdout
    derived = run([openssl, "pkey", "-in", str(key_path), "-pubout"])
    assert derived.stdout.encode() == pub_path.read_bytes()
    assert run([openssl, "pkey", "-pubin", "-in", str(pub_path), "-noout"]).returncode == 0


def test_our_keys_equal_openssl_encoding_byte_for_byte(ossl_key):
    key_path, pub_path = ossl_key
    key = gm.load_private_key(key_path.read_bytes())
    assert gm.private_key_to_pem(key) == key_path.read_bytes()
    assert gm.public_key_to_pem(key.public_key()) == pub_path.read_bytes()
    assert gm.load_public_key(pub_path.read_bytes()) == key.public_key()


def test_openssl_reads_our_password_encrypted_key(openssl, tmp_path, our_key):
    key, _, _ = our_key
    enc = tmp_path / "enc.pem"
    enc.write_bytes(gm.private_key_to_pem(key, b"s3cret pw"))
    assert b"ENCRYPTED PRIVATE KEY" in enc.read_bytes()
    out = run([openssl, "pkey", "-in", str(enc), "-passin", "pass:s3cret pw", "-pubout"])
    assert out.returncode == 0, out.stderr
    assert gm.load_public_key(out.stdout.encode()) == key.public_key()
    bad = run([openssl, "pkey", "-in", str(enc), "-passin", "pass:wrong", "-noout"])
    assert bad.returncode != 0


@pytest.mark.parametrize("cipher", ["aes-256-cbc", "sm4-cbc"])
def test_we_read_openssl_encrypted_pkcs8(openssl, tmp_path, ossl_key, cipher):
    key_path, pub_path = ossl_key
    enc = tmp_path / "enc.pem"
    out = run([openssl, "pkcs8", "-topk8", "-in", str(key_path), "-out", str(enc), "-passout", "pass:pw",
               "-v2", cipher, "-v2prf", "hmacWithSHA256"])
    assert out.returncode == 0, out.stderr
    key = gm.load_private_key(enc.read_bytes(), b"pw")
    assert key.public_key() == gm.load_public_key(pub_path.read_bytes())
    with pytest.raises(gm.keys.WrongPassword):
        gm.load_private_key(enc.read_bytes(), b"not the password")


def test_we_read_sec1_and_der_private_keys(openssl, tmp_path, ossl_key):
    key_path, pub_path = ossl_key
    expected = gm.load_public_key(pub_path.read_bytes())
    sec1, der = tmp_path / "sec1.pem", tmp_path / "k.der"
    assert run([openssl, "ec", "-in", str(key_path), "-out", str(sec1)]).returncode == 0
    assert run([openssl, "pkey", "-in", str(key_path), "-outform", "DER", "-out", str(der)]).returncode == 0
    assert gm.load_private_key(sec1.read_bytes()).public_key() == expected
    assert gm.load_private_key(der.read_bytes()).public_key() == expected


@pytest.mark.parametrize("size", [0, 1, 1000, 3 << 20])
def test_our_signature_verifies_in_openssl(openssl, tmp_path, our_key, size):
    key, _, pub_path = our_key
    msg = tmp_path / "msg"
    msg.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    sig = tmp_path / "msg.sig"
    with msg.open("rb") as f:
        sig.write_bytes(key.sign_stream(f))
    out = run([openssl, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", str(pub_path),
               "-pkeyopt", DISTID, "-in", str(msg), "-sigfile", str(sig)])
    assert out.returncode == 0 and "Verified Successfully" in out.stdout, out.stderr
    out = run([openssl, "dgst", "-sm3", "-verify", str(pub_path), "-sigopt", DISTID, "-signature", str(sig),
               str(msg)])
    assert out.returncode == 0, out.stderr
    # Without the distinguishing ID OpenSSL uses an empty ID: our standard-ID signature must fail there.
    out = run([openssl, "dgst", "-sm3", "-verify", str(pub_path), "-signature", str(sig), str(msg)])
    assert out.returncode != 0


def test_openssl_signature_verifies_with_us(openssl, tmp_path, ossl_key):
    key_path, pub_path = ossl_key
    msg, sig = tmp_path / "msg", tmp_path / "msg.sig"
    msg.write_bytes(b"bid document \xe6\xa0\x87\xe4\xb9\xa6")
    out = run([openssl, "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", str(key_path),
               "-pkeyopt", DISTID, "-in", str(msg), "-out", str(sig)])
    assert out.returncode == 0, out.stderr
    pub = gm.load_public_key(pub_path.read_bytes())
    pub.verify(sig.read_bytes(), msg.read_bytes())
    assert not pub.is_valid_signature(sig.read_bytes(), msg.read_bytes() + b"!")


def test_openssl_decrypts_our_ciphertext(openssl, tmp_path, our_key):
    key, key_path, _ = our_key
    ct = tmp_path / "ct.der"
    secret = bytes(range(32))
    ct.write_bytes(key.public_key().encrypt(secret))
    out = run([openssl, "pkeyutl", "-decrypt", "-inkey", str(key_path), "-in", str(ct)], text=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout == secret


def test_we_decrypt_openssl_ciphertext(openssl, tmp_path, ossl_key):
    key_path, pub_path = ossl_key
    plain, ct = tmp_path / "plain", tmp_path / "ct.der"
    plain.write_bytes(b"file key 0123456789abcdef0123456")
    out = run([openssl, "pkeyutl", "-encrypt", "-pubin", "-inkey", str(pub_path), "-in", str(plain), "-out", str(ct)])
    assert out.returncode == 0, out.stderr
    key = gm.load_private_key(key_path.read_bytes())
    assert key.decrypt(ct.read_bytes()) == plain.read_bytes()


def test_openssl_rejects_p256_key_and_so_do_we(openssl, tmp_path):
    p256 = tmp_path / "p256.pem"
    assert run([openssl, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-out", str(p256)]).returncode == 0
    with pytest.raises(gm.keys.InvalidKey):
        gm.load_private_key(p256.read_bytes())
