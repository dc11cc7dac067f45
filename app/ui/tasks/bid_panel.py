"""The task dialog's part for a ``decrypt`` task (qr-tasks.md §11): the bid the platform wants
opened (project, section, file name, size, when it was submitted) and which key of this device
will open it — or, when this device holds none of the bid's keys, which keys it would need
(label and key id). The work itself is core's :func:`~app.core.client.task_holder.confirm_decrypt`
and :func:`~app.core.client.task_holder.decline_decrypt`, on pool threads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

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
