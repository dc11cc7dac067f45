"""Agent authorisations (办事人授权): all business or specific matters, for a window that
defaults to now + 3 days; list and revoke. Granted by the legal representative or a manager."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTreeWidgetItem,
    QWidget,
)

from ...core.client import Authorisation, HolderClient, Matter
from ...core.keystore import LicenceInfo
from ..changes import Change, Changed
from ..context import AppContext
from ..format import local_time
from ..grants import KEY, GrantForm, GrantListDialog, Row
from ..operations import Op
from ..unlocked import UnlockedOp
from .matters import matter_name, matters_text


class AgentForm(GrantForm):
    """Who, what (all business or checked matters) and when."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, window=True, people=True)
        self.all_business, self.specific = QRadioButton(self), QRadioButton(self)
        self.all_business.setObjectName("allBusiness")
        self.specific.setObjectName("specificMatters")
        group = QButtonGroup(self)
        group.addButton(self.all_business)
        group.addButton(self.specific)
        self.all_business.setChecked(True)
        self.matters = QListWidget(self)
        self.matters.setObjectName("matterList")
        self.matters.setEnabled(False)
        for widget in (self.all_business, self.specific, self.matters):
            self.add(widget)
        self.specific.toggled.connect(self.matters.setEnabled)
        self.specific.toggled.connect(self.changed)
        self.matters.itemChanged.connect(self.changed)

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Authorise an agent"))
        self.all_business.setText(self.tr("A&ll business"))
        self.specific.setText(self.tr("S&pecific matters:"))
        self.matters.setAccessibleName(self.tr("Matters"))

    def set_matters(self, matters: list[Matter]) -> None:
        self.matters.clear()
        for matter in matters:
            name = matter_name(matter.code, matters)
            item = QListWidgetItem(name, self.matters)
            item.setToolTip(name)
            item.setData(Qt.ItemDataRole.UserRole, matter.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def chosen_matters(self) -> list[str] | None:
        if self.all_business.isChecked():
            return None
        return [self.matters.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.matters.count())
                if self.matters.item(i).checkState() == Qt.CheckState.Checked]

    def complete(self) -> bool:
        return super().complete() and (self.all_business.isChecked() or bool(self.chosen_matters()))


class AuthorisationsDialog(GrantListDialog):
    def __init__(self, context: AppContext, licence: LicenceInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent, AgentForm(), name="authorisationsDialog", list_name="authorisationList",
                         grant_name="authorise", revoke_name="revokeAuthorisation")
        self.context, self.licence = context, licence
        self.holder: HolderClient | None = None
        self.catalogue: list[Matter] = []  # the service's, for the matters' names
        self.resize(760, 680)  # fits a 1366×768 laptop with its taskbar
        self.begin()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Agent authorisations of {enterprise}").format(enterprise=self.licence.enterprise_name))
        self.list.setHeaderLabels([self.tr("Agent"), self.tr("Matters"), self.tr("Starts"), self.tr("Ends"),
                                   self.tr("Status"), self.tr("Authorisation number")])
        self.list.setAccessibleName(self.tr("Agent authorisations"))
        self.grant.setText(self.tr("A&uthorise"))
        self.revoke.setText(self.tr("&Revoke…"))

    def load(self) -> None:
        UnlockedOp(self, self.context, asking=self.tr("manage agent authorisations"), licence=self.licence.id,
                   purpose="licence.authorisations",
                   op=lambda access, p, c: (access.holder, access.holder.authorisations(),
                                            access.holder.service.matters(), access.holder.people()),
                   success=self._ready).failure(self.failed).keep_until(self) \
            .with_progress(self.tr("Contacting the service…")).run()

    def _ready(self, opened) -> None:
        self.holder, grants, matters, people = opened
        self.catalogue = matters
        self.form.set_matters(matters)
        self.form.set_people(people)
        self.show_grants(grants)

    def row(self, grant: Authorisation) -> Row:
        matters = matters_text(grant.matters, self.catalogue) if grant.mode == "specific" else self.tr("All business")
        return Row([grant.agent_name, matters, local_time(grant.start), local_time(grant.end),
                    self.state_name(grant.status), grant.authorisation_id], grant.authorisation_id, grant.status)

    def grant_work(self) -> Op:
        holder, who = self.holder, self.form.person.named()
        matters, (start, end) = self.form.chosen_matters(), self.form.window_editor.window()

        def op(progress, cancel):
            holder.authorise(who.name, who.id_number, person_id=who.person_id, phone=who.mobile,
                             matters=matters, start=start, end=end)
            return holder.authorisations(), holder.people()

        return op

    def granted(self, result) -> None:
        grants, people = result
        self.form.set_people(people)  # a new agent is known from now on
        super().granted(grants)

    def revoke_question(self, item: QTreeWidgetItem) -> tuple[str, str]:
        return self.tr("Revoke authorisation"), self.tr(
            "Revoke the authorisation of {name}? Every licence copy downloaded under it is revoked too."
        ).format(name=item.text(0))

    def revoke_work(self, item: QTreeWidgetItem) -> Op:
        grant_id, holder = item.data(0, KEY), self.holder

        def op(progress, cancel) -> Changed:
            holder.revoke_authorisation(grant_id)
            return Changed(holder.authorisations(), Change.LICENCES)

        return op
