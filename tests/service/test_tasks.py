"""QR tasks end to end against the real service over HTTP (docs/protocols/qr-tasks.md): a login
task made as the login page makes it, fetched and verified by the device, confirmed with a
licence key, and the state the page polls; and every refusal, each checked on the device side
(its code) and on the platform side (the state: nothing half-done)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from datetime import timedelta

import pytest

from app.core import gm
from app.core.client.tasks import create_login_task, task_state
from app.core.errors import Refused
from app.core.pki import Certificate
from app.core.qrtask import (
    TaskUri,
    build_response,
    canonical,
    is_task_uri,
    parse_task_uri,
    verify_envelope,
)
from app.core.wire import TaskEnvelope
from app.server.embedded import serve_in_thread
from app.server.keys import PLATFORM_NAME
from app.server.provision import init_service
from app.server.settings import Settings

pytestmark = pytest.mark.slow
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36"


@pytest.fixture
def login(service):
    """A new login task as the login page asks for it: (TaskCreated, TaskUri)."""

    def _make():
        made = create_login_task(service.url, user_agent=BROWSER)
        return made, parse_task_uri(made.uri)

    return _make


def _state(service, made) -> str:
    return task_state(service.url, made.task, made.poll_token).state


def _refused(code: str, call, *args, **kw) -> Refused:
    with pytest.raises(Refused) as caught:
        call(*args, **kw)
    assert caught.value.code == code, caught.value.message
    return caught.value


def test_login_task_end_to_end(service, tasks, login, legal_rep, demo, clock):
    enterprise, rep, _ = demo
    made, uri = login()
    assert len(made.uri.encode()) <= 150 and is_task_uri(made.uri)
    assert made.expires == clock() + timedelta(seconds=60)
    assert _state(service, made) == "waiting"

    task = tasks.fetch(made.uri)
    d = task.document
    assert (d.type, d.task, d.platform.url, d.platform.name) == ("login", uri.task_id, service.url, PLATFORM_NAME)
    assert (d.requester.address, d.requester.user_agent) == ("127.0.0.1", BROWSER)
    assert d.expires_at - d.created_at == timedelta(seconds=60) and d.details == {"session": 1800}
    assert PLATFORM_NAME in task.platform_subject
    assert _state(service, made) == "scanned"

    clock.advance(seconds=20)
    answer = tasks.confirm(task, legal_rep.key, legal_rep.certificate)
    polled = task_state(service.url, made.task, made.poll_token)
    assert answer == polled
    assert polled.state == "confirmed" and polled.finished_at == clock()
    assert (polled.enterprise.credit_code, polled.enterprise.name) == (enterprise.credit_code, enterprise.name)
    assert (polled.person.name, polled.person.role) == (rep.name, "legal_representative")


def test_the_qr_is_good_for_one_answer(service, tasks, login, legal_rep, download, demo):
    enterprise, _, others = demo
    made, uri = login()
    task = tasks.fetch(uri)
    tasks.confirm(task, legal_rep.key, legal_rep.certificate)
    _refused("task_used", tasks.fetch, uri)  # the secret is spent
    _refused("task_used", tasks.confirm, task, legal_rep.key, legal_rep.certificate)
    _refused("task_used", tasks.cancel, task)
    polled = task_state(service.url, made.task, made.poll_token)
    assert polled.state == "confirmed" and polled.person.role == "legal_representative"


def test_expired_task_is_refused_on_both_sides(service, tasks, login, legal_rep, clock):
    made, uri = login()
    task = tasks.fetch(uri)
    clock.advance(seconds=61)
    _refused("task_expired", tasks.confirm, task, legal_rep.key, legal_rep.certificate)
    assert _state(service, made) == "expired"
    _refused("task_expired", tasks.fetch, uri)

    made, uri = login()  # never fetched: it expires by itself, the page sees it
    clock.advance(seconds=61)
    assert _state(service, made) == "expired"

    made, uri = login()  # the device's own check, with its clock past expiry + skew
    envelope = tasks.envelope(uri)
    _refused("task_expired", verify_envelope, envelope, uri, tasks.roots, clock() + timedelta(seconds=121))
    _refused("task_not_yet_valid", verify_envelope, envelope, uri, tasks.roots, clock() - timedelta(seconds=61))
    assert _state(service, made) == "scanned"


def test_wrong_secret_changes_nothing(service, tasks, login, legal_rep):
    made, uri = login()
    task = tasks.fetch(uri)
    forged = dataclasses.replace(uri, secret="A" * 43)
    _refused("wrong_task_secret", tasks.fetch, forged)
    wrong = dataclasses.replace(task, uri=forged)
    error = _refused("wrong_task_secret", tasks.confirm, wrong, legal_rep.key, legal_rep.certificate)
    assert uri.secret not in error.message and "A" * 43 not in error.message
    assert _state(service, made) == "scanned"
    tasks.confirm(task, legal_rep.key, legal_rep.certificate)  # the right secret still works
    assert _state(service, made) == "confirmed"


def test_task_of_an_unknown_platform_is_refused_naming_it(tmp_path, service, tasks, clock):
    other = init_service(Settings(home=tmp_path / "other", clock=clock), demo=True)
    running = serve_in_thread(other)
    try:
        made = create_login_task(running.url, user_agent=BROWSER)
        error = _refused("untrusted_platform", tasks.fetch, made.uri)
        assert PLATFORM_NAME in error.message
        assert task_state(running.url, made.task, made.poll_token).state == "scanned"  # not answered
    finally:
        running.stop()


def test_a_licence_cannot_pose_as_the_platform(service, tasks, login, legal_rep, clock):
    made, uri = login()
    envelope = tasks.envelope(uri)
    forged = TaskEnvelope(  # signed by a key under the trusted root, but a licence's
        document=envelope.document, signature=legal_rep.key.sign(envelope.document.encode()),
        certificates=(legal_rep.certificate.der,),
    )
    _refused("untrusted_platform", verify_envelope, forged, uri, tasks.roots, clock())
    assert _state(service, made) == "scanned"


def test_tampered_task_document_is_refused(service, tasks, login, clock):
    made, uri = login()
    envelope = tasks.envelope(uri)
    value = json.loads(envelope.document)
    value["requester"]["address"] = "10.0.0.1"
    tampered = envelope.model_copy(update={"document": canonical(value).decode()})
    _refused("bad_task_signature", verify_envelope, tampered, uri, tasks.roots, clock())
    spaced = envelope.model_copy(update={"document": envelope.document + " "})
    _refused("bad_task_signature", verify_envelope, spaced, uri, tasks.roots, clock())
    other = dataclasses.replace(uri, base=uri.base.replace("127.0.0.1", "localhost"))
    _refused("platform_mismatch", verify_envelope, envelope, other, tasks.roots, clock())
    assert _state(service, made) == "scanned"


def test_cancel(service, tasks, login, legal_rep):
    made, uri = login()
    task = tasks.fetch(uri)
    assert tasks.cancel(task).state == "cancelled"  # unsigned: the secret suffices
    polled = task_state(service.url, made.task, made.poll_token)
    assert polled.state == "cancelled" and polled.person is None and polled.enterprise is None
    _refused("task_used", tasks.confirm, task, legal_rep.key, legal_rep.certificate)

    made, uri = login()
    task = tasks.fetch(uri)
    assert tasks.cancel(task, legal_rep.key, legal_rep.certificate).state == "cancelled"  # signed
    assert task_state(service.url, made.task, made.poll_token).person is None


def test_forged_responses_are_refused_and_change_nothing(service, tasks, login, legal_rep, clock):
    made, uri = login()
    task = tasks.fetch(uri)
    cert, key = legal_rep.certificate, legal_rep.key

    def post(raw: bytes, signature: bytes | None):
        return tasks.respond(uri, raw, signature, cert.der)

    other_doc = dataclasses.replace(task, raw=task.raw + b" ")
    raw = build_response(other_doc, action="confirm", now=clock(), serial=cert.serial)
    _refused("task_response_mismatch", post, raw, key.sign(raw))
    raw = build_response(task, action="confirm", now=clock(), serial=cert.serial)
    _refused("bad_task_response_signature", post, raw, gm.SM2PrivateKey.generate().sign(raw))
    _refused("bad_task_response_signature", post, build_response(task, action="confirm", now=clock(),
             serial=cert.serial), None)
    _refused("malformed_task_response", post, raw + b" ", key.sign(raw + b" "))
    stale = build_response(task, action="confirm", now=clock() - timedelta(minutes=6), serial=cert.serial)
    _refused("stale_task_response", post, stale, key.sign(stale))
    unknown = build_response(task, action="confirm", now=clock(), serial=cert.serial + 1)
    _refused("unknown_certificate", tasks.respond, uri, unknown, key.sign(unknown), None)
    assert _state(service, made) == "scanned"
    tasks.confirm(task, key, cert)
    assert _state(service, made) == "confirmed"


def test_a_licence_without_the_bidding_matter_cannot_confirm(service, client, tasks, login, legal_rep,
                                                            download, demo):
    enterprise, _, others = demo
    other_matter = next(m.code for m in client.matters() if m.code != "EC-BID-FULL")
    grant = legal_rep.authorise(others[1].name, others[1].id_number, matters=[other_matter])
    agent = download(others[1], enterprise, grant.authorisation_id)
    made, uri = login()
    task = tasks.fetch(uri)
    _refused("matter_not_authorised", tasks.confirm, task, agent.key, agent.certificate)
    assert _state(service, made) == "scanned"


def test_only_task_uris_are_tasks():
    good = "https://bid.example.cn/platform/t/" + "a" * 22 + "#" + "b" * 43
    assert is_task_uri(good) and parse_task_uri(good) == TaskUri("https://bid.example.cn", "a" * 22, "b" * 43)
    assert "b" * 43 not in repr(parse_task_uri(good))
    for text in ("hello", "https://bid.example.cn/", good + "c", good.replace("#", "?s="),
                 "https://bid.example.cn/platform/t/" + "a" * 21 + "#" + "b" * 43,
                 "https://" + "h" * 90 + ".cn/platform/t/" + "a" * 22 + "#" + "b" * 43,
                 "WIFI:S:home;T:WPA;P:secret;;"):
        assert not is_task_uri(text), text
        _refused("not_a_task", parse_task_uri, text)
    _refused("insecure_task_uri", parse_task_uri, good.replace("https", "http"))
    assert parse_task_uri(good.replace("https://bid.example.cn", "http://127.0.0.1:8470")).base == "http://127.0.0.1:8470"


def test_canonical_form():
    assert canonical({"b": 1, "a": {"z": "中", "y": [1, "x"]}}) == '{"a":{"y":[1,"x"],"z":"中"},"b":1}'.encode()
    for bad in ({"a": None}, {"a": 1.5}, {"a": True}, {"中": 1}):
        with pytest.raises(TypeError):
            canonical(bad)


def test_the_platform_task_certificate_chains_to_the_authority_root(service, openssl, tmp_path):
    keys = service.ctx.settings.keys_dir
    check = subprocess.run(
        [openssl, "verify", "-vfyopt", "distid:1234567812345678", "-CAfile", str(keys / "authority-root.pem"),
         str(keys / "platform-task-cert.pem")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    cert = Certificate.load((keys / "platform-task-cert.pem").read_bytes())
    assert cert.public_key() == service.ctx.keys.platform_key.public_key()
