"""Seal authorisations (印章授权): which agents may collect and use one seal, and when.

The legal representative or a manager authorises an agent of the enterprise (name and ID number,
checked here before anything is sent) for one seal, for a window that defaults to now … now + 3
days; the list shows the seal's authorisations with their state, and one can be revoked. The
dialog works with the seal-office client the Seals page opened, so it asks no password.

The service names agents by an opaque person id, not by ID number: the masked ID number is shown
for the agents authorised from this page while it is open (``known_ids``), "—" for the others.
Enterprises registered elsewhere (外地企业) need no seal authorisation; the dialog says so when
the service's local places show it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise

import shiboken6
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.client.seal import Seal, SealClient, SealGrant
from ...core.licence import DEFAULT_WINDOW, mask_id_number, validate_id_number
from ...core.pki import parse_licence
from .. import errors, seams
from ..format import local_time
from ..licences.fields import CheckedField
from ..operations import BackgroundOp

HOLDER_ROLES = ("legal_representative", "manager")


def may_authorise(role: str) -> bool:
    """Only the legal representative and managers grant seal authorisations."""
    return role in HOLDER_ROLES


def _qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def _utc(edit: QDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)


def load(seals: SealClient, seal_id: str) -> tuple[list[SealGrant], bool]:
    """On the pool thread: the seal's authorisations, and whether the enterprise is registered
    elsewhere (exempt) by the service's local places."""
    grants = [g for g in seals.seal_authorisations() if g.seal_id == seal_id]
    info = parse_licence(seals.holder.certificate)
    rule = seals.holder.service.get(f"/seal-office/seals/{seal_id}/use-rule/{info.person_id}").json()
    places = rule.get("local_places") or []
    elsewhere = bool(places) and not any(info.registration_place.startswith(p) for p in places)
    return grants, elsewhere


class SealAuthorisationsDialog(QDialog):
    def __init__(self, seals: SealClient, seal: Seal, enterprise: str, parent: QWidget | None = None,
                 *, known_ids: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sealAuthorisationsDialog")
        self.seals, self.seal, self.enterprise = seals, seal, enterprise
        self.known_ids = known_ids if known_ids is not None else {}
        self.grants: list[SealGrant] | None = None
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.list = QTreeWidget(self)
        self.list.setObjectName("sealAuthorisationList")
        self.list.setRootIsDecorated(False)
        self.revoke = QPushButton(self)
        self.revoke.setObjectName("revokeSealAuthorisation")
        self.form = QGroupBox(self)
        self.name, self.id_number = QLineEdit(self.form), QLineEdit(self.form)
        self.name.setObjectName("agentName")
        self.id_number.setObjectName("agentIdNumber")
        self.id_problem, self.window_problem = QLabel(self.form), QLabel(self.form)
        self.window_problem.setWordWrap(True)
        self.id_check = CheckedField(self.id_number, self.id_problem, validate_id_number)
        self.start, self.end = QDateTimeEdit(self.form), QDateTimeEdit(self.form)
        self.start.setObjectName("sealGrantStart")
        self.end.setObjectName("sealGrantEnd")
        now = _qt(seals.holder.service.clock())
        self.start.setDateTime(now)
        self.end.setDateTime(now.addSecs(int(DEFAULT_WINDOW.total_seconds())))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.labels = [QLabel(self.form) for _ in range(4)]
        form = QFormLayout(self.form)
        for label, field in zip(self.labels, (self.name, self.id_number, self.start, self.end)):
            label.setBuddy(field)
        form.addRow(self.labels[0], self.name)
        form.addRow(self.labels[1], self.id_number)
        form.addRow("", self.id_problem)
        form.addRow(self.labels[2], self.start)
        form.addRow(self.labels[3], self.end)
        form.addRow("", self.window_problem)
        self.grant = QPushButton(self)
        self.grant.setObjectName("authoriseSeal")
        self.grant.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.revoke)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.form)
        layout.addWidget(self.grant, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(buttons)
        # Keyboard order: the list, revoke, then the form top to bottom, authorise, close.
        order = [self.list, self.revoke, self.name, self.id_number, self.start, self.end, self.grant]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        for signal in (self.name.textChanged, self.id_check.changed, self.start.dateTimeChanged,
                       self.end.dateTimeChanged, self.list.itemSelectionChanged):
            signal.connect(self._update)
        self.grant.clicked.connect(self.authorise)
        self.revoke.clicked.connect(self.revoke_selected)
        self.resize(720, 640)
        self.retranslate()
        self._update()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Seal authorisations: {seal}").format(seal=self.seal.name))
        self.list.setHeaderLabels([self.tr("Agent"), self.tr("ID number"), self.tr("Starts"), self.tr("Ends"),
                                   self.tr("State"), self.tr("Authorisation number")])
        self.list.setAccessibleName(self.tr("Authorisations of the seal {seal}").format(seal=self.seal.name))
        self.revoke.setText(self.tr("&Revoke…"))
        self.form.setTitle(self.tr("Authorise an agent to use this seal"))
        for label, text in zip(self.labels, (self.tr("Agent's &name:"), self.tr("Agent's &ID number:"),
                                             self.tr("&Starts:"), self.tr("&Ends:"))):
            label.setText(text)
        self.name.setAccessibleName(self.tr("Agent's name"))
        self.id_number.setAccessibleName(self.tr("Agent's resident ID number"))
        self.start.setAccessibleName(self.tr("Start of the seal authorisation"))
        self.end.setAccessibleName(self.tr("End of the seal authorisation"))
        self.grant.setText(self.tr("A&uthorise"))
        self.note.setText(self.tr("{enterprise} is registered elsewhere: its agents may collect and use "
                                  "its seals without a seal authorisation.").format(enterprise=self.enterprise))

    # -- state -----------------------------------------------------------------------------------

    def window_ok(self) -> bool:
        return self.end.dateTime() > self.start.dateTime()

    def complete(self) -> bool:
        return bool(self.name.text().strip()) and self.id_check.valid and self.window_ok()

    def _update(self) -> None:
        ready = self.grants is not None
        bad_window = not self.window_ok()
        self.window_problem.setText(self.tr("The authorisation must end after it starts.") if bad_window else "")
        self.window_problem.setVisible(bad_window)
        self.grant.setEnabled(ready and self.complete())
        selected = self.list.selectedItems()
        self.revoke.setEnabled(ready and bool(selected)
                               and selected[0].data(0, Qt.ItemDataRole.UserRole + 1) != "revoked")

    def _state(self, status: str) -> str:
        return {"active": self.tr("Active"), "not_yet_valid": self.tr("Not yet valid"),
                "expired": self.tr("Expired"), "revoked": self.tr("Revoked")}.get(status, status)

    # -- service ---------------------------------------------------------------------------------

    def reload(self) -> None:
        seals, seal_id = self.seals, self.seal.seal_id
        BackgroundOp(self, op=lambda progress, cancel: load(seals, seal_id), success=self._loaded) \
            .failure(self._failed).with_progress(self.tr("Loading the seal authorisations…")).run()

    def _loaded(self, loaded: tuple[list[SealGrant], bool]) -> None:
        if shiboken6.isValid(self):
            grants, elsewhere = loaded
            self.note.setVisible(elsewhere)
            self._show(grants)

    def _show(self, grants: list[SealGrant]) -> None:
        if not shiboken6.isValid(self):
            return
        self.grants = grants
        self.list.clear()
        for grant in grants:
            item = QTreeWidgetItem([grant.agent_name, self.known_ids.get(grant.agent_person_id, "—"),
                                    local_time(grant.start), local_time(grant.end), self._state(grant.status),
                                    grant.authorisation_id])
            item.setData(0, Qt.ItemDataRole.UserRole, grant.authorisation_id)
            item.setData(0, Qt.ItemDataRole.UserRole + 1, grant.status)
            self.list.addTopLevelItem(item)
        self._update()

    def authorise(self) -> None:
        if self.grants is None or not self.complete():
            return  # nothing is sent until the form is right
        seals, seal_id = self.seals, self.seal.seal_id
        name, id_number = self.name.text().strip(), self.id_check.value or ""
        start, end = _utc(self.start), _utc(self.end)

        def op(progress, cancel):
            grant = seals.authorise_seal(seal_id, agent_name=name, agent_id_number=id_number,
                                         start=start, end=end)
            return grant, [g for g in seals.seal_authorisations() if g.seal_id == seal_id]

        def granted(result) -> None:
            grant, grants = result
            self.known_ids[grant.agent_person_id] = mask_id_number(id_number)
            if shiboken6.isValid(self):
                self.name.clear()
                self.id_number.clear()
            self._show(grants)

        BackgroundOp(self, op=op, success=granted).failure(self._failed) \
            .with_progress(self.tr("Authorising…")).run()

    def revoke_selected(self) -> None:
        selected = self.list.selectedItems()
        if not selected:
            return
        item = selected[0]
        grant_id, seals, seal_id = item.data(0, Qt.ItemDataRole.UserRole), self.seals, self.seal.seal_id
        if not seams.confirm(self, self.tr("Revoke seal authorisation"), self.tr(
                "Revoke the authorisation of {name} to use the seal {seal}? From now on they can neither "
                "collect nor use it; documents sealed earlier stay valid.").format(
                    name=item.text(0), seal=self.seal.name)):
            return

        def op(progress, cancel):
            seals.revoke_seal_authorisation(grant_id)
            return [g for g in seals.seal_authorisations() if g.seal_id == seal_id]

        BackgroundOp(self, op=op, success=self._show).failure(self._failed) \
            .with_progress(self.tr("Revoking…")).run()

    def _failed(self, exc: BaseException) -> None:
        errors.show(self if shiboken6.isValid(self) else None, exc)
