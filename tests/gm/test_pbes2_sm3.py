"""PKCS#8 key files encrypted with PBKDF2-HMAC-SM3 (hmacWithSM3, 1.2.156.10197.1.401.2) and
SM4-CBC, the scheme of GmSSL and gmsm: gmsm's sample is read, and what we write is decoded by an
independent decoder (the OpenSSL command line's PBKDF2 and SM4-CBC, over a generic DER walk)
and checked against the rules of GmSSL 3's reader (src/pkcs8.c, src/sm2_key.c)."""

from __future__ import annotations

import pytest
from asn1crypto import core, pem

from app.core import gm
from app.core.errors import InvalidKey, WrongPassword
from tests.support import SHARED_DATA, run

INTEROP = SHARED_DATA / "interop"
HMAC_SM3 = "1.2.156.10197.1.401.2"


def test_gmsm_hmacsm3_sm4cbc_sample_reads_as_its_plain_twin():
    encrypted = (INTEROP / "gmsm_sm2_pbes2_hmacsm3_sm4cbc.pem").read_bytes()
    plain = gm.load_private_key((INTEROP / "gmsm_sm2_pkcs8.pem").read_bytes())
    key = gm.load_private_key(encrypted, b"Password1")
    assert key.to_bytes().hex().startswith("6c5a0a0b")  # MANIFEST.tsv: d=6c5a0a0b…
    assert key.to_bytes() == plain.to_bytes() and key.public_key() == plain.public_key()
    with pytest.raises(WrongPassword):
        gm.load_private_key(encrypted, b"Password2")


def _walk(der: bytes):
    """(pbkdf2 params, scheme, ciphertext) by generic DER, not by our key code."""
    top = core.Sequence.load(der)
    algorithm, body = top[0], top[1]
    assert core.ObjectIdentifier.load(algorithm[0].dump()).dotted == "1.2.840.113549.1.5.13"
    pbes2 = core.Sequence.load(algorithm[1].dump())
    kdf, scheme = core.Sequence.load(pbes2[0].dump()), core.Sequence.load(pbes2[1].dump())
    assert core.ObjectIdentifier.load(kdf[0].dump()).dotted == "1.2.840.113549.1.5.12"
    return core.Sequence.load(kdf[1].dump()), scheme, core.OctetString.load(body.dump()).native


def _independent_decrypt(openssl: str, der: bytes, password: str) -> bytes:
    params, scheme, body = _walk(der)
    salt = core.OctetString.load(params[0].dump()).native
    iterations = core.Integer.load(params[1].dump()).native
    iv = core.OctetString.load(scheme[1].dump()).native
    kdf = run([openssl, "kdf", "-keylen", "16", "-kdfopt", "digest:SM3", "-kdfopt", f"pass:{password}",
               "-kdfopt", f"hexsalt:{salt.hex()}", "-kdfopt", f"iter:{iterations}", "PBKDF2"])
    assert kdf.returncode == 0, kdf.stderr
    key = kdf.stdout.strip().replace(":", "")
    out = run([openssl, "enc", "-d", "-sm4-cbc", "-K", key, "-iv", iv.hex()], input=body, text=False)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_our_sm4_key_file_decodes_independently_and_follows_gmssl_rules(openssl):
    key = gm.SM2PrivateKey.generate()
    der = pem.unarmor(gm.private_key_to_pem(key, b"pa ss", scheme=gm.keys.SCHEME_SM4))[2]
    params, scheme, body = _walk(der)
    # GmSSL 3: keyLength absent or 16; prf = SEQUENCE { hmac-sm3 } with nothing after the OID;
    # cipher sm4-cbc with a 16-byte IV; at most 256 bytes of ciphertext.
    assert core.Integer.load(params[2].dump()).native == 16
    prf = core.Sequence.load(params[3].dump())
    assert len(prf) == 1 and core.ObjectIdentifier.load(prf[0].dump()).dotted == HMAC_SM3
    assert core.ObjectIdentifier.load(scheme[0].dump()).dotted == "1.2.156.10197.1.104.2"
    assert len(core.OctetString.load(scheme[1].dump()).native) == 16
    assert len(body) <= 256
    inner = _independent_decrypt(openssl, der, "pa ss")
    out = run([openssl, "pkey", "-inform", "DER", "-pubout"], input=inner, text=False)
    assert out.returncode == 0, out.stderr
    assert gm.load_public_key(out.stdout) == key.public_key()
    # GmSSL 3 needs both [0] parameters and [1] public key inside the ECPrivateKey.
    from asn1crypto import keys

    ec = keys.ECPrivateKey.load(keys.PrivateKeyInfo.load(inner)["private_key"].contents)
    assert ec["parameters"].chosen.dotted == "1.2.156.10197.1.301"
    assert ec["public_key"].native == key.public_key().to_bytes()
    assert gm.load_private_key(der, b"pa ss").to_bytes() == key.to_bytes()


def test_a_key_length_that_does_not_fit_the_cipher_is_refused():
    der = pem.unarmor(gm.private_key_to_pem(gm.SM2PrivateKey.generate(), b"pw",
                                            scheme=gm.keys.SCHEME_SM4))[2]
    assert der.count(bytes.fromhex("020110300b0609")) == 1  # keyLength 16, then the prf
    with pytest.raises(InvalidKey, match="16|32"):
        gm.load_private_key(der.replace(bytes.fromhex("020110300b0609"),
                                        bytes.fromhex("020120300b0609")), b"pw")


def test_the_iteration_cap_holds_for_hmac_sm3():
    from asn1crypto import keys

    der = pem.unarmor((INTEROP / "gmsm_sm2_pbes2_hmacsm3_sm4cbc.pem").read_bytes())[2]
    info = keys.EncryptedPrivateKeyInfo.load(der)
    kdf = info["encryption_algorithm"]["parameters"]["key_derivation_func"]["parameters"]
    assert kdf["prf"]["algorithm"].dotted == HMAC_SM3
    kdf["iteration_count"] = 2**31 - 1
    with pytest.raises(InvalidKey, match="iterations"):
        gm.load_private_key(info.dump(force=True), b"Password1")


def test_cli_writes_a_gmssl_key_file_and_signs_with_it(ebid, openssl, tmp_path):
    (tmp_path / "pw").write_text("pa ss\n")
    out = ebid("gm", "keygen", "-o", "k.pem", "--password-file", "pw", "--key-encryption", "sm4-cbc")
    assert out.returncode == 0, out.stderr
    der = pem.unarmor((tmp_path / "k.pem").read_bytes())[2]
    inner = _independent_decrypt(openssl, der, "pa ss")
    pub = run([openssl, "pkey", "-inform", "DER", "-pubout", "-out", "p.pem"], input=inner,
              text=False, cwd=tmp_path)
    assert pub.returncode == 0, pub.stderr
    (tmp_path / "f").write_bytes(b"bid")
    assert ebid("gm", "sign", "k.pem", "f", "-o", "f.sig", "--password-file", "pw").returncode == 0
    check = run([openssl, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", "p.pem",
                 "-pkeyopt", "distid:1234567812345678", "-in", "f", "-sigfile", "f.sig"], cwd=tmp_path)
    assert check.returncode == 0, check.stderr


def test_cli_key_encryption_without_a_password_is_a_usage_error(ebid, tmp_path):
    out = ebid("gm", "keygen", "-o", "k.pem", "--key-encryption", "sm4-cbc")
    assert out.returncode == 2 and "--password-file" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "k.pem").exists()


def test_gmssl_primitives_open_our_sm4_key_file():
    """GmSSL's own HMAC-SM3 (as the PBKDF2 PRF, RFC 8018 5.2) and SM4-CBC, through gmssl-pyx
    (a runtime dependency on Linux x86-64 and Windows): GmSSL's readers do exactly this."""
    gmssl = pytest.importorskip("gmssl_pyx")
    key = gm.SM2PrivateKey.generate()
    der = pem.unarmor(gm.private_key_to_pem(key, b"pw", scheme=gm.keys.SCHEME_SM4))[2]
    params, scheme, body = _walk(der)
    salt = core.OctetString.load(params[0].dump()).native
    iterations = core.Integer.load(params[1].dump()).native
    u = gmssl.sm3_hmac(b"pw", salt + (1).to_bytes(4, "big"))
    acc = int.from_bytes(u, "big")
    for _ in range(iterations - 1):
        u = gmssl.sm3_hmac(b"pw", u)
        acc ^= int.from_bytes(u, "big")
    block = acc.to_bytes(32, "big")
    inner = gmssl.sm4_cbc_padding_decrypt(block[:16], core.OctetString.load(scheme[1].dump()).native,
                                          body)
    assert gm.load_private_key(inner).to_bytes() == key.to_bytes()
