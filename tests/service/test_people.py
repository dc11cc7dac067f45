"""The enterprise's known people (managers and agents its holders entered), read by the legal
representative or a manager so the app offers them instead of asking to retype them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.client import ServiceError
from app.core.licence import mask_id_number
from app.core.licence.demo import DEMO_ENTERPRISES

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
    assert [(p.name, p.id_number, p.masked_id_number, p.roles) for p in people] == sorted([
        (first.name, first.id_number, mask_id_number(first.id_number), ("manager",)),
        (second.name, second.id_number, mask_id_number(second.id_number), ("agent",)),
    ])
    by_name = {p.name: p for p in people}
    assert by_name[second.name].last_authorised == T0 + timedelta(hours=2)
    assert by_name[first.name].last_authorised is None
    assert rep.name not in by_name  # the legal representative comes from the registry, not listed

    manager = download(first, enterprise)
    assert manager.people() == people  # a manager sees the same list


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
