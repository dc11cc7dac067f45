"""The device's QR task history (table ``task_history``, revision 0004): one row for each answer
given to a platform's task — confirmed, cancelled or refused by the platform — written in the
same transaction as its audit entry (``task.confirmed``, ``task.cancelled``, ``task.refused``).

Rows hold no secret (never the task's secret; the document only as its SM3), so a cancel, which
needs no licence password, is recorded without an unlocked session (its audit entry is chained
but not anchored until the next unlocked append, like a failed unlock)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select

from ..errors import InvalidInput
from .audit_log import AuditLog
from .models import TaskHistoryRow
from .session import Unlocked
from .storage import Storage

ANSWERS = ("confirm", "cancel")
ACTIONS = ("confirmed", "cancelled", "refused")


@dataclass(frozen=True)
class TaskRecord:
    id: int
    task_id: str
    task_type: str
    platform_name: str
    platform_url: str
    answer: str  # what the holder chose: confirm / cancel
    action: str  # what became of it: confirmed / cancelled / refused
    licence_serial: str | None  # lower-case hex; None for an unsigned cancel
    at: datetime
    outcome: str  # the platform's state, or its refusal code
    document_sm3: str

    def as_json(self) -> dict:
        value = asdict(self)
        value["at"] = self.at.isoformat()
        return value


def _record(row: TaskHistoryRow) -> TaskRecord:
    return TaskRecord(
        row.id, row.task_id, row.task_type, row.platform_name, row.platform_url, row.answer,
        row.action, row.licence_serial, row.at, row.outcome, row.document_sm3,
    )


class TaskHistory:
    def __init__(self, storage: Storage, audit: AuditLog) -> None:
        self._storage = storage
        self._audit = audit

    def add(
        self, unlocked: Unlocked | None, *, task_id: str, task_type: str, platform_name: str,
        platform_url: str, answer: str, action: str, outcome: str, document_sm3: str,
        licence_serial: str | None = None, licence_id: int | None = None,
    ) -> TaskRecord:
        """Record one answer and its audit entry together; with ``unlocked`` the entry is anchored."""
        if answer not in ANSWERS or action not in ACTIONS:
            raise InvalidInput("A task's answer is confirm or cancel, its outcome confirmed, cancelled or refused")
        with self._storage.transaction() as s:
            if unlocked is not None:
                self._storage.check_session(s, unlocked)
            row = TaskHistoryRow(
                task_id=task_id, task_type=task_type, platform_name=platform_name,
                platform_url=platform_url, answer=answer, action=action,
                licence_serial=licence_serial, at=self._storage.clock(), outcome=outcome,
                document_sm3=document_sm3,
            )
            s.add(row)
            s.flush()
            self._audit.append(
                s, unlocked, f"task.{action}", licence_id=licence_id, task=task_id, type=task_type,
                platform=platform_url, document_sm3=document_sm3, answer=answer, state=outcome,
            )
            return _record(row)

    def list_all(self, *, limit: int | None = None) -> list[TaskRecord]:
        """Oldest first; with ``limit``, the newest ``limit`` rows (still oldest first)."""
        with self._storage.transaction() as s:
            query = select(TaskHistoryRow).order_by(TaskHistoryRow.id.desc()).limit(limit)
            return [_record(r) for r in reversed(list(s.scalars(query)))]
