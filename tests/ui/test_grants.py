"""The shared grant-list dialog and window editor, without a service: the 3-day default, the inline
window check, buttons off while a call runs, revoked grants not revocable again, refusals through
errors.show, and the base class's words translated for a subclass."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from app.core.errors import Refused
from app.core.licence import DEFAULT_WINDOW
from app.ui import seams
from app.ui.grants import KEY, GrantForm, GrantListDialog, Row
from app.ui.window_editor import BAD_WINDOW, WindowEditor

ID_NUMBER = "110108198503150026"  # a DEMO person's number (valid check digit)
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


class ToyDialog(GrantListDialog):
    """Grants are (name, status) pairs kept in a list; ``gate`` holds a call until it is set."""

    def __init__(self) -> None:
        super().__init__(None, GrantForm(window=True, now=NOW), name="toy", list_name="toyList",
                         grant_name="toyGrant", revoke_name="toyRevoke")
        self.store: list[tuple[str, str]] = [("old", "revoked")]
        self.gate = threading.Event()
        self.gate.set()
        self.refuse = False
        self.begin()

    def load(self) -> None:
        store = self.store
        self.run(lambda progress, cancel: list(store), self.show_grants, "Loading")

    def row(self, grant) -> Row:
        return Row([grant[0], self.state_name(grant[1])], grant[0], grant[1])

    def grant_work(self):
        name, store, gate, refuse = self.form.person.named().name, self.store, self.gate, self.refuse

        def op(progress, cancel):
            gate.wait(10)
            if refuse:
                raise Refused("unknown_agent", "{name} is not an agent of this enterprise", name=name)
            store.append((name, "active"))
            return list(store)

        return op

    def revoke_question(self, item):
        return "Revoke", f"Revoke {item.text(0)}?"

    def revoke_work(self, item):
        name, store = item.data(0, KEY), self.store

        def op(progress, cancel):
            store[:] = [(n, "revoked" if n == name else s) for n, s in store]
            return list(store)

        return op


def _dialog(qtbot) -> ToyDialog:
    dialog = ToyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.grants is not None, timeout=10_000)
    return dialog


def test_the_window_editor_defaults_to_three_days_and_says_when_the_end_is_too_early(app, qtbot):
    editor = WindowEditor(now=NOW)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.window() == (NOW, NOW + DEFAULT_WINDOW)
    assert editor.valid() and not editor.problem.isVisible()
    changes = []
    editor.changed.connect(lambda: changes.append(editor.valid()))
    editor.end.setDateTime(editor.start.dateTime())
    assert changes[-1] is False and editor.problem.isVisible()
    assert editor.problem.text() == QCoreApplication.translate("errors", BAD_WINDOW) != BAD_WINDOW  # zh_CN
    editor.reset(NOW)
    assert editor.valid() and not editor.problem.isVisible()


def test_grant_is_off_while_the_call_runs_and_on_again_after(app, qtbot):
    dialog = _dialog(qtbot)
    assert dialog.list.topLevelItem(0).text(1) == "已撤销"  # the base's words, found for a subclass
    person = dialog.form.person
    person.name.setText("测试办事人")
    person.id_number.setText(ID_NUMBER)
    assert dialog.grant.isEnabled()
    dialog.form.window_editor.end.setDateTime(dialog.form.window_editor.start.dateTime())
    assert not dialog.grant.isEnabled()  # the window must be right too
    dialog.form.window_editor.reset(NOW)
    dialog.gate.clear()
    dialog.grant.click()
    assert dialog.busy and not dialog.grant.isEnabled() and not dialog.revoke.isEnabled()
    dialog.authorise()  # a second click while busy sends nothing
    dialog.gate.set()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 2, timeout=10_000)
    assert not dialog.busy and person.name.text() == "" and dialog.store[-1] == ("测试办事人", "active")
    assert len(dialog.store) == 2


def test_revoked_grants_cannot_be_revoked_again(app, qtbot):
    dialog = _dialog(qtbot)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    assert not dialog.revoke.isEnabled()  # already revoked
    dialog.store.append(("new", "active"))
    dialog.load()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 2, timeout=10_000)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
    assert dialog.revoke.isEnabled()
    seams.answer_next(False)
    dialog.revoke.click()
    assert dialog.store[1] == ("new", "active")  # not confirmed: nothing sent
    seams.answer_next(True)
    dialog.revoke.click()
    qtbot.waitUntil(lambda: dialog.store[1] == ("new", "revoked"), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.list.topLevelItem(1).text(1) == "已撤销", timeout=10_000)


def test_a_refusal_is_shown_through_errors_and_the_form_kept(app, qtbot):
    dialog = _dialog(qtbot)
    dialog.refuse = True
    dialog.form.person.name.setText("陌生人")
    dialog.form.person.id_number.setText(ID_NUMBER)
    dialog.grant.click()
    qtbot.waitUntil(lambda: any(s.kind == "warn" for s in seams.shown), timeout=10_000)
    assert "陌生人" in seams.shown[-1].text
    assert not dialog.busy and dialog.grant.isEnabled() and dialog.form.person.name.text() == "陌生人"
