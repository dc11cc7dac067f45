"""Seal authorisations (印章授权) from the Seals page against the real service: a DEMO seal is
approved, a DEMO agent (authorised as an agent at the authority first) is authorised for it, listed,
revoked and shown revoked; a bad ID number is refused inline without a call; a person who is not an
agent is refused with the translated reason."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from app.core.client.seal import SealClient
from app.core.licence.demo import DEMO_ENTERPRISES
from app.server.seal_office import review as seal_review
from app.ui import i18n, seams
from app.ui.seals.page import SealsPage
from tests.seal_service.kit import imprint_png

from . import bid_service
from .bid_service import PASSWORD

service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures
WAIT = 60_000


def _texts(tree, column):
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


def test_authorise_list_revoke_and_refusals(app, context, service, qtbot, monkeypatch):
    running, _ = service
    i18n.install(app, "en")  # the assertions read English source texts
    page = SealsPage(context)
    qtbot.addWidget(page)
    page.show()
    assert not page.grants_button.isEnabled()
    seams.answer_next(PASSWORD)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT)

    # A seal of DEMO enterprise 1, made as the other seal tests do; an agent at the authority.
    imprint = page.seals.upload_imprint(imprint_png(), seal_type="bidding", shape="round",
                                        width_mm=40, height_mm=40, agree_terms=True)
    made = seal_review.approve(running.ctx, imprint.imprint_id, reviewer="测试审核员")
    agent, stranger = DEMO_ENTERPRISES[0].others[0], DEMO_ENTERPRISES[0].others[1]
    page.seals.holder.authorise(agent.name, agent.id_number)  # all business, 3 days
    page.refresh()
    qtbot.waitUntil(lambda: len(page.view.seals) == 1, timeout=WAIT)
    page.issued.topLevelItem(0).setSelected(True)
    assert page.grants_button.isEnabled() and "agents" in page.grants_button.toolTip()
    rep_licence = page._licence()
    monkeypatch.setattr(page, "_licence", lambda: replace(rep_licence, role="agent"))
    page._update()  # an agent's licence: disabled, and the tooltip says why
    assert not page.grants_button.isEnabled() and "Only the legal representative" in page.grants_button.toolTip()
    monkeypatch.setattr(page, "_licence", lambda: rep_licence)
    page._update()

    qtbot.mouseClick(page.grants_button, Qt.MouseButton.LeftButton)
    dialog = page.grants_dialog
    person, window = dialog.form.person, dialog.form.window_editor
    qtbot.waitUntil(lambda: dialog.grants is not None, timeout=WAIT)
    assert dialog.list.topLevelItemCount() == 0 and not dialog.note.isVisible()
    assert window.end.dateTime().toSecsSinceEpoch() - window.start.dateTime().toSecsSinceEpoch() == 3 * 86400

    # A bad check digit: refused inline, nothing sent.
    calls = []
    original = SealClient.authorise_seal
    monkeypatch.setattr(SealClient, "authorise_seal", lambda self, *a, **k: calls.append(a) or original(self, *a, **k))
    person.name.setText(agent.name)
    bad = agent.id_number[:17] + ("0" if agent.id_number[17] != "0" else "1")
    person.id_number.setText(bad)
    assert person.id_problem.isVisible() and "check digit" in person.id_problem.text()
    assert not dialog.grant.isEnabled()
    dialog.authorise()
    assert calls == []
    # The end must come after the start.
    person.id_number.setText(agent.id_number)
    assert dialog.grant.isEnabled()
    end = window.end.dateTime()
    window.end.setDateTime(window.start.dateTime().addSecs(-60))
    assert window.problem.isVisible() and not dialog.grant.isEnabled()
    window.end.setDateTime(end)

    # Someone who is not an agent of the enterprise: the service's refusal, translated.
    person.name.setText(stranger.name)
    person.id_number.setText(stranger.id_number)
    shown = len(seams.shown)
    qtbot.mouseClick(dialog.grant, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seams.shown) > shown, timeout=WAIT)
    assert seams.shown[-1].kind == "warn" and "not an agent" in seams.shown[-1].text
    assert "unknown_agent" not in seams.shown[-1].text and dialog.list.topLevelItemCount() == 0

    # The agent: authorised, listed with the masked ID number.
    person.name.setText(agent.name)
    person.id_number.setText(agent.id_number)
    qtbot.mouseClick(dialog.grant, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1, timeout=WAIT)
    assert len(calls) == 2
    assert _texts(dialog.list, 0) == [agent.name]
    masked = _texts(dialog.list, 1)[0]
    assert masked.endswith(agent.id_number[-4:]) and "*" in masked and agent.id_number not in masked
    assert _texts(dialog.list, 4)[0] in ("Active", "Not yet valid")
    assert person.name.text() == "" and not dialog.revoke.isEnabled()

    # Revoked after the confirmation; the list says so.
    dialog.list.topLevelItem(0).setSelected(True)
    assert dialog.revoke.isEnabled()
    seams.answer_next(True)
    qtbot.mouseClick(dialog.revoke, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _texts(dialog.list, 4) == ["Revoked"], timeout=WAIT)
    asked = [s for s in seams.shown if s.kind == "confirm"][-1].text
    assert agent.name in asked and made.name in asked
    assert [g.status for g in page.seals.seal_authorisations()] == ["revoked"]
    assert not dialog.revoke.isEnabled()
    dialog.close()
