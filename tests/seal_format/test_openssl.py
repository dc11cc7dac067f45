"""The real OpenSSL command line as an independent reader of what we emit: it parses the seal
and the signature, verifies the certificates, and checks both SM2 signatures itself."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from app.core import gm
from app.core.seal.format import parse_seal, sign_with_seal
from app.core.seal.format.asn1 import OID_SEAL_ENTERPRISE, SESeal
from app.core.seal.format.seal import seal_tbs
from tests.seal_format.sealkit import T0

DISTID = "distid:1234567812345678"
ASN1_LINE = re.compile(r"^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)\s+(prim|cons):\s*(.*)$")


def asn1parse(openssl: str, path: Path) -> list[tuple[int, int, int, int, str]]:
    """(offset, depth, header length, length, rest of line) for each element OpenSSL prints."""
    done = subprocess.run(
        [openssl, "asn1parse", "-inform", "DER", "-in", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    rows = [ASN1_LINE.match(line) for line in done.stdout.splitlines()]
    assert all(rows), done.stdout
    return [(int(m[1]), int(m[2]), int(m[3]), int(m[4]), m[6].strip()) for m in rows]


def kind(row) -> str:
    """The universal type OpenSSL names, without its value ("OCTET STRING", "OBJECT", …)."""
    return re.split(r"\s{2,}|:", row[4])[0]


def element(data: bytes, row) -> bytes:
    offset, _depth, header, length, _ = row
    return data[offset : offset + header + length]


@pytest.fixture
def signature(world, clock, seal) -> bytes:
    return sign_with_seal(
        seal, world.legal_rep.key, world.legal_rep.cert, gm.sm3(b"doc"), clock=clock
    )


def test_openssl_parses_the_seal_with_expected_fields(openssl, tmp_path, seal):
    path = tmp_path / "seal.der"
    path.write_bytes(seal)
    rows = asn1parse(openssl, path)
    texts = [r[4] for r in rows]
    assert rows[0][0] == 0 and rows[0][2] + rows[0][3] == len(seal)  # one element, whole file
    assert "IA5STRING         :ES" in texts and "IA5STRING         :EBID-DESK" in texts
    assert "IA5STRING         :ES-0001" in texts and "IA5STRING         :PNG" in texts
    assert "UTF8STRING        :演示科技有限公司投标专用章" in texts
    assert "OBJECT            :SM2-with-SM3" in texts  # 1.2.156.10197.1.501 by name
    assert f"OBJECT            :{OID_SEAL_ENTERPRISE}" in texts
    times = [t.split(":", 1)[1] for t in texts if t.startswith("GENERALIZEDTIME")]
    assert times == ["20260302020000Z", "20260302010000Z", "20270302010000Z"]
    assert texts[-1] == "BIT STRING"


def test_openssl_parses_the_signature_and_finds_the_seal_inside(
    openssl, tmp_path, seal, signature
):
    path = tmp_path / "sig.der"
    path.write_bytes(signature)
    rows = asn1parse(openssl, path)
    kinds = [kind(r) for r in rows if r[1] == 1]
    assert kinds == ["SEQUENCE", "OCTET STRING", "OBJECT", "BIT STRING"]
    assert "OBJECT            :SM2-with-SM3" in [r[4] for r in rows if r[1] == 1]
    # TBS_Sign: version 4, then the seal byte for byte, timeInfo, dataHash, propertyInfo
    tbs_children = [r for r in rows if r[1] == 2]
    assert tbs_children[0][4] == "INTEGER           :04"
    assert element(signature, tbs_children[1]) == seal
    assert [kind(r) for r in tbs_children[2:]] == [
        "GENERALIZEDTIME",
        "BIT STRING",
        "IA5STRING",
    ]


def test_openssl_verifies_the_certificates(openssl, tmp_path, world, seal, signature):
    (tmp_path / "root.pem").write_bytes(world.root.to_pem())
    office = parse_seal(seal).maker_certificate
    for name, cert in [("office", office), ("licence", world.legal_rep.cert)]:
        (tmp_path / f"{name}.pem").write_bytes(cert.to_pem())
        command = [openssl, "verify", "-vfyopt", DISTID, "-attime", str(int(T0.timestamp()))]
        command += ["-CAfile", str(tmp_path / "root.pem"), str(tmp_path / f"{name}.pem")]
        done = subprocess.run(command, capture_output=True, text=True)
        assert done.returncode == 0 and ": OK" in done.stdout, done.stdout + done.stderr


def openssl_verify_sm2(openssl: str, tmp_path: Path, cert_pem: bytes, message: bytes, sig: bytes):
    (tmp_path / "cert.pem").write_bytes(cert_pem)
    (tmp_path / "msg.bin").write_bytes(message)
    (tmp_path / "msg.sig").write_bytes(sig)
    extract = [openssl, "x509", "-in", str(tmp_path / "cert.pem"), "-pubkey", "-noout"]
    pub = subprocess.run(extract, capture_output=True, check=True).stdout
    (tmp_path / "pub.pem").write_bytes(pub)
    command = [openssl, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin"]
    command += ["-inkey", str(tmp_path / "pub.pem"), "-pkeyopt", DISTID]
    command += ["-in", str(tmp_path / "msg.bin"), "-sigfile", str(tmp_path / "msg.sig")]
    return subprocess.run(command, capture_output=True, text=True)


def test_openssl_checks_the_office_signature_over_the_seal(openssl, tmp_path, world, seal):
    info = parse_seal(seal)
    tbs = seal_tbs(SESeal.load(seal))
    done = openssl_verify_sm2(openssl, tmp_path, world.office.to_pem(), tbs, info.signed_value)
    assert done.returncode == 0, done.stdout + done.stderr
    office = world.office.to_pem()
    other = openssl_verify_sm2(openssl, tmp_path, office, tbs[:-1], info.signed_value)
    assert other.returncode != 0  # and OpenSSL is not just saying yes


def test_openssl_checks_the_signer_signature_over_tbs_sign(openssl, tmp_path, world, signature):
    """TBS_Sign is cut out at OpenSSL's own offsets (first element at depth 1)."""
    path = tmp_path / "sig.der"
    path.write_bytes(signature)
    rows = asn1parse(openssl, path)
    tbs = element(signature, rows[1])
    offset, _depth, header, length, _ = [r for r in rows if r[1] == 1][-1]
    assert signature[offset + header] == 0  # no unused bits
    value = signature[offset + header + 1 : offset + header + length]
    done = openssl_verify_sm2(openssl, tmp_path, world.legal_rep.cert.to_pem(), tbs, value)
    assert done.returncode == 0, done.stdout + done.stderr
