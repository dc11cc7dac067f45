"""The task dialog's parts for the bid tasks — ``encrypt`` (qr-tasks.md §13): the project, section
and deadline, and the holder's choice of files; ``decrypt`` (qr-tasks.md §12): the bid the platform wants
opened (project, section, file name, size, when it was submitted) and which key of this device
will open it — or, when this device holds none of the bid's keys, which keys it would need
(label and key id). The work itself is core's :func:`~app.core.client.task_holder.confirm_decrypt`
and :func:`~app.core.client.task_holder.decline_decrypt`, on pool threads."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from ...core.errors import EbidError
from ..format import data_size, local_time

if TYPE_CHECKING:
    from ...core.keystore import EncryptionKeyInfo, Keystore
    from ...core.qrtask import VerifiedTask
    from ...core.qrtask.bids import DecryptDetails
    from .jobs import Fetched


class DecryptPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskBid")
        self.details: DecryptDetails | None = None
        self.key: EncryptionKeyInfo | None = None
        self.form = QFormLayout(self)
        self.project = self._label("bidProject")
        self.section = self._label("bidSection")
        self.file = self._label("bidFile")
        self.size = self._label("bidSize")
        self.submitted = self._label("bidSubmitted")
        self.device_key = self._label("bidKey")
        self._captions = [QLabel(self) for _ in range(6)]
        for caption, value in zip(self._captions, (self.project, self.section, self.file, self.size,
                                                   self.submitted, self.device_key)):
            self.form.addRow(caption, value)
        self.retranslate()
        self.hide()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # the platform's text, never rich text
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def retranslate(self) -> None:
        self.setTitle(self.tr("The bid to decrypt"))
        for label, caption in zip(self._captions, (self.tr("Project"), self.tr("Section"), self.tr("File"),
                                                   self.tr("Size"), self.tr("Submitted at"),
                                                   self.tr("Key of this device"))):
            label.setText(caption)

    def show_task(self, store: Keystore, task: VerifiedTask) -> str:
        """Fill in the bid and the key; "" when this device can open it, else why not (shown as
        the dialog's problem; confirming stays off)."""
        from ...core.client.task_holder import decrypt_key
        from ...core.qrtask.bids import missing_key

        try:
            self.details, self.key = decrypt_key(store, task)
        except EbidError as exc:
            from .. import errors

            self.details, self.key = None, None
            return errors.text(exc)
        d = self.details
        self.project.setText(self.tr("{name} ({code})").format(name=d.project_name, code=d.project_code))
        self.section.setText(d.section)
        self.file.setText(d.file_name)
        self.size.setText(data_size(d.size))
        self.submitted.setText(local_time(d.received_at, seconds=True))
        self.show()
        if self.key is None:
            self.device_key.setText(self.tr("None: this device holds no key for this bid"))
            from .. import errors

            return errors.text(missing_key(d))
        from ...core.bidding import key_hex

        self.device_key.setText(self.tr("{label} (key id {kid})").format(
            label=self.key.label, kid=key_hex(self.key.public_key)[:16]))
        return ""

    def can_confirm(self) -> bool:
        return self.details is not None and self.key is not None


def confirm_decrypt_op(fetched: Fetched, licence_id: int):
    """The op of an :class:`~app.ui.unlocked.UnlockedOp`: re-wrap, sign, post and record."""

    def op(access, progress, cancel):
        from ...core.client.task_holder import confirm_decrypt

        with fetched.using() as tasks:
            return confirm_decrypt(tasks, access.store, access.unlocked, licence_id, fetched.task)

    return op


def decline_decrypt_op(fetched: Fetched, store: Keystore):
    def op(progress, cancel):
        from ...core.client.task_holder import decline_decrypt

        with fetched.using() as tasks:
            return decline_decrypt(tasks, store, fetched.task)

    return op


class EncryptPanel(QGroupBox):
    """An ``encrypt`` task's part: the project, section and deadline the platform names, and the
    holder's choice of bid files on this device (count and sizes). :meth:`refusal` says, before
    any password, why confirming would be refused (deadline, licence, files, no device key)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskUpload")
        self.details = None
        self.task: VerifiedTask | None = None
        self.files: list[Path] = []
        self.said = ""  # the refusal last shown in the dialog
        self.form = QFormLayout(self)
        self.project = self._label("uploadProject")
        self.section = self._label("uploadSection")
        self.deadline = self._label("uploadDeadline")
        self.chosen = self._label("uploadFiles")
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("uploadChoose")
        self.choose_button.clicked.connect(self.choose)
        self._captions = [QLabel(self) for _ in range(4)]
        for caption, value in zip(self._captions, (self.project, self.section, self.deadline, self.chosen)):
            self.form.addRow(caption, value)
        self.form.addRow("", self.choose_button)
        self.retranslate()
        self.hide()

    _label = DecryptPanel._label

    def retranslate(self) -> None:
        self.setTitle(self.tr("Bid files to encrypt and upload"))
        for label, caption in zip(self._captions, (self.tr("Project"), self.tr("Section"),
                                                   self.tr("Bid deadline"), self.tr("Files"))):
            label.setText(caption)
        self.choose_button.setText(self.tr("Choose files…"))
        self._show_files()

    def show_task(self, task: VerifiedTask) -> str:
        from ...core.qrtask.bids import encrypt_details

        try:
            self.details = encrypt_details(task.document)
        except EbidError as exc:
            from .. import errors

            return errors.text(exc)
        self.task = task
        d = self.details
        self.project.setText(self.tr("{name} ({code})").format(name=d.project_name, code=d.project_code))
        self.section.setText(d.section)
        self.deadline.setText(local_time(d.deadline))
        self._show_files()
        self.show()
        return ""

    def choose(self) -> None:
        from .. import seams

        picked = seams.choose_files(self, self.tr("Choose the bid files to encrypt and upload"))
        if picked:
            self.set_files([Path(p) for p in picked])

    def set_files(self, files: list[Path]) -> None:
        self.files = list(files)
        self._show_files()
        self.changed.emit()

    def _show_files(self) -> None:
        if not self.files:
            self.chosen.setText(self.tr("None chosen yet"))
            return
        sizes = [f.stat().st_size if f.exists() else 0 for f in self.files]
        lines = [self.tr("{count} files, {size} in all").format(count=len(self.files), size=data_size(sum(sizes)))]
        lines += [f"{f.name} — {data_size(size)}" for f, size in zip(self.files, sizes)]
        self.chosen.setText("\n".join(lines))

    def refusal(self, store: Keystore, now, licence_id: int | None) -> str:
        """Why confirming would be refused now ("" when it would go ahead)."""
        from ...core.client.task_holder import check_encrypt

        if self.task is None:
            return ""
        try:
            check_encrypt(store, now, licence_id, self.task, self.files)
        except (EbidError, OSError) as exc:
            from .. import errors

            return errors.text(exc)
        return ""


def confirm_encrypt_op(fetched: Fetched, licence_id: int, files: list[Path], *, accept_risk: bool = False):
    """The op of an :class:`~app.ui.unlocked.UnlockedOp`: encrypt, sign, upload and confirm (to a
    key without a verified backup only with ``accept_risk``, which core audits)."""

    def op(access, progress, cancel):
        from ...core.client.task_holder import confirm_encrypt
        from ...core.paths import data_dir
        from .. import pools

        with fetched.using() as tasks:
            state, _ = confirm_encrypt(tasks, access.client, access.store, access.unlocked, licence_id,
                                       fetched.task, files, data_dir() / "bids" / "encrypted",
                                       pools.crypto(), progress, cancel, accept_risk=accept_risk)
            return state

    return op
