"""Runs the bid page's encryptions: one :class:`BackgroundOp` per file, so each can be cancelled on
its own, all sharing one bidx crypto pool (sized to the cores) for the chunk work.

The driver threads (a small QThreadPool) only read, hand chunks to the crypto pool and write;
the GUI thread receives throttled progress and the results. Nothing here touches a widget.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from ...core import bidx
from ...core.bidding import encrypt_one
from ...core.errors import Cancelled, EbidError
from ...core.gm import SM2PublicKey
from ...core.keystore import LicenceSigner
from .. import errors, pools
from ..changes import Change, Changed
from ..operations import BackgroundOp
from .model import BidRow, BidTableModel, State

DRIVERS = 2  # files encrypted at the same time; the crypto pool does the parallel work


@dataclass(frozen=True)
class EncryptRequest:
    outdir: Path
    recipient: SM2PublicKey
    signer: LicenceSigner  # a handle: the key itself never reaches the GUI thread
    licence_id: int
    project: str
    section: str


def _encrypt(*args) -> Changed:
    return Changed(encrypt_one(*args), Change.BIDS)


class Encryptor(QObject):
    """Starts, tracks and cancels the encryptions of the model's rows."""

    progressed = Signal()  # some row moved: the page refreshes its overall line
    batch_finished = Signal()

    def __init__(self, model: BidTableModel, parent: QObject) -> None:
        super().__init__(parent)
        self.model = model
        self.drivers = QThreadPool(self)
        self.drivers.setMaxThreadCount(DRIVERS)
        self._ops: dict[int, BackgroundOp] = {}  # id(row) -> its operation
        self.batch: list[BidRow] = []
        self.batch_started = 0.0
        self._leases: list[QObject] = []  # each holds an unlocked session until the batch ends

    def start(self, rows: list[BidRow], request: EncryptRequest, lease: QObject) -> None:
        """Encrypt ``rows``; ``lease`` (see ``UnlockedOp.keep_until``) is released, locking the
        session that signs, when the batch ends."""
        self._leases.append(lease)
        if not any(r.active for r in self.batch):
            self.batch, self.batch_started = [], time.monotonic()
        options = bidx.EncryptOptions(
            project=request.project, section=request.section, signer=request.signer
        )
        pool = pools.crypto()
        for row in rows:
            row.state, row.done, row.error, row.note = State.QUEUED, 0, "", ""
            row.licence_id, row.project, row.section = (
                request.licence_id,
                request.project,
                request.section,
            )
            self.batch.append(row)
            op = partial(_encrypt, row.source, request.outdir, request.recipient, options, pool)
            self._ops[id(row)] = (
                BackgroundOp(self, op=op, success=partial(self._done, row))
                .failure(partial(self._failed, row))
                .on_progress(partial(self._progress, row))
                .cancellable()
                .in_pool(self.drivers)
                .run()
            )
            self._changed(row)

    def cancel(self, rows: list[BidRow]) -> None:
        for row in rows:
            op = self._ops.get(id(row))
            if op is not None:
                op.cancel()

    def cancel_all(self) -> None:
        self.cancel(list(self.batch))

    def is_running(self, row: BidRow) -> bool:
        return id(row) in self._ops

    def busy(self) -> bool:
        return bool(self._ops)

    def overall(self) -> tuple[int, int, float]:
        """(bytes done, bytes total, seconds elapsed) of the current batch."""
        done = sum(r.done for r in self.batch if r.state is not State.CANCELLED)
        total = sum(r.size for r in self.batch if r.state is not State.CANCELLED)
        return done, total, time.monotonic() - self.batch_started

    # -- GUI thread ----------------------------------------------------------------------------------

    def _progress(self, row: BidRow, done: int, total: int) -> None:
        if row.state is State.QUEUED:
            row.state, row.started = State.ENCRYPTING, time.monotonic()
        row.done = min(done, row.size)
        self._changed(row)

    def _done(self, row: BidRow, result: bidx.EncryptResult) -> None:
        row.state, row.done, row.finished = State.ENCRYPTED, row.size, time.monotonic()
        row.container, row.signature = result.container, result.signature
        self._end(row)

    def _failed(self, row: BidRow, exc: BaseException) -> None:
        row.finished = time.monotonic()
        if isinstance(exc, Cancelled):
            row.state = State.CANCELLED
        else:
            row.state, row.error = State.FAILED, errors.text(exc)
            if not isinstance(exc, EbidError):
                errors.show(
                    None, exc
                )  # a bug, not a refusal: logged and reported once with details
        self._end(row)

    def _end(self, row: BidRow) -> None:
        self._ops.pop(id(row), None)
        self._changed(row)
        if not self._ops:
            for lease in self._leases:
                lease.deleteLater()
            self._leases.clear()
            self.batch_finished.emit()

    def _changed(self, row: BidRow) -> None:
        if row in self.model.rows:
            self.model.changed(self.model.rows.index(row))
        self.progressed.emit()

    def close(self) -> None:
        self.cancel_all()
        self.drivers.waitForDone()
