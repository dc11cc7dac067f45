"""Hypothesis properties: round trips, and any flipped bit is rejected."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from app.core import gm
from app.core.errors import DecryptionFailed, EbidError, VerificationFailed

KEY = gm.SM2PrivateKey.generate()
PUB = KEY.public_key()
# SM2 in pure Python costs ~10-25 ms per operation: keep example counts modest.
FEW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FEW
@given(st.binary(max_size=2048), st.binary(min_size=1, max_size=64))
def test_sign_verify_round_trip_any_message_and_id(message, uid):
    sig = KEY.sign(message, uid)
    PUB.verify(sig, message, uid)


@FEW
@given(st.binary(min_size=1, max_size=512))
def test_encrypt_decrypt_round_trip(message):
    der = PUB.encrypt(message)
    assert KEY.decrypt(der) == message
    ct = gm.Ciphertext.parse(der)
    for layout in ("c1c3c2", "c1c2c3"):
        for prefix in (True, False):
            assert KEY.decrypt(ct.to_raw(layout, prefix=prefix), layout) == message


@FEW
@given(st.data())
def test_flipped_bit_in_signature_is_rejected(data):
    message = data.draw(st.binary(max_size=256))
    sig = bytearray(KEY.sign(message))
    # The DER length varies with the random nonce: draw a position independent of it.
    bit = data.draw(st.integers(0, 1 << 16)) % (len(sig) * 8)
    sig[bit // 8] ^= 1 << (bit % 8)
    try:
        PUB.verify(bytes(sig), message)
    except EbidError:
        return
    raise AssertionError("a signature with a flipped bit verified")


@FEW
@given(st.data())
def test_flipped_bit_in_message_is_rejected(data):
    message = bytearray(data.draw(st.binary(min_size=1, max_size=256)))
    sig = KEY.sign(bytes(message))
    bit = data.draw(st.integers(0, len(message) * 8 - 1))
    message[bit // 8] ^= 1 << (bit % 8)
    assert not PUB.is_valid_signature(sig, bytes(message))


@FEW
@given(st.data())
def test_flipped_bit_in_ciphertext_is_rejected(data):
    message = data.draw(st.binary(min_size=1, max_size=128))
    der = bytearray(PUB.encrypt(message))
    bit = data.draw(st.integers(0, 1 << 16)) % (len(der) * 8)
    der[bit // 8] ^= 1 << (bit % 8)
    try:
        result = KEY.decrypt(bytes(der))
    except EbidError:
        return
    raise AssertionError(f"a ciphertext with a flipped bit decrypted to {result!r}")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4096), st.binary(min_size=1, max_size=64), st.binary(min_size=12, max_size=12))
def test_aead_round_trip_and_tamper(data, aad, nonce):
    for enc, dec, key in (
        (gm.sm4_gcm_encrypt, gm.sm4_gcm_decrypt, bytes(range(16))),
        (gm.aes256_gcm_encrypt, gm.aes256_gcm_decrypt, bytes(range(32))),
    ):
        ct = enc(key, nonce, data, aad)
        assert dec(key, nonce, ct, aad) == data
        tampered = bytearray(ct)
        tampered[len(ct) // 2] ^= 0x80
        try:
            dec(key, nonce, bytes(tampered), aad)
        except DecryptionFailed:
            pass
        else:
            raise AssertionError("tampered AEAD ciphertext accepted")


def test_signatures_are_randomised():
    # A fixed or predictable nonce would make two signatures of one message equal.
    assert KEY.sign(b"same") != KEY.sign(b"same")


def test_verification_failed_is_distinct_from_input_errors():
    try:
        PUB.verify(KEY.sign(b"a"), b"b")
    except VerificationFailed as exc:
        assert exc.exit_code == 1
