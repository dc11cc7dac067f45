"""Revoked seal authorisations on the seal office's signed list (GET
/seal-office/revoked-authorisations), checked by verifiers as revoked licences are on the CRL:
against the real service over HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import gm
from app.core.client.seal import SealClient, ServiceUseRule, verify_with_service
from app.core.client.tsa import time_stamper
from app.core.pki import parse_licence
from app.core.seal.format import (
    SealAuthorisation,
    SealAuthorisationRule,
    SealRefused,
    parse_signature,
    sign_with_seal,
    verify_signature,
)
from app.core.seal.format.revocations import load_revocations, make_revocations

from .kit import make_seal
from .test_flow import _agent

DOCUMENT = "投标文件（DEMO）".encode() * 10


@pytest.fixture
def revoked(service, client, legal_rep, rep_seals, download, demo, clock, png):
    """An agent authorised for a seal for three days, a signature time-stamped while
    authorised, the authorisation revoked an hour later, and a signature time-stamped after."""
    _, _, others = demo
    seal_id = make_seal(rep_seals, service, png)
    agent = _agent(legal_rep, download, demo, others[0])
    grant = rep_seals.authorise_seal(seal_id, agent_name=others[0].name, agent_id_number=others[0].id_number)
    seal_der = SealClient(agent).collect_seal(seal_id).der

    def sign():
        return sign_with_seal(seal_der, agent.key, agent.certificate, gm.sm3(DOCUMENT), clock=clock,
                              time_stamper=time_stamper(client))

    before = sign()
    clock.advance(hours=1)
    rep_seals.revoke_seal_authorisation(grant.authorisation_id)
    clock.advance(minutes=1)
    return grant, before, sign()


def test_the_list_names_the_revoked_authorisation(service, client, revoked, clock):
    grant, _, _ = revoked
    der = client.get("/seal-office/revoked-authorisations").content
    found = load_revocations(der, [client.root_certificate()], now=clock())
    assert [(r.authorisation_id, r.seal_id, r.not_before) for r in found.revoked] == [
        (grant.authorisation_id, grant.seal_id, grant.start)]
    assert found.revoked[0].revoked_at == clock() - timedelta(minutes=1)


def test_a_window_answer_that_ignores_the_revocation_is_overruled_by_the_signed_list(
        service, client, revoked, clock):
    """The use-rule answer is plain JSON: an old cached copy, or a proxy, can still show the
    full three-day window. With that window alone the late signature passes; the signed list
    refuses it, and keeps the signature made before the revocation valid."""
    grant, before, late = revoked
    person = parse_licence(parse_signature(late).signer_certificate)
    stale_window = [SealAuthorisation(grant.seal_id, person.credit_code, person.person_id, grant.start, grant.end)]
    root = client.root_certificate()
    verify_signature(late, DOCUMENT, roots=[root], clock=clock,
                     authorisation_check=SealAuthorisationRule(stale_window))  # the hole, without the list
    listed = ServiceUseRule(client).revocations()
    with pytest.raises(SealRefused) as caught:
        verify_signature(late, DOCUMENT, roots=[root], clock=clock,
                         authorisation_check=SealAuthorisationRule(stale_window, revocations=listed))
    assert caught.value.reason == "missing_seal_authorisation"
    verify_signature(before, DOCUMENT, roots=[root], clock=clock,
                     authorisation_check=SealAuthorisationRule(stale_window, revocations=listed))
    # and the verifier with the service uses both
    assert verify_with_service(client, before, DOCUMENT).trusted_time
    with pytest.raises(SealRefused):
        verify_with_service(client, late, DOCUMENT)


def test_a_changed_stale_or_foreign_list_is_refused(service, client, revoked, clock, legal_rep):
    der = client.get("/seal-office/revoked-authorisations").content
    root = client.root_certificate()
    changed = bytearray(der)
    changed[-3] ^= 1
    for bad, now in ((bytes(changed), clock()), (der, clock() + timedelta(days=1, seconds=1)),
                     (der, clock() - timedelta(minutes=6))):
        with pytest.raises(SealRefused) as caught:
            load_revocations(bad, [root], now=now)
        assert caught.value.reason == "bad_seal_authorisation_list"
    # an empty list signed by a licence key (chains to the root, but no seal office): refused
    empty = make_revocations([], key=legal_rep.key, certificate=legal_rep.certificate,
                             this_update=clock())
    with pytest.raises(SealRefused) as caught:
        load_revocations(empty, [root], now=clock())
    assert "not the seal office's" in caught.value.message
