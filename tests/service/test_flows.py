"""End to end through the client against the real service: licences, managers, agents, bids."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.client import ServiceError
from app.core.errors import VerificationFailed
from app.core.licence import FULL_BIDDING
from app.core.licence.demo import DEMO_ENTERPRISES
from app.core.pki import Role, parse_licence, verify_licence

from .conftest import PROJECT, T0

pytestmark = pytest.mark.slow


def _refused(excinfo, status: int, code: str) -> None:
    assert (excinfo.value.status, excinfo.value.code) == (status, code), excinfo.value.message


def test_legal_representative_download_is_a_verifiable_licence(client, legal_rep, demo, clock):
    enterprise, rep, _ = demo
    info = verify_licence(legal_rep.certificate, client.root_certificate(), at=clock())
    assert (info.role, info.credit_code, info.holder_name) == (
        Role.LEGAL_REPRESENTATIVE, enterprise.credit_code, rep.name,
    )
    assert legal_rep.certificate.public_key() == legal_rep.key.public_key()


def test_managers_up_to_five_then_refused_and_removed_manager_stops(legal_rep, download, demo):
    enterprise, _, others = demo
    extra = [p.enterprise.legal_representative for p in DEMO_ENTERPRISES[1:]]
    people = others + [o for d in DEMO_ENTERPRISES[1:] for o in d.others] + extra
    for person in people[:5]:
        legal_rep.add_manager(person.name, person.id_number, person.mobile)
    assert len(legal_rep.managers()) == 5
    with pytest.raises(ServiceError) as excinfo:
        legal_rep.add_manager(people[5].name, people[5].id_number)
    _refused(excinfo, 409, "too_many_managers")
    assert "at most 5 licence managers" in excinfo.value.message

    manager = download(people[0], enterprise)
    assert parse_licence(manager.certificate).role is Role.MANAGER
    assert len(manager.managers()) == 5  # a manager may act while they are one
    removed = next(m for m in legal_rep.managers() if m.name == people[0].name)
    revoked = legal_rep.remove_manager(removed.person_id)
    assert revoked == [format(manager.certificate.serial, "x")]
    with pytest.raises(ServiceError) as excinfo:
        manager.managers()
    _refused(excinfo, 403, "revoked")
    assert len(legal_rep.managers()) == 4


def test_agent_for_specific_matters_with_a_future_window(client, legal_rep, download, demo, clock, bid_file):
    enterprise, _, others = demo
    agent_person = others[0]
    start, end = T0 + timedelta(days=1), T0 + timedelta(days=6)
    grant = legal_rep.authorise(agent_person.name, agent_person.id_number, matters=[FULL_BIDDING],
                                start=start, end=end)
    assert (grant.status, grant.matters) == ("not_yet_valid", (FULL_BIDDING,))
    agent = download(agent_person, enterprise)  # downloadable before its window
    terms = parse_licence(agent.certificate).terms
    assert (terms.role, terms.not_before, terms.not_after) == (Role.AGENT, start, end)

    container, signature = bid_file(agent)
    with pytest.raises(ServiceError) as excinfo:
        agent.submit_bid(container, signature, project=PROJECT, section="1")
    _refused(excinfo, 403, "not_yet_valid")

    clock.advance(days=2)
    receipt = agent.submit_bid(container, signature, project=PROJECT, section="1")
    signed = receipt.verify(client.platform_certificate())
    assert signed["credit_code"] == enterprise.credit_code
    # Every field the app shows is a signed one: an answer whose unsigned copy says another
    # project, section, name or time is refused (issue trust and time §5).
    for change in ({"project": "OTHER-PROJECT"}, {"section": "9"}, {"file_name": "价格更低.bidx"},
                   {"received_at": receipt.received_at - timedelta(days=1)}):
        with pytest.raises(VerificationFailed, match="signed fields differ"):
            receipt.model_copy(update=change).verify(client.platform_certificate())
    assert receipt.size == container.stat().st_size
    assert [r.submission_id for r in agent.submissions()] == [receipt.submission_id]

    clock.advance(days=3, seconds=1)  # past the deadline (T0 + 5 days)
    with pytest.raises(ServiceError) as excinfo:
        agent.submit_bid(container, signature, project=PROJECT, section="1")
    _refused(excinfo, 403, "deadline_passed")
    assert len(agent.submissions()) == 1  # the refused upload left nothing behind


def test_bid_fetched_back_only_after_the_opening(legal_rep, clock, bid_file, tmp_path):
    container, signature = bid_file(legal_rep, section="2")
    receipt = legal_rep.submit_bid(container, signature, project=PROJECT, section="2")
    with pytest.raises(ServiceError) as excinfo:
        legal_rep.fetch_bid(receipt.submission_id, tmp_path / "back.bidx")
    _refused(excinfo, 403, "not_opened")
    assert not (tmp_path / "back.bidx").exists()
    clock.advance(days=5, hours=1)
    back = legal_rep.fetch_bid(receipt.submission_id, tmp_path / "back.bidx")
    assert back.read_bytes() == container.read_bytes()


def test_revoked_authorisation_and_all_business_agent(legal_rep, download, demo):
    enterprise, _, others = demo
    grant = legal_rep.authorise(others[1].name, others[1].id_number)
    assert grant.mode == "all_business" and grant.end - grant.start == timedelta(days=3)
    agent = download(others[1], enterprise)
    assert agent.keys() == []
    assert legal_rep.revoke_authorisation(grant.authorisation_id) == [
        format(agent.certificate.serial, "x")
    ]
    with pytest.raises(ServiceError) as excinfo:
        agent.keys()
    _refused(excinfo, 403, "revoked")


def test_key_registry_records_each_device_key_once(legal_rep):
    from app.core import gm

    device = gm.SM2PrivateKey.generate().public_key()
    first = legal_rep.register_key(device, "office PC")
    again = legal_rep.register_key(device, "office PC")
    assert first.key_id == again.key_id
    assert [k.key_id for k in legal_rep.keys()] == [first.key_id]
    assert gm.load_public_key(first.public_key) == device


def test_public_lookups(client, demo):
    enterprise, _, _ = demo
    assert enterprise.registration_place in client.registration_places()
    assert client.enterprise(enterprise.credit_code).name == enterprise.name
    with pytest.raises(ServiceError) as excinfo:
        client.enterprise("91350100M000100Y43")
    _refused(excinfo, 404, "unknown_enterprise")
    assert PROJECT in [p.code for p in client.projects()]
    assert any(m.code == FULL_BIDDING for m in client.matters())
