"""A project published while the app runs appears on the home and bid pages without a restart,
the user's choice of project stays, and the status bar says what is new."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core.client import Project
from app.server.provision import ProjectSpec, add_project
from app.ui.main_window import MainWindow

from . import bid_service
from .bid_service import PROJECT

service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures

WAIT = 60000
NEW = "DEMO-NEW-002"


def _codes(box) -> list[str]:
    return [box.itemData(i) for i in range(box.count())]


def test_a_project_published_while_the_app_runs_appears_and_is_announced(context, service, qtbot):
    running, clock = service
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("bids")
    bids = window.current_page()
    qtbot.waitUntil(lambda: PROJECT in _codes(bids.form.project_box), timeout=WAIT)
    bids.form.project_box.setCurrentIndex(bids.form.project_box.findData(PROJECT))
    bids.form.section_box.setCurrentIndex(1)
    chosen_section = bids.form.section()

    now = clock()
    add_project(running.ctx, ProjectSpec(NEW, "新发布项目：道路维修（DEMO）", "演示招标人有限公司（DEMO）",
                                         ("1",), now + timedelta(days=3), now + timedelta(days=3, hours=2)))
    window.show_page("home")  # showing a page asks the platform again
    home = window.current_page()
    qtbot.waitUntil(lambda: NEW in {p.code for p in home.projects}, timeout=WAIT)
    assert NEW in window.statusBar().currentMessage()
    assert NEW in _codes(bids.form.project_box)  # every page got the new list
    assert (bids.form.project().code, bids.form.section()) == (PROJECT, chosen_section)  # choice kept


def test_the_news_names_moved_times_and_nothing_when_nothing_changed(context):
    watch = context.projects
    base = Project(code="P-1", name="项目一", tenderee="T", sections=("1",),
                   bid_deadline=datetime(2026, 12, 8, 9, tzinfo=UTC),
                   opening_time=datetime(2026, 12, 8, 10, tzinfo=UTC))
    assert watch.describe([base], [base]) == ""
    moved = base.model_copy(update={"bid_deadline": base.bid_deadline + timedelta(days=1),
                                    "opening_time": base.opening_time + timedelta(days=1)})
    assert watch.describe([base], [moved]).count("P-1") == 1
    text = watch.describe([moved], [moved, base.model_copy(update={"code": "P-2"})])
    assert "P-2" in text and "P-1" not in text


def test_a_closed_page_is_not_called_when_a_list_arrives_later(context, qtbot):
    import shiboken6

    from app.ui.home.page import HomePage

    page = HomePage(context)
    seen = []
    context.projects.follow(page, updated=seen.append)
    context.projects.updated.emit([])
    assert seen == [[]]
    shiboken6.delete(page)  # closed while a fetch was under way
    context.projects.updated.emit([])  # the fetch lands: nothing is called on the deleted page
    context.projects.failed.emit(RuntimeError("late"))
    assert seen == [[]]


def test_a_closed_context_stops_polling(context):
    assert context.projects.timer.isActive()
    context.close()
    assert not context.projects.timer.isActive()
