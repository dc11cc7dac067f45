"""Decrypting at the opening by QR (docs/protocols/qr-tasks.md §12, docs/formats/bidx.md §11)
against the real service over HTTP: the opening hall's page (logged in through the login page's
QR) shows a decrypt QR per bid after the opening time; the device's real task client fetches and
verifies the task, re-wraps the file key from the header alone and confirms; the platform
decrypts its stored file and the page's state carries the plaintext's SM3. Every refusal leaves
nothing behind: no plaintext file, the task still open or spent exactly once."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from app.core import bidx, gm
from app.core.errors import Refused
from app.core.qrtask import parse_task_uri
from app.core.qrtask.bids import decrypt_confirm_details, decrypt_decline_details, decrypt_details
from app.server.platform.tasks.models import TaskRow
from app.server.platform.tasks.opening import opened_dir
from app.server.platform.tasks.opening_models import OpeningTaskRow

from .conftest import PROJECT
from .test_login_page import _qr_text
from .web_login import log_in

pytestmark = pytest.mark.slow
OPENING = f"/platform/projects/{PROJECT}/opening"
AFTER_OPENING = dict(days=5, hours=1, seconds=1)  # the project opens at T0 + 5 days 1 hour


@pytest.fixture
def device_key():
    return gm.SM2PrivateKey.generate()


@pytest.fixture
def submitted(legal_rep, device_key, bid_file, tmp_path):
    """A bid encrypted to the legal representative's registered device key, submitted:
    (receipt, the original file)."""
    legal_rep.register_key(device_key.public_key(), "办公室电脑")
    container, signature = bid_file(legal_rep, recipient=device_key.public_key())
    receipt = legal_rep.submit_bid(container, signature, project=PROJECT, section="1")
    return receipt, tmp_path / "tender-100000.pdf"


def _qrs(page: httpx.Response) -> dict[str, str]:
    """submission id -> the task URI read back from its QR."""
    found = re.findall(r'<img class="qr" id="qr-([^"]+)" alt="[^"]*" src="([^"]+)"', page.text)
    return {sid: _qr_text(src) for sid, src in found}


def _bid(http, task_id: str) -> dict:
    """The state the page polls for the task it shows."""
    answer = http.get(f"{OPENING}/state", params={"task": task_id})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    [found] = [b for b in answer.json()["bids"] if b["task"] == task_id]
    return found


def _refused(code: str, call, *args, **kw) -> Refused:
    with pytest.raises(Refused) as caught:
        call(*args, **kw)
    assert caught.value.code == code, caught.value.message
    return caught.value


def _nothing_opened(service) -> None:
    folder = opened_dir(service.ctx)
    assert not folder.exists() or not any(p.is_file() for p in folder.rglob("*"))


def _opened_task(service, clock, tasks, legal_rep):
    clock.advance(**AFTER_OPENING)
    http = log_in(service, tasks, legal_rep)
    [(sid, text)] = _qrs(http.get(OPENING)).items()
    return http, sid, tasks.fetch(text)


def test_decrypt_at_the_opening_end_to_end(service, clock, tasks, legal_rep, device_key, submitted):
    receipt, original = submitted
    http = log_in(service, tasks, legal_rep)
    early = http.get(OPENING)  # before the opening: no QR at all
    assert early.status_code == 200 and 'data-state="not_opened"' in early.text and "<img" not in early.text
    assert "尚未开标" in early.text

    clock.advance(**AFTER_OPENING)  # the browser session ended meanwhile: log in again
    assert http.get(OPENING).headers["location"] == "/platform/login?note=session_ended"
    http = log_in(service, tasks, legal_rep)
    page = http.get(OPENING)
    assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]
    assert '<script src="/platform/opening/opening.js" defer></script>' in page.text
    [(sid, text)] = _qrs(page).items()
    assert sid == receipt.submission_id and receipt.file_name in page.text
    uri = parse_task_uri(text)
    assert uri.base == service.url and len(text) <= 150
    assert _bid(http, uri.task_id)["state"] == "waiting"
    with service.ctx.session() as s:
        poll_token = s.get(OpeningTaskRow, uri.task_id).poll_token
    assert poll_token not in page.text and poll_token not in http.get(f"{OPENING}/state", params={"task": uri.task_id}).text

    task = tasks.fetch(text)
    assert task.document.type == "decrypt" and _bid(http, uri.task_id)["state"] == "scanned"
    details = decrypt_details(task.document)
    container = bidx.inspect_container(service.ctx.settings.bids_dir / f"{sid}.bidx")
    assert details.header_bytes == container.to_bytes()  # the header, not the payload
    assert len(task.raw) < 4096 < receipt.size
    assert (details.project_code, details.section, details.submission_id, details.file_name,
            details.size, details.sm3) == (PROJECT, "1", sid, receipt.file_name, receipt.size, receipt.sm3)
    assert [(r.key_id, r.label) for r in details.recipients] == [
        (bidx.key_id(device_key.public_key()).hex(), "办公室电脑")]

    stanza = bidx.rewrap_for_opening(details.header_bytes, device_key, details.opening_key)
    state = tasks.confirm(task, legal_rep.key, legal_rep.certificate, details=decrypt_confirm_details(stanza))
    plain_sm3 = gm.sm3(original.read_bytes()).hex()
    assert state.state == "confirmed"
    assert state.outcome == {"result": "decrypted", "plaintext_sm3": plain_sm3,
                             "plaintext_size": original.stat().st_size, "submission_id": sid}
    shown = _bid(http, uri.task_id)
    assert (shown["state"], shown["result"], shown["plaintext_sm3"]) == ("confirmed", "decrypted", plain_sm3)
    with service.ctx.session() as s:
        opening = s.get(OpeningTaskRow, uri.task_id)
        assert opening.opening_key_sealed is None  # used: the one-time key is gone
        assert Path(opening.plaintext_path).read_bytes() == original.read_bytes()
        assert opening.plaintext_sm3 == plain_sm3

    again = http.get(OPENING)  # a reload: the bid stays decrypted, no new QR
    assert _qrs(again) == {} and "解密成功" in again.text and plain_sm3 in again.text
    _refused("task_used", tasks.fetch, text)  # the QR was good for one answer
    _refused("task_used", tasks.confirm, task, legal_rep.key, legal_rep.certificate,
             details=decrypt_confirm_details(stanza))


def test_the_opening_key_is_stored_sealed_and_differs_per_task(service, clock, tasks, legal_rep, submitted):
    clock.advance(**AFTER_OPENING)
    http = log_in(service, tasks, legal_rep)
    first = next(iter(_qrs(http.get(OPENING)).values()))
    second = next(iter(_qrs(http.get(OPENING)).values()))  # a reload: a new task and key
    keys = []
    for text in (first, second):
        details = decrypt_details(tasks.fetch(text).document)
        with service.ctx.session() as s:
            row = s.get(OpeningTaskRow, parse_task_uri(text).task_id)
        opening = gm.SM2PrivateKey.from_bytes(service.ctx.keys.platform_key.decrypt(row.opening_key_sealed))
        assert opening.public_key() == details.opening_key
        assert opening.to_bytes() not in row.opening_key_sealed  # not in the clear
        keys.append(opening.to_bytes())
    assert keys[0] != keys[1]


def test_a_tampered_or_misaddressed_stanza_is_refused_and_nothing_is_decrypted(
        service, clock, tasks, legal_rep, device_key, submitted):
    http, sid, task = _opened_task(service, clock, tasks, legal_rep)
    details = decrypt_details(task.document)
    good = bidx.rewrap_for_opening(details.header_bytes, device_key, details.opening_key)
    to_another_key = bidx.rewrap_for_opening(details.header_bytes, device_key,
                                             gm.SM2PrivateKey.generate().public_key())
    _refused("wrong_opening_key", tasks.confirm, task, legal_rep.key, legal_rep.certificate,
             details=decrypt_confirm_details(to_another_key))
    another_file_key = bidx.Stanza(good.key_id, details.opening_key.encrypt(bytes(32)))
    _refused("bad_rewrapped_key", tasks.confirm, task, legal_rep.key, legal_rep.certificate,
             details=decrypt_confirm_details(another_file_key))
    broken = bidx.Stanza(good.key_id, good.wrapped[:-1] + bytes([good.wrapped[-1] ^ 1]))
    _refused("bad_rewrapped_key", tasks.confirm, task, legal_rep.key, legal_rep.certificate,
             details=decrypt_confirm_details(broken))
    _refused("malformed_task_response", tasks.confirm, task, legal_rep.key, legal_rep.certificate,
             details={"stanza": {"key_id": "00", "wrapped": "AA=="}})
    _refused("malformed_task_response", tasks.confirm, task, legal_rep.key, legal_rep.certificate)
    _nothing_opened(service)
    assert _bid(http, task.document.task)["state"] == "scanned"  # still open: the holder may answer again

    state = tasks.confirm(task, legal_rep.key, legal_rep.certificate, details=decrypt_confirm_details(good))
    assert state.outcome["result"] == "decrypted"


def test_a_header_altered_at_the_platform_gets_no_key(service, clock, tasks, legal_rep, device_key, submitted):
    """The device checks the header MAC before it re-wraps: a platform that shows another header
    (here: the project code changed in the stored container) is given nothing."""
    receipt, _ = submitted
    stored = service.ctx.settings.bids_dir / f"{receipt.submission_id}.bidx"
    data = bytearray(stored.read_bytes())
    header = bidx.inspect_container(stored)
    at = data.index(header.salt)
    data[at] ^= 1  # one bit of the salt: the header no longer authenticates
    stored.write_bytes(bytes(data))
    _, _, task = _opened_task(service, clock, tasks, legal_rep)
    details = decrypt_details(task.document)
    with pytest.raises(bidx.HeaderTampered):
        bidx.rewrap_for_opening(details.header_bytes, device_key, details.opening_key)


def test_a_device_without_the_key_declines_and_the_page_says_so(service, clock, tasks, legal_rep, submitted):
    http, sid, task = _opened_task(service, clock, tasks, legal_rep)
    state = tasks.cancel(task, details=decrypt_decline_details("missing_key"))
    assert state.state == "cancelled" and state.outcome == {"result": "declined", "reason": "missing_key"}
    shown = _bid(http, task.document.task)
    assert (shown["state"], shown["reason"]) == ("cancelled", "missing_key")
    page = http.get(OPENING)  # not decrypted: a reload offers a new QR
    assert len(_qrs(page)) == 1 and parse_task_uri(_qrs(page)[sid]).task_id != task.document.task
    _nothing_opened(service)


def test_expired_decrypt_task(service, clock, tasks, legal_rep, device_key, submitted):
    http, sid, task = _opened_task(service, clock, tasks, legal_rep)
    details = decrypt_details(task.document)
    stanza = bidx.rewrap_for_opening(details.header_bytes, device_key, details.opening_key)
    clock.advance(minutes=10, seconds=1)
    _refused("task_expired", tasks.confirm, task, legal_rep.key, legal_rep.certificate,
             details=decrypt_confirm_details(stanza))
    assert _bid(http, task.document.task)["state"] == "expired"
    _nothing_opened(service)


def test_only_the_bids_enterprise_may_decrypt(service, clock, tasks, legal_rep, device_key, download,
                                              submitted):
    from app.core.licence.demo import DEMO_ENTERPRISES

    other = DEMO_ENTERPRISES[1].enterprise
    stranger = download(other.legal_representative, other)
    http, sid, task = _opened_task(service, clock, tasks, legal_rep)
    details = decrypt_details(task.document)
    stanza = bidx.rewrap_for_opening(details.header_bytes, device_key, details.opening_key)
    _refused("not_your_bid", tasks.confirm, task, stranger.key, stranger.certificate,
             details=decrypt_confirm_details(stanza))
    stranger_http = log_in(service, tasks, stranger)  # their hall lists none of our bids
    assert _qrs(stranger_http.get(OPENING)) == {} and "没有递交投标文件" in stranger_http.get(OPENING).text
    _nothing_opened(service)


def test_agents_outside_their_window_or_without_the_matter_cannot_decrypt(
        service, client, clock, tasks, legal_rep, device_key, download, demo, submitted):
    enterprise, _, others = demo
    now = clock()
    lapsed = legal_rep.authorise(others[0].name, others[0].id_number, start=now, end=now + timedelta(days=1))
    lapsed_agent = download(others[0], enterprise, lapsed.authorisation_id)
    other_matter = next(m.code for m in client.matters() if m.code != "EC-BID-FULL")
    narrow = legal_rep.authorise(others[1].name, others[1].id_number, matters=[other_matter],
                                 start=now, end=now + timedelta(days=30))
    narrow_agent = download(others[1], enterprise, narrow.authorisation_id)
    http, sid, task = _opened_task(service, clock, tasks, legal_rep)
    details = decrypt_details(task.document)
    answer = decrypt_confirm_details(bidx.rewrap_for_opening(details.header_bytes, device_key, details.opening_key))
    _refused("expired", tasks.confirm, task, lapsed_agent.key, lapsed_agent.certificate, details=answer)
    _refused("matter_not_authorised", tasks.confirm, task, narrow_agent.key, narrow_agent.certificate,
             details=answer)
    assert _bid(http, task.document.task)["state"] == "scanned"
    _nothing_opened(service)
    with service.ctx.session() as s:
        assert s.get(TaskRow, task.document.task).outcome is None


def test_the_hall_needs_a_session(service, clock):
    clock.advance(**AFTER_OPENING)
    with httpx.Client(base_url=service.url, follow_redirects=False) as anonymous:
        page = anonymous.get(OPENING)
        assert page.status_code == 303 and page.headers["location"] == "/platform/login"
        assert anonymous.get(f"{OPENING}/state").status_code == 401
