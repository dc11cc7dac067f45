"""The bid page's password-gated actions: apply for a key, encrypt and sign, submit, rehearse,
list and fetch submissions. Each asks the licence password through the context, runs its core
work in a :class:`BackgroundOp` and locks the session when that work ends."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from ...core import bidding as work
from ...core.client import Receipt
from ...core.errors import Cancelled
from ...core.keybackup import guard as key_guard
from .. import errors, pools, seams, settings
from ..changes import Change, Changed
from ..format import data_size, local_time
from ..keys import guard as guard_question
from ..operations import BackgroundOp
from ..unlocked import UnlockedOp
from . import records as bid_records
from .jobs import EncryptRequest
from .model import BidRow, State

if TYPE_CHECKING:
    from .page import BidsPage


class BidActions(QObject):
    def __init__(self, page: BidsPage) -> None:
        super().__init__(page)
        self.page = page
        self.context = page.context
        self.form = page.form
        self.last_opened = (
            None  # the last file fetched and decrypted (shown to the user, read by tests)
        )
        self.submitting = False

    def _title(self) -> str:
        return self.tr("Bid files")

    def _unlocked(
        self,
        asking: str,
        op: Callable[..., Any],
        success: Callable[[Any], None],
        label: str | None = None,
        *,
        licence: int | None = None,
        purpose: str = "",
        failure: Callable[[BaseException], None] | None = None,
        cancellable: bool = False,
        keep_until: QObject | None = None,
    ) -> UnlockedOp:
        """The password, then ``op(access, progress, cancel)`` off the GUI thread (as ``licence``
        at the platform when given); the session is locked when ``op`` ends."""
        run = UnlockedOp(self.page, self.context, asking=asking, op=op, success=success,
                         licence=licence, purpose=purpose)
        run.failure(failure or self.page.show_error)
        if label:
            run.with_progress(label)
        if cancellable:
            run.cancellable()
        if keep_until is not None:
            run.keep_until(keep_until)
        return run.run()

    # -- platform data ---------------------------------------------------------------------------------

    def load_projects(self, *args) -> None:
        """Show the list the context already has, and ask the platform for a newer one."""
        watch = self.context.projects
        if watch.projects is not None:
            self.form.set_projects(watch.projects)
        watch.refresh()

    def projects_failed(self, exc: BaseException) -> None:
        """Said in place of the project times, not in a dialog: the page may not even be shown."""
        self.form.times.setText(errors.text(exc))

    def _target(self) -> tuple[str, str, int] | None:
        """(project code, section, licence id), or None after telling the user what is missing."""
        if self.form.licence_id() is None:
            seams.warn(
                self.page,
                self._title(),
                self.tr("Download a licence first: the bid is signed with it."),
            )
        elif not self.context.connected:
            seams.warn(
                self.page,
                self._title(),
                self.tr("The platform is not connected yet; try again in a moment."),
            )
        elif self.form.project() is None or not self.form.section():
            seams.warn(self.page, self._title(), self.tr("Choose the project and section first."))
        elif not self._still_open(self.form.project().code):
            pass
        else:
            return self.form.project().code, self.form.section(), self.form.licence_id()
        return None

    def _still_open(self, code: str) -> bool:
        """False, after saying so, when the project no longer takes bids: before any password."""
        project = next((p for p in self.form.projects if p.code == code), None)
        if project is None or work.phase(project, self.form.now()) is work.Phase.OPEN:
            return True  # unknown here: the platform decides
        seams.warn(self.page, self._title(), self.tr(
            "The bid deadline of {project} passed at {deadline}: the platform no longer accepts "
            "bids for it, so nothing was encrypted or sent."
        ).format(project=f"{project.name} ({project.code})", deadline=local_time(project.bid_deadline)))
        return False

    # -- 申请密钥 --------------------------------------------------------------------------------------

    def _key_label(self) -> str:
        return self.tr("Bid encryption key on {device}").format(device=socket.gethostname())

    def apply_for_key(self) -> None:
        licence = self.form.licence_id()
        if licence is None or not self.context.connected:
            return
        label = self._key_label()

        def op(access, progress, cancel) -> Changed:
            info = work.apply_for_key(access.holder, access.store, access.unlocked, licence, label)
            return Changed(info, Change.KEYS)

        self._unlocked(self.tr("apply for an encryption key"), op, lambda info: None,
                       self.tr("Applying for an encryption key…"), licence=licence,
                       purpose="register encryption key")

    # -- encrypt and sign ---------------------------------------------------------------------------------

    def encrypt(self, rows: list[BidRow]) -> None:
        """Ask first whether to apply for a key (if this device has none), then the password once:
        the key application, the signer and the whole batch share one unlocked session, locked
        when the batch ends."""
        target = self._target()
        if target is None:
            return
        key = self.form.device_key()
        if key is None:
            ask = self.tr(
                "There is no encryption key for this licence on this device yet. Apply for one now? "
                "It is generated on this device and its public part is registered with the platform."
            )
            if not seams.confirm(self.page, self._title(), ask):
                return
        licence, label, lease = target[2], self._key_label(), QObject(self.page.encryptor)

        def op(access, progress, cancel) -> Changed:
            if key is None:
                work.apply_for_key(access.holder, access.store, access.unlocked, licence, label)
            chosen, found = work.bid_key(access.store, licence, access.holder)
            # The stored public half is checked against the sealed private key: a swapped one is refused.
            chosen = replace(chosen, public_key=access.store.encryption_public_key(chosen.id, access.unlocked))
            signer = work.signer_key(access.store, access.unlocked, licence)
            accept = partial(key_guard.accept_risk, access.store, access.unlocked, found, via="bid page",
                             project=target[0], section=target[1])  # while the lease keeps the session
            return Changed((chosen, signer, found, accept), Change(0) if key else Change.KEYS)

        def failed(exc: BaseException) -> None:
            lease.deleteLater()
            self.page.show_error(exc)

        run = self._unlocked(self.tr("sign the bid files"), op, partial(self._start, rows, target, lease),
                             licence=licence, purpose="register encryption key", failure=failed,
                             keep_until=lease)
        if run.operation is None:
            lease.deleteLater()

    def _start(self, rows: list[BidRow], target: tuple[str, str, int], lease: QObject, keys) -> None:
        key, signer, found, accept = keys
        if not found.protected:
            self._unprotected(rows, target, lease, keys)
            return
        self._encrypt_now(rows, target, lease, key, signer)

    def _unprotected(self, rows: list[BidRow], target, lease: QObject, keys) -> None:
        """The bid-survival guard: back the key up, or encrypt accepting the risk (recorded in the
        audit log before anything is encrypted), or stop."""
        key, signer, found, accept = keys
        answer = guard_question.ask(self.page, found.refusal())
        if answer != guard_question.ACCEPT:
            lease.deleteLater()
            if answer == guard_question.BACK_UP:
                guard_question.open_backup(self.page, found.key.registry_id)
            return
        names = [r.source.name for r in rows]

        def failed(exc: BaseException) -> None:
            lease.deleteLater()
            self.page.show_error(exc)

        BackgroundOp(self.page, op=lambda p, c: accept(files=names),
                     success=lambda _: self._encrypt_now(rows, target, lease, key, signer)) \
            .failure(failed).run()

    def _encrypt_now(self, rows: list[BidRow], target: tuple[str, str, int], lease: QObject, key,
                     signer) -> None:
        project, section, licence = target
        try:
            self.form.outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            seams.warn(
                self.page,
                self._title(),
                self.tr("Cannot create {path}: {reason}").format(
                    path=str(self.form.outdir), reason=exc.strerror or str(exc)
                ),
            )
            lease.deleteLater()
            return
        waiting = [
            r
            for r in rows
            if r.state in (State.QUEUED, State.FAILED, State.CANCELLED)
            and not self.page.encryptor.is_running(r)
        ]
        request = EncryptRequest(
            self.form.outdir, key.public_key, signer, licence, project, section
        )
        self.page.encryptor.start(waiting, request, lease)

    # -- submit -----------------------------------------------------------------------------------------

    def submit_selected(self) -> None:
        rows = [r for r in self.page.done_rows() if r.state is State.ENCRYPTED]
        if not rows:
            seams.info(self.page, self._title(), self.tr("These files are already submitted."))
            return
        licence = rows[0].licence_id
        rows = [r for r in rows if r.licence_id == licence]
        if not all(self._still_open(code) for code in dict.fromkeys(r.project for r in rows)):
            return
        items = [(r.container, r.signature, r.project, r.section) for r in rows]

        def failed(exc: BaseException) -> None:
            self._submitting(False)
            self.page.show_error(exc)

        run = self._unlocked(
            self.tr("submit the bid files"),
            lambda access, p, c: Changed(work.submit(access.holder, items, c), Change.BIDS),
            partial(self._submitted, rows),
            self.tr("Submitting to the platform…"),
            licence=licence,
            purpose="submit bid",  # not cancellable: a receipt the platform gave must be kept
            failure=failed,
        )
        self._submitting(run.operation is not None)

    def _submitting(self, busy: bool) -> None:
        """The submit button stays off while an upload runs: one click, one submission."""
        self.submitting = busy
        self.page._enable()

    def _submitted(self, rows: list[BidRow], results: list[work.Submitted]) -> None:
        self._submitting(False)
        records = []
        for row, result in zip(rows, results):
            row.state, row.receipt = State.SUBMITTED, result.receipt
            self.page.model.changed(self.page.model.rows.index(row))
            records.append(
                bid_records.SubmittedBid(
                    result.receipt.submission_id,
                    result.receipt.project,
                    result.receipt.section,
                    result.receipt.file_name,
                    str(result.container),
                    tuple(result.key_ids),
                    result.receipt.sm3,
                    result.receipt.received_at.isoformat(),
                )
            )
        bid_records.add(records)
        self.page.show_receipts([r.receipt for r in results])
        self.page.submitted.add_receipts([r.receipt for r in results])

    # -- rehearse ---------------------------------------------------------------------------------------

    def rehearse_selected(self) -> None:
        rows = self.page.done_rows()
        if not rows:
            return
        row = rows[0]
        pool, path = pools.crypto(), row.container
        self._unlocked(
            self.tr("rehearse the decryption"),
            lambda access, p, c: work.rehearse(access.store, access.unlocked, path, pool, p, c),
            partial(self._rehearsed, row),
            self.tr("Rehearsing the decryption…"),
            failure=partial(self._rehearse_failed, row),
            cancellable=True,
        )

    def _rehearsed(self, row: BidRow, outcome) -> None:
        result, seconds = outcome
        row.note = self.tr("Rehearsal passed ({seconds} s).").format(seconds=f"{seconds:.2f}")
        self._row_changed(row)
        seams.info(
            self.page,
            self._title(),
            self.tr(
                "Rehearsal passed: this device's key opens {name} exactly as it is ({size}, every chunk "
                "authenticated) in {seconds} s."
            ).format(
                name=row.container.name,
                size=data_size(result.header.plaintext_length),
                seconds=f"{seconds:.2f}",
            ),
        )

    def _rehearse_failed(self, row: BidRow, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        row.note = self.tr("Rehearsal failed: {reason}").format(reason=errors.text(exc))
        self._row_changed(row)
        self.page.show_error(exc)

    def _row_changed(self, row: BidRow) -> None:
        if row in self.page.model.rows:
            self.page.model.changed(self.page.model.rows.index(row))

    # -- submissions and the opening -------------------------------------------------------------------

    def refresh_submissions(self) -> None:
        licence = self.form.licence_id()
        if licence is not None and self.context.connected:
            self._unlocked(
                self.tr("list your submissions"),
                lambda access, p, c: work.submissions(access.holder),
                self.page.submitted.set_receipts,
                self.tr("Asking the platform…"),
                licence=licence,
                purpose="list submissions",
            )

    def fetch_and_decrypt(self, receipt: Receipt) -> None:
        """Before the opening, said at once; else the folder (remembered), then the password."""
        licence = self.form.licence_id()
        if licence is None or not self.context.connected:
            return
        project = next((p for p in self.form.projects if p.code == receipt.project), None)
        if project is not None and work.phase(project, self.form.now()) is not work.Phase.OPENED:
            seams.warn(self.page, self._title(), self.tr(
                "{project} opens {opening}: its bids can be fetched and decrypted from the opening on."
            ).format(project=f"{project.name} ({project.code})", opening=local_time(project.opening_time)))
            return
        folder = seams.choose_folder(self.page, self.tr("Save the decrypted bid in"),
                                     settings.OPENED_FOLDER.get() or str(self.form.outdir.parent / "opened"))
        if not folder:
            return
        settings.OPENED_FOLDER.set(folder)
        pool, outdir = pools.crypto(), Path(folder)

        def op(access, progress, cancel) -> Changed:
            result = work.fetch_and_decrypt(access.holder, access.store, access.unlocked, receipt,
                                            outdir, pool, progress, cancel)
            return Changed(result, Change.BIDS)

        self._unlocked(
            self.tr("fetch and decrypt the bid"),
            op,
            self._opened,
            self.tr("Fetching and decrypting…"),
            licence=licence,
            purpose="fetch bid",
            cancellable=True,
        )

    def _opened(self, result) -> None:
        self.last_opened = result.output
        seams.info(
            self.page,
            self._title(),
            self.tr("Fetched, checked and decrypted: {path}").format(path=str(result.output)),
        )
