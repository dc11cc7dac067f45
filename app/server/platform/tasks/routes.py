"""QR tasks over HTTP (docs/protocols/qr-tasks.md): make a login task (the login page, before
anyone is logged in), fetch the signed task document and answer it (the holder's device, with
the secret in ``X-EBid-Task-Secret``), and the state the page polls (``X-EBid-Task-Poll``).

The secret never appears in a URL, a log line or a refusal's parameters."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Header, Path, Request
from starlette.concurrency import run_in_threadpool

from ....core.wire import (
    TaskCreated,
    TaskEnterprise,
    TaskEnvelope,
    TaskPerson,
    TaskResponseIn,
    TaskState,
)
from ...context import ServiceContext
from ...deps import get_ctx
from . import rules
from .models import TaskRow

router = APIRouter(prefix="/platform/tasks", tags=["platform tasks"])
TaskId = Path(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")


@router.post("/login", response_model=TaskCreated, status_code=201)
async def create_login_task(request: Request, ctx: ServiceContext = Depends(get_ctx)):
    address = request.client.host if request.client else ""
    agent = request.headers.get("user-agent", "")
    url = request.base_url  # scheme and host lower-case, as the task URI has them (qr-tasks.md §2)
    base = str(url.replace(scheme=url.scheme.lower(), hostname=(url.hostname or "").lower())).rstrip("/")
    made = await run_in_threadpool(rules.create_login, ctx, base_url=base, address=address, user_agent=agent)
    return TaskCreated(task=made.row.task_id, uri=made.uri, poll_token=made.poll_token,
                       expires=made.row.expires_at)


@router.get("/{task_id}", response_model=TaskEnvelope)
def fetch_task(task_id: str = TaskId, secret: str | None = Header(None, alias="X-EBid-Task-Secret"),
               ctx: ServiceContext = Depends(get_ctx)):
    row, chain = rules.fetch(ctx, task_id, secret)
    return TaskEnvelope(document=row.document, signature=row.signature, certificates=tuple(chain))


@router.post("/{task_id}/response", response_model=TaskState)
def answer_task(body: TaskResponseIn, task_id: str = TaskId,
                secret: str | None = Header(None, alias="X-EBid-Task-Secret"),
                ctx: ServiceContext = Depends(get_ctx)):
    return task_state(rules.respond(ctx, task_id, secret, body))


@router.get("/{task_id}/state", response_model=TaskState)
def poll_task(task_id: str = TaskId, poll: str | None = Header(None, alias="X-EBid-Task-Poll"),
              ctx: ServiceContext = Depends(get_ctx)):
    return task_state(rules.state(ctx, task_id, poll))


def task_state(row: TaskRow) -> TaskState:
    confirmed = row.state == "confirmed" and row.credit_code is not None
    return TaskState(
        task=row.task_id, type=row.task_type, state=row.state, expires=row.expires_at,
        scanned_at=row.scanned_at, finished_at=row.finished_at,
        enterprise=TaskEnterprise(credit_code=row.credit_code, name=row.enterprise_name or "")
        if confirmed else None,
        person=TaskPerson(person_id=row.person_id or "", name=row.person_name or "", role=row.role or "")
        if confirmed else None,
        outcome=json.loads(row.outcome) if row.outcome else None,
    )


