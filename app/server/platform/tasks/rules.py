"""The platform's rules for QR tasks (docs/protocols/qr-tasks.md §3, §6, §7): make a login task,
hand out its signed document for the secret, take the holder's response exactly once, report the
state. Each operation is one unit of work; a refusal that records something (a task found
expired) commits that first and raises after."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from ....core import gm
from ....core.errors import EbidError
from ....core.licence import Status, check_use
from ....core.licence.matters import FULL_BIDDING
from ....core.qrtask import TaskUri, login_document, parse_response, secret_sm3, sign_document
from ....core.qrtask.certificate import common_name
from ....core.wire import TaskResponseIn
from ...authority.repository import SqlAuthorityRepository
from ...context import ServiceContext
from ...errors import ApiError
from .keys import task_certificate
from .models import OPEN_STATES, TaskRow
from .repository import SqlTaskRepository

LOGIN_LIFETIME = timedelta(seconds=60)
LOGIN_SESSION_SECONDS = 30 * 60
MAX_RESPONSE_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class NewTask:
    row: TaskRow
    uri: str
    poll_token: str


def create_login(ctx: ServiceContext, *, base_url: str, address: str, user_agent: str) -> NewTask:
    now = ctx.now()
    task_id, secret, poll = secrets.token_urlsafe(16), secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    certificate = task_certificate(ctx.settings.keys_dir, ctx.keys, now=now)
    document = login_document(
        url=base_url, name=common_name(certificate), task_id=task_id, created=now,
        expires=now + LOGIN_LIFETIME, address=address, user_agent=user_agent,
        session_seconds=LOGIN_SESSION_SECONDS,
    )
    raw, signature = sign_document(document, ctx.keys.platform_key)
    row = TaskRow(
        task_id=task_id, task_type="login", state="waiting", secret_sm3=secret_sm3(secret),
        poll_sm3=secret_sm3(poll), document=raw.decode("utf-8"), signature=signature,
        requester_address=address, requester_agent=user_agent[:300], created_at=now,
        expires_at=now + LOGIN_LIFETIME,
    )
    with ctx.session() as s:
        SqlTaskRepository(s).add(row)
    return NewTask(row, str(TaskUri(base_url, task_id, secret)), poll)


def fetch(ctx: ServiceContext, task_id: str, secret: str | None) -> tuple[TaskRow, list[bytes]]:
    """The task (now at least ``scanned``) and the certificate chain that signs it."""
    now = ctx.now()
    with ctx.session() as s:
        repo = SqlTaskRepository(s)
        row = _open_task(repo, task_id, secret, now)
        if row is not None:
            repo.mark_scanned(task_id, now)
            row = repo.get(task_id)
    _raise_if_closed(ctx, task_id, row)
    return row, [task_certificate(ctx.settings.keys_dir, ctx.keys, now=now).der]


def respond(ctx: ServiceContext, task_id: str, secret: str | None, body: TaskResponseIn) -> TaskRow:
    """Every platform check of qr-tasks.md §6, then the one state change."""
    now = ctx.now()
    with ctx.session() as s:
        repo = SqlTaskRepository(s)
        row = _open_task(repo, task_id, secret, now)
        if row is not None:
            values = _judge(ctx, s, row, body, now)
            if not repo.finish(task_id, **values):
                raise ApiError("task_used", "This task was already answered: a QR code is good for one answer")
            row = repo.get(task_id)
    _raise_if_closed(ctx, task_id, row)
    return row


def state(ctx: ServiceContext, task_id: str, poll_token: str | None) -> TaskRow:
    now = ctx.now()
    with ctx.session() as s:
        repo = SqlTaskRepository(s)
        row = _task(repo, task_id)
        if not _same(poll_token, row.poll_sm3):
            raise ApiError("wrong_poll_token", "The poll token does not belong to this task")
        if row.state in OPEN_STATES and now > row.expires_at:
            repo.mark_expired(task_id)
            row = repo.get(task_id)
        return row


# checks ------------------------------------------------------------------------------------

def _task(repo: SqlTaskRepository, task_id: str) -> TaskRow:
    row = repo.get(task_id)
    if row is None:
        raise ApiError("unknown_task", "There is no task {task}", task=task_id)
    return row


def _open_task(repo: SqlTaskRepository, task_id: str, secret: str | None, now: datetime) -> TaskRow | None:
    """The task if it may still be answered; None (after recording ``expired``) if it expired."""
    row = _task(repo, task_id)
    if not _same(secret, row.secret_sm3):
        raise ApiError("wrong_task_secret", "The secret does not belong to this task")
    if row.state in ("confirmed", "cancelled"):
        raise ApiError("task_used", "This task was already answered: a QR code is good for one answer")
    if row.state == "expired" or now > row.expires_at:
        repo.mark_expired(task_id)
        return None
    return row


def _raise_if_closed(ctx: ServiceContext, task_id: str, row: TaskRow | None) -> None:
    if row is None:
        with ctx.session() as s:
            expires = _task(SqlTaskRepository(s), task_id).expires_at
        raise ApiError("task_expired", "The task expired at {at}", at=expires.isoformat())


def _same(given: str | None, stored_sm3: str) -> bool:
    if not given or not given.isascii() or len(given) > 100:
        return False
    return hmac.compare_digest(secret_sm3(given), stored_sm3)


def _judge(ctx: ServiceContext, s, row: TaskRow, body: TaskResponseIn, now: datetime) -> dict:
    raw = body.response.encode("utf-8")
    answer = parse_response(raw)
    document = row.document.encode("utf-8")
    expected = {
        "task": row.task_id, "platform": _platform_url(row), "document_sm3": gm.sm3(document).hex(),
        "secret_sm3": row.secret_sm3,
    }
    for field, value in expected.items():
        if getattr(answer, field) != value:
            raise ApiError("task_response_mismatch", "The response's {field} is not this task's", field=field)
    if abs(now - answer.time) > MAX_RESPONSE_SKEW:
        raise ApiError("stale_task_response",
                       "The response was made at {at} but the platform's time is {now}: check the clock",
                       at=answer.time.isoformat(), now=now.isoformat())
    values = {"finished_at": now, "response": body.response, "state": "cancelled"}
    if answer.serial is None:
        if answer.action != "cancel" or body.signature is not None:
            raise ApiError("bad_task_response_signature", "Only a cancel may be sent without a licence signature")
        return _type_checks(ctx, s, row, answer, values, now)
    holder = _verify_signer(ctx, s, answer.serial, body, raw, now)
    values["response_signature"] = _b64(body.signature)
    if answer.action == "confirm":
        if row.task_type == "sign":  # the seal signature, verified against the kept file (§11.3)
            from .sign import judge_sign

            judge_sign(ctx, s, row, answer, holder, now)
        terms = holder.terms
        values.update(
            state="confirmed", serial=answer.serial, credit_code=terms.credit_code,
            enterprise_name=terms.enterprise_name, person_id=terms.person_id,
            person_name=terms.holder_name, role=terms.role.value,
        )
    return _type_checks(ctx, s, row, answer, values, now)


def _type_checks(ctx: ServiceContext, s, row: TaskRow, answer, values: dict, now: datetime) -> dict:
    """The task type's own checks of its response ``details`` (and what it does on a confirm),
    after the common ones; they may refuse, or add to the values the state change writes."""
    if row.task_type == "decrypt":
        from .opening import judge

        return judge(ctx, s, row, answer, values, now)
    if row.task_type == "encrypt":
        from .uploads import judge as judge_upload

        return judge_upload(ctx, s, row, answer, values, now)
    return values


def _verify_signer(ctx: ServiceContext, s, serial: str, body: TaskResponseIn, raw: bytes, now: datetime):
    licence = SqlAuthorityRepository(s).get_licence(int(serial, 16))
    if licence is None:
        raise ApiError("unknown_certificate", "No licence with serial {serial} was issued here", serial=serial)
    if body.certificate is not None and _b64(body.certificate) != licence.certificate_der:
        raise ApiError("certificate_mismatch", "The certificate sent is not the licence with that serial")
    ctx.certificates.check_root_at(now)
    known = ctx.certificates.verified(licence.serial, licence.certificate_der)
    try:
        known.public_key.verify(_b64(body.signature or ""), raw)
    except (EbidError, ValueError):
        raise ApiError("bad_task_response_signature",
                       "The task response's signature does not verify with the licence's key") from None
    revoked = licence.status(now) is Status.REVOKED
    check_use(known.info.terms, credit_code=known.info.credit_code, matter=FULL_BIDDING, at=now,
              revoked=revoked).require()
    return known.info


def _platform_url(row: TaskRow) -> str:
    return json.loads(row.document)["platform"]["url"]


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return b""
