"""The licence rules, case by case, through the Authority with a settable clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from app.core import gm
from app.core.licence import (
    DEFAULT_WINDOW,
    FULL_BIDDING,
    BadRequest,
    Conflict,
    LicenceRefused,
    LicenceRequest,
    NotAuthorised,
    NotFound,
    Person,
    RealNameFailed,
    Status,
    id_number_check_digit,
)
from app.core.licence.demo import DEMO_ENTERPRISES
from app.core.licence.request import _SignedRequest
from app.core.pki import Certificate, CertificateInvalid, Mode, Role, load_crl, verify_licence


def _id(body: str) -> str:
    return body + id_number_check_digit(body)


EXTRA_PEOPLE = [  # fictitious
    Person(name, _id(f"1101081970{month:02d}0100{month}"))
    for month, name in enumerate(
        ["赵演示", "钱演示", "孙演示", "吴演示", "郑演示", "冯演示"], start=1
    )
]


@pytest.fixture
def lr(demo, download):
    enterprise, legal_rep, _ = demo
    return download(legal_rep, enterprise)[0]


# -- first download and real-name --------------------------------------------------------------


def test_legal_representative_downloads_first(authority, demo, lr):
    assert lr.role is Role.LEGAL_REPRESENTATIVE and lr.status(authority.now()) is Status.ACTIVE
    assert authority.check(lr.serial, credit_code=demo[0].credit_code, matter="TAX-DECLARE").allowed


def test_nobody_else_downloads_before_the_legal_representative(authority, demo, download):
    enterprise, _legal_rep, (agent, _) = demo
    # The person is known to the registry, but no licence of the enterprise exists yet.
    authority.person_record(agent)
    with pytest.raises(LicenceRefused) as info:
        download(agent, enterprise)
    assert info.value.reason == "first_download_by_legal_representative"


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"name": "张演示错"}, "identity_mismatch"),
        ({"id_number": _id("11010819800101002")}, "identity_mismatch"),  # valid, but another person
    ],
)
def test_real_name_mismatch_is_refused(demo, download, change, reason):
    enterprise, legal_rep, _ = demo
    impostor = replace(legal_rep, **change)
    with pytest.raises(RealNameFailed) as info:
        download(impostor, enterprise)
    assert info.value.reason == reason


def test_real_name_at_the_wrong_registration_place_is_refused(demo, download):
    enterprise, legal_rep, _ = demo
    with pytest.raises(RealNameFailed) as info:
        download(legal_rep, enterprise, place="上海市浦东新区")
    assert info.value.reason == "wrong_registration_place"


def test_unknown_enterprise(authority, demo, download):
    _enterprise, legal_rep, _ = demo
    with pytest.raises(NotFound):
        download(
            legal_rep, replace(DEMO_ENTERPRISES[0].enterprise, credit_code="91350100M000100Y43")
        )


# -- proof of possession -----------------------------------------------------------------------


def _request(demo, clock, key, **changes) -> LicenceRequest:
    enterprise, legal_rep, _ = demo
    fields = dict(
        credit_code=enterprise.credit_code,
        registration_place=enterprise.registration_place,
        holder_name=legal_rep.name,
        id_number=legal_rep.id_number,
        device_public_key=key.public_key(),
        requested_at=clock(),
    )
    return LicenceRequest(**{**fields, **changes})


def test_request_signed_by_another_key_is_refused(authority, demo, clock):
    device, thief = gm.SM2PrivateKey.generate(), gm.SM2PrivateKey.generate()
    signed = bytearray(_request(demo, clock, device).sign(device))
    signed[-5] ^= 1  # corrupt the signature
    with pytest.raises(BadRequest) as info:
        authority.issue_licence(bytes(signed))
    assert info.value.reason in ("bad_proof_of_possession", "malformed_request")
    with pytest.raises(Exception, match="signed with the key"):
        _request(demo, clock, device).sign(thief)


def test_request_for_someone_elses_key_fails_proof(authority, demo, clock):
    # An attacker names the victim's public key but can only sign with their own key.
    victim, attacker = gm.SM2PrivateKey.generate(), gm.SM2PrivateKey.generate()
    body = _SignedRequest.load(_request(demo, clock, victim).sign(victim))["request"]
    forged = _SignedRequest({"request": body, "signature": attacker.sign(body.dump())}).dump()
    with pytest.raises(BadRequest) as info:
        authority.issue_licence(forged)
    assert info.value.reason == "bad_proof_of_possession"


def test_replayed_and_stale_requests_are_refused(authority, demo, clock):
    key = gm.SM2PrivateKey.generate()
    signed = _request(demo, clock, key).sign(key)
    authority.issue_licence(signed)
    with pytest.raises(Conflict) as info:
        authority.issue_licence(signed)
    assert info.value.code == "replayed_licence_request"
    old = _request(demo, clock, key, requested_at=clock() - timedelta(minutes=6)).sign(key)
    with pytest.raises(BadRequest) as info:
        authority.issue_licence(old)
    assert info.value.code == "stale_licence_request"


# -- managers ------------------------------------------------------------------------------------


def test_five_managers_and_the_sixth_is_refused(authority, demo, lr):
    enterprise = demo[0]
    for person in EXTRA_PEOPLE[:5]:
        authority.add_manager(enterprise.credit_code, person, by=lr.serial)
    assert len(authority.managers(enterprise.credit_code)) == 5
    with pytest.raises(Conflict) as info:
        authority.add_manager(enterprise.credit_code, EXTRA_PEOPLE[5], by=lr.serial)
    assert info.value.reason == "too_many_managers"
    assert "remove one" in info.value.message
    authority.remove_manager(
        enterprise.credit_code,
        authority.managers(enterprise.credit_code)[0].person_id,
        by=lr.serial,
    )
    authority.add_manager(enterprise.credit_code, EXTRA_PEOPLE[5], by=lr.serial)
    assert len(authority.managers(enterprise.credit_code)) == 5


def test_only_the_legal_representative_adds_managers(authority, demo, lr, download):
    enterprise, _legal_rep, (manager, other) = demo
    authority.add_manager(enterprise.credit_code, manager, by=lr.serial)
    mg, _ = download(manager, enterprise)
    with pytest.raises(LicenceRefused) as info:
        authority.add_manager(enterprise.credit_code, other, by=mg.serial)
    assert info.value.reason == "role_not_permitted"
    with pytest.raises(Conflict):
        authority.add_manager(enterprise.credit_code, manager, by=lr.serial)


def test_removing_a_manager_revokes_every_copy_they_downloaded(
    authority, demo, lr, download, clock
):
    enterprise, _legal_rep, (manager, agent) = demo
    record = authority.add_manager(enterprise.credit_code, manager, by=lr.serial)
    copies = [download(manager, enterprise)[0] for _ in range(2)]
    grant = authority.authorise_agent(
        enterprise.credit_code, agent, by=copies[0].serial, mode=Mode.ALL_BUSINESS
    )
    agent_copy, _ = download(agent, enterprise, grant.authorisation_id)
    clock.advance(seconds=10)
    revoked = authority.remove_manager(enterprise.credit_code, record.person_id, by=lr.serial)
    assert sorted(revoked) == sorted(c.serial for c in copies)
    for copy in copies:
        decision = authority.check(
            copy.serial, credit_code=enterprise.credit_code, matter=FULL_BIDDING
        )
        assert decision.reason.value == "revoked"
    # The legal representative's and the agent's copies are untouched.
    assert authority.check(
        lr.serial, credit_code=enterprise.credit_code, matter=FULL_BIDDING
    ).allowed
    assert authority.check(
        agent_copy.serial, credit_code=enterprise.credit_code, matter=FULL_BIDDING
    ).allowed
    with pytest.raises(LicenceRefused):  # and they can no longer download as a manager
        download(manager, enterprise)
    # Devices learn it from the published revocation list.
    crl = load_crl(authority.publish_crl(), authority.root)
    assert sorted(crl.revoked) == sorted(revoked)
    with pytest.raises(CertificateInvalid) as info:
        verify_licence(
            Certificate.load(copies[1].certificate_der), authority.root, at=clock(), revocations=crl
        )
    assert info.value.reason == "revoked"


# -- agent authorisations ----------------------------------------------------------------------


def test_default_window_is_three_days_from_now(authority, demo, lr, clock):
    enterprise, _legal_rep, (agent, _) = demo
    grant = authority.authorise_agent(
        enterprise.credit_code, agent, by=lr.serial, mode=Mode.ALL_BUSINESS
    )
    assert (grant.start, grant.end) == (clock(), clock() + DEFAULT_WINDOW)
    assert DEFAULT_WINDOW == timedelta(days=3)


def test_window_edges_at_the_exact_second(authority, demo, lr, download, clock):
    enterprise, _legal_rep, (agent, _) = demo
    start, end = clock() + timedelta(hours=1), clock() + timedelta(hours=5)
    grant = authority.authorise_agent(
        enterprise.credit_code,
        agent,
        by=lr.serial,
        mode=Mode.SPECIFIC,
        matters=[FULL_BIDDING],
        start=start,
        end=end,
    )
    copy, _ = download(agent, enterprise, grant.authorisation_id)  # not yet started: downloadable
    assert (copy.not_before, copy.not_after) == (start, end)

    def reason_at(moment):
        clock.set(moment)
        decision = authority.check(
            copy.serial, credit_code=enterprise.credit_code, matter=FULL_BIDDING
        )
        return "allowed" if decision.allowed else decision.reason.value

    assert reason_at(start - timedelta(seconds=1)) == "not_yet_valid"
    assert reason_at(start) == "allowed"
    assert reason_at(end) == "allowed"
    assert reason_at(end + timedelta(seconds=1)) == "expired"


def test_not_yet_valid_authorisation_is_downloaded_and_refused_until_start(
    authority, demo, lr, download, clock
):
    enterprise, _legal_rep, (agent, _) = demo
    start = clock() + timedelta(days=1)
    grant = authority.authorise_agent(
        enterprise.credit_code,
        agent,
        by=lr.serial,
        mode=Mode.SPECIFIC,
        matters=[FULL_BIDDING],
        start=start,
    )
    assert grant.end == start + DEFAULT_WINDOW and grant.status(clock()) is Status.NOT_YET_VALID
    copy, _ = download(agent, enterprise)
    decision = authority.check(copy.serial, credit_code=enterprise.credit_code, matter=FULL_BIDDING)
    assert decision.reason.value == "not_yet_valid" and start.isoformat() in decision.message
    with pytest.raises(NotAuthorised) as info:
        decision.require()
    assert isinstance(info.value, NotAuthorised) and info.value.code == "not_yet_valid"
    clock.set(start)
    authority.check(copy.serial, credit_code=enterprise.credit_code, matter=FULL_BIDDING).require()


def test_refusal_reasons_for_matter_and_enterprise(authority, demo, lr, download):
    enterprise, _legal_rep, (agent, _) = demo
    grant = authority.authorise_agent(
        enterprise.credit_code, agent, by=lr.serial, mode=Mode.SPECIFIC, matters=[FULL_BIDDING]
    )
    copy, _ = download(agent, enterprise, grant.authorisation_id)
    assert authority.check(
        copy.serial, credit_code=enterprise.credit_code, matter=FULL_BIDDING
    ).allowed
    other = authority.check(copy.serial, credit_code=enterprise.credit_code, matter="TAX-DECLARE")
    assert other.reason.value == "matter_not_authorised" and "TAX-DECLARE" in other.message
    elsewhere = authority.check(
        copy.serial, credit_code=DEMO_ENTERPRISES[1].enterprise.credit_code, matter=FULL_BIDDING
    )
    assert elsewhere.reason.value == "wrong_enterprise"


def test_all_business_covers_every_matter(authority, demo, lr, download):
    enterprise, _legal_rep, (agent, _) = demo
    grant = authority.authorise_agent(
        enterprise.credit_code, agent, by=lr.serial, mode=Mode.ALL_BUSINESS
    )
    copy, _ = download(agent, enterprise, grant.authorisation_id)
    for matter in authority.catalogue:
        assert authority.check(
            copy.serial, credit_code=enterprise.credit_code, matter=matter.code
        ).allowed


def test_revoked_authorisation_revokes_its_copies_and_blocks_download(
    authority, demo, lr, download, clock
):
    enterprise, _legal_rep, (agent, _) = demo
    grant = authority.authorise_agent(
        enterprise.credit_code, agent, by=lr.serial, mode=Mode.ALL_BUSINESS
    )
    copy, _ = download(agent, enterprise, grant.authorisation_id)
    assert authority.revoke_authorisation(grant.authorisation_id, by=lr.serial) == [copy.serial]
    assert (
        authority.check(
            copy.serial, credit_code=enterprise.credit_code, matter=FULL_BIDDING
        ).reason.value
        == "revoked"
    )
    with pytest.raises(NotAuthorised) as info:
        download(agent, enterprise, grant.authorisation_id)
    assert info.value.reason == "revoked"


def test_expired_authorisation_cannot_be_downloaded(authority, demo, lr, download, clock):
    enterprise, _legal_rep, (agent, _) = demo
    grant = authority.authorise_agent(
        enterprise.credit_code, agent, by=lr.serial, mode=Mode.ALL_BUSINESS
    )
    clock.set(grant.end + timedelta(seconds=1))
    with pytest.raises(NotAuthorised) as info:
        download(agent, enterprise, grant.authorisation_id)
    assert info.value.reason == "expired"
    with pytest.raises(LicenceRefused) as info:
        download(agent, enterprise)
    assert info.value.reason == "no_authorisation"


def test_agents_cannot_authorise_and_bad_grants_are_refused(authority, demo, lr, download, clock):
    enterprise, _legal_rep, (agent, other) = demo
    grant = authority.authorise_agent(
        enterprise.credit_code, agent, by=lr.serial, mode=Mode.ALL_BUSINESS
    )
    copy, _ = download(agent, enterprise, grant.authorisation_id)
    with pytest.raises(LicenceRefused) as info:
        authority.authorise_agent(
            enterprise.credit_code, other, by=copy.serial, mode=Mode.ALL_BUSINESS
        )
    assert info.value.reason == "role_not_permitted"
    bad = [
        dict(mode=Mode.SPECIFIC, matters=[]),
        dict(mode=Mode.ALL_BUSINESS, matters=[FULL_BIDDING]),
        dict(mode=Mode.ALL_BUSINESS, start=clock(), end=clock()),
        dict(
            mode=Mode.ALL_BUSINESS,
            start=clock() - timedelta(days=5),
            end=clock() - timedelta(days=1),
        ),
    ]
    for kwargs in bad:
        with pytest.raises(BadRequest):
            authority.authorise_agent(enterprise.credit_code, other, by=lr.serial, **kwargs)
    with pytest.raises(Exception, match="Unknown matter"):
        authority.authorise_agent(
            enterprise.credit_code,
            other,
            by=lr.serial,
            mode=Mode.SPECIFIC,
            matters=["NO-SUCH-MATTER"],
        )


def test_an_expired_licence_cannot_act(authority, demo, lr, clock):
    enterprise, _legal_rep, (manager, _) = demo
    clock.set(lr.not_after + timedelta(seconds=1))
    with pytest.raises(NotAuthorised) as info:
        authority.add_manager(enterprise.credit_code, manager, by=lr.serial)
    assert info.value.reason == "expired"


def test_several_authorisations_need_a_choice(authority, demo, lr, download, clock):
    enterprise, _legal_rep, (agent, _) = demo
    first = authority.authorise_agent(
        enterprise.credit_code, agent, by=lr.serial, mode=Mode.ALL_BUSINESS
    )
    authority.authorise_agent(
        enterprise.credit_code, agent, by=lr.serial, mode=Mode.SPECIFIC, matters=[FULL_BIDDING]
    )
    with pytest.raises(Conflict) as info:
        download(agent, enterprise)
    assert info.value.reason == "choose_authorisation"
    copy, _ = download(agent, enterprise, first.authorisation_id)
    assert copy.grant_id == first.authorisation_id
    assert [a.authorisation_id for a in authority.authorisations(enterprise.credit_code)][
        0
    ] == first.authorisation_id


def test_revocation_reasons_are_checked(authority, demo, lr):
    with pytest.raises(BadRequest) as info:
        authority.revoke_licence(lr.serial, by=lr.serial, reason="lost it")
    assert info.value.reason == "bad_reason"
    authority.revoke_licence(lr.serial, by=lr.serial, reason="key_compromise")
    assert authority.licence(lr.serial).revocation_reason == "key_compromise"
