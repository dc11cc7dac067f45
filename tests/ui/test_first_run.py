"""The first-run guide against the embedded service: local or server choice, the licence password,
then the licence download guide through to a stored licence."""

from __future__ import annotations

import pytest

from app.core.licence.demo import DEMO_ENTERPRISES
from app.ui import seams, settings
from app.ui.context import AppContext
from app.ui.licences.first_run import FirstRunWizard, grouped

PASSWORD = "Tender!Open-Day 2026 lotus"


class SharedService:
    """One embedded service for the module; contexts may 'stop' it without stopping it."""

    def __init__(self, running) -> None:
        self.url = running.url

    def stop(self) -> None:
        pass


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from app.server.embedded import start_embedded
    from app.server.settings import Settings

    running = start_embedded(Settings.default(home=tmp_path_factory.mktemp("service")))
    yield running
    running.stop()


@pytest.fixture
def context(app, service):
    ctx = AppContext(start_embedded=lambda: SharedService(service))
    yield ctx
    ctx.close()


def set_password(wizard, qtbot) -> None:
    page = wizard.password_page
    page.form.new.setText("123456")
    assert not page.isComplete()
    assert page.form.problems.text()  # the problems are shown as typed
    page.form.new.setText(PASSWORD)
    page.form.confirm.setText(PASSWORD + "x")
    assert not page.isComplete() and page.form.mismatch.text()
    page.form.confirm.setText(PASSWORD)
    assert page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.READY, timeout=20000)


def download(guide, qtbot, enterprise, *, person=None, password: str | None = PASSWORD) -> None:
    """Drive the download guide from its first page to the done page."""
    person = person or enterprise.legal_representative
    qtbot.waitUntil(lambda: guide.place_page.places.count() > 0, timeout=30000)
    guide.place_page.places.setCurrentText(enterprise.registration_place)
    guide.next()
    page = guide.enterprise_page
    page.code.setText(enterprise.credit_code[:-1] + "0")  # wrong check character: inline complaint
    assert page.problem.text() and not page.isComplete()
    page.code.setText(enterprise.credit_code.lower())
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert enterprise.name in page.name.text()
    guide.next()
    form = guide.person_page
    form.name.setText(person.name)
    form.id_number.setText(person.id_number[:-1] + ("0" if person.id_number[-1] != "0" else "1"))
    assert form.id_problem.text() and not form.isComplete()
    form.id_number.setText(person.id_number)
    form.mobile.setText("12345")
    assert form.mobile_problem.text() and not form.isComplete()
    form.mobile.setText(person.mobile)
    assert form.isComplete()
    guide.next()
    assert not guide.declaration_page.isComplete()
    guide.declaration_page.accept.setChecked(True)
    guide.next()
    if password is not None:  # None: the wallet is unlocked already, nothing is asked
        seams.answer_next(password)
    guide.next()
    qtbot.waitUntil(lambda: guide.currentId() == guide.DONE, timeout=30000)


def test_first_run_through_a_licence_download(context, qtbot):
    settings.UNLOCK_MINUTES.set(15)  # the product's default: the password is typed once
    assert not context.keystore.is_initialised()
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.service_page.local.isChecked() and wizard.service_page.isComplete()
    with qtbot.waitSignal(context.service_ready, timeout=30000):
        wizard.next()
    assert settings.SERVICE_MODE.get() == "embedded"
    set_password(wizard, qtbot)
    assert context.keystore.is_initialised()
    assert context.session.is_unlocked()  # the password just set is not asked for again at once
    wizard.accept()
    guide = wizard.download_guide
    qtbot.addWidget(guide)
    demo = DEMO_ENTERPRISES[0].enterprise
    download(guide, qtbot, demo, password=None)
    assert not [s for s in seams.shown if s.kind == "password"]
    [licence] = context.keystore.list_licences()
    assert (licence.enterprise_code, licence.role) == (demo.credit_code, "legal_representative")
    assert demo.name in guide.done_page.text.text()


def test_connecting_to_a_server_shows_its_fingerprint_first(context, service, qtbot):
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.service_page
    page.remote.setChecked(True)
    assert not page.isComplete()
    page.url.setText(service.url)
    page.check.click()
    qtbot.waitUntil(lambda: bool(page.fingerprint.text()), timeout=10000)
    expected = service.ctx.keys.authority.root.fingerprint()
    assert grouped(expected) in page.fingerprint.text()
    assert not page.isComplete()  # until the user confirms it
    page.confirmed.setChecked(True)
    with qtbot.waitSignal(context.service_ready, timeout=10000):
        wizard.next()
    assert settings.SERVICE_MODE.get() == "remote" and settings.SERVICE_URL.get() == service.url
    assert settings.SERVICE_ROOT_FINGERPRINT.get() == expected
    assert context.is_remote and context.client.base_url == service.url


def test_cancelling_the_guide_still_connects_the_service(context, qtbot):
    wizard = FirstRunWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(context.service_ready, timeout=30000):
        wizard.reject()
    assert wizard.download_guide is None


def test_the_download_guide_offers_the_place_s_enterprises_with_demo_ones_marked(context, qtbot):
    from app.core.licence.demo import DEMO_ENTERPRISES
    from app.ui.licences.download import LicenceDownloadWizard

    enterprise = DEMO_ENTERPRISES[0].enterprise
    with qtbot.waitSignal(context.service_ready, timeout=30000):
        context.connect_service(None)
    guide = LicenceDownloadWizard(context)
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitUntil(lambda: guide.place_page.places.count() > 0, timeout=30000)
    guide.place_page.places.setCurrentText(enterprise.registration_place)
    guide.next()
    page = guide.enterprise_page
    qtbot.waitUntil(lambda: page.known.count() > 1, timeout=30000)
    labels = [page.known.itemText(i) for i in range(page.known.count())]
    mine = next(i for i, text in enumerate(labels) if enterprise.credit_code in text)
    assert enterprise.name in labels[mine] and "演示" in labels[mine].replace(enterprise.name, "")
    page.known.activated.emit(mine)  # as a click on the entry does
    assert page.code.text() == enterprise.credit_code
    qtbot.waitUntil(page.isComplete, timeout=10000)
    context.close()
