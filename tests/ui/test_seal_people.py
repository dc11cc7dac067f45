"""Seal authorisations (印章授权) by picking the agent from the enterprise's known people, against
the real service: only agents are offered (the service refuses anyone else), choosing one fills
the form and the authorisation goes through, listed with the agent's masked ID number."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.licence import mask_id_number
from app.core.licence.demo import DEMO_ENTERPRISES
from app.server.seal_office import review as seal_review
from app.ui import i18n, seams
from app.ui.seals.page import SealsPage
from tests.seal_service.kit import imprint_png

from . import bid_service
from .bid_service import PASSWORD

service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures
WAIT = 60_000


def test_a_known_agent_is_picked_for_a_seal(app, context, service, qtbot):
    running, _ = service
    i18n.install(app, "en")
    page = SealsPage(context)
    qtbot.addWidget(page)
    page.show()
    seams.answer_next(PASSWORD)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT)
    imprint = page.seals.upload_imprint(imprint_png(), seal_type="bidding", shape="round",
                                        width_mm=40, height_mm=40, agree_terms=True)
    seal_review.approve(running.ctx, imprint.imprint_id, reviewer="测试审核员")
    agent, manager = DEMO_ENTERPRISES[0].others
    page.seals.holder.authorise(agent.name, agent.id_number)  # an agent at the authority
    page.seals.holder.add_manager(manager.name, manager.id_number)  # known, but no agent
    page.refresh()
    qtbot.waitUntil(lambda: len(page.view.seals) == 1, timeout=WAIT)
    page.issued.topLevelItem(0).setSelected(True)
    qtbot.mouseClick(page.grants_button, Qt.MouseButton.LeftButton)
    dialog = page.grants_dialog
    qtbot.waitUntil(lambda: dialog.grants is not None, timeout=WAIT)

    picker, person = dialog.form.picker, dialog.form.person
    assert [p.name for p in picker.people] == [agent.name]  # the manager is not offered
    item = picker.list.topLevelItem(0)
    assert item.text(1) == mask_id_number(agent.id_number)
    rect = picker.list.visualItemRect(item)
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert person.known is not None and mask_id_number(agent.id_number) in person.known_person.text()
    assert person.name.text() == "" and dialog.grant.isEnabled()
    assert person.named().person_id == picker.people[0].person_id and person.named().id_number is None
    qtbot.mouseClick(dialog.grant, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1, timeout=WAIT)
    row = dialog.list.topLevelItem(0)
    assert (row.text(0), row.text(1)) == (agent.name, mask_id_number(agent.id_number))
    [grant] = page.seals.seal_authorisations()
    assert grant.agent_person_id == picker.people[0].person_id and grant.status == "active"
    assert person.known is None  # ready for the next one
    dialog.close()
