"""Seals page against the real service: empty state, terms then the editor, upload, rejection with
its reason, re-upload (the first becomes superseded), approval, records, collection with the
licence password, the collected seal shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.server.seal_office import review as seal_review
from app.ui import appearance, i18n, seams
from app.ui.seals.page import SealsPage

from . import bid_service
from .bid_service import PASSWORD
from .test_seal_editor import synthetic

service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures
WAIT = 60_000


def _open(page, qtbot):
    seams.answer_next(PASSWORD)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT)


def _upload(page, qtbot, seed: int):
    assert not page.upload_button.isEnabled()  # the terms come first
    page.terms.setChecked(True)
    qtbot.mouseClick(page.upload_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    photo, _ = synthetic("red", seed)
    editor.load_photo(photo)
    qtbot.waitUntil(lambda: editor.model.source is not None and not editor.renderer.busy, timeout=WAIT)
    count = len(page.view.imprints)
    editor.use_imprint()
    qtbot.waitUntil(lambda: len(page.view.imprints) == count + 1, timeout=WAIT)
    page.terms.setChecked(False)


def _texts(tree, column):
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


def test_upload_review_records_and_collect(app, context, service, qtbot):
    running, _ = service
    i18n.install(app, "en")  # the assertions read English source texts
    page = SealsPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page.licence.count() == 1 and page.title() == "Seals"
    assert page.heading.text().startswith("Choose a licence"), page.heading.text()  # not "no licence yet"
    _open(page, qtbot)
    assert page.empty.isVisible() and "No imprint" in page.empty.text()

    _upload(page, qtbot, seed=5)
    first = page.view.imprints[0]
    assert first.state == "pending" and first.seal_type == "official" and first.width_mm == 42
    assert _texts(page.imprints, 3) == ["Waiting for review"] and not page.empty.isVisible()

    seal_review.reject(running.ctx, first.imprint_id, reviewer="审核员", reason="印模不完整")
    page.refresh()
    qtbot.waitUntil(lambda: page.view.imprints[0].state == "rejected", timeout=WAIT)
    assert _texts(page.imprints, 3) == ["Rejected"] and _texts(page.imprints, 4) == ["印模不完整"]
    assert page.imprints.topLevelItem(0).foreground(3).color() == appearance.state_colour(appearance.State.REVOKED)

    _upload(page, qtbot, seed=6)
    second = next(i for i in page.view.imprints if i.imprint_id != first.imprint_id)
    made = seal_review.approve(running.ctx, second.imprint_id, reviewer="审核员")
    page.refresh()
    qtbot.waitUntil(lambda: len(page.view.seals) == 1, timeout=WAIT)
    assert [i.imprint_id for i in page.view.records.valid] == [second.imprint_id]
    assert [i.imprint_id for i in page.view.records.superseded] == [first.imprint_id]
    assert page.making.topLevelItemCount() == 1 and page.superseded.topLevelItemCount() == 1

    page.issued.topLevelItem(0).setSelected(True)
    assert page.collect_button.isEnabled()
    seams.answer_next(True, PASSWORD)  # the enterprise details are right; the licence password
    qtbot.mouseClick(page.collect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.collected.topLevelItemCount() == 1, timeout=WAIT)
    asked = [s for s in seams.shown if s.kind == "confirm"][-1].text
    assert made.name in asked and context.keystore.list_licences()[0].enterprise_name in asked
    assert page.collected.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole) == made.seal_id
    assert not page.collected.topLevelItem(0).icon(0).isNull()  # the imprint inside the seal
    assert context.keystore.list_seals()[0].seal_id == made.seal_id


def test_a_review_at_the_service_appears_by_itself_and_is_announced(app, context, service, qtbot):
    """Issue "first hour" §3: while the seal office is open and the page shown, the page asks
    again every little while; an approval made by the reviewer appears without a click or a
    password, and the main window says what changed."""
    from app.ui.main_window import MainWindow

    running, _ = service
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("seals")
    page = window.current_page()
    page.poll.setInterval(200)  # 30 s in the product
    _open(page, qtbot)
    _upload(page, qtbot, seed=7)
    pending = next(i for i in page.view.imprints if i.state == "pending")
    asked = len([s for s in seams.shown if s.kind == "password"])

    seal_review.approve(running.ctx, pending.imprint_id, reviewer="审核员")
    qtbot.waitUntil(lambda: any(i.imprint_id == pending.imprint_id and i.state == "approved"
                                for i in page.view.imprints), timeout=WAIT)
    assert "已通过审核" in window.statusBar().currentMessage()
    assert len([s for s in seams.shown if s.kind == "password"]) == asked  # no password asked again
    window.show_page("home")
    assert not page.poll.isActive()  # hidden: no more asking
    window.close()
