"""The task dialog: what a platform's QR code asks, checked, and the holder's answer.

Opened by the Scan page for a code that is a task URI. It fetches and verifies the task off the
GUI thread (the platform's certificate must chain to the authority root of the service the app
uses), then shows the origin (platform name, address, certificate subject), the task in words,
its details (for a login: the session length, the requesting browser's address and user agent,
when it was requested) and a live countdown to expiry. The holder picks one of the device's
licences — those that may not act now are greyed out with the reason — and confirms (the
licence password is asked by :class:`~app.ui.unlocked.UnlockedOp`), or cancels (the platform is
told; no password). The platform's answer is shown in the dialog: who logged in, or its refusal
in words. A task that fails verification is shown as refused and nothing is sent.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import EbidError
from ...core.keybackup.guard import Unprotected
from .. import errors
from ..format import local_time
from ..keys import guard as guard_question
from ..licences.roles import role_name
from ..operations import BackgroundOp
from ..unlocked import UnlockedOp
from .bid_panel import (
    DecryptPanel,
    EncryptPanel,
    confirm_decrypt_op,
    confirm_encrypt_op,
    decline_decrypt_op,
)
from .choices import chosen, fill_choices, plain_label
from .jobs import Fetched, cancel_op, confirm_op, fetch_op
from .seal_picker import SealPicker, confirm_sign_op

if TYPE_CHECKING:
    from ...core.client.task_holder import LicenceChoice
    from ...core.qrtask import TaskUri
    from ...core.wire import TaskState
    from ..context import AppContext

ANSWERABLE = ("login", "sign")  # the task types this device can confirm today (qr-tasks.md)
ANSWERABLE += ("decrypt", "encrypt")  # the bid tasks (bid_panel.py)
FINAL = ("task_used", "task_expired", "unknown_task", "wrong_task_secret")  # no second answer helps


class TaskDialog(QDialog):
    def __init__(self, context: AppContext, uri: TaskUri, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.context, self.uri = context, uri
        self.fetched: Fetched | None = None
        self.choices: list[LicenceChoice] = []
        self.state: TaskState | None = None  # the platform's answer, once given
        self.closed_for_good = False  # answered, expired or refused for good: nothing more to send
        self._fetching: BackgroundOp | None = None
        self._confirming: UnlockedOp | None = None
        self._cancelling: BackgroundOp | None = None
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._tick)
        self.finished.connect(self._close_client)
        self._build()
        self.retranslate()
        self.resize(640, 640)
        self.fetch()

    # -- building --------------------------------------------------------------------------------

    def _label(self, name: str) -> QLabel:
        return plain_label(self, name)  # the platform's text, never rich text

    def _build(self) -> None:
        self.heading = self._label("taskHeading")
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.problem = self._label("taskProblem")
        self.problem.hide()
        self.outcome = self._label("taskOutcome")
        self.outcome.hide()
        bold = QFont(self.problem.font())
        bold.setBold(True)
        self.problem.setFont(bold)
        self.outcome.setFont(bold)

        self.details = QGroupBox(self)
        self.details.setObjectName("taskDetails")
        self.form = QFormLayout(self.details)
        self.platform = self._label("taskPlatform")
        self.subject = self._label("taskSubject")
        self.address = self._label("taskAddress")
        self.kind = self._label("taskType")
        self.session = self._label("taskSession")
        self.requester = self._label("taskRequester")
        self.agent = self._label("taskUserAgent")
        self.requested = self._label("taskRequested")
        self.countdown = self._label("taskCountdown")
        self._form_labels = [QLabel(self.details) for _ in range(9)]
        for caption, value in zip(self._form_labels, (self.platform, self.subject, self.address, self.kind,
                                                      self.session, self.requester, self.agent,
                                                      self.requested, self.countdown)):
            self.form.addRow(caption, value)
        self.details.hide()
        self.bid_panel = DecryptPanel(self)  # a decrypt task's bid and key (bid_panel.py)
        self.upload_panel = EncryptPanel(self)  # an encrypt task's project and the chosen files
        self.upload_panel.changed.connect(self._update)

        self.licence_box = QGroupBox(self)
        self.licences = QListWidget(self.licence_box)
        self.licences.setObjectName("taskLicences")
        self.licences.setMaximumHeight(160)
        self.licences.itemSelectionChanged.connect(self._update)
        self.licence_note = self._label("taskLicenceNote")
        box = QVBoxLayout(self.licence_box)
        box.addWidget(self.licences)
        box.addWidget(self.licence_note)
        self.licence_box.hide()
        self.sign_box = SealPicker(self)  # a sign task: the document and the seal (qr-tasks.md §11)
        self.sign_box.changed.connect(self._update)
        self.licences.itemSelectionChanged.connect(self._load_seals)
        self.sign_box.hide()

        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("taskConfirm")
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("taskCancel")
        self.cancel_button.clicked.connect(self.cancel_task)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("taskClose")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.confirm_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.problem)
        layout.addWidget(self.details)
        layout.addWidget(self.bid_panel)
        layout.addWidget(self.upload_panel)
        layout.addWidget(self.licence_box)
        layout.addWidget(self.sign_box)
        layout.addStretch(1)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Platform task"))
        captions = (self.tr("Platform"), self.tr("Certificate"), self.tr("Address"), self.tr("Task"),
                    self.tr("Session"), self.tr("Requested by"), self.tr("Browser"), self.tr("Requested at"),
                    self.tr("Time left"))
        for label, caption in zip(self._form_labels, captions):
            label.setText(caption)
        self.details.setTitle(self.tr("Who asks, and for what"))
        self.licence_box.setTitle(self.tr("Answer with the licence"))
        self.licences.setAccessibleName(self.tr("Licences on this device"))
        self.confirm_button.setText(self.tr("&Confirm"))
        self.cancel_button.setText(self.tr("Ca&ncel the task"))
        self.cancel_button.setToolTip(self.tr("Tell the platform you decline; no password is needed"))
        self.close_button.setText(self.tr("Close"))
        self.bid_panel.retranslate()
        self.upload_panel.retranslate()
        if self.fetched is None and not self.problem.isVisible():
            self.heading.setText(self.tr("Fetching and checking the task…"))
        self.sign_box.retranslate()

    def type_name(self, kind: str) -> str:
        return {"login": self.tr("Log in"), "sign": self.tr("Sign"), "encrypt": self.tr("Encrypt"),
                "decrypt": self.tr("Decrypt")}.get(kind, kind)

    # -- fetching --------------------------------------------------------------------------------

    def fetch(self) -> None:
        try:
            client = self.context.client
        except EbidError as exc:
            self._refused(exc)
            return
        self._fetching = BackgroundOp(self, op=fetch_op(client, self.uri), success=self._fetched) \
            .failure(self._refused).run()

    def _fetched(self, fetched: Fetched) -> None:
        self.fetched = fetched
        task, d = fetched.task, fetched.task.document
        self.heading.setText(self.tr("{platform} asks: {task}").format(
            platform=d.platform.name, task=self.type_name(d.type)))
        self.platform.setText(d.platform.name)
        self.subject.setText(task.platform_subject)
        self.address.setText(d.platform.url)
        self.kind.setText(self.type_name(d.type))
        session = d.details.get("session") if d.type == "login" else None
        self.session.setText(self.tr("{minutes} minutes once you confirm").format(
            minutes=max(1, round(session / 60))) if isinstance(session, int) else "")
        self._row_visible(self.session, isinstance(session, int))
        self.requester.setText(d.requester.address)
        self.agent.setText(d.requester.user_agent)
        self.requested.setText(local_time(d.created_at, seconds=True))
        self.details.show()
        if d.type == "sign":
            self.sign_box.show_task(task)
        self.load_licences()
        self.licence_box.show()
        if d.type == "decrypt":
            self._say_problem(self.bid_panel.show_task(self.context.keystore, task))
        if d.type == "encrypt":
            self._say_problem(self.upload_panel.show_task(task))
        if d.type not in ANSWERABLE:
            self._say_problem(self.tr("This version of EBid Desk cannot answer {task} tasks yet; you can "
                                      "cancel it.").format(task=self.type_name(d.type)))
        self._tick()
        self._timer.start()

    def _row_visible(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def _refused(self, exc: BaseException) -> None:
        """The task could not be fetched or failed a check: said in the dialog, nothing sent."""
        if not isinstance(exc, EbidError):
            errors.show(self, exc)
        self.closed_for_good = True
        self.heading.setText(self.tr("This task was refused: nothing was sent"))
        self._say_problem(errors.text(exc))
        self._update()

    def _say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # -- licences --------------------------------------------------------------------------------

    def load_licences(self) -> None:
        from ...core.client.task_holder import licence_choices

        self.choices = licence_choices(self.context.keystore, self._now())
        if self.fetched is not None and self.fetched.task.document.type == "sign":
            from ...core.client.task_holder import sign_licence_choices

            self.choices = sign_licence_choices(self.choices, self.fetched.task)  # the task's enterprise
        rows = [(self.tr("{enterprise} — {holder} ({role})").format(
                    enterprise=c.info.enterprise_name, holder=c.info.holder_name, role=role_name(c.info.role)),
                 c.info.id, None if c.allowed else errors.text(c.refusal)) for c in self.choices]
        fill_choices(self.licences, rows)
        unusable = [self.tr("{holder} ({role}): {reason}").format(
                        holder=c.info.holder_name, role=role_name(c.info.role), reason=reason)
                    for c, (_, _, reason) in zip(self.choices, rows) if reason is not None]
        if not self.choices:
            note = self.tr("There is no licence on this device: download one on the Licences page first.")
        elif unusable:
            note = self.tr("Greyed out, cannot be used for this task now:") + "\n" + "\n".join(unusable)
        else:
            note = ""
        self.licence_note.setText(note)
        self.licence_note.setVisible(bool(note))
        self._update()

    def _load_seals(self) -> None:
        if self.fetched is not None and self.fetched.task.document.type == "sign":
            self.sign_box.load(self.fetched, self.context.keystore, self.context.client, self.chosen_licence())

    def _sign_ready(self) -> bool:
        """Not a sign task, or a seal the chosen licence may use is picked."""
        if self.fetched is None or self.fetched.task.document.type != "sign":
            return True
        return not self.sign_box.busy() and self.sign_box.chosen_seal() is not None

    def chosen_licence(self) -> int | None:
        return chosen(self.licences)

    # -- time ------------------------------------------------------------------------------------

    def _now(self):
        return self.fetched.tasks.clock() if self.fetched is not None else self.context.client.clock()

    def seconds_left(self) -> int:
        if self.fetched is None:
            return 0
        left = (self.fetched.task.document.expires_at - self._now()).total_seconds()
        return max(0, math.ceil(left))

    def expired(self) -> bool:
        return self.fetched is not None and self.seconds_left() <= 0

    def _tick(self) -> None:
        if self.fetched is None:
            return
        left = self.seconds_left()
        if self.state is not None:
            self.countdown.setText(self.tr("Answered"))
            self._timer.stop()
        elif left > 0:
            self.countdown.setText(self.tr("{seconds} s").format(seconds=left))
        else:
            self.countdown.setText(self.tr("Expired"))
            self._timer.stop()
            if not self.closed_for_good:
                self._say_problem(self.tr("The task has expired. Make a new QR code on the platform's page "
                                          "and scan it again."))
        self._update()

    # -- answering -------------------------------------------------------------------------------

    def busy(self) -> bool:
        ops = [self._cancelling, self._confirming.operation if self._confirming is not None else None]
        return any(op is not None and op in BackgroundOp._running for op in ops)

    def can_answer(self) -> bool:
        return (self.fetched is not None and self.state is None and not self.closed_for_good
                and not self.expired() and not self.busy())

    def _update(self) -> None:
        answerable = self.fetched is not None and self.fetched.task.document.type in ANSWERABLE
        if answerable and self.fetched.task.document.type == "decrypt":
            answerable = self.bid_panel.can_confirm()  # this device holds the bid's key
        if answerable and self._is("encrypt") and self.state is None and not self.closed_for_good:
            # deadline, licence, files and device key, checked before any password
            refusal = self.upload_panel.refusal(self.context.keystore, self._now(), self.chosen_licence())
            if refusal or self.problem.text() == self.upload_panel.said:
                self._say_problem(refusal)  # (a platform's refusal shown meanwhile stays)
            self.upload_panel.said = refusal
            answerable = not refusal
        self.confirm_button.setEnabled(self.can_answer() and answerable and self.chosen_licence() is not None
                                       and self._sign_ready())
        self.cancel_button.setEnabled(self.can_answer())
        self.confirm_button.setVisible(self.state is None and not self.closed_for_good)
        self.cancel_button.setVisible(self.state is None and not self.closed_for_good)

    def confirm(self, *, accept_risk: bool = False) -> None:
        licence_id = self.chosen_licence()
        if not self.confirm_button.isEnabled() or licence_id is None or self.fetched is None:
            return  # expired, answered, busy or no usable licence: nothing is sent
        if self._is("sign"):
            op = confirm_sign_op(self.fetched, self.context.client, licence_id, self.sign_box.chosen_seal())
        elif self._is("decrypt"):
            op = confirm_decrypt_op(self.fetched, licence_id)
        elif self._is("encrypt"):
            op = confirm_encrypt_op(self.fetched, licence_id, self.upload_panel.files, accept_risk=accept_risk)
        else:
            op = confirm_op(self.fetched, licence_id)
        self._confirming = UnlockedOp(
            self, self.context, asking=self.tr("confirm the platform's task"),
            op=op, success=self._answered,
        ).failure(self._answer_refused).with_progress(
            self.tr("Encrypting and uploading the bid files…") if self._is("encrypt")
            else self.tr("Confirming the task…"))
        if self._is("encrypt"):
            self._confirming.cancellable()
        self._confirming.run()
        self._update()

    def cancel_task(self) -> None:
        if not self.cancel_button.isEnabled() or self.fetched is None:
            return
        declining = decline_decrypt_op if self._is("decrypt") else cancel_op
        self._cancelling = BackgroundOp(self, op=declining(self.fetched, self.context.keystore),
                                        success=self._answered) \
            .failure(self._answer_refused).with_progress(self.tr("Telling the platform…")).run()
        self._update()

    def _answered(self, state: TaskState) -> None:
        self.state = state
        self._say_problem("")
        outcome = state.outcome or {}
        if state.state == "confirmed" and self._is("sign"):
            seal = self.sign_box.chosen_seal() or ""
            text = self.tr("Signed: {document} was sealed with {seal}; {platform} verified the signature.").format(
                document=self.sign_box.document_name.text(), seal=self.sign_box.seal_name(seal),
                platform=self.fetched.task.document.platform.name)
        elif self._is("decrypt") and outcome.get("result") == "decrypted":
            text = self.tr("Decrypted: {platform} opened the bid; its plaintext SM3 is {sm3}.").format(
                platform=self.fetched.task.document.platform.name, sm3=outcome.get("plaintext_sm3", ""))
        elif self._is("encrypt") and outcome.get("result") == "encrypted":
            text = self.tr("Encrypted and uploaded: {count} bid files, receipts {ids}.").format(
                count=len(outcome.get("receipts", [])),
                ids=", ".join(r.get("submission_id", "") for r in outcome.get("receipts", [])))
        elif self._is("decrypt") and outcome.get("reason") == "missing_key":
            text = self.tr("Not decrypted: the platform was told this device holds no key for the bid.")
        elif state.state == "confirmed" and state.enterprise is not None:
            person = state.person.name if state.person is not None else ""
            text = self.tr("Logged in: {enterprise} ({person}) is now logged in to {platform}.").format(
                enterprise=state.enterprise.name, person=person, platform=self.fetched.task.document.platform.name)
        elif state.state == "cancelled":
            text = self.tr("Cancelled: the platform was told you declined.")
        else:
            text = self.tr("The platform reports the task {state}.").format(state=state.state)
        self.outcome.setText(text)
        self.outcome.show()
        self.licences.setEnabled(False)
        self.sign_box.seals.setEnabled(False)
        self._tick()
        self._update()

    def _answer_refused(self, exc: BaseException) -> None:
        if isinstance(exc, Unprotected):  # the bid-survival guard: nothing was encrypted or sent
            self._update()
            answer = guard_question.ask(self, exc)
            if answer == guard_question.ACCEPT:
                self.confirm(accept_risk=True)
                return
            if answer == guard_question.BACK_UP:
                guard_question.open_backup(self, exc.protection.key.registry_id)
            self._say_problem(self.tr("Refused: {reason}").format(reason=errors.text(exc)))
            return
        if not isinstance(exc, EbidError):
            errors.show(self, exc)
            self._update()
            return
        if getattr(exc, "code", None) in FINAL:
            self.closed_for_good = True
        self._say_problem(self.tr("Refused: {reason}").format(reason=errors.text(exc)))
        self._update()

    def _is(self, kind: str) -> bool:
        return self.fetched is not None and self.fetched.task.document.type == kind

    def _close_client(self, *_) -> None:
        self._timer.stop()
        if self.fetched is not None:
            self.fetched.close()
