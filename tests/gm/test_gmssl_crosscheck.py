"""Cross-check against the pure-Python ``gmssl`` 3.2.2 — test-only, never on real keys.

gmssl draws its signing nonce from ``random`` and strips the public key with ``lstrip("04")``,
which corrupts keys whose hex x coordinate begins with 0 or 4; we pick keys that avoid it.
Its ``decrypt`` skips the C3 check, which the last test demonstrates and we do not copy.
"""

from __future__ import annotations

import pytest

gmssl_sm2 = pytest.importorskip("gmssl.sm2")  # a dev dependency; installed by the test command

from app.core import gm  # noqa: E402
from app.core.errors import DecryptionFailed  # noqa: E402


def _gmssl_safe_key() -> gm.SM2PrivateKey:
    while True:
        key = gm.SM2PrivateKey.generate()
        if key.public_key().to_bytes()[1:].hex()[0] not in "04":
            return key


@pytest.fixture(scope="module")
def pair():
    key = _gmssl_safe_key()
    pub_hex = key.public_key().to_bytes()[1:].hex()
    return key, gmssl_sm2.CryptSM2(private_key=key.to_bytes().hex(), public_key=pub_hex, mode=1)


def test_gmssl_verifies_our_signature(pair):
    key, other = pair
    r, s = gm.sm2.decode_signature(key.sign(b"cross check"))
    assert other.verify_with_sm3(f"{r:064x}{s:064x}", b"cross check")


def test_we_verify_gmssl_signature(pair):
    key, other = pair
    raw = other.sign_with_sm3(b"cross check", "%064x" % 0x1234567)  # fixed k: test keys only
    r, s = int(raw[:64], 16), int(raw[64:], 16)
    key.public_key().verify(gm.sm2.encode_signature(r, s), b"cross check")


def test_we_decrypt_gmssl_raw_c1c3c2_without_prefix(pair):
    key, other = pair
    raw = other.encrypt(b"wrapped file key")  # mode=1: C1C3C2, C1 without the 04 byte
    assert key.decrypt(raw, "c1c3c2") == b"wrapped file key"


def test_we_decrypt_gmssl_raw_c1c2c3(pair):
    key, _ = pair
    old = gmssl_sm2.CryptSM2(private_key=key.to_bytes().hex(), public_key=key.public_key().to_bytes()[1:].hex(), mode=0)
    assert key.decrypt(old.encrypt(b"old layout"), "c1c2c3") == b"old layout"


def test_gmssl_decrypts_our_raw_output(pair):
    key, other = pair
    ct = gm.Ciphertext.parse(key.public_key().encrypt(b"to gmssl"))
    assert other.decrypt(ct.to_raw("c1c3c2", prefix=False)) == b"to gmssl"


def test_gmssl_skips_c3_but_we_do_not(pair):
    key, other = pair
    ct = gm.Ciphertext.parse(key.public_key().encrypt(b"integrity"))
    forged = gm.Ciphertext(ct.x, ct.y, bytes(32), ct.c2)
    assert other.decrypt(forged.to_raw("c1c3c2", prefix=False)) == b"integrity"  # gmssl accepts
    with pytest.raises(DecryptionFailed):
        key.decrypt(forged.to_der())
