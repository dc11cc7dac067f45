"""The upload page's encrypt tasks (docs/protocols/qr-tasks.md §13).

* :func:`create_encrypt` — for a logged-in enterprise, a project still taking bids and one of its
  sections: a signed task naming project, section, deadline and the upload endpoint;
* :func:`check_upload_task` — an upload that names ``task=<id>``: only for an open encrypt task of
  the uploader's enterprise, for the same project and section (the submission records the task);
* :func:`judge` — the type's checks of the confirm: every submission it lists was uploaded for
  this task by the confirming licence, with the SM3 and size it says; the outcome is the receipts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ....core.qrtask import canonical, format_time
from ....core.qrtask.bids import encrypt_details, parse_encrypt_confirm
from ....core.qrtask.bids import encrypt_document as make_document
from ....core.qrtask.document import TaskDocument
from ...context import ServiceContext
from ...errors import ApiError
from ..models import SubmissionRow
from .made import make_task
from .models import OPEN_STATES, TaskRow
from .opening_models import UploadTaskRow

ENCRYPT_LIFETIME = timedelta(minutes=10)
MAX_FILES = 10


@dataclass(frozen=True)
class NewEncryptTask:
    row: TaskRow
    upload: UploadTaskRow
    uri: str


def create_encrypt(ctx: ServiceContext, *, base_url: str, address: str, user_agent: str,
                   credit_code: str, code: str, section: str) -> NewEncryptTask:
    now = ctx.now()
    with ctx.unit() as u:
        project = u.platform.project(code)
    if section not in project.sections:
        raise ApiError("unknown_section", "Project {code} has no section {section}", code=code, section=section)
    if now > project.bid_deadline:
        raise ApiError("deadline_passed", "The bid deadline of {code} was {deadline}; bids are no longer accepted",
                       code=code, deadline=project.bid_deadline.isoformat())
    # Not cut at the deadline: a holder who scans late is told so by the device (before any
    # password), and an upload after the deadline is refused anyway (deadline_passed).
    expires = now + ENCRYPT_LIFETIME
    records: list[UploadTaskRow] = []

    def document(task_id: str, name: str):
        return make_document(
            url=base_url, name=name, task_id=task_id, created=now, expires=expires, address=address,
            user_agent=user_agent, project_code=code, project_name=project.name, section=section,
            deadline=project.bid_deadline, max_files=MAX_FILES, max_bytes=ctx.settings.max_upload_bytes,
        )

    def record(task_id: str, poll: str) -> UploadTaskRow:
        records.append(UploadTaskRow(task_id=task_id, project_code=code, section=section,
                                     credit_code=credit_code, poll_token=poll, created_at=now))
        return records[0]

    made = make_task(ctx, now, base_url=base_url, address=address, user_agent=user_agent,
                     document=document, record=record)
    return NewEncryptTask(made.row, records[0], made.uri)


def check_upload_task(ctx: ServiceContext, task_id: str, who, code: str, section: str) -> None:
    """An upload bound to ``task_id`` is taken only while that encrypt task is open, from the
    enterprise whose page made it, for its project and section."""
    now = ctx.now()
    with ctx.session() as s:
        row, upload = s.get(TaskRow, task_id), s.get(UploadTaskRow, task_id)
        if row is None or upload is None or row.task_type != "encrypt":
            raise ApiError("unknown_task", "There is no task {task}", task=task_id)
        if row.state not in OPEN_STATES:
            raise ApiError("task_used", "This task was already answered: a QR code is good for one answer")
        if now > row.expires_at:
            raise ApiError("task_expired", "The task expired at {at}", at=row.expires_at.isoformat())
        if (upload.project_code, upload.section) != (code, section):
            raise ApiError("wrong_upload_task", "The task {task} is for {p}/{s}, not {code}/{section}",
                           task=task_id, p=upload.project_code, s=upload.section, code=code, section=section)
        if upload.credit_code != who.credit_code:
            raise ApiError("not_your_task", "The task {task} was made for another enterprise", task=task_id)


def page_task(ctx: ServiceContext, credit_code: str, code: str, task_id: str) -> tuple[TaskRow, UploadTaskRow] | None:
    """The encrypt task an upload page shows, if it is this enterprise's for this project (state
    judged now)."""
    from . import rules

    with ctx.session() as s:
        upload = s.get(UploadTaskRow, task_id)
        if upload is None or (upload.credit_code, upload.project_code) != (credit_code, code):
            return None
        s.expunge(upload)
    return rules.state(ctx, upload.task_id, upload.poll_token), upload


def judge(ctx: ServiceContext, s, row: TaskRow, answer, values: dict, now: datetime) -> dict:
    """The encrypt type's checks of a response that passed the common ones (qr-tasks.md §13.4)."""
    upload = s.get(UploadTaskRow, row.task_id)
    if answer.action == "cancel":
        if answer.details != {}:
            raise ApiError("malformed_task_response", "The task response lacks a field or has a wrong one")
        return {**values, "outcome": canonical({"result": "declined"}).decode()}
    encrypt_details(TaskDocument.model_validate_json(row.document))  # the platform's own: well formed
    listed = parse_encrypt_confirm(answer.details)
    if upload is None or values.get("credit_code") != upload.credit_code:
        raise ApiError("not_your_task", "The task {task} was made for another enterprise", task=row.task_id)
    receipts = []
    for submission_id, sm3, size in listed:
        found = s.get(SubmissionRow, submission_id)
        if found is None or found.task_id != row.task_id or found.serial != answer.serial \
                or (found.sm3, found.size) != (sm3, size):
            raise ApiError("upload_mismatch",
                           "Submission {id} was not uploaded for this task by this licence as described",
                           id=submission_id)
        receipts.append({"submission_id": found.submission_id, "file_name": found.file_name,
                         "size": found.size, "sm3": found.sm3,
                         "received_at": format_time(found.received_at)})
    return {**values, "outcome": canonical({"result": "encrypted", "receipts": receipts}).decode()}
