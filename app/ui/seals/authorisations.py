"""Seal authorisations (印章授权): which agents may collect and use one seal, and when.

The legal representative or a manager authorises an agent of the enterprise — picked from the
enterprise's agents the service lists, or entered by name and ID number (checked here before
anything is sent) — for one seal, for a window that defaults to now … now + 3 days; the list
shows the seal's authorisations with their state, and one can be revoked. The dialog works with
the seal-office client the Seals page opened, so it asks no password.

The service names agents in a seal authorisation by an opaque person id: the masked ID number is
taken from the enterprise's known agents (``known_ids``), "—" for anyone else. A picked agent is
sent by that person id, a typed one by name and ID number.
Enterprises registered elsewhere (外地企业) need no seal authorisation; the dialog says so when
the service's local places show it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from ...core.client import KnownPerson
from ...core.client.seal import Seal, SealClient, SealGrant
from ...core.pki import parse_licence
from ..format import local_time
from ..grants import KEY, GrantForm, GrantListDialog, Row
from ..operations import Op

HOLDER_ROLES = ("legal_representative", "manager")


def may_authorise(role: str) -> bool:
    """Only the legal representative and managers grant seal authorisations."""
    return role in HOLDER_ROLES


def fetch_grants(seals: SealClient, seal_id: str) -> tuple[list[SealGrant], bool, list[KnownPerson]]:
    """On the pool thread: the seal's authorisations, whether the enterprise is registered
    elsewhere (exempt) by the service's local places, and its agents (the people a seal may be
    authorised to: the service refuses anyone who is not one)."""
    grants = [g for g in seals.seal_authorisations() if g.seal_id == seal_id]
    agents = [p for p in seals.holder.people() if "agent" in p.roles]
    info = parse_licence(seals.holder.certificate)
    rule = seals.holder.service.get(f"/seal-office/seals/{seal_id}/use-rule/{info.person_id}").json()
    places = rule.get("local_places") or []
    elsewhere = bool(places) and not any(info.registration_place.startswith(p) for p in places)
    return grants, elsewhere, agents


class SealAuthorisationsDialog(GrantListDialog):
    def __init__(self, seals: SealClient, seal: Seal, enterprise: str, parent: QWidget | None = None,
                 *, known_ids: dict[str, str] | None = None) -> None:
        form = GrantForm(mobile=False, window=True, now=seals.holder.service.clock(), people=True)
        super().__init__(parent, form, name="sealAuthorisationsDialog", list_name="sealAuthorisationList",
                         grant_name="authoriseSeal", revoke_name="revokeSealAuthorisation")
        self.seals, self.seal, self.enterprise = seals, seal, enterprise
        self.known_ids = known_ids if known_ids is not None else {}
        self.elsewhere = False
        self.resize(760, 680)  # fits a 1366×768 laptop with its taskbar
        self.begin()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Seal authorisations: {seal}").format(seal=self.seal.name))
        self.list.setHeaderLabels([self.tr("Agent"), self.tr("ID number"), self.tr("Starts"), self.tr("Ends"),
                                   self.tr("State"), self.tr("Authorisation number")])
        self.list.setAccessibleName(self.tr("Authorisations of the seal {seal}").format(seal=self.seal.name))
        self.revoke.setText(self.tr("&Revoke…"))
        self.form.setTitle(self.tr("Authorise an agent to use this seal"))
        self.grant.setText(self.tr("A&uthorise"))
        self._word_note()

    def _word_note(self) -> None:
        self.set_note(self.tr("{enterprise} is registered elsewhere: its agents may collect and use "
                              "its seals without a seal authorisation.").format(enterprise=self.enterprise)
                      if self.elsewhere else "")

    def load(self) -> None:
        seals, seal_id = self.seals, self.seal.seal_id
        self.run(lambda progress, cancel: fetch_grants(seals, seal_id), self._loaded,
                 self.tr("Loading the seal authorisations…"))

    def _loaded(self, loaded: tuple[list[SealGrant], bool, list[KnownPerson]]) -> None:
        grants, self.elsewhere, agents = loaded
        self._know(agents)
        self._word_note()
        self.show_grants(grants)

    def _know(self, agents: list[KnownPerson]) -> None:
        """Offer the agents, and name each authorised one by masked ID number in the list."""
        self.form.set_people(agents)
        self.known_ids.update({p.person_id: p.masked_id_number for p in agents})

    def row(self, grant: SealGrant) -> Row:
        return Row([grant.agent_name, self.known_ids.get(grant.agent_person_id, "—"), local_time(grant.start),
                    local_time(grant.end), self.state_name(grant.status), grant.authorisation_id],
                   grant.authorisation_id, grant.status)

    def grant_work(self) -> Op:
        seals, seal_id = self.seals, self.seal.seal_id
        who, (start, end) = self.form.person.named(), self.form.window_editor.window()

        def op(progress, cancel):
            grant = seals.authorise_seal(seal_id, agent_name=who.name, agent_id_number=who.id_number,
                                         person_id=who.person_id, start=start, end=end)
            return grant, who.masked, [g for g in seals.seal_authorisations() if g.seal_id == seal_id]

        return op

    def granted(self, result) -> None:
        grant, masked, grants = result
        self.known_ids[grant.agent_person_id] = masked
        super().granted(grants)

    def revoke_question(self, item: QTreeWidgetItem) -> tuple[str, str]:
        return self.tr("Revoke seal authorisation"), self.tr(
            "Revoke the authorisation of {name} to use the seal {seal}? From now on they can neither "
            "collect nor use it; documents sealed earlier stay valid.").format(name=item.text(0), seal=self.seal.name)

    def revoke_work(self, item: QTreeWidgetItem) -> Op:
        grant_id, seals, seal_id = item.data(0, KEY), self.seals, self.seal.seal_id

        def op(progress, cancel):
            seals.revoke_seal_authorisation(grant_id)
            return [g for g in seals.seal_authorisations() if g.seal_id == seal_id]

        return op
