"""The licences page against a real embedded service: an agent is authorised by picking them from
the enterprise's known people (nothing retyped); the list shows the credit code, the role and the
holder's matters by name (never a code such as EC-BID-FULL); the card view shows the licence's
own fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.client import ServiceClient, wallet
from app.core.licence import default_catalogue, mask_id_number
from app.core.licence.demo import DEMO_ENTERPRISES
from app.core.pki import Certificate
from app.ui import i18n, seams
from app.ui.licences.card import LicenceCardDialog
from app.ui.licences.page import LicencesPage
from tests.ui.test_first_run import PASSWORD, service  # noqa: F401 (fixture)
from tests.ui.test_licences import context, legal_rep_licence, open_page  # noqa: F401 (fixture)

MATTERS = ["EC-BID-FULL", "EC-BID-SIGN"]
WAIT = 20_000


def _click(tree, item, qtbot) -> None:
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _visible_names(picker) -> list[str]:
    return [picker.list.topLevelItem(i).text(0) for i in range(picker.list.topLevelItemCount())
            if not picker.list.topLevelItem(i).isHidden()]


def test_an_agent_authorised_before_is_picked_not_retyped(app, context, qtbot):  # noqa: F811
    i18n.install(app, "en")
    demo = DEMO_ENTERPRISES[0]
    page = open_page(context, qtbot, demo.enterprise)
    seams.answer_next(PASSWORD)
    page.agents.click()
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.holder is not None, timeout=WAIT)
    form, picker, person = dialog.form, dialog.form.picker, dialog.form.person
    assert picker.people == [] and picker.empty.isVisible()

    # The first time the agent is typed in; from then on the enterprise knows them.
    agent = demo.others[0]
    person.name.setText(agent.name)
    person.id_number.setText(agent.id_number)
    dialog.grant.click()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: len(picker.people) == 1, timeout=WAIT)
    assert dialog.height() <= 680 and dialog.minimumSizeHint().height() <= dialog.height()  # fits 1366×768
    item = picker.list.topLevelItem(0)
    assert [item.text(c) for c in range(3)] == [agent.name, mask_id_number(agent.id_number), "Agent"]
    shown = [item.text(c) for c in range(4)] + [item.toolTip(c) for c in range(4)]
    assert not any(agent.id_number in text for text in shown)  # the full number is never on screen

    # Search by name or by the visible digits of the masked number.
    picker.search.setText(agent.name[-1])
    assert _visible_names(picker) == [agent.name]
    picker.search.setText(agent.id_number[-4:])
    assert _visible_names(picker) == [agent.name]
    picker.search.setText("不存在的人")
    assert _visible_names(picker) == []
    picker.search.clear()

    # Choosing fills the form: nothing to type, the masked number shown, and Authorise enabled.
    _click(picker.list, picker.list.topLevelItem(0), qtbot)
    assert person.known is not None and person.known.name == agent.name
    assert not person.name.isVisible() and not person.id_number.isVisible()
    assert person.known_person.isVisible() and mask_id_number(agent.id_number) in person.known_person.text()
    assert person.name.text() == "" and person.id_number.text() == ""
    chosen = picker.people[0]
    assert not hasattr(chosen, "id_number")  # the service never sent the full number
    # Sent by person id alone: the form holds no ID number of a person it did not type.
    assert person.named() == (chosen.person_id, None, None, None, mask_id_number(agent.id_number))
    form.specific.setChecked(True)
    form.matters.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.grant.isEnabled()
    dialog.grant.click()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 2, timeout=WAIT)
    assert {g.agent_person_id for g in dialog.grants} == {chosen.person_id}
    matter = default_catalogue().get(form.matters.item(0).data(Qt.ItemDataRole.UserRole))
    assert form.matters.item(0).text() == matter.en  # the name, no code
    listed = sorted(dialog.list.topLevelItem(i).text(1) for i in range(2))
    assert listed == sorted(["All business", matter.en])
    assert len(picker.people) == 1  # the same person, twice authorised
    assert person.known is None and person.name.isVisible()  # the form is ready for the next one

    # "New person" empties a choice for typing someone else.
    _click(picker.list, picker.list.topLevelItem(0), qtbot)
    assert person.known is not None
    picker.new.click()
    assert person.known is None and person.name.isVisible() and not dialog.grant.isEnabled()
    dialog.close()


def test_a_known_agent_is_made_a_licence_manager_by_picking_them(app, context, qtbot):  # noqa: F811
    i18n.install(app, "en")
    demo = DEMO_ENTERPRISES[1]
    rep_info = legal_rep_licence(context, demo.enterprise)
    [agent] = demo.others
    unlocked = context.keystore.unlock(PASSWORD.encode())
    with ServiceClient(context.client.base_url) as unpinned:
        wallet.holder_for(unpinned, context.keystore, unlocked, rep_info.id, purpose="licence.authorisations") \
            .authorise(agent.name, agent.id_number)
    unlocked.lock()
    page = LicencesPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.managers.isEnabled(), timeout=WAIT)
    seams.answer_next(PASSWORD)
    page.managers.click()
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.holder is not None, timeout=WAIT)
    picker = dialog.form.picker
    assert [(p.name, p.roles) for p in picker.people] == [(agent.name, ("agent",))]
    assert dialog.form.person.mobile.isVisible()  # for a new person
    _click(picker.list, picker.list.topLevelItem(0), qtbot)
    assert dialog.grant.isEnabled() and not dialog.form.person.mobile.isVisible()  # the stored mobile
    chosen = dialog.form.person.named()
    assert chosen.person_id == picker.people[0].person_id and chosen.id_number is None
    dialog.grant.click()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1, timeout=WAIT)
    assert dialog.grants[0].person_id == chosen.person_id  # the same person, by id
    assert dialog.list.topLevelItem(0).text(0) == agent.name
    assert dialog.list.topLevelItem(0).text(1) == mask_id_number(agent.id_number)
    assert picker.people == [] and picker.empty.isVisible()  # a manager now: not offered again
    dialog.close()


def _agent_licence(context, demo):  # noqa: F811
    """The legal representative's licence, then an agent's for two specific matters, both
    downloaded into the keystore."""
    rep_info = legal_rep_licence(context, demo.enterprise)
    store, agent, enterprise = context.keystore, demo.others[0], demo.enterprise
    unlocked = store.unlock(PASSWORD.encode())
    with ServiceClient(context.client.base_url) as unpinned:
        holder = wallet.holder_for(unpinned, store, unlocked, rep_info.id, purpose="licence.authorisations")
        grant = holder.authorise(agent.name, agent.id_number, matters=MATTERS)
        wallet.download_licence(unpinned, store, unlocked, place=enterprise.registration_place,
                                credit_code=enterprise.credit_code, name=agent.name,
                                id_number=agent.id_number, authorisation_id=grant.authorisation_id)
    unlocked.lock()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_list_shows_credit_code_role_and_matters_by_name(app, context, qtbot, language):  # noqa: F811
    demo = DEMO_ENTERPRISES[2]
    _agent_licence(context, demo)
    i18n.install(app, language)
    page = LicencesPage(context)
    qtbot.addWidget(page)
    page.show()
    model = page.model
    rows = {model.licence(r).role: r for r in range(model.rowCount())}
    assert set(rows) == {"legal_representative", "agent"}
    agent_row = rows["agent"]
    names = [default_catalogue().get(code) for code in MATTERS]
    wanted = "；".join(m.zh for m in names) if language == "zh_CN" else "; ".join(m.en for m in names)
    matters = model.index(agent_row, model.MATTERS).data()
    assert matters == wanted and "EC-" not in matters
    assert model.index(agent_row, model.MATTERS).data(Qt.ItemDataRole.ToolTipRole) == matters
    assert model.index(agent_row, model.CREDIT_CODE).data() == demo.enterprise.credit_code
    assert model.index(agent_row, model.HOLDER).data() == demo.others[0].name
    header = page.table.horizontalHeader()
    assert header.sectionSize(model.MATTERS) >= header.sectionSizeHint(model.MATTERS) or \
        header.stretchLastSection()


def test_the_card_shows_the_licence_s_own_fields(app, context, qtbot):  # noqa: F811
    i18n.install(app, "en")
    demo = DEMO_ENTERPRISES[2]
    _agent_licence(context, demo)
    page = LicencesPage(context)
    qtbot.addWidget(page)
    page.show()
    model = page.model
    agent_row = next(r for r in range(model.rowCount()) if model.licence(r).role == "agent")
    info = model.licence(agent_row)

    # Opened by double-clicking the row; the Details button opens the same card.
    rect = page.table.visualRect(model.index(agent_row, model.HOLDER))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    card = page.dialog
    assert isinstance(card, LicenceCardDialog) and card.isVisible()
    values = {key: label.text() for key, label in card.values.items()}
    agent, enterprise = demo.others[0], demo.enterprise
    assert values["credit_code"] == enterprise.credit_code
    assert values["enterprise"] == enterprise.name == card.name.text()
    assert values["place"] == enterprise.registration_place
    assert values["holder"] == f"{agent.name} (ID number {mask_id_number(agent.id_number)})"
    assert values["role"] == "Agent"
    assert values["matters"] == model.index(agent_row, model.MATTERS).data()
    assert values["state"] == model.index(agent_row, model.STATE).data()
    assert values["state"].startswith("Active")  # a 3-day window: with its countdown
    assert values["serial"] == format(Certificate.load(info.certificate).serial, "x")
    assert "legal_representative" not in values  # an agent's copy does not name them: not invented
    assert not any(agent.id_number in text for text in values.values())
    card.close()

    rep_row = next(r for r in range(model.rowCount()) if model.licence(r).role == "legal_representative")
    page.table.selectRow(rep_row)
    assert page.details.isEnabled()
    page.details.click()
    card = page.dialog
    assert card.values["legal_representative"].text() == enterprise.legal_representative.name
    assert card.values["matters"].text() == "All business"
    assert card.parent() is page.window()
    card.close()
