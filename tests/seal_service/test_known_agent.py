"""A seal authorisation names the agent by the person id the enterprise's people list gives, so
the app never needs the agent's full ID number; the office's rule is the same as by name and ID
number: an agent of one of the enterprise's authorisations, else refused."""

from __future__ import annotations

import pytest

from app.core.client import ServiceError
from app.core.client.seal import SealClient
from app.core.licence.demo import DEMO_ENTERPRISES

from .kit import make_seal

pytestmark = pytest.mark.slow


def _refused(call, status: int, code: str) -> ServiceError:
    with pytest.raises(ServiceError) as refused:
        call()
    assert (refused.value.status, refused.value.code) == (status, code), refused.value.message
    return refused.value


def test_a_seal_is_authorised_to_a_known_agent_by_person_id(rep_seals, legal_rep, download, service, png, demo):
    _, _, (agent, manager) = demo
    seal_id = make_seal(rep_seals, service, png)
    legal_rep.authorise(agent.name, agent.id_number)
    legal_rep.add_manager(manager.name, manager.id_number)
    known = {p.name: p.person_id for p in legal_rep.people()}

    grant = rep_seals.authorise_seal(seal_id, person_id=known[agent.name])
    assert (grant.agent_person_id, grant.agent_name, grant.status) == (known[agent.name], agent.name, "active")
    assert [g.authorisation_id for g in rep_seals.seal_authorisations()] == [grant.authorisation_id]

    # Known, but a manager only: not an agent, as by name and ID number.
    refused = _refused(lambda: rep_seals.authorise_seal(seal_id, person_id=known[manager.name]),
                       404, "unknown_agent")
    assert manager.name in refused.message

    other = DEMO_ENTERPRISES[1]
    other_rep = download(other.enterprise.legal_representative, other.enterprise)
    other_rep.authorise(other.others[0].name, other.others[0].id_number)
    [theirs] = other_rep.people()  # an agent, of another enterprise
    for person_id in (theirs.person_id, "P-0000000000000000"):
        refused = _refused(lambda p=person_id: rep_seals.authorise_seal(seal_id, person_id=p),
                           404, "unknown_person")
        assert other.others[0].name not in refused.message
    both = {"person_id": known[agent.name], "agent_name": agent.name, "agent_id_number": agent.id_number}
    _refused(lambda: legal_rep.call("POST", f"/seal-office/seals/{seal_id}/authorisations", both),
             422, "invalid_request")
    assert len(SealClient(legal_rep).seal_authorisations()) == 1
