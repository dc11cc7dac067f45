"""The task dialog (扫码任务) with real widgets offscreen and the real service over HTTP: a login
QR made as the platform's login page makes it, read from an image by the Scan page, opens the
dialog with the verified details; confirming with the licence password logs the browser in (the
platform's state says who) and writes the task history and the audit log; cancelling tells the
platform; a licence without the bidding matter is greyed out with its reason; an expired task, a
wrong password and an untrusted platform are refused clearly with nothing sent; a QR that is not
a task only shows its text."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from app.core.client import ServiceError
from app.core.client.tasks import TaskClient, create_login_task, task_state
from app.core.client.wallet import acting_as, download_licence
from app.core.errors import Refused
from app.core.licence.demo import DEMO_ENTERPRISES
from app.core.qr import make_png
from app.core.qrtask import parse_task_uri
from app.server.embedded import serve_in_thread
from app.server.keys import PLATFORM_NAME
from app.server.provision import init_service
from app.server.settings import Settings
from app.ui import errors, seams
from app.ui.tasks import dialog as task_dialog
from app.ui.tasks.dialog import TaskDialog

from . import bid_service, task_scan
from .bid_service import PASSWORD

pytestmark = pytest.mark.slow

service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures
scan = task_scan.scan  # the fixture
WAIT = 30_000
BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36"




def _scan_text(scan, qtbot, text: str, folder) -> None:
    """As a user does: an image of the code (here a PNG made by core's QR maker) opened on the page."""
    path = folder / "qr.png"
    path.write_bytes(make_png(text))
    scan.scan_file(path)
    qtbot.waitUntil(lambda: not scan.result_box.isHidden(), timeout=WAIT)
    assert scan.result_text.toPlainText() == text


def _opened(scan, qtbot) -> TaskDialog:
    qtbot.waitUntil(lambda: scan.task_dialog is not None, timeout=WAIT)
    dialog = scan.task_dialog
    qtbot.waitUntil(lambda: dialog.fetched is not None or dialog.problem.isVisible(), timeout=WAIT)
    return dialog


def _state(url, made) -> str:
    return task_state(url, made.task, made.poll_token).state


def _url(service) -> str:
    running, _ = service
    return running.url


def _tr(text: str) -> str:
    return QCoreApplication.translate("TaskDialog", text)


def test_scanning_a_login_qr_opens_the_verified_task_and_confirming_logs_in(scan, qtbot, service, context,
                                                                            tmp_path, monkeypatch):
    url = _url(service)
    made = create_login_task(url, user_agent=BROWSER)
    fetch_threads = []
    real_fetch = task_dialog.fetch_op

    def watched(client, uri):
        op = real_fetch(client, uri)

        def run(progress, cancel):
            fetch_threads.append(threading.get_ident())
            return op(progress, cancel)

        return run

    monkeypatch.setattr(task_dialog, "fetch_op", watched)
    _scan_text(scan, qtbot, made.uri, tmp_path)
    assert not scan.task_button.isHidden() and scan.task_button.text() == "处理此任务(&H)…"
    dialog = _opened(scan, qtbot)
    assert fetch_threads and threading.main_thread().ident not in fetch_threads  # off the GUI thread
    assert not dialog.problem.isVisible(), dialog.problem.text()
    # The verified origin and details, in words (zh_CN by default).
    assert dialog.platform.text() == PLATFORM_NAME and PLATFORM_NAME in dialog.subject.text()
    assert dialog.address.text() == url and dialog.kind.text() == "登录"
    assert dialog.session.text() == "确认后 30 分钟"
    assert (dialog.requester.text(), dialog.agent.text()) == ("127.0.0.1", BROWSER)
    assert dialog.requested.text() and dialog.heading.text() == f"{PLATFORM_NAME} 请求：登录"
    left = dialog.seconds_left()
    assert 50 <= left <= 60 and dialog.countdown.text() == f"{left} 秒"
    assert _state(url, made) == "scanned"
    # The one licence (the legal representative's) is usable and chosen.
    assert dialog.licences.count() == 1 and dialog.chosen_licence() == 1 and not dialog.licence_note.isVisible()
    assert dialog.confirm_button.isEnabled() and dialog.cancel_button.isEnabled()

    seams.answer_next(PASSWORD)
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.state is not None or dialog.problem.isVisible(), timeout=WAIT)
    assert dialog.state is not None, dialog.problem.text()
    enterprise = DEMO_ENTERPRISES[0].enterprise
    polled = task_state(url, made.task, made.poll_token)
    assert polled.state == "confirmed" and polled.enterprise.name == enterprise.name
    assert polled.person.name == enterprise.legal_representative.name
    assert dialog.outcome.text().startswith("登录成功：") and enterprise.name in dialog.outcome.text()
    assert dialog.confirm_button.isHidden() and dialog.cancel_button.isHidden()
    # Recorded as the CLI records it: the history row and the audit entry.
    (row,) = context.keystore.task_history()
    assert (row.task_id, row.answer, row.action, row.outcome) == (made.task, "confirm", "confirmed", "confirmed")
    assert (row.platform_name, row.platform_url, row.task_type) == (PLATFORM_NAME, url, "login")
    assert row.document_sm3 == dialog.fetched.task.document_sm3
    assert row.licence_serial == format(dialog.choices[0].serial, "x")
    events = [e.event for e in context.keystore.audit_entries()]
    assert "task.confirmed" in events and events.index("task.confirmed") > events.index("licence.downloaded")


def test_cancel_tells_the_platform_without_a_password(scan, qtbot, service, context, tmp_path):
    url = _url(service)
    made = create_login_task(url, user_agent=BROWSER)
    _scan_text(scan, qtbot, made.uri, tmp_path)
    dialog = _opened(scan, qtbot)
    dialog.cancel_button.click()  # no password queued: asking one would fail the test
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=WAIT)
    assert _state(url, made) == "cancelled"
    assert dialog.outcome.text() == _tr("Cancelled: the platform was told you declined.")
    (row,) = context.keystore.task_history()
    assert (row.answer, row.action, row.licence_serial) == ("cancel", "cancelled", None)
    assert not [s for s in seams.shown if s.kind == "password"]


def test_a_refusal_from_the_platform_is_said_in_words_and_recorded(scan, qtbot, service, context, tmp_path):
    url = _url(service)
    made = create_login_task(url, user_agent=BROWSER)
    _scan_text(scan, qtbot, made.uri, tmp_path)
    dialog = _opened(scan, qtbot)
    with TaskClient(dialog.fetched.tasks.roots, clock=dialog.fetched.tasks.clock) as elsewhere:
        elsewhere.cancel(dialog.fetched.task)  # another device answers first
    seams.answer_next(PASSWORD)
    dialog.confirm_button.click()
    qtbot.waitUntil(dialog.problem.isVisible, timeout=WAIT)
    english = "This task was already answered: a QR code is good for one answer"
    assert dialog.problem.text() == "已拒绝：" + errors.text(ServiceError(409, "task_used", english,
                                                                       template=english))
    assert english not in dialog.problem.text() and dialog.state is None
    assert dialog.confirm_button.isHidden()  # a used task takes no second answer
    (row,) = context.keystore.task_history()
    assert (row.answer, row.action, row.outcome) == ("confirm", "refused", "task_used")
    assert "task.refused" in [e.event for e in context.keystore.audit_entries()]
    assert _state(url, made) == "cancelled"


def test_a_licence_without_the_bidding_matter_is_greyed_out_with_its_reason(scan, qtbot, service, context,
                                                                           tmp_path):
    url = _url(service)
    client, store = context.client, context.keystore
    enterprise = DEMO_ENTERPRISES[0].enterprise
    agent = list(DEMO_ENTERPRISES[0].others)[1]
    other_matter = next(m.code for m in client.matters() if m.code != "EC-BID-FULL")
    with acting_as(client, store, store.unlock(PASSWORD.encode()), 1, purpose="test") as rep:
        grant = rep.authorise(agent.name, agent.id_number, matters=[other_matter])
    unlocked = store.unlock(PASSWORD.encode())
    download_licence(client, store, unlocked, place=enterprise.registration_place,
                     credit_code=enterprise.credit_code, name=agent.name, id_number=agent.id_number,
                     phone=agent.mobile, authorisation_id=grant.authorisation_id)
    unlocked.lock()

    made = create_login_task(url, user_agent=BROWSER)
    _scan_text(scan, qtbot, made.uri, tmp_path)
    dialog = _opened(scan, qtbot)
    assert dialog.licences.count() == 2
    allowed, greyed = dialog.licences.item(0), dialog.licences.item(1)
    assert allowed.isSelected() and dialog.chosen_licence() == 1
    assert not greyed.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "EC-BID-FULL" in greyed.toolTip() and greyed.toolTip() != "The licence is not authorised for EC-BID-FULL"
    assert dialog.licence_note.isVisible() and agent.name in dialog.licence_note.text()
    assert greyed.toolTip() in dialog.licence_note.text()
    dialog.licences.setCurrentRow(1)  # a greyed licence cannot be chosen
    assert dialog.chosen_licence() != 2
    assert _state(url, made) == "scanned"


def test_an_expired_task_cannot_be_confirmed_and_nothing_is_sent(scan, qtbot, service, clock, context, tmp_path):
    url = _url(service)
    made = create_login_task(url, user_agent=BROWSER)
    _scan_text(scan, qtbot, made.uri, tmp_path)
    dialog = _opened(scan, qtbot)
    assert dialog.confirm_button.isEnabled()
    clock.advance(seconds=61)
    qtbot.waitUntil(lambda: not dialog.confirm_button.isEnabled(), timeout=5_000)  # the countdown ran out
    assert dialog.countdown.text() == "已过期" and not dialog.cancel_button.isEnabled()
    assert dialog.problem.text() == _tr("The task has expired. Make a new QR code on the platform's page "
                                        "and scan it again.")
    dialog.confirm()  # no password is asked (none queued), nothing is sent
    assert _state(url, made) == "expired" and context.keystore.task_history() == []

    made = create_login_task(url, user_agent=BROWSER)  # expired before it was scanned: the platform says so
    clock.advance(seconds=61)
    _scan_text(scan, qtbot, made.uri, tmp_path)
    dialog = _opened(scan, qtbot)
    assert dialog.fetched is None and dialog.problem.isVisible()
    assert dialog.heading.text() == _tr("This task was refused: nothing was sent")
    assert dialog.problem.text() != "" and "expired" not in dialog.problem.text()  # in Chinese
    assert dialog.confirm_button.isHidden() and _state(url, made) == "expired"


def test_a_wrong_password_is_said_and_nothing_is_sent(scan, qtbot, service, context, tmp_path):
    url = _url(service)
    made = create_login_task(url, user_agent=BROWSER)
    _scan_text(scan, qtbot, made.uri, tmp_path)
    dialog = _opened(scan, qtbot)
    seams.answer_next("not the password", None)  # wrong, then Cancel at the second prompt
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: any(s.kind == "warn" for s in seams.shown), timeout=WAIT)
    qtbot.waitUntil(lambda: len([s for s in seams.shown if s.kind == "password"]) == 2, timeout=WAIT)
    (warned,) = [s for s in seams.shown if s.kind == "warn"]
    assert "密码" in warned.text
    assert _state(url, made) == "scanned" and dialog.state is None
    assert context.keystore.task_history() == []
    qtbot.waitUntil(dialog.confirm_button.isEnabled, timeout=5_000)  # may answer again


def test_an_untrusted_platform_is_refused_naming_it(scan, qtbot, service, clock, tmp_path):
    other = serve_in_thread(init_service(Settings(home=tmp_path / "other", clock=clock), demo=True))
    try:
        made = create_login_task(other.url, user_agent=BROWSER)
        _scan_text(scan, qtbot, made.uri, tmp_path)
        dialog = _opened(scan, qtbot)
        assert dialog.fetched is None and PLATFORM_NAME in dialog.problem.text()
        assert "does not trust" not in dialog.problem.text()  # said in Chinese
        assert dialog.heading.text() == _tr("This task was refused: nothing was sent")
        assert dialog.confirm_button.isHidden() and dialog.details.isHidden()
        assert _state(other.url, made) == "scanned"  # fetched, never answered
    finally:
        other.stop()


@pytest.mark.parametrize("text", [
    "https://example.com/hello",
    "http://bid.example.cn/platform/t/" + "a" * 22 + "#" + "b" * 43,  # a task's shape, in clear over a network
])
def test_a_qr_that_is_not_a_task_only_shows_its_text(scan, qtbot, tmp_path, text):
    _scan_text(scan, qtbot, text, tmp_path)
    qtbot.wait(200)
    assert scan.task_dialog is None and scan.task_button.isHidden() and scan.task_uri is None
    if text.startswith("http://bid"):  # why it is not opened, in words
        with pytest.raises(Refused) as refused:
            parse_task_uri(text)
        assert refused.value.code == "insecure_task_uri"
        assert scan.result_note.text() == errors.text(refused.value) != refused.value.message


def test_a_user_agent_with_markup_is_shown_as_plain_text(scan, qtbot, service, tmp_path):
    url = _url(service)
    spoof = "<h1 style='color:green'>Login OK</h1><img src='x'>"  # a header is ASCII
    made = create_login_task(url, user_agent=spoof)
    _scan_text(scan, qtbot, made.uri, tmp_path)
    dialog = _opened(scan, qtbot)
    assert dialog.agent.text() == spoof
    for label in dialog.findChildren(type(dialog.agent)):
        if label.objectName().startswith("task"):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
