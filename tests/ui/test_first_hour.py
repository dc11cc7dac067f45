"""The first hour, as a newcomer meets it: a fresh data folder, the main window and its first-run
guide, then only the home page's guide — a downloaded DEMO licence, an imprint reviewed and its
seal collected, a key applied for and backed up to a colleague, a bid encrypted and submitted —
with the licence password typed once (when it is set), as the product's default unlock session
promises.

The colleague is the enterprise's licence manager on a device of their own; setting them up
(their licence, their key, being added as manager) and their verifying the backup are other
people's steps, done through the helpers the Keys page tests use. Every step of the newcomer is
a click on the window."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt

from app.core.client import ServiceClient
from app.core.licence.demo import DEMO_ENTERPRISES
from app.server.seal_office import review as seal_review
from app.ui import seams, settings
from app.ui.bids.model import State
from app.ui.context import AppContext
from app.ui.home.guide import StepState
from app.ui.licences.first_run import FirstRunWizard
from app.ui.main_window import MainWindow

from . import bid_service
from .bid_service import Borrowed, drop_files
from .test_bids import _files, _select
from .test_encryption_guard import _applied
from .test_first_run import download, set_password
from .test_keys_page import MANAGER, add_manager, click, device, own_keys, select, settle
from .test_seals_page import _upload

service = bid_service.service  # the module's service (fixture)
WAIT = 60_000


def _guide_next(qtbot, window, expected_page: str):
    window.show_page("home")
    home = window.current_page()
    home.refresh()
    qtbot.waitUntil(lambda: home.guide.next_step() is not None, timeout=WAIT)
    assert home.guide.next_step().page_id == expected_page, [(s.key, s.state) for s in home.guide.steps]
    qtbot.mouseClick(home.guide.next_button, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert page.page_id == expected_page
    return page


def _passwords() -> list[str]:
    return [s.title for s in seams.shown if s.kind == "password"]


def test_a_newcomer_follows_the_guide_to_a_submitted_bid_typing_the_password_once(
        app, qtbot, service, monkeypatch, tmp_path):
    settings.UNLOCK_MINUTES.set(15)  # the product's default (the UI tests otherwise ask every time)
    running, clock = service
    monkeypatch.setenv("EBID_HOME", str(tmp_path / "newcomer"))
    context = AppContext(start_embedded=lambda: Borrowed(running.url),
                         client_factory=partial(ServiceClient, clock=clock))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    colleague, theirs = None, 0
    try:
        # The first-run guide: this computer's service, the password (typed here, the only time).
        wizard = FirstRunWizard(context, window)
        wizard.show()
        with qtbot.waitSignal(context.service_ready, timeout=30000):
            wizard.next()
        set_password(wizard, qtbot)
        wizard.accept()
        enterprise = DEMO_ENTERPRISES[0].enterprise
        download(wizard.download_guide, qtbot, enterprise, password=None)
        wizard.download_guide.accept()

        # 领章: the guide opens the Seals page; the imprint is uploaded, approved by the seal
        # office's reviewer, and the seal collected.
        seals = _guide_next(qtbot, window, "seals")
        qtbot.mouseClick(seals.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: seals.view is not None, timeout=WAIT)
        _upload(seals, qtbot, seed=11)
        seal_review.approve(running.ctx, seals.view.imprints[-1].imprint_id, reviewer="审核员")
        seals.refresh()
        qtbot.waitUntil(lambda: seals.issued.topLevelItemCount() >= 1, timeout=WAIT)
        seals.issued.topLevelItem(0).setSelected(True)
        seams.answer_next(True)  # the enterprise details on the seal are right
        qtbot.mouseClick(seals.collect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: seals.collected.topLevelItemCount() == 1, timeout=WAIT)

        # 申请密钥并备份: a key, backed up to the colleague, who verifies it on their device.
        keys = _guide_next(qtbot, window, "keys")
        click(qtbot, keys.apply_button)
        settle(qtbot, lambda: keys.view.online and len(own_keys(keys)) == 1)
        key = own_keys(keys)[0].registry_id
        add_manager(context, MANAGER)  # earlier, on the Licences page (its own tests)
        colleague = device(qtbot, service, monkeypatch, tmp_path, "colleague", MANAGER)
        colleague_key = _applied(colleague)
        select(keys.mine, 0, key)
        seams.answer_next(colleague_key, 0)  # the holder, then the wait before a recovery
        click(qtbot, keys.backup_button)
        settle(qtbot, lambda: [h.state for h in own_keys(keys)[0].holders] == ["sent"])
        theirs = _verify_on_their_device(qtbot, colleague, key)
        click(qtbot, keys.refresh_button)
        settle(qtbot, lambda: [h.state for h in own_keys(keys)[0].holders] == ["verified"])

        # Then the bid: the guide's last step is the platform's QR tasks, so the bid is made on
        # the Bid files page, which the sidebar opens: encrypted (no risk asked: the backup is
        # verified), signed and submitted.
        window.show_page("bids")
        bids = window.current_page()
        (source,) = _files(tmp_path, 300_000)
        assert drop_files(bids, [source])
        qtbot.waitUntil(lambda: bids.model.rows and bids.model.rows[0].state is State.ENCRYPTED, timeout=WAIT)
        _select(bids, 0)
        bids.buttons["submit"].click()
        qtbot.waitUntil(lambda: bids.model.rows[0].state is State.SUBMITTED, timeout=WAIT)

        window.show_page("home")
        home = window.current_page()
        home.refresh()
        states = {s.key: s.state for s in home.guide.steps}
        assert states["licence"] is states["seal"] is states["key"] is StepState.DONE, states
        assert theirs == 1 and len(_passwords()) == theirs, "the newcomer was asked for the password again"
        assert not [s for s in seams.shown if s.kind in ("warn", "bug")], seams.shown
    finally:
        if colleague is not None:
            colleague.close()
        context.close()


def _verify_on_their_device(qtbot, colleague, key: str) -> int:
    """The colleague's Keys page: check with the service, then 备份验证 on the incoming backup.
    Returns how many times their device asked for their own password."""
    from .bid_service import PASSWORD
    from .test_keys_page import open_page

    before = len(_passwords())
    page = open_page(qtbot, colleague)
    seams.answer_next(PASSWORD)  # their own password on their own device; then their session
    click(qtbot, page.refresh_button)
    settle(qtbot, lambda: page.view.online and len(page.view.incoming) == 1)
    select(page.incoming, 0, page.view.incoming[0].message_id)
    click(qtbot, page.verify_button)
    settle(qtbot, lambda: page.held.topLevelItemCount() == 1)
    assert page.held.topLevelItem(0).text(0) == key
    return len(_passwords()) - before
