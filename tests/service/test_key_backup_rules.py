"""Key backup's refusals against the real service, in process, on the service's settable clock
(docs/protocols/key-backup.md §4–§6): each refused with its reason, and nothing half done on
either device. Devices are real keystores that downloaded their licences from the service."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import gm
from app.core.bidding import apply_for_key
from app.core.client import ServiceError
from app.core.client.wallet import download_licence, holder_for
from app.core.errors import Refused
from app.core.keybackup import flows, guard
from app.core.keybackup import frame as fr
from app.core.keystore import Keystore, NullUnlockCache
from app.core.licence import id_number_check_digit
from app.core.licence.demo import DEMO_ENTERPRISES

pytestmark = pytest.mark.slow

PASSWORD = b"correct horse"
DEMO = DEMO_ENTERPRISES[0]
ENTERPRISE, REP = DEMO.enterprise, DEMO.enterprise.legal_representative
MANAGER, AGENT = DEMO.others
OTHER = DEMO_ENTERPRISES[1].enterprise
NAMESAKE_ID = "11010819800101002"  # another 张演示: + check digit


@pytest.fixture
def device(client, clock, tmp_path):
    """``device(name, person, enterprise=…, key=True)`` -> flows.Device with its own keystore,
    a licence downloaded from the service and (with ``key``) a registered key."""
    opened = []

    def make(name, person, enterprise=ENTERPRISE, *, key=True):
        store = Keystore.open(tmp_path / f"{name}.sqlite", unlock_cache=NullUnlockCache(), clock=clock)
        opened.append(store)
        unlocked = store.initialise(PASSWORD)
        info = download_licence(
            client, store, unlocked, place=enterprise.registration_place,
            credit_code=enterprise.credit_code, name=person.name, id_number=person.id_number,
            phone=person.mobile,
        )
        holder = holder_for(client, store, unlocked, info.id, purpose="test")
        found = flows.Device(store, unlocked, holder, info.id)
        found.key = apply_for_key(holder, store, unlocked, info.id, name).registry_id if key else None
        return found

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def pair(device):
    """A (legal representative) and B (a manager), each with a key; A's key backed up to B."""
    a = device("a", REP)
    a.holder.add_manager(MANAGER.name, MANAGER.id_number, MANAGER.mobile)
    b = device("b", MANAGER)
    return a, b


def backed_up(a, b, *, wait_hours=0):
    package, _ = flows.send_backup(a, a.key, b.key, wait_hours=wait_hours)
    _, frame = flows.fetch(b, package, fr.Kind.BACKUP)
    flows.verify_backup(b, frame)
    b.mailbox.delete(package)
    (ack,) = flows.inbox(a)
    assert ack.status == "backup verified by its holder"
    assert [s.state for s in a.store.backups.sent_backups()][-1] == "verified"
    return package


def refused(code, call, *args, **kwargs):
    with pytest.raises(Refused) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, caught.value.message
    return caught.value


def test_a_backup_only_goes_to_a_registered_key_of_the_same_enterprise(pair, device):
    a, b = pair
    stranger = device("c", OTHER.legal_representative, OTHER)
    a.holder.authorise(AGENT.name, AGENT.id_number)
    device("agent", AGENT, key=False)  # a live licence, no key yet

    refused("other_enterprise", flows.send_backup, a, a.key, stranger.key)
    found = a.mailbox.candidates(a.key)
    assert [r.record_id for r in found.records] == [b.key]
    assert [(p.name, p.role) for p in found.without_key] == [(AGENT.name, "agent")]
    error = refused("no_registered_key", flows.send_backup, a, a.key, found.without_key[0].person_id)
    assert AGENT.name in error.message and "apply for a key" in error.message
    assert a.store.backups.sent_backups() == []  # nothing recorded for a refused backup
    assert stranger.mailbox.inbox(stranger.key) == []


def test_an_altered_package_is_refused_and_nothing_is_kept(pair):
    a, b = pair
    raw, _ = flows.make_backup(a, a.key, b.key)
    frame = fr.parse(raw)
    header_at = raw.index(frame.header_bytes)
    sealed_at = header_at + len(frame.header_bytes) + 4
    for position in (sealed_at + 40, len(raw) - len(frame.signature) - 3, header_at + 20):
        altered = bytearray(raw)
        altered[position] ^= 0x01
        with pytest.raises(Refused) as caught:
            flows.verify_backup(b, fr.parse(bytes(altered)))
        assert caught.value.code in ("bad_message_signature", "malformed_message")
        with pytest.raises(ServiceError):  # the relay refuses it too
            a.mailbox.post(bytes(altered))
    assert b.store.backups.held_keys() == []
    flows.verify_backup(b, frame)  # the unaltered package, carried as a file (offline transport)
    (held,) = b.store.backups.held_keys()
    assert held.registry_id == a.key
    b.unlocked = b.store.change_password(PASSWORD, b"another horse")  # held copies re-encrypted too
    key = b.store.backups.held_private_key(held.id, b.unlocked, purpose="test")
    assert key.public_key() == a.store.get_encryption_key(1).public_key
    assert [s.holder_key for s in a.mailbox.backups(a.key) if s.counts] == [b.key]


def test_replayed_and_expired_messages_are_refused(pair, device, clock):
    a, b = pair
    backed_up(a, b)
    a2 = device("a2", REP)
    request = flows.request_recovery(a2, a.key, b.key)
    _, frame = flows.fetch(b, request, fr.Kind.REQUEST)
    grant, _ = flows.confirm_recovery(b, request)
    refused("message_replayed", flows.check_request, b, frame)  # the same request again
    assert flows.confirm_recovery(b, request)[0] == grant  # a retry sends no second grant

    _, granted = flows.fetch(a2, grant, fr.Kind.GRANT)
    flows.take_grant(a2, granted)
    refused("message_replayed", flows.take_grant, a2, granted)
    assert [k.origin for k in a2.store.list_encryption_keys()] == ["own", "recovered"]
    (again,) = flows.inbox(a2)  # still at the relay, as after a crash before the delete
    assert again.status == "already taken on this device (message_replayed)"
    assert a2.mailbox.inbox(a2.key) == []

    late = flows.request_recovery(a2, a.key, b.key)
    _, frame = flows.fetch(b, late, fr.Kind.REQUEST)
    clock.advance(timedelta(days=1, seconds=1))
    refused("message_expired", flows.check_request, b, frame)
    refused("unknown_message", flows.confirm_recovery, b, late)  # the relay dropped it
    assert [r.state for r in b.store.backups.recoveries()] == ["granted"]


def test_recovery_needs_the_same_person_and_the_backup_holder(pair, device):
    a, b = pair
    backed_up(a, b)
    namesake = NAMESAKE_ID + id_number_check_digit(NAMESAKE_ID)
    a.holder.add_manager(REP.name, namesake)  # another 张演示, another ID number
    impostor = device("impostor", type(REP)(REP.name, namesake))
    request = flows.request_recovery(impostor, a.key, b.key)
    error = refused("not_same_person", flows.confirm_recovery, b, request)
    assert "110108********0015" in error.message  # the owner's masked ID number, not the impostor's
    assert b.store.backups.recoveries() == [] and impostor.mailbox.inbox(impostor.key) == []

    a.holder.authorise(AGENT.name, AGENT.id_number)
    c = device("c", AGENT)
    a2 = device("a2", REP)
    request = flows.request_recovery(a2, a.key, b.key)
    refused("unknown_message", flows.confirm_recovery, c, request)  # not addressed to C
    _, frame = flows.fetch(b, request, fr.Kind.REQUEST)
    refused("not_backup_holder", flows.check_request, c, frame)  # and C holds no copy anyway
    assert c.store.backups.recoveries() == []


def test_a_veto_inside_the_waiting_period_stops_the_grant(pair, device, clock):
    a, b = pair
    backed_up(a, b, wait_hours=2)
    a2 = device("a2", REP)
    request = flows.request_recovery(a2, a.key, b.key)
    grant, not_before = flows.confirm_recovery(b, request)
    assert not_before == clock() + timedelta(hours=2)
    assert a2.mailbox.inbox(a2.key) == []  # held back by the relay
    (notice,) = flows.inbox(a)
    assert notice.meta.message_id == grant and not notice.meta.addressed and "veto" in notice.status

    clock.advance(timedelta(hours=1))
    flows.veto(a, grant)
    clock.advance(timedelta(hours=2))
    assert flows.inbox(a2) == []  # never delivered
    assert [k.origin for k in a2.store.list_encryption_keys()] == ["own"]
    (taken,) = flows.inbox(b)
    assert taken.status == "recovery vetoed by the owner"
    assert [r.state for r in b.store.backups.recoveries()] == ["vetoed"]

    request = flows.request_recovery(a2, a.key, b.key)
    grant, _ = flows.confirm_recovery(b, request)
    clock.advance(timedelta(hours=2, seconds=1))
    refused("veto_too_late", flows.veto, a, grant)
    (entry,) = flows.inbox(a2)
    assert entry.status == "key recovered on this device"


def test_a_revoked_holder_licence_means_the_backup_no_longer_counts(pair):
    a, b = pair
    backed_up(a, b)
    (state,) = a.mailbox.backups(a.key)
    assert (state.holder_key, state.state, state.counts) == (b.key, "verified", True)
    a.holder.revoke_licence(format(b.holder.certificate.serial, "x"))
    (state,) = a.mailbox.backups(a.key)
    assert (state.state, state.counts) == ("revoked", False)
    assert a.mailbox.candidates(a.key).records == ()  # nor can B receive a new one


def test_the_owner_withdraws_a_backup_and_the_holders_copy_is_deleted(pair, device):
    """备份撤回 (docs/protocols/key-backup.md §3): at once it no longer counts on the owner's device
    and at the relay; the holder's device deletes its copy when it takes the withdrawal; a
    withdrawal from anyone but the owner is refused by the relay."""
    a, b = pair
    backed_up(a, b)
    (key,) = [k for k in a.store.list_encryption_keys() if k.registry_id == a.key]
    assert guard.online_protection(a.holder, a.store, key).protected
    refused("unknown_backup", flows.withdraw_backup, a, a.key, "K-0000000000000000")

    withdrawal = flows.withdraw_backup(a, a.key, b.key)
    assert a.mailbox.backups(a.key) == []  # the registry no longer lists B
    found = guard.online_protection(a.holder, a.store, key)
    assert not found.protected and found.refusal().code == "no_verified_backup"
    assert not guard.protection(a.store, key).protected  # offline, from the device's own records
    (entry,) = flows.inbox(b)
    assert (entry.meta.message_id, entry.status) == (
        withdrawal, "backup withdrawn by its owner: the copy on this device is deleted")
    assert b.store.backups.held_keys() == []
    assert "key_backup.withdrawn_by_owner" in [e.event for e in b.store.audit_entries()]
    assert "key_backup.withdrawn" in [e.event for e in a.store.audit_entries()]

    # A package not fetched yet is never delivered once withdrawn.
    package, _ = flows.send_backup(a, a.key, b.key)
    flows.withdraw_backup(a, a.key, b.key)
    (entry,) = flows.inbox(b)
    assert entry.header.kind is fr.Kind.WITHDRAWAL
    assert entry.status == "backup withdrawn by its owner: this device held no copy of that package"
    refused("unknown_message", flows.fetch, b, package, fr.Kind.BACKUP)

    # Only the key's owner may withdraw: the agent's frame about A's key is refused at the relay.
    a.holder.authorise(AGENT.name, AGENT.id_number)
    c = device("c", AGENT)
    record = flows._key_record(c, b.key)
    header = c.header(fr.Kind.WITHDRAWAL, to=record, subject=a.key, reply_to=package)
    raw = fr.build(header, {"withdraws": package}, gm.load_public_key(record.public_key), c.holder.key)
    with pytest.raises(ServiceError) as caught:
        c.mailbox.post(raw)
    assert caught.value.code == "not_your_key"
