"""End to end against the real service: upload → reject with a reason → re-upload (the first is
superseded) → approve → collect with the licence password → authorise an agent for one seal →
the agent collects it and seals a document that verifies; without the authorisation, refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import gm
from app.core.client import ServiceError
from app.core.client.seal import SealClient, collect_into_keystore, verify_with_service
from app.core.client.tsa import time_stamper
from app.core.keystore import Keystore, NullUnlockCache
from app.core.keystore.blobs import FLOOR
from app.core.pki import parse_licence
from app.core.seal.format import (
    SealRefused,
    parse_seal,
    parse_signature,
    sign_with_seal,
    verify_signature,
)
from app.server.seal_office import review as seal_review

from .kit import imprint_png, make_seal

pytestmark = pytest.mark.slow
PASSWORD = b"seal-office test password 7"


def _refused(excinfo, status: int, code: str) -> None:
    assert (excinfo.value.status, excinfo.value.code) == (status, code), excinfo.value.message


@pytest.fixture
def keystore(tmp_path, clock):
    with Keystore.open(
        tmp_path / "keystore.sqlite", kdf=FLOOR, unlock_cache=NullUnlockCache(), clock=clock
    ) as store:
        store.initialise(PASSWORD)
        yield store


def _agent(legal_rep, download, demo, person):
    enterprise, _, _ = demo
    legal_rep.authorise(person.name, person.id_number)  # all business, 3 days (the authority)
    return download(person, enterprise)


def test_upload_reject_reupload_approve_collect_authorise(
    service, client, legal_rep, rep_seals, download, demo, keystore, clock, png
):
    ctx = service.ctx
    first = rep_seals.upload_imprint(
        png, seal_type="bidding", shape="round", width_mm=40, height_mm=40, agree_terms=True
    )
    assert (first.state, first.precheck_passed) == ("pending", True)
    assert [v.imprint_id for v in seal_review.pending(ctx)] == [first.imprint_id]

    seal_review.reject(
        ctx, first.imprint_id, reviewer="审核员甲", reason="印模边缘不完整，请重新上传"
    )
    seen = {i.imprint_id: i for i in rep_seals.imprints()}
    assert (seen[first.imprint_id].state, seen[first.imprint_id].reason) == (
        "rejected",
        "印模边缘不完整，请重新上传",
    )

    clock.advance(minutes=5)
    second = rep_seals.upload_imprint(
        imprint_png(seed=1),
        seal_type="bidding",
        shape="round",
        width_mm=40,
        height_mm=40,
        agree_terms=True,
    )
    seen = {i.imprint_id: i for i in rep_seals.imprints()}
    assert seen[first.imprint_id].state == "superseded"
    assert seen[first.imprint_id].superseded_by == second.imprint_id
    assert seen[first.imprint_id].reason == "印模边缘不完整，请重新上传"  # the reason stays visible

    made = seal_review.approve(ctx, second.imprint_id, reviewer="审核员乙")
    records = rep_seals.seal_records()
    assert [i.imprint_id for i in records.valid] == [second.imprint_id]
    assert [i.imprint_id for i in records.superseded] == [first.imprint_id]
    [making] = records.seal_making
    assert (making.seal_id, making.imprint_id, making.made_by) == (
        made.seal_id,
        second.imprint_id,
        "审核员乙",
    )
    assert making.made_at == clock()

    # The legal representative collects it into the keystore, after the licence password.
    unlocked = keystore.unlock(PASSWORD)
    terms = parse_licence(legal_rep.certificate).terms
    licence = keystore.add_licence(
        unlocked,
        certificate=legal_rep.certificate.der,
        private_key=legal_rep.key,
        enterprise_code=terms.credit_code,
        enterprise_name=terms.enterprise_name,
        holder_name=terms.holder_name,
        role=terms.role.value,
        not_before=terms.not_before,
        not_after=terms.not_after,
    )
    stored = collect_into_keystore(
        rep_seals, keystore, unlocked, made.seal_id, licence_id=licence.id
    )
    assert [s.seal_id for s in keystore.list_seals()] == [made.seal_id]
    info = parse_seal(stored.seal)
    assert (info.name, info.width_mm, info.seal_type) == ("演示科技有限公司投标专用章", 40, 6)
    assert info.picture == imprint_png(seed=1)
    assert info.lists(legal_rep.certificate)  # the legal representative's licence, by SM3 digest
    assert "seal.collected" in [e.event for e in keystore.audit_entries()]


def test_agent_needs_a_per_seal_authorisation(
    service, client, legal_rep, rep_seals, download, demo, clock, png
):
    _, _, others = demo
    bidding = make_seal(rep_seals, service, png)
    contract = make_seal(rep_seals, service, imprint_png(seed=2), seal_type="contract")
    agent = _agent(legal_rep, download, demo, others[0])
    agent_seals = SealClient(agent)

    with pytest.raises(ServiceError) as excinfo:
        agent_seals.collect_seal(bidding)
    _refused(excinfo, 403, "missing_seal_authorisation")
    assert others[0].name in excinfo.value.message

    grant = rep_seals.authorise_seal(
        bidding, agent_name=others[0].name, agent_id_number=others[0].id_number
    )
    assert (grant.status, grant.end - grant.start) == ("active", timedelta(days=3))
    collected = agent_seals.collect_seal(bidding)
    assert parse_seal(collected.der).seal_id == bidding
    with pytest.raises(ServiceError) as excinfo:  # authorised for one seal, not the other
        agent_seals.collect_seal(contract)
    _refused(excinfo, 403, "missing_seal_authorisation")

    # Using the seal: the agent's signature verifies with the service's authorisations only.
    # It carries a time stamp from the service's authority (signing with a service at hand).
    document = "投标文件（DEMO）".encode() * 100
    sig = sign_with_seal(collected.der, agent.key, agent.certificate, gm.sm3(document), clock=clock,
                         time_stamper=time_stamper(client))
    offline = sign_with_seal(collected.der, agent.key, agent.certificate, gm.sm3(document), clock=clock)
    verified = verify_with_service(client, sig, document)
    assert verified.licence.holder_name == others[0].name
    assert verified.trusted_time and verified.judged_at == clock()
    with pytest.raises(SealRefused) as refused:
        verify_signature(sig, document, roots=[client.root_certificate()], clock=clock)
    assert refused.value.reason == "missing_seal_authorisation"

    # Revoked: no more collection; a signature time-stamped before the revocation still
    # verifies (judged at its token's time); one without a token is judged now, and refused.
    clock.advance(minutes=1)
    assert rep_seals.revoke_seal_authorisation(grant.authorisation_id).status == "revoked"
    with pytest.raises(ServiceError) as excinfo:
        agent_seals.collect_seal(bidding)
    _refused(excinfo, 403, "missing_seal_authorisation")
    assert verify_with_service(client, sig, document).trusted_time
    with pytest.raises(SealRefused) as refused:
        verify_with_service(client, offline, document)
    assert refused.value.reason == "missing_seal_authorisation"
    clock.advance(minutes=1)
    late = sign_with_seal(
        collected.der, agent.key, agent.certificate, gm.sm3(document), clock=clock
    )
    with pytest.raises(SealRefused) as refused:
        verify_with_service(client, late, document)
    assert refused.value.reason == "missing_seal_authorisation"
    # Issue 16's proof of concept: the dismissed agent sets the device clock back into the old
    # window (timeInfo = while authorised) and asks the service for a token: the authority's
    # time is today's, so the signature is judged today and refused.
    back = grant.start + timedelta(seconds=30)
    back_dated = sign_with_seal(collected.der, agent.key, agent.certificate, gm.sm3(document),
                                clock=lambda: back, time_stamper=time_stamper(client))
    assert parse_signature(back_dated).signed_at == back
    with pytest.raises(SealRefused) as refused:
        verify_with_service(client, back_dated, document)
    assert refused.value.reason == "missing_seal_authorisation"
    # ... and without a token, the same back-dated signature is judged at now: refused too
    with pytest.raises(SealRefused) as refused:
        verify_with_service(client, sign_with_seal(collected.der, agent.key, agent.certificate,
                                                   gm.sm3(document), clock=lambda: back), document)
    assert refused.value.reason == "missing_seal_authorisation"
    assert [g.status for g in rep_seals.seal_authorisations()] == ["revoked"]


def test_authorisation_window_and_agents_only(
    service, legal_rep, rep_seals, download, demo, clock, png
):
    _, _, others = demo
    seal_id = make_seal(rep_seals, service, png)
    agent = _agent(legal_rep, download, demo, others[0])
    start = clock() + timedelta(days=1)
    grant = rep_seals.authorise_seal(
        seal_id,
        agent_name=others[0].name,
        agent_id_number=others[0].id_number,
        start=start,
        end=start + timedelta(hours=1),
    )
    assert grant.status == "not_yet_valid"
    with pytest.raises(ServiceError) as excinfo:
        SealClient(agent).collect_seal(seal_id)
    _refused(excinfo, 403, "missing_seal_authorisation")
    with pytest.raises(ServiceError) as excinfo:  # not an agent of the enterprise
        rep_seals.authorise_seal(
            seal_id, agent_name=others[1].name, agent_id_number=others[1].id_number
        )
    _refused(excinfo, 404, "unknown_agent")
    with pytest.raises(ServiceError) as excinfo:
        rep_seals.authorise_seal(
            seal_id,
            agent_name=others[0].name,
            agent_id_number=others[0].id_number,
            start=start,
            end=start,
        )
    _refused(excinfo, 400, "bad_window")
    with pytest.raises(ServiceError) as excinfo:  # an agent may not authorise
        SealClient(agent).authorise_seal(
            seal_id, agent_name=others[0].name, agent_id_number=others[0].id_number
        )
    _refused(excinfo, 403, "role_not_permitted")


def test_enterprise_registered_elsewhere_is_exempt(service, client, download, elsewhere, clock):
    enterprise, rep, others = elsewhere
    rep_holder = download(rep, enterprise)
    seals = SealClient(rep_holder)
    seal_id = make_seal(seals, service, imprint_png(seed=3))
    rep_holder.authorise(others[0].name, others[0].id_number)
    agent = download(others[0], enterprise)
    collected = SealClient(agent).collect_seal(seal_id)  # no seal authorisation needed
    document = b"bid of an enterprise registered in Fujian"
    sig = sign_with_seal(collected.der, agent.key, agent.certificate, gm.sm3(document), clock=clock)
    assert verify_with_service(client, sig, document).seal.seal_id == seal_id


def test_other_enterprises_see_nothing(service, legal_rep, rep_seals, download, elsewhere, png):
    seal_id = make_seal(rep_seals, service, png)
    enterprise, rep, _ = elsewhere
    stranger = SealClient(download(rep, enterprise))
    with pytest.raises(ServiceError) as excinfo:
        stranger.collect_seal(seal_id)
    _refused(excinfo, 403, "wrong_enterprise")
    for path in ("imprints", "records", "seals", "seal-authorisations"):
        with pytest.raises(ServiceError) as excinfo:
            stranger.holder.call("GET", f"/seal-office/enterprises/{legal_rep.credit_code}/{path}")
        _refused(excinfo, 403, "wrong_enterprise")
