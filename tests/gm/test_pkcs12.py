"""PKCS#12 (RFC 7292) with SM2 keys: ofdrw's legacy file and files OpenSSL 3 writes are read; what
we write is read by ``openssl pkcs12``; the PKCS#12 KDF (SHA-1 and SM3) and RC2 are checked
against the OpenSSL command line."""

from __future__ import annotations

import os

import pytest
from asn1crypto import pem

from app.core import gm
from app.core.errors import InvalidInput, WrongPassword
from app.core.pki import Certificate, pkcs12
from app.core.pki.rc2 import rc2_cbc_decrypt
from tests.support import SHARED_DATA, run

INTEROP = SHARED_DATA / "interop"
SHA1, SM3 = "1.3.14.3.2.26", "1.2.156.10197.1.401"
LEGACY = ["-provider", "legacy", "-provider", "default"]


def sample(name: str) -> bytes:
    return (INTEROP / name).read_bytes()  # a missing sample fails, it does not skip


@pytest.fixture(scope="module")
def user():
    """ofdrw's USER key and certificate, as exported separately (MANIFEST.tsv)."""
    return gm.load_private_key(sample("ofdrw_USER.key.pem")), Certificate.load(sample("ofdrw_USER.cert.pem"))


# -- the primitives against OpenSSL -------------------------------------------------------------

@pytest.mark.parametrize(("digest", "name"), [(SHA1, "SHA1"), (SM3, "SM3")])
@pytest.mark.parametrize(("password", "salt", "purpose", "iterations", "length"), [
    ("smeg", "0a58cf64530d823f", 1, 1, 24),  # the classic vector: SHA-1 gives 8aaae629…
    ("queeg", "05dec959acff72f7", 2, 1000, 8),
    ("a password longer than one sixty-four byte block of the KDF, 口令", "00" * 13, 3, 3, 70),
])
def test_pkcs12_kdf_matches_openssl(openssl, digest, name, password, salt, purpose, iterations, length):
    bmp = pkcs12.bmp_password(password.encode())
    out = run([openssl, "kdf", "-keylen", str(length), "-kdfopt", f"hexpass:{bmp.hex()}",
               "-kdfopt", f"hexsalt:{salt}", "-kdfopt", f"iter:{iterations}", "-kdfopt", f"id:{purpose}",
               "-kdfopt", f"digest:{name}", "PKCS12KDF"])
    assert out.returncode == 0, out.stderr
    expected = bytes.fromhex(out.stdout.strip().replace(":", ""))
    assert pkcs12.pkcs12_kdf(digest, bmp, bytes.fromhex(salt), purpose, iterations, length) == expected


@pytest.mark.parametrize(("cipher", "key_size", "bits"), [("rc2-40-cbc", 5, 40), ("rc2-cbc", 16, 128)])
def test_rc2_decryption_matches_openssl(openssl, cipher, key_size, bits):
    key, iv, plain = os.urandom(key_size), os.urandom(8), os.urandom(64)
    out = run([openssl, "enc", f"-{cipher}", *LEGACY, "-K", key.hex(), "-iv", iv.hex(), "-nopad"],
              input=plain, text=False)
    assert out.returncode == 0, out.stderr
    assert rc2_cbc_decrypt(key, bits, iv, out.stdout) == plain


# -- reading -------------------------------------------------------------------------------------

def test_ofdrw_legacy_p12_holds_the_user_key_and_certificate(openssl, user):
    key, cert = user
    data = sample("ofdrw_USER.p12")
    found = pkcs12.load_pkcs12(data, b"777777")  # 3DES key bag, RC2-40 certificate bag, SHA-1 MAC
    assert found.key.to_bytes() == key.to_bytes()
    assert [c.der for c in found.certificates] == [cert.der] and found.key_certificate.der == cert.der
    ossl = run([openssl, "pkcs12", "-legacy", "-in", "-", "-passin", "pass:777777", "-nodes"],
               input=data, text=False)
    assert ossl.returncode == 0, ossl.stderr
    assert gm.load_private_key(ossl.stdout).to_bytes() == key.to_bytes()
    assert Certificate.load(ossl.stdout).der == cert.der
    with pytest.raises(WrongPassword):
        pkcs12.load_pkcs12(data, b"777778")


@pytest.mark.parametrize("options", [
    [],  # OpenSSL 3's default: PBES2 AES-256-CBC, SHA-256 MAC
    ["-legacy"],  # 3DES and RC2-40, SHA-1 MAC
    ["-macalg", "sm3", "-keypbe", "SM4-CBC", "-certpbe", "SM4-CBC"],
    ["-nocerts"],
])
def test_we_read_what_openssl_writes(openssl, tmp_path, user, options):
    key, cert = user
    out = tmp_path / "o.p12"
    made = run([openssl, "pkcs12", "-export", "-inkey", str(INTEROP / "ofdrw_USER.key.pem"),
                *([] if "-nocerts" in options else ["-in", str(INTEROP / "ofdrw_USER.cert.pem")]),
                *[o for o in options if o != "-nocerts"], *(["-nocerts"] if "-nocerts" in options else []),
                "-passout", "pass:pw 口令", "-out", str(out)])
    assert made.returncode == 0, made.stderr
    found = pkcs12.load_pkcs12(out.read_bytes(), "pw 口令".encode())
    assert found.key.to_bytes() == key.to_bytes()
    assert [c.der for c in found.certificates] == ([] if "-nocerts" in options else [cert.der])


def test_an_altered_file_fails_its_mac(user):
    key, cert = user
    data = bytearray(pkcs12.make_pkcs12(key, cert, b"pw"))
    data[len(data) // 2] ^= 1
    with pytest.raises((WrongPassword, InvalidInput)):
        pkcs12.load_pkcs12(bytes(data), b"pw")


def test_a_mac_asking_for_billions_of_iterations_is_refused_before_hashing(user):
    key, cert = user
    pfx = pkcs12.pkcs12.Pfx.load(pkcs12.make_pkcs12(key, cert, b"pw"))
    pfx["mac_data"]["iterations"] = 2**31 - 1
    with pytest.raises(InvalidInput, match="iterations"):
        pkcs12.load_pkcs12(pfx.dump(force=True), b"pw")


def test_not_a_pkcs12_file():
    assert not pkcs12.looks_like_pkcs12(sample("ofdrw_USER.cert.pem"))
    assert pkcs12.looks_like_pkcs12(sample("ofdrw_USER.p12"))
    with pytest.raises(InvalidInput):
        pkcs12.load_pkcs12(pem.unarmor(sample("ofdrw_USER.cert.pem"))[2], b"pw")


# -- writing -------------------------------------------------------------------------------------

def test_openssl_reads_our_pkcs12(openssl, tmp_path, user):
    key, cert = user
    out = tmp_path / "ours.p12"
    out.write_bytes(pkcs12.make_pkcs12(key, cert, "pw 口令".encode(), friendly_name="USER"))
    info = run([openssl, "pkcs12", "-info", "-noout", "-in", str(out), "-passin", "pass:pw 口令"])
    assert info.returncode == 0, info.stderr
    said = info.stdout + info.stderr  # -info writes to stderr
    assert "MAC: sha256" in said and "Shrouded Keybag: PBES2" in said and "Certificate bag" in said
    full = run([openssl, "pkcs12", "-in", str(out), "-passin", "pass:pw 口令", "-nodes"], text=False)
    assert full.returncode == 0, full.stderr
    assert gm.load_private_key(full.stdout).to_bytes() == key.to_bytes()
    assert Certificate.load(full.stdout).der == cert.der
    assert b"friendlyName: USER" in full.stdout
    wrong = run([openssl, "pkcs12", "-info", "-noout", "-in", str(out), "-passin", "pass:pw"])
    assert wrong.returncode != 0


def test_the_sm3_sm4_variant_round_trips_and_openssl_checks_its_sm3_mac(openssl, tmp_path, user):
    key, cert = user
    out = tmp_path / "sm.p12"
    out.write_bytes(pkcs12.make_pkcs12(key, cert, b"pw", scheme=gm.keys.SCHEME_SM4))
    found = pkcs12.load_pkcs12(out.read_bytes(), b"pw")
    assert found.key.to_bytes() == key.to_bytes() and found.certificates[0].der == cert.der
    # OpenSSL 3 verifies the SM3 MAC (so our SM3 KDF agrees with it), then stops at HMAC-SM3.
    right = run([openssl, "pkcs12", "-info", "-noout", "-in", str(out), "-passin", "pass:pw"])
    said = right.stdout + right.stderr
    assert "MAC: sm3" in said and "PBES2, PBKDF2, SM4-CBC" in said, said
    assert "mac verify" not in said.lower()
    wrong = run([openssl, "pkcs12", "-info", "-noout", "-in", str(out), "-passin", "pass:px"])
    assert "mac verify" in (wrong.stdout + wrong.stderr).lower()


def test_a_certificate_for_another_key_is_refused(user):
    _, cert = user
    with pytest.raises(InvalidInput, match="not for this private key"):
        pkcs12.make_pkcs12(gm.SM2PrivateKey.generate(), cert, b"pw")


# -- ebid gm -------------------------------------------------------------------------------------

def test_cli_signs_with_a_p12_and_shows_its_certificate(ebid, openssl, tmp_path):
    (tmp_path / "pw").write_text("777777\n")
    p12 = str(INTEROP / "ofdrw_USER.p12")
    (tmp_path / "f").write_bytes("投标文件".encode())
    assert ebid("gm", "sign", p12, "f", "-o", "f.sig", "--password-file", "pw").returncode == 0
    assert run([openssl, "x509", "-in", str(INTEROP / "ofdrw_USER.cert.pem"), "-pubkey", "-noout",
                "-out", "pub.pem"], cwd=tmp_path).returncode == 0
    check = run([openssl, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", "pub.pem",
                 "-pkeyopt", "distid:1234567812345678", "-in", "f", "-sigfile", "f.sig"], cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    shown = ebid("gm", "p12-info", p12, "--password-file", "pw", "--cert-out", "c.pem")
    assert shown.returncode == 0, shown.stderr
    assert "Common Name: Test Certificate" in shown.stdout and "its certificate is included" in shown.stdout
    assert Certificate.load((tmp_path / "c.pem").read_bytes()).der == Certificate.load(
        sample("ofdrw_USER.cert.pem")).der
    (tmp_path / "bad").write_text("000000\n")
    wrong = ebid("gm", "p12-info", p12, "--password-file", "bad")
    assert wrong.returncode == 2 and "Wrong password" in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1


def test_cli_exports_a_p12_that_openssl_reads(ebid, openssl, tmp_path):
    (tmp_path / "kpw").write_text("key pw\n")
    (tmp_path / "ppw").write_text("p12 pw\n")
    assert ebid("gm", "keygen", "-o", "k.pem", "--password-file", "kpw").returncode == 0
    assert run([openssl, "req", "-new", "-x509", "-key", "k.pem", "-passin", "pass:key pw", "-sm3",
                "-sigopt", "distid:1234567812345678", "-subj", "/CN=投标人", "-days", "30",
                "-out", "c.pem"], cwd=tmp_path).returncode == 0
    out = ebid("gm", "p12-export", "k.pem", "c.pem", "-o", "o.p12", "--password-file", "kpw",
               "--p12-password-file", "ppw", "--name", "bidder")
    assert out.returncode == 0, out.stderr
    info = run([openssl, "pkcs12", "-info", "-noout", "-in", "o.p12", "-passin", "pass:p12 pw"], cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    again = ebid("gm", "p12-export", "k.pem", "c.pem", "-o", "o.p12", "--password-file", "kpw",
                 "--p12-password-file", "ppw")
    assert again.returncode == 2 and "--force" in again.stderr
    other = ebid("gm", "keygen", "-o", "other.pem")
    assert other.returncode == 0
    mismatch = ebid("gm", "p12-export", "other.pem", "c.pem", "-o", "x.p12", "--p12-password-file", "ppw")
    assert mismatch.returncode == 2 and "not for this private key" in mismatch.stderr
    assert not (tmp_path / "x.p12").exists()


def _gmt_data(octets: bytes) -> bytes:
    """ContentInfo { GM/T 0010 data 1.2.156.10197.6.1.4.2.1, [0] OCTET STRING } by plain DER."""
    from asn1crypto import core

    inner = core.OctetString(octets).dump()
    tagged = core.Sequence(contents=inner).dump()
    tagged = b"\xa0" + tagged[1:]  # [0] EXPLICIT: a constructed context tag around the string
    oid = core.ObjectIdentifier("1.2.156.10197.6.1.4.2.1").dump()
    return core.Sequence(contents=oid + tagged).dump()


def test_the_gmt_0010_data_content_type_is_read_as_data(user):
    import hashlib
    import hmac

    from asn1crypto import core
    from asn1crypto import pkcs12 as asn1_pkcs12

    key, cert = user
    pfx = asn1_pkcs12.Pfx.load(pkcs12.make_pkcs12(key, cert, b"pw"))
    parts = []
    for info in asn1_pkcs12.AuthenticatedSafe.load(pfx["auth_safe"]["content"].native):
        parts.append(_gmt_data(info["content"].native) if info["content_type"].native == "data"
                     else info.dump())
    safe = core.Sequence(contents=b"".join(parts)).dump()
    sha256 = "2.16.840.1.101.3.4.2.1"
    mac_key = pkcs12.pkcs12_kdf(sha256, pkcs12.bmp_password(b"pw"), b"salt", 3, 1, 32)
    mac = asn1_pkcs12.MacData({"mac": {"digest_algorithm": {"algorithm": sha256},
                                       "digest": hmac.new(mac_key, safe, hashlib.sha256).digest()},
                               "mac_salt": b"salt", "iterations": 1})
    der = core.Sequence(contents=core.Integer(3).dump() + _gmt_data(safe) + mac.dump()).dump()
    found = pkcs12.load_pkcs12(der, b"pw")
    assert found.key.to_bytes() == key.to_bytes() and found.certificates[0].der == cert.der


def test_many_bags_each_at_the_iteration_cap_are_refused_before_hashing(user):
    """Each count is under the cap; their sum is not: refused at once, not after minutes."""
    import hashlib
    import hmac
    import time

    from asn1crypto import core
    from asn1crypto import pkcs12 as asn1_pkcs12

    key, cert = user
    pfx = asn1_pkcs12.Pfx.load(pkcs12.make_pkcs12(key, cert, b"pw"))
    infos = list(asn1_pkcs12.AuthenticatedSafe.load(pfx["auth_safe"]["content"].native))
    encrypted = next(i for i in infos if i["content_type"].native == "encrypted_data")
    kdf = encrypted["content"]["encrypted_content_info"]["content_encryption_algorithm"][
        "parameters"]["key_derivation_func"]["parameters"]
    kdf["iteration_count"] = gm.keys.MAX_PBKDF2_ITERATIONS - 1
    safe = core.Sequence(contents=encrypted.dump(force=True) * 4).dump()
    sha256 = "2.16.840.1.101.3.4.2.1"
    mac_key = pkcs12.pkcs12_kdf(sha256, pkcs12.bmp_password(b"pw"), b"salt", 3, 1, 32)
    rebuilt = asn1_pkcs12.Pfx({
        "version": "v3", "auth_safe": {"content_type": "data", "content": safe},
        "mac_data": {"mac": {"digest_algorithm": {"algorithm": sha256},
                             "digest": hmac.new(mac_key, safe, hashlib.sha256).digest()},
                     "mac_salt": b"salt", "iterations": 1},
    }).dump()
    start = time.monotonic()
    with pytest.raises(InvalidInput, match="in all"):
        pkcs12.load_pkcs12(rebuilt, b"pw")
    assert time.monotonic() - start < 1
