"""Collected seals in a real keystore file: stored with the password, replaced by id, removed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.errors import InvalidInput
from app.core.keystore import Keystore, Locked, NotFound, NullUnlockCache


def _seal(store, unlocked, clock, **overrides):
    fields = dict(
        seal_id="ES-0001", enterprise_code="91350100M000100Y43", seal_type="bidding",
        name="福建测试科技有限公司投标专用章", valid_start=clock.now,
        valid_end=clock.now + timedelta(days=365), seal=b"\x30\x00", picture=b"\x89PNG",
    )
    fields.update(overrides)
    return store.add_seal(unlocked, **fields)


def test_add_replace_get_remove(store, unlocked, add_licence, clock, tmp_path):
    licence = add_licence(unlocked)
    first = _seal(store, unlocked, clock, licence_id=licence.id)
    clock.advance(60)
    again = _seal(store, unlocked, clock, seal=b"\x30\x01", licence_id=licence.id)
    assert again.id == first.id and again.seal == b"\x30\x01"
    assert again.collected_at == clock.now
    _seal(store, unlocked, clock, seal_id="ES-0002")
    store.close()
    with Keystore.open(tmp_path / "keystore.sqlite", unlock_cache=NullUnlockCache()) as reopened:
        assert [s.seal_id for s in reopened.list_seals()] == ["ES-0001", "ES-0002"]
        assert reopened.get_seal("ES-0001").licence_id == licence.id
        reopened.remove_seal(unlocked, "ES-0001")
        with pytest.raises(NotFound):
            reopened.get_seal("ES-0001")
        events = [e.event for e in reopened.audit_entries()]
        assert events.count("seal.collected") == 3 and events[-1] == "seal.removed"
        assert reopened.verify_audit(unlocked).ok


def test_refusals(store, unlocked, clock):
    with pytest.raises(NotFound):
        _seal(store, unlocked, clock, licence_id=99)
    with pytest.raises(InvalidInput):
        _seal(store, unlocked, clock, valid_end=clock.now)
    with pytest.raises(NotFound):
        store.remove_seal(unlocked, "ES-none")
    unlocked.lock()
    with pytest.raises(Locked):
        _seal(store, unlocked, clock)
    assert store.list_seals() == []
