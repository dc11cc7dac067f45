"""Every stated limit of the licence rules, reached from both sides, and each refusal on its own
(issue "hostile inputs" §15): mutation testing showed these were only checked through their own
constants, or caught later by another rule."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import gm
from app.core.licence import BadRequest, Conflict, LicenceRequest, Person, Status
from app.core.licence.issuance import HOLDER_VALIDITY, MAX_CLOCK_SKEW
from app.core.licence.request import open_signed_request
from app.core.pki import Mode


@pytest.fixture
def lr(demo, download):
    enterprise, legal_rep, _ = demo
    return download(legal_rep, enterprise)[0]


def _request(demo, clock, key, **changes) -> LicenceRequest:
    enterprise, legal_rep, _ = demo
    fields = dict(credit_code=enterprise.credit_code, registration_place=enterprise.registration_place,
                  holder_name=legal_rep.name, id_number=legal_rep.id_number,
                  device_public_key=key.public_key(), requested_at=clock())
    return LicenceRequest(**{**fields, **changes})


# -- person_mismatch, on its own ---------------------------------------------------------------

@pytest.mark.parametrize("action", ["manager", "agent"])
def test_a_known_id_number_under_another_name_is_refused(authority, demo, lr, action):
    """The ID number is known (the demo's other person); the name is not theirs. Nothing else is
    wrong with the call, so only the person_mismatch rule can refuse it."""
    enterprise, _legal_rep, (known, _) = demo
    authority.person_record(known)  # the authority now holds this ID number under its real name
    impostor = Person("冒名者", known.id_number)
    with pytest.raises(Conflict) as info:
        if action == "manager":
            authority.add_manager(enterprise.credit_code, impostor, by=lr.serial)
        else:
            authority.authorise_agent(enterprise.credit_code, impostor, by=lr.serial, mode=Mode.ALL_BUSINESS)
    assert info.value.reason == "person_mismatch"
    assert authority.managers(enterprise.credit_code) == []
    assert authority.authorisations(enterprise.credit_code) == []


def test_the_same_person_under_their_own_name_is_accepted(authority, demo, lr):
    enterprise, _legal_rep, (known, _) = demo
    authority.person_record(known)
    authority.add_manager(enterprise.credit_code, Person(known.name, known.id_number), by=lr.serial)
    assert len(authority.managers(enterprise.credit_code)) == 1


# -- freshness: the 5-minute window, at its edges ----------------------------------------------

@pytest.mark.parametrize("offset", [-MAX_CLOCK_SKEW, MAX_CLOCK_SKEW], ids=["5 min old", "5 min ahead"])
def test_a_request_just_inside_the_window_is_accepted(authority, demo, clock, offset):
    key = gm.SM2PrivateKey.generate()
    issued = authority.issue_licence(_request(demo, clock, key, requested_at=clock() + offset).sign(key))
    assert issued.serial


@pytest.mark.parametrize("offset", [-MAX_CLOCK_SKEW - timedelta(seconds=1), MAX_CLOCK_SKEW + timedelta(seconds=1)],
                         ids=["5 min 1 s old", "5 min 1 s ahead"])
def test_a_request_just_outside_the_window_is_stale(authority, demo, clock, offset):
    key = gm.SM2PrivateKey.generate()
    with pytest.raises(BadRequest) as info:
        authority.issue_licence(_request(demo, clock, key, requested_at=clock() + offset).sign(key))
    assert info.value.code == "stale_licence_request"
    assert MAX_CLOCK_SKEW == timedelta(minutes=5)


# -- nonce length bounds (16..64 bytes) ---------------------------------------------------------

@pytest.mark.parametrize("size", [16, 64])
def test_nonces_at_the_bounds_are_accepted(demo, clock, size):
    key = gm.SM2PrivateKey.generate()
    opened = open_signed_request(_request(demo, clock, key, nonce=b"n" * size).sign(key))
    assert opened.nonce == b"n" * size


@pytest.mark.parametrize("size", [0, 15, 65])
def test_nonces_past_the_bounds_are_refused(demo, clock, size):
    key = gm.SM2PrivateKey.generate()
    with pytest.raises(BadRequest) as info:
        open_signed_request(_request(demo, clock, key, nonce=b"n" * size).sign(key))
    assert info.value.code == "malformed_request" and "16 to 64" in info.value.message


# -- validity: 365 days for holders, an authorisation ending exactly now ------------------------

def test_legal_representative_and_manager_copies_are_valid_365_days(authority, demo, lr, download, clock):
    enterprise, _legal_rep, (manager, _) = demo
    assert (lr.not_before, lr.not_after) == (clock(), clock() + timedelta(days=365))
    authority.add_manager(enterprise.credit_code, manager, by=lr.serial)
    copy, _ = download(manager, enterprise)
    assert copy.not_after - copy.not_before == timedelta(days=365) == HOLDER_VALIDITY


def test_an_authorisation_ending_exactly_now_is_still_downloadable(authority, demo, lr, download, clock):
    enterprise, _legal_rep, (agent, _) = demo
    grant = authority.authorise_agent(enterprise.credit_code, agent, by=lr.serial, mode=Mode.ALL_BUSINESS)
    clock.set(grant.end)
    assert grant.status(clock()) is Status.ACTIVE
    copy, _ = download(agent, enterprise, grant.authorisation_id)
    assert copy.not_after == grant.end
    clock.set(grant.end + timedelta(seconds=1))
    assert grant.status(clock()) is Status.EXPIRED
