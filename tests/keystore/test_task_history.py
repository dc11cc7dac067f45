"""The QR task history table (revision 0004): rows written with their audit entry in one
transaction, anchored when unlocked, listed oldest first, and refused when the session is stale."""

from __future__ import annotations

import pytest

from app.core.errors import InvalidInput
from app.core.keystore import Locked

from .conftest import PASSWORD

FIELDS = dict(task_id="q3v0cVx1rW3n3dJk2ZbQ-8", task_type="login", platform_name="平台（DEMO）",
              platform_url="http://127.0.0.1:8470", document_sm3="ab" * 32)


def test_answers_are_recorded_with_their_audit_entry(store, unlocked, clock):
    confirmed = store.record_task(unlocked, answer="confirm", action="confirmed", outcome="confirmed",
                                  licence_serial="1f", licence_id=None, **FIELDS)
    clock.advance(5)
    store.record_task(None, answer="cancel", action="refused", outcome="task_used", **FIELDS)
    history = store.task_history()
    assert [(r.answer, r.action, r.outcome, r.licence_serial) for r in history] == [
        ("confirm", "confirmed", "confirmed", "1f"), ("cancel", "refused", "task_used", None)]
    assert history[0] == confirmed and history[1].at == clock.now
    assert history[0].as_json()["at"].startswith("2026-06-01T08:00:00")
    assert [r.task_id for r in store.task_history(limit=1)] == [FIELDS["task_id"]]
    assert store.task_history(limit=1)[0].action == "refused"
    events = [(e.event, e.details) for e in store.audit_entries()][-2:]
    assert events[0][0] == "task.confirmed" and '"state":"confirmed"' in events[0][1]
    assert events[1][0] == "task.refused" and '"answer":"cancel"' in events[1][1]
    report = store.verify_audit(store.unlock(PASSWORD))
    assert report.ok and report.anchor_checked


def test_a_locked_session_or_an_unknown_action_writes_nothing(store, unlocked):
    unlocked.lock()
    with pytest.raises(Locked):
        store.record_task(unlocked, answer="confirm", action="confirmed", outcome="confirmed", **FIELDS)
    with pytest.raises(InvalidInput):
        store.record_task(None, answer="confirm", action="logged in", outcome="confirmed", **FIELDS)
    assert store.task_history() == []
    assert not any(e.event.startswith("task.") for e in store.audit_entries())
