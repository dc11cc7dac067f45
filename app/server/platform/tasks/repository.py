"""The platform's QR tasks over the service database: :class:`SqlTaskRepository`. The state moves
only through :meth:`SqlTaskRepository.finish` / :meth:`mark_scanned`, conditional UPDATEs, so of
two concurrent answers exactly one wins (across workers and processes)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from .models import OPEN_STATES, TaskRow


class SqlTaskRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, row: TaskRow) -> None:
        self.s.add(row)
        self.s.flush()

    def get(self, task_id: str) -> TaskRow | None:
        return self.s.get(TaskRow, task_id)

    def mark_scanned(self, task_id: str, now: datetime) -> None:
        self._move(task_id, ("waiting",), state="scanned", scanned_at=now)

    def mark_expired(self, task_id: str) -> None:
        self._move(task_id, OPEN_STATES, state="expired")

    def finish(self, task_id: str, **values) -> bool:
        """Move an open task to its final state with ``values``; False if it was no longer open."""
        return self._move(task_id, OPEN_STATES, **values)

    def _move(self, task_id: str, from_states: tuple[str, ...], **values) -> bool:
        statement = (
            update(TaskRow)
            .where(TaskRow.task_id == task_id, TaskRow.state.in_(from_states))
            .values(**values)
            .returning(TaskRow.task_id)  # a row back iff moved (rowcount is unreliable on psycopg)
            .execution_options(synchronize_session=False)
        )
        changed = self.s.execute(statement).first() is not None
        self.s.expire_all()
        return changed
