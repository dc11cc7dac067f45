"""Sign tasks against the real service over HTTP (docs/protocols/qr-tasks.md §11), on SQLite and
PostgreSQL: a logged-in browser uploads a file on /platform/sign and gets a QR; the device (the
real task client, and core's keystore path) seals the document's SM3 with a seal the seal office
issued; the platform verifies the SES_Signature against the uploaded file before the task is
confirmed, and offers it for download. Refusals: a seal the agent is not authorised for, a seal
or signer of another enterprise, tampered answers, an expired or reused QR — each leaving the
task open (or closed) as it was."""

from __future__ import annotations

import base64
import json
import os
import re
import socket

import pytest

from app.core import gm
from app.core.client.seal import (
    SealClient,
    ServiceUseRule,
    collect_into_keystore,
    verify_with_service,
)
from app.core.client.task_holder import confirm_sign_task, seal_choices, sign_licence_choices
from app.core.client.task_holder import licence_choices as stored_licence_choices
from app.core.client.tsa import time_stamper
from app.core.errors import Refused
from app.core.pki import parse_licence
from app.core.qrtask import build_response
from app.core.qrtask.sign import response_details, seal_for_task, sign_details
from app.core.seal.format import parse_signature, sign_with_seal, verify_signature
from app.server.forms import parse_multipart
from app.server.limits import MAX_SIGN_FILE
from app.server.platform.tasks.sign import SignTaskRow
from app.server.platform.web import sessions
from tests.seal_service.kit import imprint_png, make_seal
from tests.seal_service.test_flow import PASSWORD, keystore  # noqa: F401  (a fixture)

from .test_cli_tasks import _ok, cli  # noqa: F401  (cli is a fixture; live comes from conftest)
from .test_login_page import _open_page, _qr_text, browser  # noqa: F401  (a fixture)

pytestmark = pytest.mark.slow
DOCUMENT = b"%PDF-1.7\r\n\xe6\x8a\x95\xe6\xa0\x87\xe5\x87\xbd\r\n\r\n--not-a-boundary\n" + os.urandom(3000)


def _refused(code: str, call, *args, **kw) -> Refused:
    with pytest.raises(Refused) as caught:
        call(*args, **kw)
    assert caught.value.code == code, caught.value.message
    return caught.value


def _log_in(browser, tasks, holder) -> None:  # noqa: F811
    """The browser logs in through the login page's QR, confirmed by ``holder``."""
    _, text, csrf = _open_page(browser)
    tasks.confirm(tasks.fetch(text), holder.key, holder.certificate)
    assert browser.post("/platform/login/finish", data={"csrf": csrf}).headers["location"] == "/platform/home"


def _upload(browser, name: str = "投标函.pdf", data: bytes = DOCUMENT, kind: str = "application/pdf"):  # noqa: F811
    """The signing page's form sent with a file: (the page with the QR, the task URI it shows)."""
    form = browser.get("/platform/sign")
    assert form.status_code == 200, form.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    page = browser.post("/platform/sign", data={"csrf": csrf},
                        files={"file": (name, data, kind)})
    assert page.status_code == 201, page.text
    src = re.search(r'<img id="qr" alt="[^"]*" src="([^"]+)"', page.text).group(1)
    return page, _qr_text(src)


def _state(browser, task_id: str) -> dict:  # noqa: F811
    answer = browser.get(f"/platform/sign/{task_id}/state")
    assert answer.status_code == 200, answer.text
    return answer.json()


def _answer(tasks, task, holder, seal_der: bytes, *, seal_id: str | None = None, clock=None,
            time_stamper=None):
    """What a device sends: the SES_Signature over the stated SM3, in the confirm's details."""
    signature = seal_for_task(sign_details(task.document), seal_der, holder.key, holder.certificate,
                              clock=clock or tasks.clock, time_stamper=time_stamper)
    seal_id = seal_id or parse_signature(signature).seal.seal_id
    return tasks.confirm(task, holder.key, holder.certificate, details=response_details(seal_id, signature))


def test_sign_end_to_end_with_the_legal_representative(service, client, browser, tasks, legal_rep, demo):  # noqa: F811
    enterprise, rep, _ = demo
    seal_id = make_seal(SealClient(legal_rep), service, imprint_png())
    _log_in(browser, tasks, legal_rep)
    page, text = _upload(browser)
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert '<script src="/platform/sign/sign.js" defer></script>' in page.text and "<script>" not in page.text
    assert gm.sm3(DOCUMENT).hex() in page.text and "投标函.pdf" in page.text
    task = tasks.fetch(text)
    task_id = task.document.task
    assert _state(browser, task_id) == {"state": "scanned", "expires_in": 300}
    details = sign_details(task.document)
    assert (details.document.name, details.document.size, details.document.sm3) == (
        "投标函.pdf", len(DOCUMENT), gm.sm3(DOCUMENT).hex())
    assert details.document.media_type == "application/pdf"
    assert details.enterprise.credit_code == enterprise.credit_code and details.requested_by == rep.name

    state = _answer(tasks, task, legal_rep, SealClient(legal_rep).collect_seal(seal_id).der)
    assert state.state == "confirmed"
    shown = _state(browser, task_id)
    assert shown["state"] == "confirmed" and shown["seal_id"] == seal_id and shown["signer"] == rep.name
    download = browser.get(shown["download"])
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    signature = download.content
    verified = verify_with_service(client, signature, DOCUMENT)  # as `ebid seal verify` does
    assert verified.seal.seal_id == seal_id and verified.licence.serial == legal_rep.certificate.serial
    verify_signature(signature, DOCUMENT, roots=[client.root_certificate()], clock=client.clock)
    with pytest.raises(Refused):
        verify_signature(signature, DOCUMENT + b" ", roots=[client.root_certificate()], clock=client.clock)
    result = browser.get(f"/platform/sign/{task_id}")
    assert "签章成功" in result.text and seal_id in result.text

    _refused("task_used", tasks.fetch, text)  # a QR is good for one answer
    _refused("task_used", _answer, tasks, task, legal_rep, SealClient(legal_rep).collect_seal(seal_id).der)
    with service.ctx.session() as s:
        assert s.get(SignTaskRow, task_id).signature == signature


def test_an_agent_needs_an_authorisation_for_the_seal(service, browser, tasks, legal_rep, download, demo):  # noqa: F811
    enterprise, _, others = demo
    rep_seals = SealClient(legal_rep)
    seal_id = make_seal(rep_seals, service, imprint_png())
    legal_rep.authorise(others[0].name, others[0].id_number)  # all business (the authority)
    agent = download(others[0], enterprise)
    seal_der = rep_seals.collect_seal(seal_id).der  # the agent cannot collect it: it has it anyway
    _log_in(browser, tasks, legal_rep)
    _, text = _upload(browser)
    task = tasks.fetch(text)
    _refused("missing_seal_authorisation", _answer, tasks, task, agent, seal_der)
    assert _state(browser, task.document.task)["state"] == "scanned"  # nothing changed

    rep_seals.authorise_seal(seal_id, agent_name=others[0].name, agent_id_number=others[0].id_number)
    assert _answer(tasks, task, agent, seal_der).state == "confirmed"
    assert _state(browser, task.document.task)["signer"] == others[0].name


def test_a_seal_or_signer_of_another_enterprise_is_refused(
        service, browser, tasks, legal_rep, download, demo):  # noqa: F811
    from app.core.licence.demo import DEMO_ENTERPRISES

    other = DEMO_ENTERPRISES[1].enterprise
    stranger = download(other.legal_representative, other)
    foreign = SealClient(stranger).collect_seal(make_seal(SealClient(stranger), service, imprint_png(seed=4)))
    own = SealClient(legal_rep).collect_seal(make_seal(SealClient(legal_rep), service, imprint_png()))
    _log_in(browser, tasks, legal_rep)
    _, text = _upload(browser)
    task = tasks.fetch(text)
    _refused("wrong_enterprise", _answer, tasks, task, legal_rep, foreign.der)  # their seal, our licence
    _refused("wrong_enterprise", _answer, tasks, task, stranger, foreign.der)  # their licence and seal
    _refused("wrong_enterprise", _answer, tasks, task, stranger, own.der)  # our seal, their licence
    assert _state(browser, task.document.task)["state"] == "scanned"
    assert _answer(tasks, task, legal_rep, own.der).state == "confirmed"


def test_tampered_answers_are_refused_and_change_nothing(service, browser, tasks, legal_rep, clock):  # noqa: F811
    seals = SealClient(legal_rep)
    seal = seals.collect_seal(make_seal(seals, service, imprint_png()))
    second = seals.collect_seal(make_seal(seals, service, imprint_png(seed=2), seal_type="contract"))
    _log_in(browser, tasks, legal_rep)
    _, text = _upload(browser)
    task = tasks.fetch(text)
    key, cert = legal_rep.key, legal_rep.certificate

    def confirm(details: dict):
        return tasks.confirm(task, key, cert, details=details)

    other = sign_with_seal(seal.der, key, cert, gm.sm3(DOCUMENT + b"x"), clock=clock)  # another file
    _refused("bad_document_hash", confirm, response_details(seal.seal_id, other))
    good = seal_for_task(sign_details(task.document), seal.der, key, cert, clock=clock)
    broken = bytearray(good)
    broken[-5] ^= 0x01  # inside the signer's SM2 signature value
    _refused("bad_signature", confirm, response_details(seal.seal_id, bytes(broken)))
    _refused("tampered_structure", confirm, response_details(seal.seal_id, good[:-40]))
    _refused("task_response_mismatch", confirm, response_details(second.seal_id, good))  # names another seal
    _refused("malformed_task_response", confirm, {**response_details(seal.seal_id, good), "extra": "1"})
    _refused("malformed_task_response", confirm, {"seal_id": seal.seal_id})
    _refused("malformed_task_response", confirm, {"seal_id": seal.seal_id, "signature": "not base64!"})
    unpadded = base64.b64encode(good).decode().rstrip("=") or "A"
    if unpadded != base64.b64encode(good).decode():
        _refused("malformed_task_response", confirm, {"seal_id": seal.seal_id, "signature": unpadded})
    # a signature by the holder's key over a response the holder did not sign: refused before the seal
    raw = build_response(task, action="confirm", now=clock(), serial=cert.serial,
                         details=response_details(seal.seal_id, good))
    _refused("bad_task_response_signature", tasks.respond, task.uri, raw,
             gm.SM2PrivateKey.generate().sign(raw), cert.der)
    assert _state(browser, task.document.task)["state"] == "scanned"
    with service.ctx.session() as s:
        assert s.get(SignTaskRow, task.document.task).signature is None
    assert confirm(response_details(seal.seal_id, good)).state == "confirmed"


def test_an_expired_sign_qr_is_refused_on_both_sides(service, browser, tasks, legal_rep, clock):  # noqa: F811
    seals = SealClient(legal_rep)
    seal = seals.collect_seal(make_seal(seals, service, imprint_png()))
    _log_in(browser, tasks, legal_rep)
    _, text = _upload(browser)
    task = tasks.fetch(text)
    clock.advance(minutes=5, seconds=1)
    _refused("task_expired", _answer, tasks, task, legal_rep, seal.der)
    assert _state(browser, task.document.task) == {"state": "expired", "expires_in": 0}
    assert "二维码已过期" in browser.get(f"/platform/sign/{task.document.task}").text
    assert browser.get(f"/platform/sign/{task.document.task}/signature").status_code == 404


def test_a_cancel_from_the_device_shows_on_the_page(service, browser, tasks, legal_rep):  # noqa: F811
    _log_in(browser, tasks, legal_rep)
    _, text = _upload(browser)
    task = tasks.fetch(text)
    assert tasks.cancel(task).state == "cancelled"  # unsigned: no licence needed
    task_id = task.document.task
    assert _state(browser, task_id) == {"state": "cancelled", "expires_in": 300}
    assert "已取消" in browser.get(f"/platform/sign/{task_id}").text
    assert "已取消" in browser.get("/platform/sign/sign.js").text
    assert browser.get(f"/platform/sign/{task_id}/signature").status_code == 404
    _refused("task_used", tasks.fetch, text)


def test_the_page_wants_a_session_its_csrf_token_and_a_file_within_the_cap(
        service, browser, tasks, legal_rep, download, demo):  # noqa: F811
    assert browser.get("/platform/sign").headers["location"] == "/platform/login"
    refused = browser.post("/platform/sign", files={"file": ("a.pdf", b"x")})
    assert refused.status_code == 303 and refused.headers["location"] == "/platform/login"
    _log_in(browser, tasks, legal_rep)
    form = browser.get("/platform/sign")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    for fields in ({}, {"csrf": "forged"}):
        answer = browser.post("/platform/sign", data=fields, files={"file": ("a.pdf", b"x")})
        assert answer.status_code == 403 and "表单已过期" in answer.text
    assert browser.post("/platform/sign", data={"csrf": csrf}, files={"file": ("", b"x")}).status_code == 400
    big = browser.post("/platform/sign", data={"csrf": csrf},
                       files={"file": ("big.bin", b"\0" * (MAX_SIGN_FILE + 1))})
    assert big.status_code == 413 and "文件过大" in big.text
    with service.ctx.session() as s:
        assert s.query(SignTaskRow).count() == 0  # none of these made a task

    _, text = _upload(browser, "bid\u202e.x-y", b"", "text/x weird; charset=utf-8")  # an odd name and type
    odd = sign_details(tasks.fetch(text).document).document
    assert (odd.name, odd.size, odd.media_type) == ("bid\u202e.x-y", 0, "application/octet-stream")
    _, text = _upload(browser)
    task_id = tasks.fetch(text).document.task
    enterprise, _, others = demo
    with type(browser)(base_url=service.url, follow_redirects=False) as other:  # another session
        _log_in(other, tasks, legal_rep)
        assert other.get(f"/platform/sign/{task_id}/state").status_code == 404
        assert other.get(f"/platform/sign/{task_id}").status_code == 404
    out = browser.post("/platform/logout", data={"csrf": re.search(
        r'name="csrf" value="([^"]+)"', browser.get("/platform/home").text).group(1)})
    assert out.status_code == 303 and sessions.SESSION_COOKIE not in browser.cookies
    assert browser.get(f"/platform/sign/{task_id}/state").status_code == 401


def test_multipart_is_read_byte_for_byte():
    data = b"\r\n--c\r\nnot the end\r\n-b--b" + bytes(range(256))  # no CRLF--b inside
    body = (b"--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken\r\n"
            b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\xe6\x8a\x95 \\\"x\\\".pdf\"\r\n"
            b"Content-Type: application/pdf\r\n\r\n" + data + b"\r\n--b--\r\n")
    fields = parse_multipart(body, b"b")
    assert fields["csrf"].data == b"token" and fields["file"].data == data
    assert fields["file"].filename == '投 "x".pdf' and fields["file"].content_type == "application/pdf"
    for broken in (body[:-8], b"junk" + body, body.replace(b"form-data; name=\"csrf\"", b"x")):
        assert parse_multipart(broken, b"b") is None


def test_the_device_offers_only_usable_seals_and_confirms_through_the_keystore(
        service, client, browser, tasks, legal_rep, download, demo, keystore):  # noqa: F811
    enterprise, _, others = demo
    rep_seals = SealClient(legal_rep)
    bidding = make_seal(rep_seals, service, imprint_png())
    contract = make_seal(rep_seals, service, imprint_png(seed=2), seal_type="contract")
    legal_rep.authorise(others[0].name, others[0].id_number)
    agent = download(others[0], enterprise)
    rep_seals.authorise_seal(bidding, agent_name=others[0].name, agent_id_number=others[0].id_number)

    unlocked = keystore.unlock(PASSWORD)
    ids = {}
    for who in (legal_rep, agent):
        terms = parse_licence(who.certificate).terms
        ids[who] = keystore.add_licence(
            unlocked, certificate=who.certificate.der, private_key=who.key,
            enterprise_code=terms.credit_code, enterprise_name=terms.enterprise_name,
            holder_name=terms.holder_name, role=terms.role.value, not_before=terms.not_before,
            not_after=terms.not_after).id
    for seal_id in (bidding, contract):
        collect_into_keystore(rep_seals, keystore, unlocked, seal_id, licence_id=ids[legal_rep])

    _log_in(browser, tasks, legal_rep)
    _, text = _upload(browser)
    task = tasks.fetch(text)
    rule = ServiceUseRule(client)
    assert all(c.allowed for c in sign_licence_choices(stored_licence_choices(keystore, client.clock()), task))
    rep_choices = seal_choices(keystore, ids[legal_rep], task, client.clock(), rule)
    assert [(c.seal.seal_id, c.allowed) for c in rep_choices] == [(bidding, True), (contract, True)]
    agent_choices = seal_choices(keystore, ids[agent], task, client.clock(), rule)
    assert [(c.seal.seal_id, c.allowed) for c in agent_choices] == [(bidding, True), (contract, False)]
    assert agent_choices[1].refusal.code == "missing_seal_authorisation"
    assert others[0].name in agent_choices[1].refusal.message

    # the agent's confirm with the seal it may not use is refused on the device: nothing sent
    _refused("missing_seal_authorisation", confirm_sign_task, tasks, keystore, unlocked, ids[agent], task,
             contract, rule)
    assert _state(browser, task.document.task)["state"] == "scanned"
    state = confirm_sign_task(tasks, keystore, unlocked, ids[agent], task, bidding, rule)
    assert state.state == "confirmed" and _state(browser, task.document.task)["seal_id"] == bidding
    [record] = [r for r in keystore.task_history() if r.task_type == "sign"]
    assert (record.action, record.outcome) == ("confirmed", "confirmed")
    assert record.licence_serial == format(agent.certificate.serial, "x")
    assert "task.confirmed" in [e.event for e in keystore.audit_entries()]


def test_ebid_task_confirm_with_a_seal(cli, live, tmp_path):  # noqa: F811
    """`ebid task confirm URI --licence ID --seal ID`: without --seal the seals are listed and
    nothing is sent; with it the document's SM3 is sealed and the platform confirms."""
    from app.core.client.tasks import task_state
    from app.core.licence.demo import DEMO_ENTERPRISES
    from app.server.platform.tasks.sign import Requester, create_sign
    from app.server.seal_office import review as seal_review

    enterprise = DEMO_ENTERPRISES[0].enterprise
    rep = enterprise.legal_representative
    _ok(cli("keystore", "init"))
    _ok(cli("licence", "download", "--place", enterprise.registration_place, "--credit-code",
            enterprise.credit_code, "--name", rep.name, "--id-number", rep.id_number, "--phone", rep.mobile))
    png = tmp_path / "imprint.png"
    png.write_bytes(imprint_png())
    uploaded = _ok(cli("seal", "upload", str(png), "--type", "bidding", "--shape", "round", "--size-mm", "40",
                       "--agree-terms"))
    seal_id = seal_review.approve(live.ctx, uploaded.split(":")[0], reviewer="测试审核员").seal_id
    _ok(cli("seal", "collect", seal_id))
    who = Requester("login-task", enterprise.credit_code, enterprise.name, rep.name, "127.0.0.1", "test")
    made = create_sign(live.ctx, who, base_url=live.url, file_name="投标函\u202efdp.exe",  # a bidi trick
                       media_type="application/pdf", content=DOCUMENT)
    with live.ctx.session() as s:
        poll = s.get(SignTaskRow, made.task.task_id).poll_token

    asked = cli("task", "confirm", made.uri, "--licence", "1")
    assert asked.returncode == 2 and "--seal SEAL_ID" in asked.stderr
    assert f"Sign:      投标函\\u202efdp.exe ({len(DOCUMENT)} bytes, application/pdf)" in asked.stdout
    assert gm.sm3(DOCUMENT).hex() in asked.stdout and f"{seal_id}" in asked.stdout and "(usable)" in asked.stdout
    assert task_state(live.url, made.task.task_id, poll).state == "scanned"  # fetched, not answered

    wrong = cli("task", "confirm", made.uri, "--licence", "1", "--seal", "ES-NOT-COLLECTED")
    assert wrong.returncode != 0 and task_state(live.url, made.task.task_id, poll).state == "scanned"
    out = _ok(cli("task", "confirm", made.uri, "--licence", "1", "--seal", seal_id))
    assert "the platform reports the task confirmed" in out
    assert task_state(live.url, made.task.task_id, poll).state == "confirmed"
    with live.ctx.session() as s:
        signature = s.get(SignTaskRow, made.task.task_id).signature
    sig = tmp_path / "sig.der"
    sig.write_bytes(signature)
    document = tmp_path / "doc.pdf"
    document.write_bytes(DOCUMENT)
    assert _ok(cli("seal", "verify", str(sig), str(document))).startswith("VALID:")


def test_only_the_task_response_route_takes_a_signature_sized_body(service):
    """A sign task's answer carries an SES_Signature (~63 KB of base64 for the tests' seal): the
    response route takes up to MAX_TASK_RESPONSE_BODY, every other JSON route keeps 64 KiB."""
    import httpx

    from app.server.limits import MAX_JSON_BODY, MAX_TASK_RESPONSE_BODY

    body = json.dumps({"response": "x" * (MAX_JSON_BODY + 1000)})
    with httpx.Client(base_url=service.url) as http:
        taken = http.post("/platform/tasks/unknown/response", content=body,
                          headers={"Content-Type": "application/json", "X-EBid-Task-Secret": "s"})
        assert taken.json()["error"] == "unknown_task"  # read and judged, not refused for its size
        other = http.post("/authority/licences", content=body, headers={"Content-Type": "application/json"})
        assert (other.status_code, other.json()["error"]) == (413, "body_too_large")
    port = int(service.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:  # declared, never sent
        sock.sendall(f"POST /platform/tasks/unknown/response HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     f"Content-Type: application/json\r\nContent-Length: {MAX_TASK_RESPONSE_BODY + 1}"
                     "\r\n\r\n".encode())
        answer = b""
        while b"body_too_large" not in answer and (chunk := sock.recv(65536)):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413 ") and b"body_too_large" in answer


def test_a_sign_task_with_other_details_is_malformed_on_the_device(clock):
    from app.core.qrtask.document import _document
    from app.core.qrtask.sign import sign_task_document

    document = sign_task_document(
        url="http://127.0.0.1:8470", name="P", task_id="t" * 22, created=clock(), expires=clock(),
        address="127.0.0.1", user_agent="UA", file_name="a.pdf", size=1, sm3="0" * 64,
        media_type="application/pdf", credit_code="9" * 18, enterprise_name="E", purpose="",
        requested_by="R")
    assert _document(document.to_bytes()).details["document"]["name"] == "a.pdf"
    for details in ({**document.details, "content": "AAAA"},
                    {**document.details, "document": {**document.details["document"], "sm3": "0" * 63}},
                    {k: v for k, v in document.details.items() if k != "enterprise"},
                    {**document.details, "document": {**document.details["document"], "size": "1"}}):
        _refused("malformed_task", _document, document.model_copy(update={"details": details}).to_bytes())


def test_a_time_stamped_sign_task_answer_is_accepted_and_keeps_its_token(
        service, client, browser, tasks, legal_rep, demo, clock):  # noqa: F811
    """The device asks the service's time-stamping authority for a token over the signature
    value (GB/T 38540 timeStamp); the platform verifies it and keeps the signature as sent, so a
    verifier later judges it at the token's time (issue 16 §1)."""
    seal_id = make_seal(SealClient(legal_rep), service, imprint_png())
    _log_in(browser, tasks, legal_rep)
    _, text = _upload(browser)
    task = tasks.fetch(text)
    state = _answer(tasks, task, legal_rep, SealClient(legal_rep).collect_seal(seal_id).der,
                    time_stamper=time_stamper(client))
    assert state.state == "confirmed"
    signature = browser.get(_state(browser, task.document.task)["download"]).content
    assert parse_signature(signature).has_time_stamp
    stamped_at = clock()
    clock.advance(days=2)
    verified = verify_with_service(client, signature, DOCUMENT)
    assert verified.trusted_time and verified.judged_at == stamped_at
