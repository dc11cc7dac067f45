"""The enterprise's known people (managers and agents its holders entered), read by the legal
representative or a manager so the app offers them instead of asking to retype them."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from app.core.client import ServiceError
from app.core.licence import mask_id_number
from app.core.licence.demo import DEMO_ENTERPRISES
from app.core.pki import parse_licence

from .conftest import T0

pytestmark = pytest.mark.slow


def test_managers_and_agents_of_earlier_authorisations_are_listed_for_the_holders(legal_rep, download, demo):
    enterprise, rep, (first, second) = demo
    assert legal_rep.people() == []
    legal_rep.add_manager(first.name, first.id_number, first.mobile)
    legal_rep.authorise(second.name, second.id_number, start=T0, end=T0 + timedelta(days=1))
    newer = legal_rep.authorise(second.name, second.id_number, start=T0 + timedelta(hours=2),
                                end=T0 + timedelta(days=2))
    legal_rep.revoke_authorisation(newer.authorisation_id)  # a revoked one still names a known agent

    people = legal_rep.people()
    assert [(p.name, p.masked_id_number, p.roles) for p in people] == sorted([
        (first.name, mask_id_number(first.id_number), ("manager",)),
        (second.name, mask_id_number(second.id_number), ("agent",)),
    ])
    by_name = {p.name: p for p in people}
    assert by_name[second.name].last_authorised == T0 + timedelta(hours=2)
    assert by_name[first.name].last_authorised is None
    assert rep.name not in by_name  # the legal representative comes from the registry, not listed

    manager = download(first, enterprise)
    assert manager.people() == people  # a manager sees the same list


def test_the_list_never_carries_a_full_id_number(legal_rep, download, demo):
    enterprise, rep, (first, second) = demo
    legal_rep.add_manager(first.name, first.id_number, first.mobile)
    legal_rep.authorise(second.name, second.id_number)
    manager = download(first, enterprise)
    for reader in (legal_rep, manager):
        raw = reader.call("GET", f"/authority/enterprises/{enterprise.credit_code}/people").text
        assert first.name in raw and second.name in raw
        for person in (first, second, rep):
            assert person.id_number not in raw  # not under any key, not in any form
        assert first.mobile not in raw
        assert set(json.loads(raw)[0]) == {"person_id", "name", "masked_id_number", "roles", "last_authorised"}


def test_an_agent_and_another_enterprise_are_refused(legal_rep, download, demo):
    enterprise, _, (first, _second) = demo
    grant = legal_rep.authorise(first.name, first.id_number)
    agent = download(first, enterprise, grant.authorisation_id)
    with pytest.raises(ServiceError) as refused:
        agent.people()
    assert (refused.value.status, refused.value.code) == (403, "role_not_permitted")

    other = DEMO_ENTERPRISES[1].enterprise
    stranger = download(other.legal_representative, other)
    with pytest.raises(ServiceError) as refused:
        stranger.call("GET", f"/authority/enterprises/{enterprise.credit_code}/people")
    assert refused.value.status == 403


def _refused(call, status: int, code: str) -> ServiceError:
    with pytest.raises(ServiceError) as refused:
        call()
    assert (refused.value.status, refused.value.code) == (status, code), refused.value.message
    return refused.value


def test_a_known_person_is_authorised_and_made_a_manager_by_person_id(legal_rep, demo):
    _, _, (first, second) = demo
    legal_rep.authorise(first.name, first.id_number)
    legal_rep.add_manager(second.name, second.id_number, second.mobile)
    known = {p.name: p.person_id for p in legal_rep.people()}

    # A manager authorised as agent, an agent made a manager: by person id, no ID number sent.
    grant = legal_rep.authorise(person_id=known[second.name], matters=["EC-BID-SIGN"])
    assert (grant.agent_person_id, grant.agent_name, grant.matters) == (
        known[second.name], second.name, ("EC-BID-SIGN",))
    manager = legal_rep.add_manager(person_id=known[first.name])
    assert (manager.person_id, manager.name) == (known[first.name], first.name)
    assert manager.masked_id_number == mask_id_number(first.id_number)
    assert {p.person_id: p.roles for p in legal_rep.people()} == {
        known[first.name]: ("manager", "agent"), known[second.name]: ("manager", "agent")}
    # The rules still hold for a person named by id.
    _refused(lambda: legal_rep.add_manager(person_id=known[first.name]), 409, "already_manager")


def test_a_person_is_named_one_way_only(legal_rep, demo):
    _, _, (first, _second) = demo
    legal_rep.authorise(first.name, first.id_number)
    [known] = legal_rep.people()
    path = f"/authority/enterprises/{legal_rep.credit_code}"
    both = {"person_id": known.person_id, "name": first.name, "id_number": first.id_number}
    with_phone = {"person_id": known.person_id, "phone": first.mobile}  # the stored one is used
    for body in (both, with_phone, {"name": first.name}, {}):
        _refused(lambda b=body: legal_rep.call("POST", f"{path}/managers", b), 422, "invalid_request")
        _refused(lambda b=body: legal_rep.call("POST", f"{path}/authorisations", {**b, "mode": "all_business"}),
                 422, "invalid_request")


def test_a_person_id_unknown_to_the_enterprise_is_refused(legal_rep, download, demo):
    enterprise, rep, (first, _second) = demo
    other = DEMO_ENTERPRISES[1]
    other_rep = download(other.enterprise.legal_representative, other.enterprise)
    other_rep.authorise(other.others[0].name, other.others[0].id_number)
    [theirs] = other_rep.people()
    legal_rep.authorise(first.name, first.id_number)
    own = parse_licence(legal_rep.certificate).person_id  # the legal representative: not listed

    for person_id in (theirs.person_id, own, "P-0000000000000000"):
        refused = _refused(lambda p=person_id: legal_rep.authorise(person_id=p), 404, "unknown_person")
        assert enterprise.credit_code in refused.message
        assert other.others[0].name not in refused.message  # nothing of the other enterprise's person
        _refused(lambda p=person_id: legal_rep.add_manager(person_id=p), 404, "unknown_person")
    assert [p.name for p in legal_rep.people()] == [first.name]  # nobody added on the way
