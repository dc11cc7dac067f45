"""verify_signature: the accepted cases, and each refusal with its reason code."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import gm
from app.core.pki import Revocation, load_crl, make_crl, make_root
from app.core.seal.format import (
    Reason,
    SealAuthorisation,
    SealAuthorisationRule,
    SealRefused,
    sign_with_seal,
    verify_seal,
    verify_signature,
)
from app.core.seal.format.asn1 import SESeal
from tests.seal_format.sealkit import (
    CREDIT_A,
    SEAL_END,
    T0,
    reseal,
    rogue_signature,
    seal_for,
    world_stamper,
)

DOC = b"%PDF-1.7 bid for section 3"


def sign(seal, holder, clock, data=DOC):
    return sign_with_seal(seal, holder.key, holder.cert, gm.sm3(data), clock=clock)


def refused(reason, call, *args, **kwargs):
    with pytest.raises(SealRefused) as caught:
        call(*args, **kwargs)
    assert caught.value.reason is reason, caught.value.message
    return caught.value


def agent_may_use(seal_id="ES-0001", start=T0, end=SEAL_END, person="P-agent-a"):
    return SealAuthorisationRule([SealAuthorisation(seal_id, CREDIT_A, person, start, end)])


def test_listed_legal_representative_verifies(world, clock, seal):
    signature = sign(seal, world.legal_rep, clock)
    result = verify_signature(signature, DOC, roots=[world.root], clock=clock)
    assert result.licence.person_id == "P-legal-a"
    assert result.seal.seal_id == "ES-0001"


def test_data_hash_may_be_given_instead_of_data(world, clock, seal):
    signature = sign(seal, world.legal_rep, clock)
    verify_signature(signature, data_hash=gm.sm3(DOC), roots=[world.root], clock=clock)


def test_manager_of_the_seal_enterprise_needs_no_listing(world, clock, seal):
    verify_signature(sign(seal, world.manager, clock), DOC, roots=[world.root], clock=clock)


def test_agent_with_a_seal_authorisation_verifies(world, clock, seal):
    signature = sign(seal, world.agent, clock)
    verify_signature(
        signature, DOC, roots=[world.root], clock=clock, authorisation_check=agent_may_use()
    )


def test_verification_later_uses_the_time_stamp(world, clock, seal):
    """Seal windows and agent licences end; a signature time-stamped inside them stays valid."""
    signature = sign_with_seal(seal, world.agent.key, world.agent.cert, gm.sm3(DOC), clock=clock,
                               time_stamper=world_stamper(world, clock))
    stamped_at = clock()
    clock.set(SEAL_END + timedelta(days=400))
    result = verify_signature(
        signature,
        DOC,
        roots=[world.root],
        clock=clock,
        authorisation_check=agent_may_use(end=T0 + timedelta(days=2)),
    )
    assert result.trusted_time and result.judged_at == stamped_at


def test_verification_later_without_a_time_stamp_is_judged_now(world, clock, seal):
    """Without trusted time, timeInfo is only the signer's word: the signature is as good as
    the signer's standing at the verifier's now, and here the licence has expired."""
    signature = sign(seal, world.agent, clock)
    clock.set(SEAL_END + timedelta(days=400))
    error = refused(
        Reason.BAD_LICENCE, verify_signature, signature, DOC, roots=[world.root], clock=clock,
        authorisation_check=agent_may_use(end=T0 + timedelta(days=2)),
    )
    assert "expired" in error.message


def test_agent_without_authorisation_is_refused(world, clock, seal):
    signature = sign(seal, world.agent, clock)
    error = refused(
        Reason.MISSING_AUTHORISATION,
        verify_signature, signature, DOC, roots=[world.root], clock=clock,
    )
    assert "赵代理" in error.message and "ES-0001" in error.message


@pytest.mark.parametrize(
    "rule",
    [
        agent_may_use(seal_id="ES-0002"),  # another seal
        agent_may_use(person="P-someone-else"),  # another agent
        agent_may_use(end=T0 + timedelta(minutes=30)),  # window ended before signing
        agent_may_use(start=T0 + timedelta(days=1)),  # window not started at signing
    ],
)
def test_agent_authorisation_must_match_seal_person_and_time(world, clock, seal, rule):
    signature = sign(seal, world.agent, clock)
    refused(
        Reason.MISSING_AUTHORISATION,
        verify_signature, signature, DOC, roots=[world.root], clock=clock, authorisation_check=rule,
    )


def test_enterprise_registered_elsewhere_is_exempt(world, clock, seal):
    signature = sign(seal, world.agent, clock)
    shanghai_office = SealAuthorisationRule([], local_places=["上海市"])
    verify_signature(
        signature, DOC, roots=[world.root], clock=clock, authorisation_check=shanghai_office
    )
    beijing_office = SealAuthorisationRule([], local_places=["北京市"])
    refused(
        Reason.MISSING_AUTHORISATION,
        verify_signature, signature, DOC, roots=[world.root], clock=clock,
        authorisation_check=beijing_office,
    )


def test_other_enterprise_is_refused(world, clock, seal):
    signature = sign(seal, world.outsider, clock)
    error = refused(
        Reason.WRONG_ENTERPRISE, verify_signature, signature, DOC, roots=[world.root], clock=clock
    )
    assert CREDIT_A in error.message


def test_other_document_is_refused(world, clock, seal):
    signature = sign(seal, world.legal_rep, clock)
    refused(
        Reason.BAD_DOCUMENT_HASH,
        verify_signature, signature, DOC + b" ", roots=[world.root], clock=clock,
    )


def test_revoked_licence_is_refused(world, clock, seal):
    signature = sign(seal, world.legal_rep, clock)
    crl_der = make_crl(
        [Revocation(world.legal_rep.cert.serial, T0 + timedelta(days=2))],
        root=world.root,
        root_key=world.root_key,
        number=7,
        this_update=clock(),
        lifetime=timedelta(days=7),
    )
    crl = load_crl(crl_der, world.root)
    refused(
        Reason.REVOKED_LICENCE,
        verify_signature, signature, DOC, roots=[world.root], clock=clock, crl=crl,
    )
    # the same list does not touch anyone else
    other = sign(seal, world.manager, clock)
    verify_signature(other, DOC, roots=[world.root], clock=clock, crl=crl)


def test_expired_seal_is_refused(world, clock):
    short_seal = seal_for(world, clock, valid_end=T0 + timedelta(days=2))
    after = T0 + timedelta(days=2, seconds=1)  # the signer's licence is still valid then
    late = rogue_signature(short_seal, world.legal_rep, gm.sm3(DOC), signed_at=after)
    clock.set(after + timedelta(days=1))
    refused(Reason.SEAL_EXPIRED, verify_signature, late, DOC, roots=[world.root], clock=clock)


def test_seal_not_yet_valid_is_refused(world, clock):
    future_seal = seal_for(world, clock, valid_start=clock() + timedelta(days=10))
    early = rogue_signature(future_seal, world.legal_rep, gm.sm3(DOC), signed_at=clock())
    refused(
        Reason.SEAL_NOT_YET_VALID, verify_signature, early, DOC, roots=[world.root], clock=clock
    )


def test_signing_time_in_the_future_is_refused(world, clock, seal):
    later = clock() + timedelta(hours=1)
    ahead = rogue_signature(seal, world.legal_rep, gm.sm3(DOC), signed_at=later)
    refused(Reason.SIGNED_IN_FUTURE, verify_signature, ahead, DOC, roots=[world.root], clock=clock)


def test_licence_outside_its_window_at_signing_is_refused(world, clock, seal):
    after = world.legal_rep.cert.not_after + timedelta(seconds=1)
    late = rogue_signature(seal, world.legal_rep, gm.sm3(DOC), signed_at=after)
    clock.set(after)
    refused(Reason.BAD_LICENCE, verify_signature, late, DOC, roots=[world.root], clock=clock)


def test_seal_made_by_a_licence_holder_is_refused(world, clock, seal):
    forged = reseal(seal, world.legal_rep.key, world.legal_rep.cert)
    refused(Reason.BAD_SEAL_MAKER, verify_seal, forged, roots=[world.root], clock=clock)
    signature = sign(forged, world.legal_rep, clock)
    refused(
        Reason.BAD_SEAL_MAKER, verify_signature, signature, DOC, roots=[world.root], clock=clock
    )


def test_seal_signed_by_another_key_is_refused(world, clock, seal):
    forged = reseal(seal, gm.SM2PrivateKey.generate(), world.office)
    refused(Reason.BAD_SEAL_SIGNATURE, verify_seal, forged, roots=[world.root], clock=clock)


def test_untrusted_root_is_refused(world, clock, seal):
    stranger = make_root(gm.SM2PrivateKey.generate(), common_name="Other", not_before=T0)
    signature = sign(seal, world.legal_rep, clock)
    refused(Reason.BAD_SEAL_MAKER, verify_seal, seal, roots=[stranger], clock=clock)
    # the signer's licence is checked before the seal, so that is what the signature fails on
    refused(Reason.BAD_LICENCE, verify_signature, signature, DOC, roots=[stranger], clock=clock)


def test_seal_signed_over_seal_info_alone_is_accepted(world, clock, seal):
    """The form ofdrw's v4 example and gm_0031_38540_verifier use: signature over eSealInfo."""
    parsed = SESeal.load(seal)
    parsed["signed_value"] = world.office_key.sign(parsed["e_seal_info"].dump())
    verify_seal(parsed.dump(), roots=[world.root], clock=clock)


def test_seal_without_enterprise_requires_listing(world, clock, seal):
    parsed = SESeal.load(seal)
    del_ext = parsed["e_seal_info"]
    del_ext["ext_datas"] = None
    bare = reseal(parsed.dump(), world.office_key, world.office)
    verify_signature(sign(bare, world.legal_rep, clock), DOC, roots=[world.root], clock=clock)
    refused(
        Reason.SIGNER_NOT_IN_SEAL,
        verify_signature, sign(bare, world.manager, clock), DOC, roots=[world.root], clock=clock,
    )
