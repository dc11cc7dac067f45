"""The platform's sign tasks (docs/protocols/qr-tasks.md §11): a logged-in browser hands in a
file; the platform keeps it, makes a sign task stating its name, size, media type and SM3, and —
when the holder confirms — verifies the returned ``SES_Signature`` against the kept file with the
GB/T 38540 verifier of :mod:`app.core.seal.format`, before the task may become ``confirmed``.

:class:`SignTaskRow` is made by ``migrations/versions/0005_sign_tasks.py`` (keep the two in step).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from ....core import gm
from ....core.pki import LicenceInfo, load_crl
from ....core.qrtask import TaskUri, secret_sm3, sign_document
from ....core.qrtask.certificate import common_name
from ....core.qrtask.response import ParsedResponse
from ....core.qrtask.sign import parse_response_details, sign_task_document
from ....core.seal.format import SealAuthorisationRule, verify_signature
from ...context import ServiceContext
from ...db import Base, UTCDateTime
from ...errors import ApiError
from ...seal_office.grants import windows
from ...seal_office.office import SealOffice
from ...seal_office.repository import SqlSealOfficeRepository
from .keys import task_certificate
from .models import TaskRow
from .repository import SqlTaskRepository

SIGN_LIFETIME = timedelta(minutes=5)
PURPOSE = "签署文件（电子签章）"
MAX_SIGNING_SKEW = timedelta(minutes=5)


class SignTaskRow(Base):
    """The file of one sign task, who asked, and — once verified — the seal and signature."""

    __tablename__ = "platform_sign_tasks"
    task_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("platform_tasks.task_id"), primary_key=True
    )
    session_task_id: Mapped[str] = mapped_column(String(40), index=True)
    credit_code: Mapped[str] = mapped_column(String(18))
    poll_token: Mapped[str] = mapped_column(String(64))  # never leaves the server
    file_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(130))
    size: Mapped[int] = mapped_column(BigInteger)
    sm3: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # read only to verify
    seal_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    seal_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True)
class Requester:
    """The logged-in browser asking for a signature (from its web session)."""

    session_task_id: str
    credit_code: str
    enterprise_name: str
    person_name: str
    address: str
    user_agent: str


@dataclass(frozen=True)
class NewSignTask:
    task: TaskRow
    uri: str


def create_sign(ctx: ServiceContext, who: Requester, *, base_url: str, file_name: str,
                media_type: str, content: bytes, purpose: str = PURPOSE) -> NewSignTask:
    """A sign task for ``content`` (kept with the task; its poll token kept on the server)."""
    now = ctx.now()
    task_id, secret, poll = secrets.token_urlsafe(16), secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    certificate = task_certificate(ctx.settings.keys_dir, ctx.keys, now=now)
    digest = gm.sm3(content).hex()
    document = sign_task_document(
        url=base_url, name=common_name(certificate), task_id=task_id, created=now,
        expires=now + SIGN_LIFETIME, address=who.address, user_agent=who.user_agent,
        file_name=file_name, size=len(content), sm3=digest, media_type=media_type,
        credit_code=who.credit_code, enterprise_name=who.enterprise_name, purpose=purpose,
        requested_by=who.person_name,
    )
    raw, signature = sign_document(document, ctx.keys.platform_key)
    task = TaskRow(
        task_id=task_id, task_type="sign", state="waiting", secret_sm3=secret_sm3(secret),
        poll_sm3=secret_sm3(poll), document=raw.decode("utf-8"), signature=signature,
        requester_address=who.address, requester_agent=who.user_agent[:300], created_at=now,
        expires_at=now + SIGN_LIFETIME,
    )
    details = document.details["document"]
    with ctx.session() as s:
        SqlTaskRepository(s).add(task)
        s.add(SignTaskRow(
            task_id=task_id, session_task_id=who.session_task_id, credit_code=who.credit_code,
            poll_token=poll, file_name=details["name"], media_type=media_type, size=len(content),
            sm3=digest, content=content, created_at=now,
        ))
    return NewSignTask(task, str(TaskUri(base_url, task_id, secret)))


def judge_sign(ctx: ServiceContext, s: Session, task: TaskRow, answer: ParsedResponse,
               signer: LicenceInfo, now: datetime) -> None:
    """The platform's checks of a confirmed sign response (qr-tasks.md §11.3), in the answer's
    transaction: the signature, verified against the kept file, is stored with the task."""
    given = parse_response_details(answer.details)
    row = s.get(SignTaskRow, task.task_id)
    if row is None:  # a sign task is always made with its row
        raise ApiError("unknown_task", "There is no task {task}", task=task.task_id)
    if signer.credit_code != row.credit_code:
        raise ApiError("wrong_enterprise", "The seal {id} belongs to another enterprise", id=given.seal_id)
    office = SqlSealOfficeRepository(s)
    seal = office.get_seal(given.seal_id)
    if seal is None:
        raise ApiError("unknown_seal", "No seal {id}", id=given.seal_id)
    if seal.credit_code != row.credit_code:
        raise ApiError("wrong_enterprise", "The seal {id} belongs to another enterprise", id=given.seal_id)
    root = ctx.keys.authority.root
    crl = load_crl(ctx.crl.current(s, now), root)
    local = ctx.settings.seal_local_places
    found = windows(SealOffice(office, None, ctx.now, local), seal.seal_id, signer.person_id)
    # Every check of docs/formats/electronic-seal.md §5; a SealRefused answers 403 with its reason
    # (bad_document_hash for a signature over another file, missing_seal_authorisation …).
    verified = verify_signature(given.signature, row.content, roots=[root], clock=ctx.clock, crl=crl,
                                authorisation_check=SealAuthorisationRule(found, local_places=local))
    if verified.seal.seal_id != seal.seal_id or verified.seal.der != seal.der:
        raise ApiError("task_response_mismatch", "The response's {field} is not this task's", field="seal_id")
    if verified.licence.serial != int(answer.serial or "0", 16):
        raise ApiError("task_response_mismatch", "The response's {field} is not this task's", field="signer")
    if abs(verified.signature.signed_at - now) > MAX_SIGNING_SKEW:
        raise ApiError("stale_task_response",
                       "The response was made at {at} but the platform's time is {now}: check the clock",
                       at=verified.signature.signed_at.isoformat(), now=now.isoformat())
    row.seal_id, row.seal_name = seal.seal_id, seal.name
    row.signature, row.signed_at = given.signature, verified.signature.signed_at
    s.flush()
