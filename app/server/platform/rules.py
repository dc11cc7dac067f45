"""The e-bidding platform's rules: projects, bid submissions with signed receipts, the opening,
and the encryption-key registry, written against a :class:`~.repository.PlatformRepository`.
The service's unit of work hands out a :class:`Platform` bound to its transaction
(``ctx.unit().platform``); the routes in :mod:`.routes` call it."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ...core import bidx, gm
from ...core.errors import EbidError
from ...core.licence import FULL_BIDDING
from ...core.licence.model import new_id
from ..errors import ApiError
from .repository import EncryptionKey, PlatformRepository, Project, Submission
from .upload import Incoming

if TYPE_CHECKING:
    from ..auth import Holder
    from ..context import ServiceContext

RECEIPT_TYPE = "ebid-bid-receipt"


def canonical_json(data: dict) -> bytes:
    """Sorted keys, no spaces, UTF-8: the byte form receipts are signed in."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def check_container(path: Path, project: str, section: str, who: Holder) -> None:
    """The header's codes and named sender (bidx.md §8) against the upload; the signature over the
    whole file, these fields included, was checked with ``who``'s key while it streamed in."""
    try:
        header = bidx.inspect_container(path)
    except EbidError as exc:
        raise ApiError("not_a_bid_file", "The upload is not a BIDX container: {d}", d=exc.message) from None
    if (header.project and header.project != project) or (header.section and header.section != section):
        raise ApiError("wrong_project",
            "The container was made for {p}/{s}, not {project}/{section}",
            p=header.project, s=header.section, project=project, section=section,
        )
    try:
        bidx.check_sender(header, bidx.SignerIdentity(who.public_key, who.certificate.der))
    except bidx.SenderMismatch:
        raise ApiError("wrong_sender",
            "The container names another sender ({named}) than the licence that signed it: a bid "
            "is submitted by the bidder who made it", named=header.sender.describe(),
        ) from None


def bid_file(bids_dir: Path, submission_id: str) -> Path:
    return bids_dir / f"{submission_id}.bidx"


class Platform:
    """The platform's rules over one repository (one transaction)."""

    def __init__(
        self,
        repo: PlatformRepository,
        *,
        key: gm.SM2PrivateKey,
        clock: Callable[[], datetime],
        bids_dir: Path,
    ) -> None:
        self.repo = repo
        self.key = key
        self.now = clock
        self.bids_dir = bids_dir

    # projects ------------------------------------------------------------------------------

    def project(self, code: str) -> Project:
        found = self.repo.get_project(code)
        if found is None:
            raise ApiError("unknown_project", "No project {code}", code=code)
        return found

    def projects(self) -> list[Project]:
        return self.repo.list_projects()

    # bids ----------------------------------------------------------------------------------

    def check_may_submit(self, who: Holder, code: str, section: str) -> Project:
        """Matter, project, section and deadline; run before the upload and again after it."""
        now = self.now()
        who.require_matter(FULL_BIDDING, now)
        project = self.project(code)
        if section not in project.sections:
            raise ApiError("unknown_section", "Project {code} has no section {section}", code=code, section=section)
        if now > project.bid_deadline:
            raise ApiError(
                "deadline_passed",
                "The bid deadline of {code} was {deadline}; bids are no longer accepted",
                code=code,
                deadline=project.bid_deadline.isoformat(),
            )
        return project

    def record_submission(
        self, who: Holder, code: str, section: str, name: str, signature: bytes,
        incoming: Incoming, *, submission_id: str, task_id: str | None = None,
    ) -> Submission:
        """Check again, sign a receipt, record it and move the file to :meth:`bid_path`. The
        caller removes that file if the transaction does not commit."""
        self.check_may_submit(who, code, section)
        check_container(incoming.path, code, section, who)
        earlier = self.repo.find_submission(who.credit_code, code, section, incoming.sm3)
        if earlier is not None and earlier.task_id == task_id:
            return earlier  # the same bytes again (a retry after a lost answer): the first receipt
        received = self.now()
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
        submission = Submission(
            submission_id=submission_id, project_code=code, section=section, credit_code=who.credit_code,
            serial=format(who.serial, "x"), person_id=who.person_id, file_name=name, size=incoming.size,
            sm3=incoming.sm3, signature=signature, receipt=receipt.decode(),
            receipt_signature=self.key.sign(receipt), received_at=received, task_id=task_id,
        )
        self.repo.add_submission(submission)
        os.replace(incoming.path, self.bid_path(submission_id))  # before the commit
        return submission

    def bid_path(self, submission_id: str) -> Path:
        return bid_file(self.bids_dir, submission_id)

    def submissions_of(self, who: Holder) -> list[Submission]:
        who.require_matter(FULL_BIDDING, self.now())
        return self.repo.submissions_of(who.credit_code)

    def openable_submission(self, who: Holder, submission_id: str) -> Submission:
        """The enterprise's own submission, once its project's opening time has come."""
        now = self.now()
        who.require_matter(FULL_BIDDING, now)
        found = self.repo.get_submission(submission_id)
        project = self.repo.get_project(found.project_code) if found else None
        if found is None or found.credit_code != who.credit_code or project is None:
            raise ApiError("unknown_submission", "No submission {id} of your enterprise", id=submission_id)
        if now < project.opening_time:
            raise ApiError(
                "not_opened",
                "Bids of {code} can be fetched from the opening at {at}",
                code=project.code, at=project.opening_time.isoformat(),
            )
        return found

    # encryption keys -----------------------------------------------------------------------

    def register_key(self, who: Holder, label: str, public_key_der: bytes) -> EncryptionKey:
        key = gm.load_public_key(public_key_der)  # InvalidKey (400) unless an SM2 key
        serial = format(who.serial, "x")
        existing = self.repo.find_key(serial, key.to_bytes())
        if existing is not None:
            return existing  # applying twice for the same key is harmless
        record = EncryptionKey(
            key_id=new_id("K"), credit_code=who.credit_code, person_id=who.person_id,
            serial=serial, label=label, public_key=key.to_bytes(), created_at=self.now(),
        )
        self.repo.add_key(record)
        return record

    def keys_of(self, who: Holder) -> list[EncryptionKey]:
        return self.repo.keys_of(who.credit_code)


def store_submission(
    ctx: ServiceContext, who: Holder, code: str, section: str, name: str, signature: bytes,
    incoming: Incoming, task_id: str | None = None,
) -> Submission:
    """Record the bid in one transaction, all or nothing: the file is moved into place before
    the commit and removed again if anything (the commit included) fails."""
    submission_id = new_id("S")
    try:
        with ctx.unit() as u:
            return u.platform.record_submission(
                who, code, section, name, signature, incoming, submission_id=submission_id,
                task_id=task_id,
            )
    except BaseException:
        bid_file(ctx.settings.bids_dir, submission_id).unlink(missing_ok=True)
        raise
