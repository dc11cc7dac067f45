"""The guide on the home page (:mod:`.guide`): the steps in a row, each done (✓), next or later,
and one button to the page of the next step. Hidden once every step is done."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .guide import Step, StepState, steps


class GuideBox(QGroupBox):
    go_to = Signal(str)  # a page id

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide")
        self.context = context
        self.role, self.steps = "", []
        self.labels = [QLabel(self) for _ in range(4)]
        row = QHBoxLayout()
        for label in self.labels:
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.addWidget(label, 1)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("guideNext")
        self.next_button.clicked.connect(self._next)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.role, self.steps = steps(self.context.keystore)
        self.retranslate()

    def next_step(self) -> Step | None:
        return next((s for s in self.steps if s.state is StepState.NEXT), None)

    def _next(self) -> None:
        step = self.next_step()
        if step is not None:
            self.go_to.emit(step.page_id)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Getting ready to bid"))
        for n, (label, step) in enumerate(zip(self.labels, self.steps), start=1):
            mark = "✓" if step.state is StepState.DONE else str(n)
            font = QFont(label.font())
            font.setBold(step.state is StepState.NEXT)
            label.setFont(font)
            label.setText(f"{mark}  {self.title(step)}\n{self.text(step)}")
            label.setEnabled(step.state is not StepState.LATER)
            label.setAccessibleName(self.title(step))
        step = self.next_step()
        self.setVisible(step is not None)
        if step is not None:
            self.next_button.setText(self.tr("Next: {step}").format(step=self.title(step)))

    def _agent(self) -> bool:
        return self.role == "agent"

    def title(self, step: Step) -> str:
        agent = self._agent()
        return {
            "licence": self.tr("Accept the authorisation and download the licence") if agent
            else self.tr("Download the electronic business licence"),
            "seal": self.tr("Collect the seal and its authorisation") if agent
            else self.tr("Upload the imprint and collect the seal"),
            "key": self.tr("Apply for a key and back it up"),
            "scan": self.tr("Scan: log in, sign, encrypt"),
        }[step.key]

    def text(self, step: Step) -> str:
        if step.state is StepState.DONE:
            return {
                "licence": self.tr("Downloaded: {detail}"),
                "seal": self.tr("Collected: {detail}"),
                "key": self.tr("Backed up and verified: {detail}"),
                "scan": self.tr("Tasks answered on this device"),
            }[step.key].format(detail=step.detail)
        if step.key == "key" and step.detail:
            return self.tr("The key {detail} is not backed up yet: back it up to a colleague's device on the Keys "
                           "page, and have them verify it").format(detail=step.detail)
        agent = self._agent()
        return {
            "licence": self.tr("Ask the legal representative to authorise you (Licences page, on their device), "
                               "then download your licence on the Licences page") if agent
            else self.tr("Download your enterprise's licence on the Licences page"),
            "seal": self.tr("Ask the legal representative to authorise a seal for you, then collect it on the "
                            "Seals page") if agent
            else self.tr("Upload the seal's imprint on the Seals page; once approved, collect the seal"),
            "key": self.tr("Apply for a key on the Keys page and back it up to a colleague's device"),
            "scan": self.tr("When the e-bidding platform shows a QR code, click \u201cScan the QR code on my "
                            "screen\u201d above"),
        }[step.key]
