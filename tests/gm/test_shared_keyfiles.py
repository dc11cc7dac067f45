"""Key files and certificates written by other SM2 implementations (``../shared/data/interop``,
see its MANIFEST.tsv): what each must read as, checked against OpenSSL where it can read them.

A missing sample fails these tests: they are the evidence that we read what others write."""

from __future__ import annotations

import pytest
from asn1crypto import core, pem

from app.core import gm
from app.core.errors import InvalidKey
from app.core.pki import Certificate
from tests.support import SHARED_DATA, run

INTEROP = SHARED_DATA / "interop"
SM2_OID = "1.2.156.10197.1.301"


def sample(name: str) -> bytes:
    return (INTEROP / name).read_bytes()  # FileNotFoundError, not a skip, when it is missing


def openssl_public_key(openssl: str, *args: str, data: bytes) -> gm.SM2PublicKey:
    out = run([openssl, *args], input=data, text=False)
    assert out.returncode == 0, out.stderr
    return gm.load_public_key(out.stdout)


# -- item 4: the SM2 OID as the SubjectPublicKeyInfo algorithm ------------------------------------

def test_certificate_whose_spki_algorithm_is_the_sm2_oid_is_read(openssl):
    data = sample("gmsm_openssl3_cert_spki_sm2oid.pem")
    cert = Certificate.load(data)
    assert cert.tbs["subject_public_key_info"]["algorithm"]["algorithm"].dotted == SM2_OID
    assert cert.public_key() == openssl_public_key(openssl, "x509", "-pubkey", "-noout", data=data)
    # Its self-signature, made by OpenSSL 3 without a distinguishing ID, verifies over the
    # original bytes with the empty ID (and so not with the standard one).
    signature = cert.asn1["signature_value"].contents[1:]
    cert.public_key().verify(signature, cert.tbs.dump(), b"")


def _spki_with_sm2_oid(point: bytes, params: core.Asn1Value | None) -> bytes:
    fields = [core.ObjectIdentifier(SM2_OID)] + ([params] if params is not None else [])
    algorithm = core.Sequence(contents=b"".join(f.dump() for f in fields))
    bits = core.BitString(contents=b"\x00" + point)
    return core.Sequence(contents=algorithm.dump() + bits.dump()).dump()


@pytest.mark.parametrize("params", ["curve", "absent"])
def test_public_key_file_with_the_sm2_oid_is_read_as_openssl_reads_it(openssl, params):
    key = gm.SM2PrivateKey.generate().public_key()
    der = _spki_with_sm2_oid(key.to_bytes(), core.ObjectIdentifier(SM2_OID) if params == "curve" else None)
    if params == "curve":  # the form OpenSSL 3 reads (it refuses the bare OID)
        assert openssl_public_key(openssl, "pkey", "-pubin", "-inform", "DER", "-pubout",
                                  data=der) == key
    assert gm.load_public_key(der) == key
    assert gm.load_public_key(pem.armor("PUBLIC KEY", der)) == key


def test_sm2_oid_with_another_curve_is_refused():
    key = gm.SM2PrivateKey.generate().public_key()
    der = _spki_with_sm2_oid(key.to_bytes(), core.ObjectIdentifier("1.2.840.10045.3.1.7"))
    with pytest.raises(InvalidKey, match=r"not an SM2 key \(EC, prime256v1\)"):
        gm.load_public_key(der)


def test_an_rsa_key_is_named_in_the_refusal(openssl, tmp_path):
    key = tmp_path / "rsa.pem"
    assert run([openssl, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024",
                "-out", str(key)]).returncode == 0
    public = run([openssl, "pkey", "-in", str(key), "-pubout"]).stdout.encode()
    for load, data in ((gm.load_public_key, public), (gm.load_private_key, key.read_bytes())):
        with pytest.raises(InvalidKey) as refused:
            load(data)
        assert refused.value.message == "The key is not an SM2 key (rsaEncryption)"


def test_a_p256_key_is_named_in_the_refusal(openssl, tmp_path):
    key = tmp_path / "p256.pem"
    assert run([openssl, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-out", str(key)]).returncode == 0
    sec1 = run([openssl, "ec", "-in", str(key)]).stdout.encode()
    assert b"BEGIN EC PRIVATE KEY" in sec1
    for data in (key.read_bytes(), sec1):
        with pytest.raises(InvalidKey, match=r"not an SM2 key \(EC, prime256v1\)"):
            gm.load_private_key(data)


def test_a_certificate_with_an_unknown_key_algorithm_parses_and_its_key_is_refused(openssl, tmp_path):
    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    assert run([openssl, "req", "-x509", "-newkey", "ed25519", "-keyout", str(key), "-nodes",
                "-subj", "/CN=ed", "-days", "1", "-out", str(cert)]).returncode == 0
    with pytest.raises(InvalidKey, match=r"not an SM2 key \(Ed25519\)"):
        Certificate.load(cert.read_bytes()).public_key()
    ed25519 = bytes.fromhex("06032b6570")  # 1.3.101.112; 1.3.101.127 is assigned to nothing
    der = pem.unarmor(cert.read_bytes())[2]
    assert der.count(ed25519) == 3  # the key and the two signature algorithms
    unknown = Certificate.load(der.replace(ed25519, bytes.fromhex("06032b657f")))
    with pytest.raises(InvalidKey, match=r"not an SM2 key \(1\.3\.101\.127\)"):
        unknown.public_key()


# -- the plain key samples, as a baseline -----------------------------------------------------

@pytest.mark.parametrize("name", ["gmsm_sm2_pkcs8.pem", "ofdrw_USER.key.pem", "ofdrw_sign_key_sec1.pem"])
def test_plain_private_key_samples_match_openssl(openssl, name):
    data = sample(name)
    assert gm.load_private_key(data).public_key() == openssl_public_key(openssl, "pkey", "-pubout",
                                                                        data=data)


def test_pkcs8_private_key_with_the_sm2_oid_is_read_as_openssl_reads_it(openssl):
    key = gm.SM2PrivateKey.generate()
    ours = core.Sequence.load(gm.private_key_to_der(key))
    algorithm = core.Sequence(contents=core.ObjectIdentifier(SM2_OID).dump()
                              + core.ObjectIdentifier(SM2_OID).dump())
    der = core.Sequence(contents=ours[0].dump() + algorithm.dump() + ours[2].dump()).dump()
    assert openssl_public_key(openssl, "pkey", "-inform", "DER", "-pubout", data=der) == key.public_key()
    assert gm.load_private_key(der).public_key() == key.public_key()
