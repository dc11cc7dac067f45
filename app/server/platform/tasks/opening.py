"""The opening hall's decrypt tasks (docs/protocols/qr-tasks.md §12, docs/formats/bidx.md §11).

* :func:`create_decrypt` — after the opening time, for one stored bid of the asking enterprise:
  a fresh one-time SM2 key pair (the private key stored only sealed to the platform key), and a
  signed task document carrying the bid's header (never its payload), its recipients' key ids
  with their registered labels, and the opening public key.
* :func:`judge` — the type's checks of a response, run by the task rules inside the response's
  transaction before the state moves: a confirm must carry the file key re-wrapped to this task's
  opening key, by a licence of the bid's enterprise; the platform then decrypts the stored
  container itself (:func:`decrypt_stored`, the engine's temp file + rename) and the task's
  outcome is the plaintext's SM3. Any failure refuses the response and leaves nothing behind: no
  plaintext file, no state change. A cancel may say why (``missing_key``).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import event, select

from ....core import bidx, gm
from ....core.errors import DecryptionFailed, EbidError
from ....core.qrtask import canonical
from ....core.qrtask.bids import (
    decrypt_details,
    decrypt_document,
    parse_decrypt_confirm,
    parse_decrypt_decline,
)
from ....core.qrtask.document import TaskDocument
from ...context import ServiceContext
from ...errors import ApiError
from ..rules import bid_file
from .made import make_task
from .models import TaskRow
from .opening_models import OpeningTaskRow

DECRYPT_LIFETIME = timedelta(minutes=10)
OPENED_DIR = "opened"  # <home>/opened/<task id>/: the platform's plaintexts


@dataclass(frozen=True)
class NewDecryptTask:
    row: TaskRow
    opening: OpeningTaskRow
    uri: str


def opened_dir(ctx: ServiceContext) -> Path:
    return ctx.settings.home / OPENED_DIR


def create_decrypt(ctx: ServiceContext, *, base_url: str, address: str, user_agent: str,
                   credit_code: str, submission_id: str) -> NewDecryptTask:
    """A decrypt task for ``submission_id``, a bid of ``credit_code``, once its project opened."""
    now = ctx.now()
    with ctx.unit() as u:
        repo = u.platform.repo
        submission = repo.get_submission(submission_id)
        if submission is None or submission.credit_code != credit_code:
            raise ApiError("unknown_submission", "No submission {id} of your enterprise", id=submission_id)
        project = u.platform.project(submission.project_code)
        if now < project.opening_time:
            raise ApiError("not_opened", "Bids of {code} can be fetched from the opening at {at}",
                           code=project.code, at=project.opening_time.isoformat())
        labels = {bidx.key_id(gm.SM2PublicKey.from_bytes(k.public_key)).hex(): k.label
                  for k in repo.keys_of(credit_code)}
    header = bidx.inspect_container(bid_file(ctx.settings.bids_dir, submission_id)).to_bytes()
    opening = gm.SM2PrivateKey.generate()
    records: list[OpeningTaskRow] = []

    def document(task_id: str, name: str):
        return decrypt_document(
            url=base_url, name=name, task_id=task_id, created=now, expires=now + DECRYPT_LIFETIME,
            address=address, user_agent=user_agent, project_code=project.code,
            project_name=project.name, section=submission.section,
            submission_id=submission.submission_id, file_name=submission.file_name,
            size=submission.size, sm3=submission.sm3, received_at=submission.received_at,
            header=header, labels=labels, opening_key=opening.public_key(),
        )

    def record(task_id: str, poll: str) -> OpeningTaskRow:
        records.append(OpeningTaskRow(
            task_id=task_id, submission_id=submission_id, project_code=project.code,
            credit_code=credit_code, poll_token=poll,
            opening_key_id=bidx.key_id(opening.public_key()).hex(),
            # sealed to the platform's own key: the database alone never holds a usable opening key
            opening_key_sealed=ctx.keys.platform_key.public_key().encrypt(opening.to_bytes()),
            created_at=now,
        ))
        return records[0]

    made = make_task(ctx, now, base_url=base_url, address=address, user_agent=user_agent,
                     document=document, record=record)
    return NewDecryptTask(made.row, records[0], made.uri)


def page_tasks(ctx: ServiceContext, credit_code: str, project_code: str,
               task_ids: list[str]) -> list[tuple[TaskRow, OpeningTaskRow]]:
    """What an opening hall page follows: the decrypt tasks it shows (``task_ids``, those of this
    enterprise and project only) and every decrypted one of the enterprise's bids in the project
    (so a bid decrypted from another tab shows as decrypted too); states judged now."""
    from . import rules

    with ctx.session() as s:
        mine = (OpeningTaskRow.credit_code == credit_code, OpeningTaskRow.project_code == project_code)
        rows = list(s.scalars(select(OpeningTaskRow).where(*mine, OpeningTaskRow.task_id.in_(task_ids[:100]))))
        rows += s.scalars(select(OpeningTaskRow).where(*mine, OpeningTaskRow.decrypted_at.is_not(None))
                          .order_by(OpeningTaskRow.decrypted_at, OpeningTaskRow.task_id))
        unique = {r.task_id: r for r in rows}  # a shown task may be the decrypted one too
        for r in unique.values():
            s.expunge(r)
    return [(rules.state(ctx, r.task_id, r.poll_token), r) for r in unique.values()]


def decrypted_of(ctx: ServiceContext, credit_code: str, project_code: str) -> dict[str, tuple[TaskRow, OpeningTaskRow]]:
    """Per submission of the enterprise in the project that was decrypted: the task that did it."""
    return {r.submission_id: (t, r) for t, r in page_tasks(ctx, credit_code, project_code, [])}


def decrypt_stored(container: Path, key: gm.SM2PrivateKey, stanza: bidx.Stanza, outdir: Path) -> tuple[Path, str, int]:
    """The platform's step of bidx.md §11: decrypt its stored ``container`` with the re-wrapped
    ``stanza`` (the engine checks the header MAC under the recovered key before any chunk, and
    writes through a temp file renamed at the end): (plaintext path, its SM3, its size)."""
    outdir.mkdir(parents=True, exist_ok=True, mode=0o700)
    result = bidx.decrypt_file(container, key, outdir, stanza=stanza)
    with open(result.output, "rb") as stream:
        digest = gm.sm3_file(stream).hex()
    return result.output, digest, result.output.stat().st_size


def judge(ctx: ServiceContext, s, row: TaskRow, answer, values: dict, now: datetime) -> dict:
    """The decrypt type's checks of a response that passed the common ones (qr-tasks.md §12.4);
    ``values`` are what the state change will write; returns them with the outcome."""
    opening = s.get(OpeningTaskRow, row.task_id)
    if opening is None:  # pragma: no cover - made together with the task
        raise ApiError("unknown_task", "There is no task {task}", task=row.task_id)
    if answer.action == "cancel":
        reason = parse_decrypt_decline(answer.details)
        opening.opening_key_sealed = None
        s.flush()  # before the state change, which expires the session's objects
        return {**values, "outcome": canonical({"result": "declined", "reason": reason}).decode()}
    details = decrypt_details(TaskDocument.model_validate_json(row.document))
    stanza = parse_decrypt_confirm(answer.details, details.opening_key)
    if values.get("credit_code") != opening.credit_code:
        raise ApiError("not_your_bid", "The licence is not of the enterprise that submitted this bid")
    if opening.opening_key_sealed is None:  # pragma: no cover - only a finished task drops it
        raise ApiError("task_used", "This task was already answered: a QR code is good for one answer")
    key = gm.SM2PrivateKey.from_bytes(ctx.keys.platform_key.decrypt(opening.opening_key_sealed))
    folder = opened_dir(ctx) / row.task_id
    try:
        path, digest, size = decrypt_stored(bid_file(ctx.settings.bids_dir, opening.submission_id),
                                            key, stanza, folder)
    except DecryptionFailed as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise ApiError("bad_rewrapped_key", "The re-wrapped file key does not open this bid: {reason}",
                       reason=exc.message) from None
    except EbidError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    # Nothing half-done: if the transaction does not commit (another answer won), the plaintext goes.
    event.listen(s, "after_rollback", lambda _s: shutil.rmtree(folder, ignore_errors=True), once=True)
    opening.opening_key_sealed = None  # used: the opening key is gone
    opening.decrypted_at, opening.plaintext_sm3, opening.plaintext_size = now, digest, size
    opening.plaintext_path = str(path)
    s.flush()
    return {**values, "outcome": canonical(
        {"result": "decrypted", "plaintext_sm3": digest, "plaintext_size": size,
         "submission_id": opening.submission_id}).decode()}
