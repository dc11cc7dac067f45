"""Licence managers (证照管理员) of an enterprise: list, add (at most five), remove.

Only the legal representative may change them; the service enforces the rules and its refusal
(e.g. a sixth manager) is shown as it is. Removing a manager revokes every copy they downloaded.
An agent the enterprise knows is picked rather than retyped (the picker offers the known people
who are not managers already).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from ...core.client import HolderClient, KnownPerson, Manager
from ...core.keystore import LicenceInfo
from ...core.licence import MAX_MANAGERS
from .. import seams
from ..changes import Change, Changed
from ..context import AppContext
from ..format import local_time
from ..grants import KEY, GrantForm, GrantListDialog, Row
from ..operations import Op
from ..unlocked import UnlockedOp


class ManagersDialog(GrantListDialog):
    def __init__(self, context: AppContext, licence: LicenceInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent, GrantForm(people=True), name="managersDialog", list_name="managerList",
                         grant_name="addManager", revoke_name="removeManager")
        self.context, self.licence = context, licence
        self.holder: HolderClient | None = None
        self.resize(680, 640)
        self.begin()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Licence managers of {enterprise}").format(enterprise=self.licence.enterprise_name))
        self.set_note(self.tr("Licence managers may download the licence and authorise agents. "
                              "An enterprise has at most {n}.").format(n=MAX_MANAGERS))
        self.list.setHeaderLabels([self.tr("Name"), self.tr("ID number"), self.tr("Added")])
        self.list.setAccessibleName(self.tr("Licence managers"))
        self.form.setTitle(self.tr("Add a licence manager"))
        self.grant.setText(self.tr("&Add manager"))
        self.revoke.setText(self.tr("&Remove manager…"))

    def load(self) -> None:
        UnlockedOp(self, self.context, asking=self.tr("manage licence managers"), licence=self.licence.id,
                   purpose="licence.managers",
                   op=lambda access, p, c: (access.holder, access.holder.managers(), access.holder.people()),
                   success=self._ready).failure(self.failed).keep_until(self) \
            .with_progress(self.tr("Contacting the service…")).run()

    def _ready(self, opened: tuple[HolderClient, list[Manager], list[KnownPerson]]) -> None:
        self.holder, managers, people = opened
        self._offer(people)
        self.show_grants(managers)

    def _offer(self, people: list[KnownPerson]) -> None:
        self.form.set_people([p for p in people if "manager" not in p.roles])

    def row(self, manager: Manager) -> Row:
        return Row([manager.name, manager.masked_id_number, local_time(manager.added_at)], manager.person_id)

    def grant_work(self) -> Op:
        holder, who = self.holder, self.form.person.named()

        def op(progress, cancel):
            holder.add_manager(who.name, who.id_number, who.mobile, person_id=who.person_id)
            return holder.managers(), holder.people()

        return op

    def granted(self, result) -> None:
        managers, people = result
        self._offer(people)
        super().granted(managers)

    def granting(self) -> str:
        return self.tr("Adding the manager…")

    def revoke_question(self, item: QTreeWidgetItem) -> tuple[str, str]:
        return self.tr("Remove licence manager"), self.tr(
            "Remove {name} as licence manager of {enterprise}?\n\nThis revokes every licence copy "
            "{name} downloaded for the enterprise, on every device: they can no longer be used."
        ).format(name=item.text(0), enterprise=self.licence.enterprise_name)

    def revoke_work(self, item: QTreeWidgetItem) -> Op:
        name, person_id, holder = item.text(0), item.data(0, KEY), self.holder

        def op(progress, cancel) -> Changed:
            revoked = holder.remove_manager(person_id)
            return Changed((name, revoked, holder.managers(), holder.people()), Change.LICENCES)

        return op

    def revoked(self, result) -> None:
        name, revoked, managers, people = result
        self._offer(people)
        self.show_grants(managers)
        seams.info(self, self.tr("Licence manager removed"), self.tr(
            "{name} is no longer a licence manager; {n} licence copies were revoked.").format(
            name=name, n=len(revoked)))

    def revoking(self) -> str:
        return self.tr("Removing the manager…")
