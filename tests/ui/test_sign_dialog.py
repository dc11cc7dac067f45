"""The task dialog for a sign task (docs/protocols/qr-tasks.md §11) with real widgets and the real
service: an agent's licence offers only the seal it holds a seal authorisation for — the other is
greyed out with the reason, and cannot be chosen; the legal representative may use both; a
licence of another enterprise is greyed out; cancelling tells the platform."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.client.seal import SealClient, collect_into_keystore
from app.core.client.tasks import task_state
from app.core.client.wallet import acting_as, download_licence
from app.core.licence.demo import DEMO_ENTERPRISES
from app.server.platform.tasks.sign import Requester, SignTaskRow, create_sign
from tests.seal_service.kit import imprint_png, make_seal

from . import bid_service, task_scan
from .bid_service import PASSWORD
from .test_task_dialog import _opened, _scan_text

pytestmark = pytest.mark.slow
service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures
scan = task_scan.scan  # the fixture
WAIT = 30_000


def _sign_task(running, enterprise) -> tuple[str, str, str]:
    """A sign task as the signing page makes it: (URI, task id, poll token)."""
    who = Requester("login-task", enterprise.credit_code, enterprise.name,
                    enterprise.legal_representative.name, "127.0.0.1", "Chromium")
    made = create_sign(running.ctx, who, base_url=running.url, file_name="投标函.pdf",
                       media_type="application/pdf", content=b"%PDF-1.7 bid letter")
    with running.ctx.session() as s:
        poll = s.get(SignTaskRow, made.task.task_id).poll_token
    return made.uri, made.task.task_id, poll


def _rows(widget) -> list[tuple[str, bool]]:
    return [(widget.item(i).text(), bool(widget.item(i).flags() & Qt.ItemFlag.ItemIsEnabled))
            for i in range(widget.count())]


def test_only_the_seals_the_licence_may_use_are_offered(service, context, scan, qtbot, tmp_path):
    running, _ = service
    first, second = DEMO_ENTERPRISES[0], DEMO_ENTERPRISES[1]
    enterprise, agent = first.enterprise, first.others[0]
    store = context.keystore
    [rep_licence] = store.list_licences()
    unlocked = store.unlock(PASSWORD.encode())
    with acting_as(context.client, store, unlocked, rep_licence.id, purpose="set up") as rep:
        seals = SealClient(rep)
        bidding = make_seal(seals, running, imprint_png())
        contract = make_seal(seals, running, imprint_png(seed=2), seal_type="contract")
        for seal_id in (bidding, contract):
            collect_into_keystore(seals, store, unlocked, seal_id, licence_id=rep_licence.id)
        rep.authorise(agent.name, agent.id_number)  # the agent may act for the enterprise …
        seals.authorise_seal(bidding, agent_name=agent.name, agent_id_number=agent.id_number)  # … with one seal
    unlocked = store.unlock(PASSWORD.encode())
    for person, of in ((agent, enterprise), (second.enterprise.legal_representative, second.enterprise)):
        download_licence(context.client, store, unlocked, place=of.registration_place,
                         credit_code=of.credit_code, name=person.name, id_number=person.id_number,
                         phone=person.mobile)
    unlocked.lock()

    uri, task_id, poll = _sign_task(running, enterprise)
    _scan_text(scan, qtbot, uri, tmp_path)
    dialog = _opened(scan, qtbot)
    assert dialog.fetched is not None, dialog.problem.text()
    picker = dialog.sign_box
    assert picker.document_name.text() == "投标函.pdf" and enterprise.name in picker.enterprise.text()
    licences = _rows(dialog.licences)
    assert [usable for _, usable in licences] == [True, True, False]  # rep, agent; another enterprise
    assert second.enterprise.name in dialog.licence_note.text()

    qtbot.waitUntil(lambda: picker.seals.count() == 2 and not picker.busy(), timeout=WAIT)
    assert [usable for _, usable in _rows(picker.seals)] == [True, True]  # the legal representative
    assert dialog.confirm_button.isEnabled()

    dialog.licences.setCurrentRow(1)  # the agent
    qtbot.waitUntil(lambda: not picker.busy() and picker.seals.count() == 2, timeout=WAIT)
    rows = _rows(picker.seals)
    assert [usable for _, usable in rows] == [True, False] and bidding in rows[0][0] and contract in rows[1][0]
    assert "没有印章" in picker.note.text() and agent.name in picker.note.text()
    assert "用章授权" in picker.seals.item(1).toolTip()
    assert picker.chosen_seal() == bidding and dialog.confirm_button.isEnabled()
    picker.seals.setCurrentRow(1)  # a greyed-out seal cannot be chosen: nothing to confirm with
    assert picker.chosen_seal() is None and not dialog.confirm_button.isEnabled()
    picker.seals.setCurrentRow(0)
    assert picker.chosen_seal() == bidding and dialog.confirm_button.isEnabled()

    dialog.cancel_button.click()  # the holder declines: the platform is told, no password
    qtbot.waitUntil(lambda: dialog.state is not None or dialog.problem.isVisible(), timeout=WAIT)
    assert dialog.state is not None and dialog.state.state == "cancelled", dialog.problem.text()
    assert task_state(running.url, task_id, poll).state == "cancelled"
