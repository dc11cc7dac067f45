"""The licences page against one embedded service per module: states and countdowns, licence
managers up to the limit (the sixth refused in the UI), agent authorisations, the password."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from app.core.client import ServiceClient, wallet
from app.core.client.client import ROOT_CHANGED
from app.core.licence import MAX_MANAGERS, id_number_check_digit
from app.core.licence.demo import DEMO_ENTERPRISES
from app.ui import errors, seams, settings
from app.ui.context import AppContext, from_settings
from app.ui.licences.download import LicenceDownloadWizard
from app.ui.licences.model import LicenceTableModel, duration_text, state_text
from app.ui.licences.page import LicencesPage
from tests.ui.test_first_run import PASSWORD, SharedService, download, service  # noqa: F401 (fixture)


@pytest.fixture
def context(app, service, qtbot):  # noqa: F811
    ctx = AppContext(start_embedded=lambda: SharedService(service))
    with qtbot.waitSignal(ctx.service_ready, timeout=30000):
        ctx.connect_service()
    yield ctx
    ctx.close()


def legal_rep_licence(context, demo):
    """The legal representative's licence, downloaded without the guide (the first-run test has it)."""
    store = context.keystore
    unlocked = store.unlock(PASSWORD.encode()) if store.is_initialised() else store.initialise(PASSWORD.encode())
    rep = demo.legal_representative
    with ServiceClient(context.client.base_url) as unpinned:  # the licence came from the real root
        info = wallet.download_licence(unpinned, store, unlocked, place=demo.registration_place,
                                       credit_code=demo.credit_code, name=rep.name,
                                       id_number=rep.id_number, phone=rep.mobile)
    unlocked.lock()
    return info


def person_id(seq: int) -> str:
    body = f"11010819900101{seq:03d}"
    return body + id_number_check_digit(body)


def open_page(context, qtbot, demo) -> LicencesPage:
    legal_rep_licence(context, demo)
    page = LicencesPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.revocations_checked is not None, timeout=10000)
    assert page.managers.isEnabled() and page.agents.isEnabled()
    return page


def warnings() -> list[str]:
    return [s.text for s in seams.shown if s.kind == "warn"]


def test_the_list_shows_role_enterprise_and_state(context, qtbot):
    demo = DEMO_ENTERPRISES[0].enterprise
    page = open_page(context, qtbot, demo)
    model = page.model
    assert model.rowCount() == 1
    assert model.index(0, model.ENTERPRISE).data() == demo.name
    assert model.index(0, model.HOLDER).data() == demo.legal_representative.name
    assert model.state(0) == "active"


def test_state_and_countdown_for_a_window_ending_soon(context, qtbot):
    info = legal_rep_licence(context, DEMO_ENTERPRISES[0].enterprise)
    now = datetime(2030, 5, 1, 8, 0, tzinfo=UTC)
    ending = dataclasses.replace(info, not_before=now - timedelta(days=1), not_after=now + timedelta(hours=2, minutes=5))
    later = dataclasses.replace(info, not_before=now + timedelta(days=1, hours=3), not_after=now + timedelta(days=4))
    ended = dataclasses.replace(info, not_before=now - timedelta(days=5), not_after=now - timedelta(days=2))
    clock = [now]
    model = LicenceTableModel(clock=lambda: clock[0])
    model.set_licences([ending, later, ended])
    assert [model.state(r) for r in range(3)] == ["active", "not_yet_valid", "expired"]
    assert duration_text(timedelta(hours=2, minutes=5)) in model.index(0, model.STATE).data()
    assert duration_text(timedelta(days=1, hours=3)) in model.index(1, model.STATE).data()
    assert model.index(0, model.STATE).data(Qt.ItemDataRole.FontRole).bold()  # ending soon: bold
    changed = []
    model.dataChanged.connect(lambda *a: changed.append(a))
    clock[0] = now + timedelta(minutes=6)  # one tick a minute later: the countdown moved
    model.tick()
    assert len(changed) == 1
    assert duration_text(timedelta(hours=1, minutes=59)) in model.index(0, model.STATE).data()
    model.set_revoked({model._rows[0][1]})
    assert model.state(0) == "revoked"
    assert model.index(0, model.STATE).data() == state_text(ending, clock[0], revoked=True)


def test_managers_up_to_the_limit_and_the_sixth_refused(context, qtbot):
    demo = DEMO_ENTERPRISES[2].enterprise
    page = open_page(context, qtbot, demo)
    seams.answer_next(PASSWORD)
    page.managers.click()
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.holder is not None, timeout=20000)
    assert dialog.list.topLevelItemCount() == 0
    for n in range(MAX_MANAGERS + 1):
        dialog.form.person.name.setText(f"测试管理员{n}")
        dialog.form.person.id_number.setText(person_id(300 + n))
        assert dialog.grant.isEnabled()
        dialog.grant.click()
        if n < MAX_MANAGERS:
            qtbot.waitUntil(lambda n=n: dialog.list.topLevelItemCount() == n + 1, timeout=10000)
    qtbot.waitUntil(lambda: bool(warnings()), timeout=10000)
    # Worded once, by the rule in core; the service sends the template, the app translates it.
    expected = QCoreApplication.translate(
        "errors", "An enterprise has at most {n} licence managers: remove one before adding another")
    assert warnings()[-1] == expected.format(n=MAX_MANAGERS) != expected
    assert "证照管理员" in warnings()[-1] and "too_many_managers" not in warnings()[-1]
    assert dialog.list.topLevelItemCount() == MAX_MANAGERS
    removed = dialog.list.topLevelItem(0).text(0)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    seams.answer_next(True)
    dialog.revoke.click()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == MAX_MANAGERS - 1, timeout=10000)
    [question] = [s for s in seams.shown if s.kind == "confirm"]
    assert removed in question.text and demo.name in question.text
    names = [dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount())]
    assert removed not in names
    assert any(s.kind == "info" for s in seams.shown)


def test_authorising_an_agent_who_then_downloads(context, qtbot):
    demo = DEMO_ENTERPRISES[1]
    page = open_page(context, qtbot, demo.enterprise)
    seams.answer_next(PASSWORD)
    page.agents.click()
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.holder is not None, timeout=20000)
    form = dialog.form
    window = form.window_editor
    start, end = (edit.dateTime().toSecsSinceEpoch() for edit in (window.start, window.end))
    assert end - start == 3 * 24 * 3600  # the 3-day default, prefilled
    assert form.matters.count() > 0 and not form.matters.isEnabled()
    agent = demo.others[0]
    form.person.name.setText(agent.name)
    form.person.id_number.setText(agent.id_number)
    form.specific.setChecked(True)
    assert not dialog.grant.isEnabled()  # specific needs a matter
    form.matters.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.grant.isEnabled()
    dialog.grant.click()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1, timeout=10000)
    assert dialog.list.topLevelItem(0).text(0) == agent.name
    dialog.close()
    guide = LicenceDownloadWizard(context)
    qtbot.addWidget(guide)
    guide.show()
    download(guide, qtbot, demo.enterprise, person=agent)
    roles = sorted(info.role for info in context.keystore.list_licences())
    assert roles == ["agent", "legal_representative"]


def test_a_wrong_password_shows_the_error_and_asks_again(context, qtbot):
    page = open_page(context, qtbot, DEMO_ENTERPRISES[0].enterprise)
    seams.answer_next("not the password", PASSWORD)
    page.managers.click()
    qtbot.waitUntil(lambda: page.dialog.holder is not None, timeout=20000)
    assert len([s for s in seams.shown if s.kind == "password"]) == 2
    assert len(warnings()) == 1


def test_changing_the_password(context, qtbot):
    page = open_page(context, qtbot, DEMO_ENTERPRISES[0].enterprise)
    page.password.click()
    dialog = page.dialog
    new = "Sealed lotus, bid opening 09:30!"
    dialog.old.setText("wrong old password")
    dialog.new.new.setText(new)
    dialog.new.confirm.setText(new)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: bool(warnings()), timeout=20000)
    assert dialog.isVisible()
    dialog.old.setText(PASSWORD)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: any(s.kind == "info" for s in seams.shown), timeout=30000)
    assert not context.keystore.unlock(new.encode()).is_locked


def test_a_server_presenting_another_root_is_not_trusted(app, service, qtbot):  # noqa: F811
    settings.SERVICE_MODE.set("remote")
    settings.SERVICE_URL.set(service.url)
    settings.SERVICE_ROOT_FINGERPRINT.set("00" * 32)  # not what the server presents
    context = from_settings()
    context.connect_service()
    legal_rep_licence(context, DEMO_ENTERPRISES[0].enterprise)
    page = LicencesPage(context)
    qtbot.addWidget(page)
    from app.core.errors import VerificationFailed

    expected = errors.user_message(VerificationFailed(ROOT_CHANGED))
    qtbot.waitUntil(lambda: expected in page.status.text(), timeout=10000)
    assert page.revocations_checked is None
    seams.answer_next(PASSWORD)
    page.managers.click()
    qtbot.waitUntil(lambda: expected in " ".join(warnings()), timeout=20000)
    assert page.dialog.holder is None
    context.close()
