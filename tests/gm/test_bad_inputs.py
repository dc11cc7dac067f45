"""Malformed and hostile inputs give the project's error, never a raw library exception."""

from __future__ import annotations

import pytest

from app.core import gm
from app.core.errors import DecryptionFailed, EbidError, InvalidInput, InvalidKey, VerificationFailed
from app.core.gm import sm2, sm2_der

KEY = gm.SM2PrivateKey.generate()
PUB = KEY.public_key()
MSG = b"tender document"


def test_off_curve_public_key_rejected():
    with pytest.raises(InvalidKey):
        gm.SM2PublicKey(PUB.x, (PUB.y + 1) % sm2.P)
    point = bytearray(PUB.to_bytes())
    point[-1] ^= 1
    with pytest.raises(InvalidKey):
        gm.SM2PublicKey.from_bytes(bytes(point))


def test_coordinates_out_of_field_rejected():
    with pytest.raises(InvalidKey):
        gm.SM2PublicKey(PUB.x + sm2.P, PUB.y)


def test_off_curve_key_in_spki_rejected():
    der = bytearray(gm.public_key_to_der(PUB))
    der[-1] ^= 1
    with pytest.raises(InvalidKey):
        gm.load_public_key(bytes(der))


@pytest.mark.parametrize("raw", [b"", b"\x00" * 31, b"\x01" * 33])
def test_wrong_length_private_key(raw):
    with pytest.raises(InvalidKey):
        gm.SM2PrivateKey.from_bytes(raw)


@pytest.mark.parametrize("d", [0, sm2.N - 1, sm2.N, sm2.N + 5])
def test_private_scalar_out_of_range(d):
    with pytest.raises(InvalidKey):
        gm.SM2PrivateKey(d)


def test_truncated_signature_der():
    sig = KEY.sign(MSG)
    for cut in range(len(sig)):
        with pytest.raises(InvalidInput):
            PUB.verify(sig[:cut], MSG)


def test_trailing_bytes_after_signature():
    with pytest.raises(InvalidInput):
        PUB.verify(KEY.sign(MSG) + b"\x00", MSG)


def test_non_canonical_der_signature_rejected():
    r, s = sm2.decode_signature(KEY.sign(MSG))
    body = sm2_der.SM2Signature({"r": r, "s": s}).dump()[2:]
    long_form = b"\x30\x81" + bytes([len(body)]) + body  # BER long-form length for a short body
    with pytest.raises(InvalidInput):
        PUB.verify(long_form, MSG)


@pytest.mark.parametrize("r_s", [(0, 1), (1, 0), (sm2.N, 1), (1, sm2.N), (-1, 5)])
def test_r_s_out_of_range(r_s):
    with pytest.raises(VerificationFailed):
        PUB.verify(sm2.encode_signature(*r_s), MSG)


def test_r_plus_s_equal_n_rejected():
    with pytest.raises(VerificationFailed):
        PUB.verify(sm2.encode_signature(5, sm2.N - 5), MSG)


def test_empty_message_may_be_signed():
    sig = KEY.sign(b"")
    PUB.verify(sig, b"")
    assert not PUB.is_valid_signature(sig, b"\x00")


def test_empty_message_cannot_be_encrypted():
    with pytest.raises(InvalidInput):
        PUB.encrypt(b"")


def test_failing_c3_check():
    ct = gm.Ciphertext.parse(PUB.encrypt(b"file key"))
    bad = gm.Ciphertext(ct.x, ct.y, bytes(32), ct.c2)
    with pytest.raises(DecryptionFailed):
        KEY.decrypt(bad.to_der())


def test_wrong_key_fails_c3():
    with pytest.raises(DecryptionFailed):
        gm.SM2PrivateKey.generate().decrypt(PUB.encrypt(b"file key"))


def test_ciphertext_point_off_curve():
    ct = gm.Ciphertext.parse(PUB.encrypt(b"file key"))
    bad = gm.Ciphertext(ct.x, ct.y ^ 1, ct.c3, ct.c2)
    with pytest.raises(InvalidInput):
        KEY.decrypt(bad.to_der())
    with pytest.raises(InvalidInput):
        KEY.decrypt(bad.to_raw("c1c3c2"), "c1c3c2")


def test_truncated_ciphertext_der():
    der = PUB.encrypt(b"file key")
    for cut in range(len(der)):
        with pytest.raises(EbidError):
            KEY.decrypt(der[:cut])


def test_short_c3_rejected():
    ct = gm.Ciphertext.parse(PUB.encrypt(b"file key"))
    with pytest.raises(InvalidInput):
        KEY.decrypt(gm.Ciphertext(ct.x, ct.y, ct.c3[:31], ct.c2).to_der())


@pytest.mark.parametrize(
    "data",
    [b"", b"not pem at all", b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", b"\x30\x03\x02\x01"],
)
def test_garbage_key_files(data):
    with pytest.raises(EbidError):
        gm.load_private_key(data)
    with pytest.raises(EbidError):
        gm.load_public_key(data)


def test_public_key_where_private_expected():
    with pytest.raises(InvalidKey):
        gm.load_private_key(gm.public_key_to_pem(PUB))


def test_encrypted_key_without_password():
    pem = gm.private_key_to_pem(KEY, b"pw")
    with pytest.raises(gm.keys.WrongPassword):
        gm.load_private_key(pem)


def test_private_key_with_mismatched_public_key_rejected():
    other = gm.SM2PrivateKey.generate().public_key()
    spliced = gm.keys._ec_private_key(KEY, with_params=False)
    spliced["public_key"] = other.to_bytes()
    from asn1crypto import keys as asn1_keys, pem

    info = asn1_keys.PrivateKeyInfo(
        {"version": 0, "private_key_algorithm": gm.keys._ec_algorithm(), "private_key": spliced}
    ).dump()
    with pytest.raises(InvalidKey):
        gm.load_private_key(pem.armor("PRIVATE KEY", info))


def test_symmetric_bad_lengths():
    with pytest.raises(InvalidInput):
        gm.sm4_gcm_encrypt(b"short", bytes(12), b"x")
    with pytest.raises(InvalidInput):
        gm.aes256_gcm_encrypt(bytes(32), bytes(8), b"x")
    with pytest.raises(DecryptionFailed):
        gm.sm4_gcm_decrypt(bytes(16), bytes(12), b"tiny")
