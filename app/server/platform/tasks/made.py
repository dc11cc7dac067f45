"""Making a bid task (``encrypt`` from the upload page, ``decrypt`` from the opening hall): a task
id, a one-time secret and a poll token; the document the type builds, signed by the platform's
task key; the task row and the type's own record stored together in one transaction."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ....core.qrtask import TaskUri, secret_sm3, sign_document
from ....core.qrtask.certificate import common_name
from ....core.qrtask.document import TaskDocument
from ...context import ServiceContext
from .keys import task_certificate
from .models import TaskRow
from .repository import SqlTaskRepository


@dataclass(frozen=True)
class Made:
    row: TaskRow
    uri: str
    poll_token: str


def make_task(ctx: ServiceContext, now: datetime, *, base_url: str, address: str, user_agent: str,
              document: Callable[[str, str], TaskDocument],
              record: Callable[[str, str], object]) -> Made:
    """``document(task_id, platform name)`` is the type's task document; ``record(task_id, poll
    token)`` the type's own row (its page keeps the poll token on the server)."""
    task_id, secret, poll = secrets.token_urlsafe(16), secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    certificate = task_certificate(ctx.settings.keys_dir, ctx.keys, now=now)
    signed = document(task_id, common_name(certificate))
    raw, signature = sign_document(signed, ctx.keys.platform_key)
    row = TaskRow(
        task_id=task_id, task_type=signed.type, state="waiting", secret_sm3=secret_sm3(secret),
        poll_sm3=secret_sm3(poll), document=raw.decode("utf-8"), signature=signature,
        requester_address=address, requester_agent=user_agent[:300], created_at=now,
        expires_at=signed.expires_at,
    )
    with ctx.session() as s:
        SqlTaskRepository(s).add(row)
        s.add(record(task_id, poll))
        s.flush()
    return Made(row, str(TaskUri(base_url, task_id, secret)), poll)
