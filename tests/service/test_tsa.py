"""The reference service's time-stamping authority (``POST /authority/tsa``, RFC 3161 with
SM2/SM3), over HTTP on 127.0.0.1, checked by our verifier and by the OpenSSL command line.

What OpenSSL 3.0 can and cannot check here (measured): ``openssl ts -verify`` verifies the
TSA's certificate chain without a way to pass the SM2 user ID, so it fails on our (standard-ID)
certificates with "certificate signature failure"; with the TSA certificate itself as the trust
anchor (``-partial_chain``) it gets past the chain and the ESS signingCertificateV2 check and
then fails the SignerInfo signature, because its PKCS7 code verifies SM2 over the bare digest,
without ZA. So each part is checked by the OpenSSL command that can: ``openssl ts -reply
-text`` parses the reply (status, nonce, imprint, TSA name); ``openssl verify -purpose
timestampsign -vfyopt distid:…`` checks the certificate chain to the root **and** OpenSSL's
time-stamping purpose (EKU present, id-kp-timeStamping only, critical; keyUsage
digitalSignature/nonRepudiation only); ``openssl dgst -sm3 -verify -sigopt distid:…`` checks
the SM2 signature over the DER SET OF signed attributes; ``openssl dgst -sm3`` recomputes the
imprint and the messageDigest.
"""

from __future__ import annotations

import subprocess
from datetime import timedelta

import httpx
import pytest
from asn1crypto import cms, tsp

from app.core import gm
from app.core.client.tsa import request_token
from app.core.pki import Certificate
from app.core.pki import timestamp as ts
from app.server.authority.tsa import CERT_FILE, KEY_FILE, MAX_QUERY_BYTES

from .conftest import T0

DISTID = "distid:1234567812345678"


def post(service, body: bytes, media: str = ts.MEDIA_QUERY) -> httpx.Response:
    return httpx.post(f"{service.url}/authority/tsa", content=body, headers={"content-type": media})


def reply_for(service, data: bytes, nonce: int | None = 7) -> bytes:
    response = post(service, ts.make_request(gm.sm3(data), nonce=nonce))
    assert response.status_code == 200
    assert response.headers["content-type"] == ts.MEDIA_REPLY
    return response.content


def token_of(reply: bytes) -> cms.ContentInfo:
    return tsp.TimeStampResp.load(reply)["time_stamp_token"]


def openssl(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_a_token_from_the_service_verifies_at_the_service_time(service, client, clock):
    clock.set(T0 + timedelta(hours=3))
    token = request_token(client, b"signature value")
    stamp = ts.verify_token(token, digest=gm.sm3(b"signature value"), roots=[client.root_certificate()])
    assert stamp.gen_time == T0 + timedelta(hours=3)
    assert ts.is_time_stamp_authority(stamp.authority)
    assert stamp.policy == ts.OID_TSA_POLICY


def test_the_nonce_is_echoed_and_serials_are_unique(service):
    serials = set()
    for nonce in (1, 2**62 + 5, 99):
        tst = token_of(reply_for(service, b"x", nonce))["content"]["encap_content_info"]["content"].parsed
        assert tst["nonce"].native == nonce
        serials.add(tst["serial_number"].native)
    assert len(serials) == 3


def test_a_reply_with_another_nonce_is_refused_by_the_client(service):
    reply = reply_for(service, b"x", nonce=1)
    with pytest.raises(ts.TimeStampRefused) as caught:
        ts.token_from_reply(reply, digest=gm.sm3(b"x"), nonce=2)
    assert caught.value.code == ts.BAD_TIME_STAMP
    with pytest.raises(ts.TimeStampRefused) as caught:
        ts.token_from_reply(reply, digest=gm.sm3(b"y"), nonce=1)
    assert caught.value.code == ts.TIME_STAMP_OTHER_DATA


def test_the_tsa_certificate_is_made_at_init_under_the_root(service, tmp_path):
    keys = tmp_path / "service" / "keys"
    cert = Certificate.load((keys / CERT_FILE).read_bytes())
    assert ts.is_time_stamp_authority(cert)
    assert (keys / KEY_FILE).stat().st_mode & 0o077 == 0
    root = Certificate.load((keys / "authority-root.pem").read_bytes())
    assert cert.tbs["issuer"] == root.tbs["subject"]


def test_openssl_checks_our_token(service, client, tmp_path):
    """See the module docstring for exactly what each OpenSSL command checks."""
    data = b"the SM2 signature value of a seal signature"
    (tmp_path / "data").write_bytes(data)
    (tmp_path / "reply.tsr").write_bytes(reply_for(service, data, nonce=0x1234ABCD))
    (tmp_path / "root.pem").write_bytes(client.root_certificate().to_pem())
    (tmp_path / "tsa.pem").write_bytes((tmp_path / "service" / "keys" / CERT_FILE).read_bytes())
    # 1. the reply parses; granted; our nonce; the imprint is SM3 of the data
    text = openssl("ts", "-reply", "-in", "reply.tsr", "-text", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "Status: Granted." in text.stdout and "Hash Algorithm: sm3" in text.stdout
    assert "Nonce: 0x1234ABCD" in text.stdout
    imprint = "".join(line.split(" - ", 1)[1][:49] for line in text.stdout.splitlines()
                      if line.strip().startswith(("0000 -", "0010 -")))
    assert imprint.replace(" ", "").replace("-", "") == gm.sm3(data).hex()
    digest = openssl("dgst", "-sm3", "data", cwd=tmp_path)
    assert digest.stdout.split()[-1] == gm.sm3(data).hex()
    # 2. the TSA certificate: chain to the root, and OpenSSL's time-stamping purpose
    chain = openssl("verify", "-vfyopt", DISTID, "-purpose", "timestampsign", "-CAfile", "root.pem",
                    "tsa.pem", cwd=tmp_path)
    assert chain.returncode == 0 and "tsa.pem: OK" in chain.stdout, chain.stderr
    # 3. the SignerInfo's SM2 signature over the DER SET OF signed attributes, and messageDigest
    signed = token_of((tmp_path / "reply.tsr").read_bytes())["content"]
    signer = signed["signer_infos"][0]
    (tmp_path / "attrs.der").write_bytes(b"\x31" + signer["signed_attrs"].dump()[1:])
    (tmp_path / "sig.der").write_bytes(signer["signature"].native)
    (tmp_path / "tst.der").write_bytes(signed["encap_content_info"]["content"].contents)
    (tmp_path / "tsa-pub.pem").write_bytes(gm.public_key_to_pem(Certificate.load(
        (tmp_path / "tsa.pem").read_bytes()).public_key()))
    good = openssl("dgst", "-sm3", "-verify", "tsa-pub.pem", "-sigopt", DISTID, "-signature", "sig.der",
                   "attrs.der", cwd=tmp_path)
    assert good.returncode == 0 and "Verified OK" in good.stdout, good.stderr
    tst_sm3 = openssl("dgst", "-sm3", "tst.der", cwd=tmp_path).stdout.split()[-1]
    assert signer["signed_attrs"][1]["values"][0].native.hex() == tst_sm3
    # ... and the same command refuses a changed attribute set (so the check above can fail)
    changed = bytearray((tmp_path / "attrs.der").read_bytes())
    changed[-1] ^= 1
    (tmp_path / "attrs-changed.der").write_bytes(bytes(changed))
    bad = openssl("dgst", "-sm3", "-verify", "tsa-pub.pem", "-sigopt", DISTID, "-signature", "sig.der",
                  "attrs-changed.der", cwd=tmp_path)
    assert bad.returncode != 0


def test_openssl_refuses_a_tsa_certificate_whose_eku_is_not_critical(client, tmp_path):
    """OpenSSL's timestampsign purpose agrees with ours: the same EKU, not critical, fails."""
    from asn1crypto import x509

    from app.core.pki.issue import make_role_certificate
    from app.server.keys import load_keys

    keys = load_keys(tmp_path / "service" / "keys")
    key = gm.SM2PrivateKey.generate()
    cert = make_role_certificate(
        key.public_key(), subject=x509.Name.build({"common_name": "Lax TSA"}),
        key_usage={"digital_signature"}, extended_key_usage=ts.OID_KP_TIME_STAMPING,
        root=keys.authority.root, root_key=keys.authority.key,
        not_before=T0 - timedelta(days=1), not_after=T0 + timedelta(days=30))
    (tmp_path / "root.pem").write_bytes(keys.authority.root.to_pem())
    (tmp_path / "lax.pem").write_bytes(cert.to_pem())
    result = openssl("verify", "-vfyopt", DISTID, "-attime", str(int(T0.timestamp())), "-purpose",
                     "timestampsign", "-CAfile", "root.pem", "lax.pem", cwd=tmp_path)
    assert result.returncode != 0
    assert not ts.is_time_stamp_authority(cert)


def test_a_request_made_by_openssl_is_stamped(service, client, tmp_path):
    """An independent client: ``openssl ts -query -sm3`` makes the request; our verifier and
    OpenSSL's reply parser read the answer."""
    (tmp_path / "data").write_bytes(b"stamped by request of OpenSSL")
    query = openssl("ts", "-query", "-data", "data", "-sm3", "-cert", "-out", "req.tsq", cwd=tmp_path)
    assert query.returncode == 0, query.stderr
    reply = post(service, (tmp_path / "req.tsq").read_bytes()).content
    parsed = ts.parse_request((tmp_path / "req.tsq").read_bytes())
    token = ts.token_from_reply(reply, digest=gm.sm3(b"stamped by request of OpenSSL"), nonce=parsed.nonce)
    ts.verify_token(token, digest=parsed.digest, roots=[client.root_certificate()])


def test_a_sha256_request_is_rejected_in_rfc_3161_terms(service, tmp_path):
    (tmp_path / "data").write_bytes(b"x")
    openssl("ts", "-query", "-data", "data", "-sha256", "-out", "req.tsq", cwd=tmp_path)
    reply = post(service, (tmp_path / "req.tsq").read_bytes())
    assert reply.status_code == 200 and reply.headers["content-type"] == ts.MEDIA_REPLY
    (tmp_path / "reply.tsr").write_bytes(reply.content)
    text = openssl("ts", "-reply", "-in", "reply.tsr", "-text", cwd=tmp_path)
    assert "Status: Rejected." in text.stdout and "SM3" in text.stdout
    with pytest.raises(ts.TimeStampRefused) as caught:
        ts.token_from_reply(reply.content, digest=gm.sm3(b"x"), nonce=None)
    assert caught.value.code == ts.TIME_STAMP_REJECTED


def test_malformed_wrong_type_and_oversized_requests(service):
    junk = post(service, b"\x30\x03\x02\x01\x01")
    assert junk.status_code == 200
    with pytest.raises(ts.TimeStampRefused) as caught:
        ts.token_from_reply(junk.content, digest=gm.sm3(b"x"), nonce=None)
    assert caught.value.code == ts.TIME_STAMP_REJECTED and "malformed" in caught.value.message
    wrong = post(service, ts.make_request(gm.sm3(b"x")), media="application/json")
    assert wrong.status_code == 415 and wrong.json()["error"] == "unsupported_media_type"
    big = post(service, b"\x00" * (MAX_QUERY_BYTES + 1))
    assert big.status_code == 413
