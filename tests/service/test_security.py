"""Refusals of the signed-request scheme: each with 401/403 and its reason code."""

from __future__ import annotations

import base64
import os
from datetime import timedelta

import httpx
import pytest

from app.core import gm
from app.core.client import ServiceClient, ServiceError
from app.core.client.signing import (
    H_CERT,
    H_NONCE,
    H_SERIAL,
    H_SIGNATURE,
    H_TIME,
    SignedParts,
    new_nonce,
)
from app.core.licence.demo import DEMO_ENTERPRISES

from .conftest import PROJECT


def _answer(client, request):
    response = client.http.send(request)
    return response.status_code, response.json().get("error")


def _managers_request(holder):
    return holder._signed("GET", f"/authority/enterprises/{holder.credit_code}/managers")


def test_unsigned_request_is_refused(client, demo):
    enterprise, _, _ = demo
    response = client.http.get(f"/authority/enterprises/{enterprise.credit_code}/managers")
    assert (response.status_code, response.json()["error"]) == (401, "unsigned_request")
    assert "X-EBid-Signature" in response.json()["message"]


def test_signature_by_another_key_is_refused(client, legal_rep):
    request = _managers_request(legal_rep)
    parts_signature = gm.SM2PrivateKey.generate().sign(b"anything")
    request.headers[H_SIGNATURE] = base64.b64encode(parts_signature).decode()
    assert _answer(client, request) == (401, "bad_request_signature")


def test_body_other_than_signed_is_refused(client, legal_rep, demo):
    _, _, others = demo
    body = {"name": others[0].name, "id_number": others[0].id_number}
    request = legal_rep._signed("POST", f"/authority/enterprises/{legal_rep.credit_code}/managers",
                                json_body=body)
    headers = {k: v for k, v in request.headers.items() if k.lower() != "content-length"}
    forged = client.http.build_request("POST", request.url, headers=headers,
                                       json=dict(body, name="冒名演示"))
    assert _answer(client, forged) == (401, "content_mismatch")
    assert legal_rep.managers() == []


def test_replayed_request_is_refused(client, legal_rep):
    request = _managers_request(legal_rep)
    assert client.http.send(request).status_code == 200
    assert _answer(client, request) == (401, "replayed_request")


@pytest.mark.parametrize("skew", [timedelta(minutes=-6), timedelta(minutes=6)])
def test_stale_timestamp_is_refused(service, clock, legal_rep, skew):
    with ServiceClient(service.url, clock=lambda: clock() + skew) as skewed:
        holder = skewed.holder(legal_rep.certificate.der, legal_rep.key)
        with pytest.raises(ServiceError) as excinfo:
            holder.managers()
    assert (excinfo.value.status, excinfo.value.code) == (401, "stale_request")


def test_unknown_serial_and_mismatched_certificate_are_refused(client, legal_rep, download, demo):
    request = _managers_request(legal_rep)
    request.headers[H_SERIAL] = format(int.from_bytes(os.urandom(15), "big") | 1, "x")
    assert _answer(client, request)[0] == 401
    enterprise, _, others = demo
    legal_rep.add_manager(others[0].name, others[0].id_number)
    other = download(others[0], enterprise)
    request = _managers_request(legal_rep)
    request.headers[H_CERT] = base64.b64encode(other.certificate.der).decode()
    assert _answer(client, request) == (401, "certificate_mismatch")


def test_wrong_enterprise_is_refused(client, legal_rep, download):
    second = DEMO_ENTERPRISES[1].enterprise
    other_rep = download(second.legal_representative, second)
    request = other_rep._signed("GET", f"/authority/enterprises/{legal_rep.credit_code}/managers")
    assert _answer(client, request) == (403, "wrong_enterprise")


def test_revoked_licence_is_refused(legal_rep):
    legal_rep.revoke_licence()
    with pytest.raises(ServiceError) as excinfo:
        legal_rep.managers()
    assert (excinfo.value.status, excinfo.value.code) == (403, "revoked")


def test_agent_cannot_act_outside_its_matters(client, legal_rep, download, demo, bid_file):
    enterprise, _, others = demo
    legal_rep.authorise(others[0].name, others[0].id_number, matters=["EC-BID-LOGIN"])
    agent = download(others[0], enterprise)
    container, signature = bid_file(agent)
    with pytest.raises(ServiceError) as excinfo:
        agent.submit_bid(container, signature, project=PROJECT, section="1")
    assert (excinfo.value.status, excinfo.value.code) == (403, "matter_not_authorised")
    # A role claimed by the client is ignored: the role is the certificate's.
    request = agent._signed("POST", f"/authority/enterprises/{agent.credit_code}/managers",
                            json_body={"name": others[1].name, "id_number": others[1].id_number})
    request.headers["X-EBid-Role"] = "legal_representative"
    assert _answer(client, request) == (403, "role_not_permitted")
    assert legal_rep.managers() == []


def test_bad_bid_signature_and_oversized_upload_store_nothing(legal_rep, bid_file, service):
    container, _ = bid_file(legal_rep)
    wrong = gm.SM2PrivateKey.generate().sign(b"not the file")
    with pytest.raises(ServiceError) as excinfo:
        legal_rep.submit_bid(container, wrong, project=PROJECT, section="1")
    assert (excinfo.value.status, excinfo.value.code) == (400, "bad_bid_signature")
    big, signature = bid_file(legal_rep, size=9 << 20)  # the test service allows 8 MiB
    with pytest.raises(ServiceError) as excinfo:
        legal_rep.submit_bid(big, signature, project=PROJECT, section="1")
    assert (excinfo.value.status, excinfo.value.code) == (413, "file_too_large")
    assert legal_rep.submissions() == []
    assert list(service.ctx.settings.bids_dir.glob("*.bidx")) == []
    assert list(service.ctx.settings.incoming_dir.iterdir()) == []


def test_multi_batch_upload_is_stored_intact_and_a_changed_body_is_refused(
    client, legal_rep, bid_file, service, tmp_path
):
    # Larger than several hand-offs to the writer thread (upload.BATCH), not a multiple of it.
    container, signature = bid_file(legal_rep, size=1_300_001)
    receipt = legal_rep.submit_bid(container, signature, project=PROJECT, section="1")
    stored = service.ctx.settings.bids_dir / f"{receipt.submission_id}.bidx"
    assert stored.read_bytes() == container.read_bytes()
    assert receipt.size == container.stat().st_size

    # The same file with one byte changed in its second half, under the original's signed digest.
    data = bytearray(container.read_bytes())
    data[len(data) * 3 // 4] ^= 0x01
    params = {"name": "x.bidx", "signature": base64.urlsafe_b64encode(signature).decode().rstrip("=")}
    request = legal_rep._signed(
        "POST", f"/platform/projects/{PROJECT}/sections/1/bids", params=params,
        content=bytes(data), content_sm3=gm.sm3(container.read_bytes()).hex(),
    )
    assert _answer(client, request) == (401, "content_mismatch")
    assert [r.submission_id for r in legal_rep.submissions()] == [receipt.submission_id]
    assert list(service.ctx.settings.incoming_dir.iterdir()) == []


@pytest.mark.parametrize("name", ["../../x.bidx", "sub/x.bidx", "x\u202egpj.bidx", ".hidden.bidx", "CON.bidx",
                                  "a\x01b.bidx", "投" * 90 + ".bidx"])
def test_a_bid_named_outside_a_plain_file_name_is_refused_and_nothing_stored(legal_rep, bid_file, service, name):
    container, signature = bid_file(legal_rep)
    with pytest.raises(ServiceError) as excinfo:
        legal_rep.submit_bid(container, signature, project=PROJECT, section="1", name=name)
    assert (excinfo.value.status, excinfo.value.code) == (400, "bad_file_name")
    assert legal_rep.submissions() == []
    assert list(service.ctx.settings.bids_dir.glob("*.bidx")) == []


def _with_signature_field(der: bytes, field: bytes) -> bytes:
    """A signed licence request whose signature element is replaced by ``field`` (any DER)."""
    from app.core.licence.request import _SignedRequest

    inner = _SignedRequest.load(der)["request"].dump() + field
    length = len(inner).to_bytes(2, "big")
    return b"\x30\x82" + length + inner


@pytest.mark.parametrize("field", [b"\x02\x01\x05", b"\x05\x00", b"\x24\x03\x04\x01a", b"\x04\x00",
                                   b"\x04\x02\x30\x00"])
def test_a_malformed_licence_request_signature_is_refused_not_a_server_error(service, demo, clock, field):
    from app.core.licence.request import LicenceRequest

    enterprise, rep, _ = demo
    key = gm.SM2PrivateKey.generate()
    request = LicenceRequest(enterprise.credit_code, enterprise.registration_place, rep.name,
                             rep.id_number, key.public_key(), clock())
    der = _with_signature_field(request.sign(key), field)
    answer = httpx.post(f"{service.url}/authority/licences",
                        json={"request": base64.b64encode(der).decode()})
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"] in ("malformed_request", "bad_proof_of_possession")



@pytest.mark.parametrize("form", ["{d.year}-{d.month:02}-{d.day:02}T{d.hour:02}:{d.minute:02}:{d.second}Z",
                                  "{d.year}-{d.month}-{d.day}T{d.hour}:{d.minute}:{d.second}Z"])
def test_a_timestamp_not_in_the_one_canonical_form_is_refused(client, clock, legal_rep, form):
    """Signed correctly, but over an unpadded timestamp (request-signing.md allows one form)."""
    request = _managers_request(legal_rep)
    stamp = form.format(d=clock().replace(second=7))  # one digit: never the canonical form
    parts = SignedParts("GET", request.url.raw_path.decode(), gm.sm3(b"").hex(), stamp,
                        new_nonce(), request.headers[H_SERIAL])
    request.headers[H_TIME], request.headers[H_NONCE] = stamp, parts.nonce
    request.headers[H_SIGNATURE] = base64.b64encode(legal_rep.key.sign(parts.canonical())).decode()
    assert _answer(client, request) == (401, "malformed_signature_headers")
