"""``ebid gm`` end to end in a subprocess, checked by the OpenSSL command line."""

from __future__ import annotations

from tests.support import run

DISTID = "distid:1234567812345678"


def test_version(ebid):
    out = ebid("--version")
    assert out.returncode == 0 and out.stdout.startswith("ebid ")


def test_keygen_loads_in_openssl_and_signature_verifies(ebid, openssl, tmp_path):
    assert ebid("gm", "keygen", "-o", "k.pem").returncode == 0
    assert run([openssl, "pkey", "-in", str(tmp_path / "k.pem"), "-noout"]).returncode == 0
    assert ebid("gm", "pubkey", "k.pem", "-o", "p.pem").returncode == 0
    (tmp_path / "bid.txt").write_bytes("投标文件 v1".encode())
    assert ebid("gm", "sign", "k.pem", "bid.txt", "-o", "bid.sig").returncode == 0
    out = run([openssl, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", "p.pem",
               "-pkeyopt", DISTID, "-in", "bid.txt", "-sigfile", "bid.sig"], cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert ebid("gm", "verify", "p.pem", "bid.txt", "bid.sig").returncode == 0


def test_openssl_signature_verifies_and_invalid_exits_1(ebid, openssl, tmp_path):
    assert run([openssl, "genpkey", "-algorithm", "SM2", "-out", "o.pem"], cwd=tmp_path).returncode == 0
    assert run([openssl, "pkey", "-in", "o.pem", "-pubout", "-out", "o.pub"], cwd=tmp_path).returncode == 0
    (tmp_path / "f").write_bytes(b"data")
    assert run([openssl, "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", "o.pem", "-pkeyopt", DISTID,
                "-in", "f", "-out", "f.sig"], cwd=tmp_path).returncode == 0
    assert ebid("gm", "verify", "o.pub", "f", "f.sig").returncode == 0
    (tmp_path / "f").write_bytes(b"Data")
    bad = ebid("gm", "verify", "o.pub", "f", "f.sig")
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr


def test_encrypt_decrypt_both_directions_with_openssl(ebid, openssl, tmp_path):
    assert ebid("gm", "keygen", "-o", "k.pem").returncode == 0
    assert ebid("gm", "pubkey", "k.pem", "-o", "p.pem").returncode == 0
    (tmp_path / "secret").write_bytes(b"0123456789abcdef0123456789abcdef")
    assert ebid("gm", "encrypt", "p.pem", "secret", "-o", "ours.der").returncode == 0
    out = run([openssl, "pkeyutl", "-decrypt", "-inkey", "k.pem", "-in", "ours.der"], cwd=tmp_path, text=False)
    assert out.stdout == b"0123456789abcdef0123456789abcdef"
    assert run([openssl, "pkeyutl", "-encrypt", "-pubin", "-inkey", "p.pem", "-in", "secret", "-out", "ossl.der"],
               cwd=tmp_path).returncode == 0
    assert ebid("gm", "decrypt", "k.pem", "ossl.der", "-o", "back").returncode == 0
    assert (tmp_path / "back").read_bytes() == (tmp_path / "secret").read_bytes()


def test_password_protected_keygen(ebid, openssl, tmp_path):
    (tmp_path / "pw").write_text("correct horse\n")
    assert ebid("gm", "keygen", "-o", "k.pem", "--password-file", "pw").returncode == 0
    assert b"ENCRYPTED" in (tmp_path / "k.pem").read_bytes()
    out = run([openssl, "pkey", "-in", "k.pem", "-passin", "pass:correct horse", "-noout"], cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert ebid("gm", "pubkey", "k.pem", "-o", "p.pem", "--password-file", "pw").returncode == 0
    (tmp_path / "bad").write_text("wrong\n")
    out = ebid("gm", "pubkey", "k.pem", "-o", "p2.pem", "--password-file", "bad")
    assert out.returncode == 2 and "Wrong password" in out.stderr
    assert not (tmp_path / "p2.pem").exists()


def test_sm3_matches_openssl(ebid, openssl, tmp_path):
    (tmp_path / "f").write_bytes(b"abc")
    out = ebid("gm", "sm3", "f")
    assert out.stdout.strip() == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    ossl = run([openssl, "dgst", "-sm3", "-r", "f"], cwd=tmp_path)
    assert ossl.stdout.split()[0] == out.stdout.strip()


def test_errors_are_one_line_without_traceback(ebid, tmp_path):
    cases = [
        ("gm", "sign", "missing.pem", "f", "-o", "s"),
        ("gm", "verify", "missing.pem", "f", "s"),
        ("gm", "decrypt", "missing.pem", "in", "-o", "out"),
        ("gm", "keygen", "-o", str(tmp_path / "no" / "such" / "dir" / "k.pem")),
    ]
    (tmp_path / "junk.pem").write_text("junk")
    cases.append(("gm", "pubkey", "junk.pem", "-o", "p.pem"))
    for args in cases:
        out = ebid(*args)
        assert out.returncode == 2, (args, out.stderr)
        assert "Traceback" not in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert out.stderr.startswith("ebid: error: ")


def test_usage_error_exits_2(ebid):
    assert ebid("gm", "sign").returncode == 2


def test_keygen_never_replaces_a_key_without_force(ebid, tmp_path):
    assert ebid("gm", "keygen", "-o", "k.pem").returncode == 0
    first = (tmp_path / "k.pem").read_bytes()
    again = ebid("gm", "keygen", "-o", "k.pem")
    assert again.returncode == 2 and "--force" in again.stderr and "Traceback" not in again.stderr
    assert (tmp_path / "k.pem").read_bytes() == first
    assert ebid("gm", "keygen", "-o", "k.pem", "--force").returncode == 0
    assert (tmp_path / "k.pem").read_bytes() != first


def test_a_password_file_that_is_not_utf8_or_too_big_is_a_clear_error(ebid, tmp_path):
    (tmp_path / "latin1").write_bytes(b"caf\xe9\n")
    (tmp_path / "huge").write_bytes(b"x" * 100_000)
    for name, words in (("latin1", "UTF-8"), ("huge", "larger than")):
        result = ebid("gm", "keygen", "-o", f"{name}.pem", "--password-file", name)
        assert result.returncode == 2, result.stderr
        assert words in result.stderr and "internal error" not in result.stderr.lower()
        assert not (tmp_path / f"{name}.pem").exists()
