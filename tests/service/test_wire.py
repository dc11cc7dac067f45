"""The service and its client share one definition of every JSON answer (app.core.wire).

A real flow through the client records every model the client parses an answer with; each one
must be the model the answering route declares in /openapi.json (same schema, same nested
schemas), parsing a real answer must lose nothing, and every JSON route must be read that way.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

import pytest
from pydantic.json_schema import models_json_schema

from app.core import gm
from app.core.client.audit import AuditClient
from app.core.client.mailbox import MailboxClient
from app.core.client.seal import SealClient, ServiceUseRule
from app.core.client.tasks import TaskClient, create_login_task, task_state
from app.core.keybackup import frame as kb
from app.core.pki import parse_licence
from app.core.seal.format import SealRefused, parse_seal
from app.core.wire import Receipt, WireModel
from app.server.app import create_app
from app.server.seal_office import review as seal_review
from tests.seal_service.kit import imprint_png

from .conftest import PROJECT

pytestmark = pytest.mark.slow

NOT_READ_BY_THE_CLIENT = {
    ("get", "/health"),
    ("get", "/platform/projects/{code}"),  # the client lists the projects instead
}
REF = "#/components/schemas/{model}"


@pytest.fixture
def recorded(client, monkeypatch):
    """(answers, parsed): every 2xx JSON answer as (method, path, body), and every top-level
    wire-model parse as (model, data, index of the latest answer at that moment)."""
    answers: list[tuple[str, str, object]] = []
    parsed: list[tuple[type[WireModel], object, int]] = []

    def keep(response):
        if response.is_success and response.headers.get("content-type") == "application/json":
            response.read()
            answers.append((response.request.method, response.request.url.path, response.json()))

    client.http.event_hooks["response"].append(keep)
    validate = WireModel.model_validate.__func__

    def recording(cls, obj, *args, **kwargs):
        parsed.append((cls, obj, len(answers)))
        return validate(cls, obj, *args, **kwargs)

    monkeypatch.setattr(WireModel, "model_validate", classmethod(recording))
    return answers, parsed


def _mailbox_answers(client, legal_rep, manager) -> None:
    """Every mailbox route: a backup package posted, listed, fetched and deleted; the record and
    candidates it went to; the holder's verified backup and the owner's view of it."""
    owner_key, holder_key = gm.SM2PrivateKey.generate(), gm.SM2PrivateKey.generate()
    owner = legal_rep.register_key(owner_key.public_key(), "owner PC")
    held = manager.register_key(holder_key.public_key(), "manager PC")
    mine, theirs = MailboxClient(legal_rep), MailboxClient(manager)
    mine.candidates(owner.key_id)
    record = mine.record(held.key_id)
    now = client.clock()
    header = kb.Header(
        kb.new_message_id(), kb.Kind.BACKUP, parse_licence(legal_rep.certificate).credit_code,
        format(legal_rep.certificate.serial, "x"), legal_rep.certificate.der, held.key_id,
        record.key_sm3, owner.key_id, "", now, now + kb.LIFETIME[kb.Kind.BACKUP], now,
    )
    raw = kb.build(header, {"key": {"id": owner.key_id}}, holder_key.public_key(), legal_rep.key)
    posted = mine.post(raw)
    theirs.inbox(held.key_id)
    theirs.message(posted.message_id)
    theirs.delete(posted.message_id)
    holder_serial = format(manager.certificate.serial, "x")
    proof = owner_key.sign(kb.proof_bytes(posted.message_id, owner.key_id, holder_serial))
    theirs.record_backup(owner.key_id, held.key_id, posted.message_id, proof)
    mine.backups(owner.key_id)


def _every_answer(client, legal_rep, demo, bid_file, service, download) -> None:
    enterprise, _, others = demo
    client.registration_places()
    client.enterprise(enterprise.credit_code)
    assert enterprise.credit_code in {e.credit_code for e in client.enterprises_at(enterprise.registration_place)}
    matters = client.matters()
    client.projects()
    manager = legal_rep.add_manager(others[0].name, others[0].id_number, others[0].mobile)
    legal_rep.managers()
    grant = legal_rep.authorise(others[1].name, others[1].id_number, matters=[matters[0].code])
    legal_rep.authorisations()
    legal_rep.people()
    legal_rep.revoke_authorisation(grant.authorisation_id)
    legal_rep.register_key(gm.SM2PrivateKey.generate().public_key(), "office PC")
    legal_rep.keys()
    container, signature = bid_file(legal_rep)
    legal_rep.submit_bid(container, signature, project=PROJECT, section="1")
    legal_rep.submissions()

    seals = SealClient(legal_rep)
    imprint = seals.upload_imprint(
        imprint_png(), seal_type="bidding", shape="round", width_mm=40, height_mm=40,
        agree_terms=True,
    )
    seals.imprints()
    seal_id = seal_review.approve(service.ctx, imprint.imprint_id, reviewer="审核员").seal_id
    seals.seal_records()
    seals.seals()
    collected = seals.collect_seal(seal_id)
    seal_grant = seals.authorise_seal(
        seal_id, agent_name=others[1].name, agent_id_number=others[1].id_number
    )
    seals.seal_authorisations()
    seals.revoke_seal_authorisation(seal_grant.authorisation_id)
    with contextlib.suppress(SealRefused):
        ServiceUseRule(client)(
            parse_seal(collected.der), parse_licence(legal_rep.certificate), client.clock()
        )

    made = create_login_task(service.url, http=client.http)
    tasks = TaskClient([client.root_certificate()], clock=client.clock, http=client.http)
    task = tasks.fetch(made.uri)
    task_state(service.url, made.task, made.poll_token, http=client.http)
    tasks.confirm(task, legal_rep.key, legal_rep.certificate)

    _mailbox_answers(client, legal_rep, download(others[0], enterprise))

    audit = AuditClient(legal_rep)
    audit.countersign("0123456789abcdef0123456789abcdef", 3, bytes(range(32)), 3)
    audit.newest("0123456789abcdef0123456789abcdef")

    legal_rep.remove_manager(manager.person_id)
    legal_rep.revoke_licence()


def _route(doc: dict, method: str, path: str) -> tuple[str, dict]:
    parts = path.split("/")
    for template, operations in doc["paths"].items():
        pattern = template.split("/")
        if len(pattern) == len(parts) and method.lower() in operations and all(
            t == p or (t.startswith("{") and p) for t, p in zip(pattern, parts, strict=True)
        ):
            return template, operations[method.lower()]
    raise AssertionError(f"no route answers {method} {path}")


def _declared_model(operation: dict) -> str:
    """The component a route's 2xx JSON answer (or each item of it) is declared with."""
    (answer,) = [r for status, r in operation["responses"].items() if status.startswith("2")]
    schema = answer["content"]["application/json"]["schema"]
    return schema.get("items", schema)["$ref"].rsplit("/", 1)[1]


def _json_routes(doc: dict) -> set[tuple[str, str]]:
    return {
        (method, template)
        for template, operations in doc["paths"].items()
        for method, operation in operations.items()
        if any(status.startswith("2") and "application/json" in r.get("content", {})
               for status, r in operation["responses"].items())
    }


def test_the_client_reads_every_answer_with_the_model_its_route_declares(
    client, recorded, legal_rep, demo, bid_file, service, download
):
    answers, parsed = recorded  # recording before legal_rep: its licence download is read too
    _every_answer(client, legal_rep, demo, bid_file, service, download)
    doc = create_app(service.ctx).openapi()
    components = doc["components"]["schemas"]

    read: set[tuple[str, str]] = set()
    for model, data, seen in list(parsed):  # (the checks below parse too)
        method, path, _ = next(
            (m, p, b) for m, p, b in reversed(answers[:seen])
            if b == data or (isinstance(b, list) and data in b)
        )
        template, operation = _route(doc, method, path)
        read.add((method.lower(), template))
        declared = _declared_model(operation)
        assert declared == model.__name__, f"{method} {template} answers {declared}, read as {model}"
        _, schemas = models_json_schema([(model, "serialization")], ref_template=REF)
        for name, schema in schemas["$defs"].items():
            assert components[name] == schema, f"{name} differs between service and client"
        again = model.model_validate(data).model_dump(mode="json", by_alias=True)
        assert again == data, f"reading {method} {template} as {model.__name__} loses something"

    unread = _json_routes(doc) - NOT_READ_BY_THE_CLIENT - read
    assert not unread, f"JSON answers the client does not read with a wire model: {sorted(unread)}"


def test_times_and_bytes_keep_their_wire_form():
    moment = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    receipt = Receipt(
        submission_id="S-1", project="ZB-1", section="1", file_name="a.bidx", size=3, sm3="ab",
        received_at=moment, receipt="{}", signature=b"\x00\xffsig",
    )
    assert receipt.model_dump_json() == (
        '{"submission_id":"S-1","project":"ZB-1","section":"1","file_name":"a.bidx","size":3,'
        '"sm3":"ab","received_at":"2026-03-02T01:00:00Z","receipt":"{}","signature":"AP9zaWc="}'
    )
    back = Receipt.model_validate_json(receipt.model_dump_json())
    assert (back.received_at, back.signature) == (moment, b"\x00\xffsig")
    assert back == receipt
