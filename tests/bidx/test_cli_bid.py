"""``ebid bid`` through the real command line, with OpenSSL as the independent signature checker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core import gm
from tests.bidx.conftest import listing
from tests.support import run

DISTID = "distid:1234567812345678"


@pytest.fixture
def bid_files(tmp_path: Path) -> list[Path]:
    parts = []
    for name, size in (("商务标.pdf", 150_000), ("technical.docx", 1), ("price.xlsx", 0)):
        path = tmp_path / name
        path.write_bytes(os.urandom(size))
        parts.append(path)
    return parts


def _encrypt(ebid, files, *extra: str):
    return ebid("bid", "encrypt", *map(str, files), "-o", "out", "--chunk-size", "4096", *extra)


def test_encrypt_sign_then_openssl_verifies(ebid, openssl, pem_files, bid_files, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    done = _encrypt(ebid, bid_files, "-r", str(pem_files["pub0"]), "-r", str(pem_files["pub1"]),
                    "--sign", str(pem_files["key2"]), "--project", "ZB-2026-7", "--section", "02")
    assert done.returncode == 0, done.stderr
    for part in bid_files:
        container = tmp_path / "out" / f"{part.name}.bidx"
        signature = tmp_path / "out" / f"{part.name}.bidx.sig"
        assert f"-> {container.relative_to(tmp_path)}" in done.stdout
        check = run([openssl, "dgst", "-sm3", "-verify", str(pem_files["pub2"]), "-sigopt", DISTID,
                     "-signature", str(signature), str(container)])
        assert check.returncode == 0 and "Verified OK" in check.stdout, check.stderr
        ours = ebid("bid", "verify", str(container), "--sig", str(signature), "--pub", str(pem_files["pub2"]))
        assert ours.returncode == 0 and "Signature OK" in ours.stdout


def test_verify_rejects_a_changed_container(ebid, openssl, pem_files, bid_files, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    assert _encrypt(ebid, bid_files[:1], "-r", str(pem_files["pub0"]), "--sign", str(pem_files["key0"])).returncode == 0
    container = tmp_path / "out" / f"{bid_files[0].name}.bidx"
    data = bytearray(container.read_bytes())
    data[-1] ^= 1
    container.write_bytes(bytes(data))
    sig = str(container) + ".sig"
    ours = ebid("bid", "verify", str(container), "--sig", sig, "--pub", str(pem_files["pub0"]))
    assert ours.returncode == 1 and "does not match" in ours.stderr
    wrong_signer = ebid("bid", "verify", str(container), "--sig", sig, "--pub", str(pem_files["pub1"]))
    assert wrong_signer.returncode == 1
    check = run([openssl, "dgst", "-sm3", "-verify", str(pem_files["pub0"]), "-sigopt", DISTID, "-signature", sig,
                 str(container)])
    assert check.returncode != 0


def test_inspect_decrypt_and_rehearse(ebid, pem_files, bid_files, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "plain").mkdir()
    assert _encrypt(ebid, bid_files, "-r", str(pem_files["pub0"]), "--suite", "aes", "--project", "P1",
                    "--section", "S1").returncode == 0
    container = tmp_path / "out" / "商务标.pdf.bidx"
    shown = ebid("bid", "inspect", str(container))
    assert shown.returncode == 0, shown.stderr
    assert "SM2-AES256GCM-SHA256" in shown.stdout and "P1" in shown.stdout and "150000 bytes" in shown.stdout
    assert "商务标" not in shown.stdout  # the original name is secret
    before = listing(tmp_path)
    rehearsal = ebid("bid", "rehearse", str(container), "--key", str(pem_files["key0"]))
    assert rehearsal.returncode == 0, rehearsal.stderr
    assert rehearsal.stdout.startswith("OK") and " s" in rehearsal.stdout
    assert listing(tmp_path) == before and listing(tmp_path / "plain") == []
    for part in bid_files:
        done = ebid("bid", "decrypt", f"out/{part.name}.bidx", "--key", str(pem_files["key0"]), "-o", "plain")
        assert done.returncode == 0, done.stderr
        assert (tmp_path / "plain" / part.name).read_bytes() == part.read_bytes()


def test_decryption_failures_exit_1_with_one_line(ebid, pem_files, bid_files, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "plain").mkdir()
    assert _encrypt(ebid, bid_files[:1], "-r", str(pem_files["pub0"])).returncode == 0
    container = tmp_path / "out" / f"{bid_files[0].name}.bidx"
    wrong = ebid("bid", "decrypt", str(container), "--key", str(pem_files["key1"]), "-o", "plain")
    assert wrong.returncode == 1 and "not encrypted to your key" in wrong.stderr
    data = bytearray(container.read_bytes())
    data[len(data) // 2] ^= 0x80
    container.write_bytes(bytes(data))
    for command in (("decrypt", "-o", "plain"), ("rehearse",)):
        done = ebid("bid", command[0], str(container), "--key", str(pem_files["key0"]), *command[1:])
        assert done.returncode == 1
        assert done.stderr.startswith("ebid: error: Chunk ") and done.stderr.count("\n") == 1
    assert listing(tmp_path / "plain") == []


def test_certificate_recipients(ebid, openssl, pem_files, bid_files, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "plain").mkdir()
    certs = {}
    for usage in ("keyEncipherment,dataEncipherment", "digitalSignature"):
        cert = tmp_path / f"{usage.split(',')[0]}.pem"
        made = run([openssl, "req", "-x509", "-new", "-key", str(pem_files["key1"]), "-sm3", "-sigopt", DISTID,
                    "-subj", "/CN=Opening key", "-days", "2", "-addext", f"keyUsage=critical,{usage}",
                    "-out", str(cert)])
        assert made.returncode == 0, made.stderr
        certs[usage.split(",")[0]] = cert
    assert _encrypt(ebid, bid_files[1:2], "-r", str(certs["keyEncipherment"])).returncode == 0
    done = ebid("bid", "decrypt", f"out/{bid_files[1].name}.bidx", "--key", str(pem_files["key1"]), "-o", "plain")
    assert done.returncode == 0, done.stderr
    refused = _encrypt(ebid, bid_files[1:2], "-r", str(certs["digitalSignature"]))
    assert refused.returncode == 2 and "signing only" in refused.stderr


def test_password_protected_key(ebid, pem_files, bid_files, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "plain").mkdir()
    (tmp_path / "pw").write_text("correct horse\n")
    assert ebid("gm", "keygen", "-o", "enc.pem", "--password-file", "pw").returncode == 0
    assert ebid("gm", "pubkey", "enc.pem", "-o", "enc.pub", "--password-file", "pw").returncode == 0
    assert _encrypt(ebid, bid_files[1:2], "-r", "enc.pub").returncode == 0
    container = f"out/{bid_files[1].name}.bidx"
    done = ebid("bid", "decrypt", container, "--key", "enc.pem", "--password-file", "pw", "-o", "plain")
    assert done.returncode == 0, done.stderr
    (tmp_path / "bad").write_text("wrong\n")
    assert ebid("bid", "rehearse", container, "--key", "enc.pem", "--password-file", "bad").returncode == 2


@pytest.mark.parametrize("args,message", [
    (("bid", "encrypt", "missing.pdf", "-r", "{pub0}", "-o", "out"), "Cannot read"),
    (("bid", "encrypt", "{pub0}", "-r", "{key0}", "-o", "out"), "Expected an SM2 public key"),
    (("bid", "encrypt", "{pub0}", "-r", "{pub0}", "-o", "nowhere"), "does not exist"),
    (("bid", "encrypt", "{pub0}", "-r", "{pub0}", "-o", "out", "--chunk-size", "3"), "chunk size"),
    (("bid", "encrypt", "{pub0}", "-r", "{pub0}", "-r", "{pub0}", "-o", "out"), "listed twice"),
    (("bid", "inspect", "{pub0}"), "not a BIDX"),
    (("bid", "decrypt", "{pub0}", "--key", "{key0}", "-o", "out"), "not a BIDX"),
    (("bid", "encrypt", "{pub0}", "-o", "out"), "required"),
    (("bid", "encrypt", "{pub0}", "-r", "{pub0}", "-o", "out", "--suite", "des"), "invalid choice"),
])
def test_usage_and_input_errors_exit_2(ebid, pem_files, tmp_path: Path, args, message: str) -> None:
    (tmp_path / "out").mkdir()
    names = {k: str(v) for k, v in pem_files.items()}
    done = ebid(*(a.format(**names) for a in args))
    assert done.returncode == 2, done.stderr
    assert message in done.stderr
    assert listing(tmp_path / "out") == []


def test_a_container_re_signed_by_another_key_fails_verify_as_another_sender(ebid, openssl, pem_files, bid_files,
                                                                            tmp_path: Path) -> None:
    """OpenSSL makes the second signature and accepts it; ``ebid bid verify`` does not, because
    the header names the first signer (docs/formats/bidx.md §8)."""
    (tmp_path / "out").mkdir()
    assert _encrypt(ebid, bid_files[:1], "-r", str(pem_files["pub0"]), "--sign", str(pem_files["key0"])).returncode == 0
    container = tmp_path / "out" / f"{bid_files[0].name}.bidx"
    resigned = tmp_path / "resigned.sig"
    made = run([openssl, "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", str(pem_files["key1"]),
                "-pkeyopt", DISTID, "-in", str(container), "-out", str(resigned)])
    assert made.returncode == 0, made.stderr
    check = run([openssl, "dgst", "-sm3", "-verify", str(pem_files["pub1"]), "-sigopt", DISTID,
                 "-signature", str(resigned), str(container)])
    assert check.returncode == 0 and "Verified OK" in check.stdout
    ours = ebid("bid", "verify", str(container), "--sig", str(resigned), "--pub", str(pem_files["pub1"]))
    assert ours.returncode == 1 and "names another sender" in ours.stderr, ours.stdout
    own = ebid("bid", "verify", str(container), "--sig", f"{container}.sig", "--pub", str(pem_files["pub0"]))
    assert own.returncode == 0 and "Origin: sent by the signer (key SM3" in own.stdout


def test_a_signer_certificate_is_named_shown_and_checked(ebid, openssl, pem_files, bid_files, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    cert = tmp_path / "signer.pem"
    made = run([openssl, "req", "-x509", "-new", "-key", str(pem_files["key2"]), "-sm3", "-sigopt", DISTID,
                "-subj", "/CN=Bidder", "-days", "2", "-addext", "keyUsage=critical,digitalSignature", "-out", str(cert)])
    assert made.returncode == 0, made.stderr
    der = run([openssl, "x509", "-in", str(cert), "-outform", "DER"], text=False).stdout
    assert _encrypt(ebid, bid_files[:1], "-r", str(pem_files["pub0"]), "--sign", str(pem_files["key2"]),
                    "--cert", str(cert)).returncode == 0
    container = tmp_path / "out" / f"{bid_files[0].name}.bidx"
    shown = ebid("bid", "inspect", str(container))
    assert f"Sender:         certificate SM3 {gm.sm3(der)[:8].hex()} (claimed" in shown.stdout, shown.stdout
    assert "BIDX version 2" in shown.stdout
    by_cert = ebid("bid", "verify", str(container), "--sig", f"{container}.sig", "--pub", str(cert))
    assert by_cert.returncode == 0 and "Origin: sent by the signer (certificate SM3" in by_cert.stdout
    by_key = ebid("bid", "verify", str(container), "--sig", f"{container}.sig", "--pub", str(pem_files["pub2"]))
    assert by_key.returncode == 1 and "check it with the signer's certificate" in by_key.stderr
    wrong = _encrypt(ebid, bid_files[1:2], "-r", str(pem_files["pub0"]), "--sign", str(pem_files["key1"]),
                     "--cert", str(cert))
    assert wrong.returncode == 2 and "not the certificate of the signing key" in wrong.stderr


def test_a_version_1_container_from_main_verifies_as_binding_no_sender(ebid) -> None:
    data = Path(__file__).parent / "data"
    done = ebid("bid", "verify", str(data / "v1-signed.bidx"), "--sig", str(data / "v1-signed.bidx.sig"),
                "--pub", str(data / "v1-signer-pub.pem"))
    assert done.returncode == 0, done.stderr
    assert "Origin: BIDX v1: the header names no sender" in done.stdout
    shown = ebid("bid", "inspect", str(data / "v1-signed.bidx"))
    assert "BIDX version 1" in shown.stdout and "none named (BIDX v1)" in shown.stdout
