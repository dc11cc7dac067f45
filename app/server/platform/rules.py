"""The e-bidding platform's rules: projects, bid submissions with signed receipts, the opening,
and the encryption-key registry. Routes in :mod:`.routes_platform` call these."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from sqlalchemy import select

from ...core import bidx, gm
from ...core.errors import EbidError
from ...core.licence import FULL_BIDDING
from ...core.licence.model import new_id
from ..auth import Holder
from ..context import ServiceContext
from ..errors import ApiError, forbidden
from .models import EncryptionKeyRow, ProjectRow, SubmissionRow
from .upload import Incoming

RECEIPT_TYPE = "ebid-bid-receipt"


def canonical_json(data: dict) -> bytes:
    """Sorted keys, no spaces, UTF-8: the byte form receipts are signed in."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def get_project(ctx: ServiceContext, code: str) -> ProjectRow:
    with ctx.session() as s:
        row = s.get(ProjectRow, code)
    if row is None:
        raise ApiError(404, "unknown_project", "No project {code}", code=code)
    return row


def list_projects(ctx: ServiceContext) -> list[ProjectRow]:
    with ctx.session() as s:
        return list(s.scalars(select(ProjectRow).order_by(ProjectRow.bid_deadline, ProjectRow.code)))


def check_may_submit(ctx: ServiceContext, who: Holder, code: str, section: str) -> ProjectRow:
    """Matter, project, section and deadline; run before the upload and again after it."""
    now = ctx.now()
    who.require_matter(FULL_BIDDING, now)
    project = get_project(ctx, code)
    if section not in json.loads(project.sections):
        raise ApiError(404, "unknown_section", "Project {code} has no section {section}", code=code, section=section)
    if now > project.bid_deadline:
        raise forbidden(
            "deadline_passed",
            "The bid deadline of {code} was {deadline}; bids are no longer accepted",
            code=code,
            deadline=project.bid_deadline.isoformat(),
        )
    return project


def check_container(path: Path, project: str, section: str) -> None:
    try:
        header = bidx.inspect_container(path)
    except EbidError as exc:
        raise ApiError(400, "not_a_bid_file", "The upload is not a BIDX container: {d}", d=exc.message) from None
    if (header.project and header.project != project) or (header.section and header.section != section):
        raise ApiError(
            400,
            "wrong_project",
            "The container was made for {p}/{s}, not {project}/{section}",
            p=header.project, s=header.section, project=project, section=section,
        )


def store_submission(
    ctx: ServiceContext, who: Holder, code: str, section: str, name: str, signature: bytes, incoming: Incoming
) -> SubmissionRow:
    """Check again, sign a receipt, move the file into place and commit; all or nothing."""
    check_may_submit(ctx, who, code, section)
    check_container(incoming.path, code, section)
    submission_id = new_id("S")
    received = ctx.now()
    receipt = canonical_json(
        {
            "type": RECEIPT_TYPE,
            "version": 1,
            "submission_id": submission_id,
            "project": code,
            "section": section,
            "credit_code": who.credit_code,
            "licence_serial": format(who.serial, "x"),
            "file_name": name,
            "size": incoming.size,
            "sm3": incoming.sm3,
            "bidder_signature": base64.b64encode(signature).decode(),
            "received_at": received.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
    )
    row = SubmissionRow(
        submission_id=submission_id, project_code=code, section=section, credit_code=who.credit_code,
        serial=format(who.serial, "x"), person_id=who.person_id, file_name=name, size=incoming.size,
        sm3=incoming.sm3, signature=signature, receipt=receipt.decode(),
        receipt_signature=ctx.keys.platform_key.sign(receipt), received_at=received,
    )
    final = bid_path(ctx, submission_id)
    try:
        with ctx.session() as s:
            s.add(row)
            s.flush()
            os.replace(incoming.path, final)  # before the commit: a failed commit removes it
    except BaseException:
        final.unlink(missing_ok=True)
        raise
    return row


def bid_path(ctx: ServiceContext, submission_id: str) -> Path:
    return ctx.settings.bids_dir / f"{submission_id}.bidx"


def submissions_of(ctx: ServiceContext, who: Holder) -> list[SubmissionRow]:
    who.require_matter(FULL_BIDDING, ctx.now())
    with ctx.session() as s:
        query = (
            select(SubmissionRow)
            .where(SubmissionRow.credit_code == who.credit_code)
            .order_by(SubmissionRow.received_at, SubmissionRow.submission_id)
        )
        return list(s.scalars(query))


def openable_submission(ctx: ServiceContext, who: Holder, submission_id: str) -> SubmissionRow:
    """The enterprise's own submission, once its project's opening time has come."""
    now = ctx.now()
    who.require_matter(FULL_BIDDING, now)
    with ctx.session() as s:
        row = s.get(SubmissionRow, submission_id)
        project = s.get(ProjectRow, row.project_code) if row else None
    if row is None or row.credit_code != who.credit_code or project is None:
        raise ApiError(404, "unknown_submission", "No submission {id} of your enterprise", id=submission_id)
    if now < project.opening_time:
        raise forbidden(
            "not_opened",
            "Bids of {code} can be fetched from the opening at {at}",
            code=project.code, at=project.opening_time.isoformat(),
        )
    return row


def register_key(ctx: ServiceContext, who: Holder, label: str, public_key_der: bytes) -> EncryptionKeyRow:
    key = gm.load_public_key(public_key_der)  # InvalidKey (400) unless an SM2 key
    with ctx.session() as s:
        existing = s.scalars(
            select(EncryptionKeyRow).where(
                EncryptionKeyRow.serial == format(who.serial, "x"),
                EncryptionKeyRow.public_key == key.to_bytes(),
            )
        ).first()
        if existing is not None:
            return existing  # applying twice for the same key is harmless
        row = EncryptionKeyRow(
            key_id=new_id("K"), credit_code=who.credit_code, person_id=who.person_id,
            serial=format(who.serial, "x"), label=label, public_key=key.to_bytes(), created_at=ctx.now(),
        )
        s.add(row)
    return row


def keys_of(ctx: ServiceContext, who: Holder) -> list[EncryptionKeyRow]:
    with ctx.session() as s:
        query = (
            select(EncryptionKeyRow)
            .where(EncryptionKeyRow.credit_code == who.credit_code)
            .order_by(EncryptionKeyRow.created_at, EncryptionKeyRow.key_id)
        )
        return list(s.scalars(query))
