"""The bid page's password-gated actions: apply for a key, encrypt and sign, submit, rehearse,
list and fetch submissions. Each asks the licence password through the context, runs its core
work in a :class:`BackgroundOp` and locks the session when that work ends."""

from __future__ import annotations

import socket
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from ...core.client import Receipt
from ...core.errors import Cancelled
from ...core.keystore import EncryptionKeyInfo, Unlocked
from .. import seams
from ..operations import BackgroundOp
from . import messages as bid_errors
from . import records as bid_records
from . import work
from .jobs import EncryptRequest, if_alive
from .model import BidRow, State, human_size

if TYPE_CHECKING:
    from .page import BidsPage


def _locking(unlocked: Unlocked, fn: Callable[..., Any], *args: Any) -> Any:
    try:
        return fn(*args)
    finally:
        unlocked.lock()


class BidActions(QObject):
    def __init__(self, page: BidsPage) -> None:
        super().__init__(page)
        self.page = page
        self.context = page.context
        self.form = page.form
        self.last_opened = (
            None  # the last file fetched and decrypted (shown to the user, read by tests)
        )

    def _title(self) -> str:
        return self.tr("Bid files")

    def _op(
        self,
        fn: Callable[..., Any],
        success: Callable[[Any], None],
        label: str | None = None,
        failure: Callable[[BaseException], None] | None = None,
    ) -> BackgroundOp:
        op = BackgroundOp(self.page, op=fn, success=if_alive(self.page, success))
        op.failure(if_alive(self.page, failure or self.page.show_error))
        return (op.with_progress(label) if label else op).run()

    # -- platform data ---------------------------------------------------------------------------------

    def load_projects(self, *args) -> None:
        client = self.context.client
        self._op(
            lambda p, c: client.projects(), self.form.set_projects, failure=self._projects_failed
        )

    def _projects_failed(self, exc: BaseException) -> None:
        """Said in place of the project times, not in a dialog: the page may not even be shown."""
        self.form.times.setText(bid_errors.message(exc))

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
        else:
            return self.form.project().code, self.form.section(), self.form.licence_id()
        return None

    # -- 申请密钥 --------------------------------------------------------------------------------------

    def apply_for_key(self) -> None:
        licence = self.form.licence_id()
        if licence is not None and self.context.connected:
            self.page.with_unlocked(
                self.tr("apply for an encryption key"),
                lambda unlocked: self._apply(licence, unlocked, None),
            )

    def _apply(
        self, licence: int, unlocked: Unlocked, then: Callable[[EncryptionKeyInfo], None] | None
    ) -> None:
        client, store = self.context.client, self.context.keystore
        label = self.tr("Bid encryption key on {device}").format(device=socket.gethostname())

        def op(p, c):
            if then is None:
                return _locking(
                    unlocked, work.apply_for_key, client, store, unlocked, licence, label
                )
            return work.apply_for_key(client, store, unlocked, licence, label)

        def failed(exc: BaseException) -> None:
            unlocked.lock()
            self.page.show_error(exc)

        self._op(
            op, partial(self._applied, then), self.tr("Applying for an encryption key…"), failed
        )

    def _applied(
        self, then: Callable[[EncryptionKeyInfo], None] | None, info: EncryptionKeyInfo
    ) -> None:
        self.context.keys_changed.emit()
        self.form.refresh_key()
        if then is not None:
            then(info)

    # -- encrypt and sign ---------------------------------------------------------------------------------

    def encrypt(self, rows: list[BidRow]) -> None:
        target = self._target()
        if target is not None:
            self.page.with_unlocked(
                self.tr("sign the bid files"), partial(self._encrypt_unlocked, rows, target)
            )

    def _encrypt_unlocked(
        self, rows: list[BidRow], target: tuple[str, str, int], unlocked: Unlocked
    ) -> None:
        key = self.form.device_key()
        if key is not None:
            self._sign_then_start(rows, target, unlocked, key)
            return
        ask = self.tr(
            "There is no encryption key for this licence on this device yet. Apply for one now? "
            "It is generated on this device and its public part is registered with the platform."
        )
        if not seams.confirm(self.page, self._title(), ask):
            unlocked.lock()
            return
        self._apply(target[2], unlocked, partial(self._sign_then_start, rows, target, unlocked))

    def _sign_then_start(
        self,
        rows: list[BidRow],
        target: tuple[str, str, int],
        unlocked: Unlocked,
        key: EncryptionKeyInfo,
    ) -> None:
        store, licence = self.context.keystore, target[2]
        self._op(
            lambda p, c: _locking(unlocked, work.signer_key, store, unlocked, licence),
            partial(self._start, rows, target, key),
        )

    def _start(
        self, rows: list[BidRow], target: tuple[str, str, int], key: EncryptionKeyInfo, signer
    ) -> None:
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
        self.page.encryptor.start(waiting, request)

    # -- submit -----------------------------------------------------------------------------------------

    def submit_selected(self) -> None:
        rows = [r for r in self.page.done_rows() if r.state is State.ENCRYPTED]
        if not rows:
            seams.info(self.page, self._title(), self.tr("These files are already submitted."))
            return
        licence = rows[0].licence_id
        rows = [r for r in rows if r.licence_id == licence]
        self.page.with_unlocked(
            self.tr("submit the bid files"), partial(self._submit, rows, licence)
        )

    def _submit(self, rows: list[BidRow], licence: int, unlocked: Unlocked) -> None:
        client, store = self.context.client, self.context.keystore
        items = [(r.container, r.signature, r.project, r.section) for r in rows]
        self._op(
            lambda p, c: _locking(
                unlocked, work.submit, client, store, unlocked, licence, items, c
            ),
            partial(self._submitted, rows),
            self.tr("Submitting to the platform…"),
        )

    def _submitted(self, rows: list[BidRow], results: list[work.Submitted]) -> None:
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
        self.context.bids_changed.emit()

    # -- rehearse ---------------------------------------------------------------------------------------

    def rehearse_selected(self) -> None:
        rows = self.page.done_rows()
        if rows:
            self.page.with_unlocked(
                self.tr("rehearse the decryption"), partial(self._rehearse, rows[0])
            )

    def _rehearse(self, row: BidRow, unlocked: Unlocked) -> None:
        store, pool, path = self.context.keystore, self.page.crypto.get(), row.container
        self._op(
            lambda p, c: _locking(unlocked, work.rehearse, store, unlocked, path, pool, p, c),
            partial(self._rehearsed, row),
            self.tr("Rehearsing the decryption…"),
            partial(self._rehearse_failed, row),
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
                size=human_size(result.header.plaintext_length),
                seconds=f"{seconds:.2f}",
            ),
        )

    def _rehearse_failed(self, row: BidRow, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        row.note = self.tr("Rehearsal failed: {reason}").format(reason=bid_errors.message(exc))
        self._row_changed(row)
        self.page.show_error(exc)

    def _row_changed(self, row: BidRow) -> None:
        if row in self.page.model.rows:
            self.page.model.changed(self.page.model.rows.index(row))

    # -- submissions and the opening -------------------------------------------------------------------

    def refresh_submissions(self) -> None:
        licence = self.form.licence_id()
        if licence is not None and self.context.connected:
            self.page.with_unlocked(self.tr("list your submissions"), partial(self._list, licence))

    def _list(self, licence: int, unlocked: Unlocked) -> None:
        client, store = self.context.client, self.context.keystore
        self._op(
            lambda p, c: _locking(unlocked, work.submissions, client, store, unlocked, licence),
            self.page.submitted.set_receipts,
            self.tr("Asking the platform…"),
        )

    def fetch_and_decrypt(self, receipt: Receipt) -> None:
        licence = self.form.licence_id()
        if licence is not None and self.context.connected:
            self.page.with_unlocked(
                self.tr("fetch and decrypt the bid"), partial(self._fetch, receipt, licence)
            )

    def _fetch(self, receipt: Receipt, licence: int, unlocked: Unlocked) -> None:
        client, store, pool = self.context.client, self.context.keystore, self.page.crypto.get()
        outdir = self.form.outdir.parent / "opened"
        self._op(
            lambda p, c: _locking(
                unlocked,
                work.fetch_and_decrypt,
                client,
                store,
                unlocked,
                licence,
                receipt,
                outdir,
                pool,
                p,
                c,
            ),
            self._opened,
            self.tr("Fetching and decrypting…"),
        )

    def _opened(self, result) -> None:
        self.last_opened = result.output
        seams.info(
            self.page,
            self._title(),
            self.tr("Fetched, checked and decrypted: {path}").format(path=str(result.output)),
        )
