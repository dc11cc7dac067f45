"""``ebid keystore import-p12`` (issue 11 item 12): a CA-issued SM2 encryption key and its
certificate, as CAs ship them in PKCS#12, kept as a bid-encryption key — its public key exported
from the sealed private key, a bid encrypted to it (the guard asks: it has no verified backup)
and decrypted with it from the keystore; a signing-only certificate's key is refused."""

from __future__ import annotations

import os
import subprocess

from tests.ofd.ofdkit import INTEROP


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_an_encryption_key_from_a_p12_opens_the_bids_encrypted_to_it(ebid, openssl, tmp_path):
    (tmp_path / "licence.pw").write_text("correct horse\n")
    (tmp_path / "p12.pw").write_text("p12 secret\n")
    _ok(ebid("gm", "keygen", "-o", "key.pem"))
    subprocess.run([openssl, "req", "-x509", "-new", "-key", str(tmp_path / "key.pem"), "-sm3",
                    "-sigopt", "distid:1234567812345678", "-subj", "/CN=Bid encryption key",
                    "-days", "30", "-addext", "keyUsage=critical,keyEncipherment,dataEncipherment",
                    "-out", str(tmp_path / "cert.pem")], check=True, capture_output=True, timeout=60)
    _ok(ebid("gm", "p12-export", "key.pem", "cert.pem", "-o", "bid.p12", "--p12-password-file", "p12.pw"))
    _ok(ebid("keystore", "init", "--password-file", "licence.pw"))

    said = _ok(ebid("keystore", "import-p12", "bid.p12", "--p12-password-file", "p12.pw",
                    "--password-file", "licence.pw"))
    local_id = said.split("\t")[0].lstrip("#")
    _ok(ebid("key", "export-public", local_id, "-o", "pub.pem", "--password-file", "licence.pw"))
    tender = tmp_path / "tender.pdf"
    tender.write_bytes(os.urandom(80_000))
    (tmp_path / "out").mkdir()
    refused = ebid("bid", "encrypt", "tender.pdf", "-r", "pub.pem", "-o", "out")
    assert refused.returncode == 1 and "no_verified_backup" in refused.stderr  # on this device only
    _ok(ebid("bid", "encrypt", "tender.pdf", "-r", "pub.pem", "-o", "out", "--accept-risk"))
    missing = ebid("bid", "decrypt", "out/tender.pdf.bidx", "-o", "opened", stdin=subprocess.DEVNULL)
    assert missing.returncode == 2 and "does not exist" in missing.stderr  # said before any password
    (tmp_path / "opened").mkdir()
    out = _ok(ebid("bid", "decrypt", "out/tender.pdf.bidx", "-o", "opened", "--password-file", "licence.pw"))
    assert f"own key #{local_id}" in out
    assert (tmp_path / "opened" / "tender.pdf").read_bytes() == tender.read_bytes()

    signing = INTEROP / "ofdrw_USER.p12"  # ofdrw's signer: digitalSignature only
    (tmp_path / "ofdrw.pw").write_text("777777\n")
    assert signing.is_file(), "shared sample missing (see ../shared/data/interop)"
    refused = ebid("keystore", "import-p12", str(signing), "--p12-password-file", "ofdrw.pw",
                   "--password-file", "licence.pw")
    assert refused.returncode == 2 and "signing only" in refused.stderr
    assert "encryption keys: 1" in _ok(ebid("keystore", "info"))
