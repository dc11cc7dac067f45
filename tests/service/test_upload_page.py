"""Encrypting and uploading by QR (docs/protocols/qr-tasks.md §13) against the real service over
HTTP: the upload page (logged in through the login page's QR) makes an encrypt task for the
chosen section; the device's real clients fetch and verify it, upload a BIDX container bound to
the task (the submission records it) and confirm with the receipt; the page's state shows
加密成功 with the receipt. Every refusal on the platform side changes nothing."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from app.core.client import ServiceError
from app.core.errors import Refused
from app.core.qrtask import parse_task_uri
from app.core.qrtask.bids import encrypt_confirm_details, encrypt_details
from app.server.platform.models import SubmissionRow

from .conftest import PROJECT
from .test_login_page import _qr_text
from .web_login import log_in

pytestmark = pytest.mark.slow
UPLOAD = f"/platform/projects/{PROJECT}/upload"


def _csrf(page) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def _make_task(http, section: str = "1"):
    """The page's form: (the page showing the QR, the task URI read back from it)."""
    form = http.get(UPLOAD)
    assert form.status_code == 200 and 'id="make-qr"' in form.text
    page = http.post(UPLOAD, data={"csrf": _csrf(form), "section": section})
    assert page.status_code == 200, page.text
    src = re.search(r'<img id="qr" alt="[^"]*" src="([^"]+)"', page.text).group(1)
    return page, _qr_text(src)


def _state(http, task_id: str) -> dict:
    answer = http.get(f"{UPLOAD}/state", params={"task": task_id})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    return answer.json()


def _refused(code: str, call, *args, **kw):
    with pytest.raises(Refused) as caught:
        call(*args, **kw)
    assert caught.value.code == code, caught.value.message
    return caught.value


def test_encrypt_and_upload_by_qr_end_to_end(service, tasks, legal_rep, bid_file):
    http = log_in(service, tasks, legal_rep)
    form = http.get(UPLOAD)
    assert '<option value="1">' in form.text and '<option value="2">' in form.text
    page, text = _make_task(http, "2")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert '<script src="/platform/upload/upload.js" defer></script>' in page.text
    uri = parse_task_uri(text)
    assert uri.base == service.url and _state(http, uri.task_id)["state"] == "waiting"

    task = tasks.fetch(text)
    details = encrypt_details(task.document)
    assert (details.project_code, details.section) == (PROJECT, "2")
    assert details.upload == f"{service.url}/platform/projects/{PROJECT}/sections/2/bids"
    assert details.deadline == service.ctx.now() + timedelta(days=5) and details.max_files == 10
    assert _state(http, uri.task_id)["state"] == "scanned"

    container, signature = bid_file(legal_rep, section="2")
    receipt = legal_rep.submit_bid(container, signature, project=PROJECT, section="2", task=uri.task_id)
    with service.ctx.session() as s:
        assert s.get(SubmissionRow, receipt.submission_id).task_id == uri.task_id  # bound to the task
    assert _state(http, uri.task_id)["state"] == "scanned"  # an upload alone does not confirm

    state = tasks.confirm(task, legal_rep.key, legal_rep.certificate,
                          details=encrypt_confirm_details([receipt]))
    assert state.state == "confirmed" and state.outcome["result"] == "encrypted"
    [shown] = state.outcome["receipts"]
    assert (shown["submission_id"], shown["sm3"], shown["size"], shown["file_name"]) == (
        receipt.submission_id, receipt.sm3, receipt.size, receipt.file_name)
    polled = _state(http, uri.task_id)
    assert (polled["state"], polled["result"], polled["section"]) == ("confirmed", "encrypted", "2")
    assert polled["receipts"] == state.outcome["receipts"]

    late = _refused("task_used", legal_rep.submit_bid, container, signature, project=PROJECT,
                    section="2", task=uri.task_id)
    assert isinstance(late, ServiceError)
    _refused("task_used", tasks.fetch, text)


def test_uploads_bound_to_a_task_are_checked(service, clock, tasks, legal_rep, download, bid_file):
    http = log_in(service, tasks, legal_rep)
    _, text = _make_task(http, "1")
    task_id = parse_task_uri(text).task_id
    container, signature = bid_file(legal_rep, section="2")
    _refused("wrong_upload_task", legal_rep.submit_bid, container, signature, project=PROJECT,
             section="2", task=task_id)
    _refused("unknown_task", legal_rep.submit_bid, container, signature, project=PROJECT,
             section="2", task="A" * 22)
    from app.core.licence.demo import DEMO_ENTERPRISES

    other = DEMO_ENTERPRISES[1].enterprise
    stranger = download(other.legal_representative, other)
    theirs, their_signature = bid_file(stranger, section="1")
    _refused("not_your_task", stranger.submit_bid, theirs, their_signature, project=PROJECT,
             section="1", task=task_id)
    clock.advance(minutes=10, seconds=1)
    mine, my_signature = bid_file(legal_rep, section="1")
    _refused("task_expired", legal_rep.submit_bid, mine, my_signature, project=PROJECT,
             section="1", task=task_id)
    with service.ctx.session() as s:
        assert s.query(SubmissionRow).count() == 0  # nothing was taken


def test_a_confirm_must_list_the_uploads_made_for_the_task(service, tasks, legal_rep, bid_file):
    http = log_in(service, tasks, legal_rep)
    _, text = _make_task(http, "1")
    task = tasks.fetch(text)
    container, signature = bid_file(legal_rep)
    unbound = legal_rep.submit_bid(container, signature, project=PROJECT, section="1")  # the bid page's way
    _refused("upload_mismatch", tasks.confirm, task, legal_rep.key, legal_rep.certificate,
             details=encrypt_confirm_details([unbound]))
    another, another_signature = bid_file(legal_rep)  # other bytes: not a retry of the first
    bound = legal_rep.submit_bid(another, another_signature, project=PROJECT, section="1",
                                 task=task.document.task)
    forged = {"submissions": [{"submission_id": bound.submission_id, "sm3": "0" * 64, "size": bound.size}]}
    _refused("upload_mismatch", tasks.confirm, task, legal_rep.key, legal_rep.certificate, details=forged)
    _refused("malformed_task_response", tasks.confirm, task, legal_rep.key, legal_rep.certificate,
             details={"submissions": []})
    _refused("malformed_task_response", tasks.confirm, task, legal_rep.key, legal_rep.certificate)
    assert _state(http, task.document.task)["state"] == "scanned"
    state = tasks.confirm(task, legal_rep.key, legal_rep.certificate, details=encrypt_confirm_details([bound]))
    assert state.outcome["result"] == "encrypted"


def test_agents_outside_their_window_or_without_the_matter_cannot_confirm(
        service, client, clock, tasks, legal_rep, download, demo, bid_file):
    enterprise, _, others = demo
    now = clock()
    lapsed = legal_rep.authorise(others[0].name, others[0].id_number, start=now,
                                 end=now + timedelta(hours=1))
    lapsed_agent = download(others[0], enterprise, lapsed.authorisation_id)
    other_matter = next(m.code for m in client.matters() if m.code != "EC-BID-FULL")
    narrow = legal_rep.authorise(others[1].name, others[1].id_number, matters=[other_matter])
    narrow_agent = download(others[1], enterprise, narrow.authorisation_id)
    clock.advance(hours=2)  # the first agent's window has closed
    http = log_in(service, tasks, legal_rep)
    _, text = _make_task(http, "1")
    task = tasks.fetch(text)
    container, signature = bid_file(legal_rep)
    bound = legal_rep.submit_bid(container, signature, project=PROJECT, section="1", task=task.document.task)
    _refused("expired", tasks.confirm, task, lapsed_agent.key, lapsed_agent.certificate,
             details=encrypt_confirm_details([bound]))
    _refused("matter_not_authorised", tasks.confirm, task, narrow_agent.key, narrow_agent.certificate,
             details=encrypt_confirm_details([bound]))
    assert _state(http, task.document.task)["state"] == "scanned"


def test_a_closed_project_makes_no_encrypt_task(service, clock, tasks, legal_rep):
    clock.advance(days=5, seconds=1)  # past the deadline
    http = log_in(service, tasks, legal_rep)
    page = http.get(UPLOAD)
    assert page.status_code == 200 and 'data-state="closed"' in page.text and "已截止" in page.text
    assert "<img" not in page.text and 'id="make-qr"' not in page.text
    assert http.post(UPLOAD, data={"csrf": "x", "section": "1"}).status_code == 403
    forced = http.post(UPLOAD, data={"csrf": _csrf(http.get("/platform/home")), "section": "1"})
    assert forced.status_code == 400 and "<img" not in forced.text and "已截止" in forced.text
    assert http.get(f"{UPLOAD}/state", params={"task": "A" * 22}).status_code == 404


def test_the_state_is_of_the_task_the_page_shows_and_of_no_other_enterprise(service, tasks, legal_rep,
                                                                           download):
    """Two pages (tabs) made in the same second each follow their own task; another enterprise's
    session reads neither."""
    from app.core.licence.demo import DEMO_ENTERPRISES

    http = log_in(service, tasks, legal_rep)
    first = parse_task_uri(_make_task(http, "1")[1]).task_id
    second_text = _make_task(http, "2")[1]
    second = parse_task_uri(second_text).task_id
    tasks.fetch(second_text)
    assert (_state(http, first)["state"], _state(http, first)["section"]) == ("waiting", "1")
    assert (_state(http, second)["state"], _state(http, second)["section"]) == ("scanned", "2")
    other = DEMO_ENTERPRISES[1].enterprise
    stranger = log_in(service, tasks, download(other.legal_representative, other))
    assert stranger.get(f"{UPLOAD}/state", params={"task": first}).status_code == 404
