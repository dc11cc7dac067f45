"""The sign task's part of the task dialog (docs/protocols/qr-tasks.md §11): the document as the
platform states it (name, size, SM3, media type), whose seal is asked for and by whom, and the
seal picker — the seals collected on this device, those the chosen licence may not use greyed
out with the reason (another enterprise's, outside its validity, an agent without a live seal
authorisation). Which seals are usable is asked off the GUI thread: an agent's authorisations
are the seal office's (core's ``seal_choices`` with ``ServiceUseRule``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from .. import errors
from ..format import data_size
from ..operations import BackgroundOp
from .choices import chosen, fill_choices, plain_label

if TYPE_CHECKING:
    from ...core.client import ServiceClient
    from ...core.client.task_holder import SealChoice
    from ...core.keystore import Keystore
    from ...core.qrtask import VerifiedTask
    from .jobs import Fetched

def seal_choices_op(fetched: Fetched, store: Keystore, client: ServiceClient, licence_id: int):
    def op(progress, cancel) -> list[SealChoice]:
        from ...core.client.seal import ServiceUseRule
        from ...core.client.task_holder import seal_choices

        with fetched.using() as tasks:
            return seal_choices(store, licence_id, fetched.task, tasks.clock(), ServiceUseRule(client))

    return op


def confirm_sign_op(fetched: Fetched, client: ServiceClient, licence_id: int, seal_id: str):
    """The op of an :class:`~app.ui.unlocked.UnlockedOp`: seal the stated SM3, post, record."""

    def op(access, progress, cancel):
        from ...core.client.seal import ServiceUseRule
        from ...core.client.task_holder import confirm_sign_task
        from ...core.client.tsa import time_stamper

        with fetched.using() as tasks:
            # Trusted time from the licence's service: the signature is judged at it (docs/formats/electronic-seal.md).
            return confirm_sign_task(tasks, access.store, access.unlocked, licence_id, fetched.task,
                                     seal_id, ServiceUseRule(client), time_stamper=time_stamper(client))

    return op


class SealPicker(QGroupBox):
    """What is to be sealed, and with which seal."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskSign")
        self.choices: list[SealChoice] = []
        self._loading: BackgroundOp | None = None
        self._asked: int | None = None
        self.document_name = self._label("signDocumentName")
        self.document_size = self._label("signDocumentSize")
        self.document_sm3 = self._label("signDocumentSm3")
        self.enterprise = self._label("signEnterprise")
        self.purpose = self._label("signPurpose")
        self.asked_by = self._label("signRequestedBy")
        self._captions = [QLabel(self) for _ in range(6)]
        form = QFormLayout()
        for caption, value in zip(self._captions, (self.document_name, self.document_size, self.document_sm3,
                                                   self.enterprise, self.purpose, self.asked_by)):
            form.addRow(caption, value)
        self.seals = QListWidget(self)
        self.seals.setObjectName("taskSeals")
        self.seals.setMaximumHeight(140)
        self.seals.itemSelectionChanged.connect(self.changed)
        self.note = self._label("taskSealNote")
        self.note.hide()
        box = QVBoxLayout(self)
        box.addLayout(form)
        self.seals_caption = QLabel(self)
        box.addWidget(self.seals_caption)
        box.addWidget(self.seals)
        box.addWidget(self.note)
        self.retranslate()

    def _label(self, name: str) -> QLabel:
        return plain_label(self, name)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The document to seal"))
        for label, caption in zip(self._captions, (self.tr("Document"), self.tr("Size"), self.tr("SM3"),
                                                   self.tr("Seal of"), self.tr("Purpose"),
                                                   self.tr("Asked by"))):
            label.setText(caption)
        self.seals_caption.setText(self.tr("Seal with"))
        self.seals.setAccessibleName(self.tr("Seals on this device"))

    def show_task(self, task: VerifiedTask) -> None:
        from ...core.qrtask.sign import sign_details

        d = sign_details(task.document)
        self.document_name.setText(d.document.name)
        self.document_size.setText(self.tr("{size} ({bytes} bytes)").format(
            size=data_size(d.document.size), bytes=d.document.size))
        self.document_sm3.setText(d.document.sm3)
        self.enterprise.setText(f"{d.enterprise.name} ({d.enterprise.credit_code})")
        self.purpose.setText(d.purpose)
        self.asked_by.setText(d.requested_by)
        self.show()

    def load(self, fetched: Fetched, store: Keystore, client: ServiceClient, licence_id: int | None) -> None:
        """Ask which seals ``licence_id`` may use (off the GUI thread); None clears the list."""
        self._asked = licence_id
        self.seals.clear()
        self.choices = []
        if licence_id is None:
            self._say("")
            self.changed.emit()
            return
        self._say(self.tr("Checking which seals this licence may use…"))
        self._loading = BackgroundOp(self, op=seal_choices_op(fetched, store, client, licence_id),
                                     success=lambda found, asked=licence_id: self._loaded(asked, found)) \
            .failure(lambda exc: self._say(errors.text(exc))).run()
        self.changed.emit()

    def busy(self) -> bool:
        return self._loading is not None and self._loading in BackgroundOp._running

    def _loaded(self, asked: int, choices: list[SealChoice]) -> None:
        if asked != self._asked:
            return  # the holder picked another licence meanwhile
        self.choices = choices
        rows = [(self.tr("{name} ({id})").format(name=c.seal.name, id=c.seal.seal_id), c.seal.seal_id,
                 None if c.allowed else errors.text(c.refusal)) for c in choices]
        fill_choices(self.seals, rows)
        unusable = [self.tr("{name}: {reason}").format(name=c.seal.name, reason=reason)
                    for c, (_, _, reason) in zip(choices, rows) if reason is not None]
        if not choices:
            note = self.tr("There is no seal on this device: collect one on the Seals page first.")
        elif unusable:
            note = self.tr("Greyed out, cannot be used by this licence now:") + "\n" + "\n".join(unusable)
        else:
            note = ""
        self._say(note)
        self.changed.emit()

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def chosen_seal(self) -> str | None:
        return chosen(self.seals)

    def seal_name(self, seal_id: str) -> str:
        return next((c.seal.name for c in self.choices if c.seal.seal_id == seal_id), seal_id)
