"""The three grant lists — licence managers, agents' authorisations, seal authorisations — built
one way.

:class:`GrantListDialog` is the list of an enterprise's grants above a form to add one: a note,
the list, Revoke for the selected grant (asked first), the form, the grant button and Close. It
keeps the list (``grants`` is None until the first answer), disables both buttons while one of
its calls runs (``busy``), runs every call through :class:`~.operations.BackgroundOp` — so what
the call says it changed is announced — and shows every failure through ``errors.show``. A
subclass gives its columns (:meth:`row`), how it loads (:meth:`load`), its calls
(:meth:`grant_work`, :meth:`revoke_work`) and its wording.

:class:`GrantForm` is the form: a :class:`PersonForm` (name, ID number checked as it is typed,
optionally a mobile), room for extra fields, and optionally a
:class:`~.window_editor.WindowEditor` with the 3-day default. With ``people``, a
:class:`~.people.PersonPicker` above the person offers the enterprise's known people: choosing
one fills the person (:meth:`PersonForm.choose`), "New person" empties it for typing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import pairwise
from typing import Any, NamedTuple

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.client import KnownPerson
from ..core.licence import mask_id_number, validate_id_number, validate_mobile
from . import errors, seams
from .checked_field import CheckedField
from .operations import BackgroundOp, Op
from .people import PersonPicker
from .window_editor import WindowEditor

KEY, STATUS = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


class Named(NamedTuple):
    """Whom a :class:`PersonForm` names, as the service's grant calls take them: a known person
    by ``person_id`` alone (the service uses what it stored), or a typed one by name, ID number
    and mobile. ``masked`` is the ID number to show either way."""

    person_id: str | None
    name: str | None
    id_number: str | None
    mobile: str | None
    masked: str


class PersonForm(QGroupBox):
    """Name, ID number and (optional, when ``mobile``) mobile of a person to add or authorise;
    or a known person chosen from a list (:meth:`choose`), shown by name and masked ID number and
    sent by person id: the form never holds the full number of someone it did not type."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, mobile: bool = True) -> None:
        super().__init__(parent)
        self.known: KnownPerson | None = None
        form = self._form = QFormLayout(self)
        self.known_label, self.known_person = QLabel(self), QLabel(self)
        self.known_person.setObjectName("chosenPerson")
        self.known_person.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.known_label, self.known_person)
        form.setRowVisible(self.known_person, False)
        self.name, self.id_number, self.mobile = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.name.setObjectName("personName")
        self.id_number.setObjectName("personIdNumber")
        self.mobile.setObjectName("personMobile")
        self.labels = [QLabel(self) for _ in range(3)]
        self.id_problem, self.mobile_problem = QLabel(self), QLabel(self)
        rows = zip(self.labels, (self.name, self.id_number, self.mobile), (None, self.id_problem, self.mobile_problem))
        for label, edit, problem in list(rows)[: 3 if mobile else 2]:
            label.setBuddy(edit)
            form.addRow(label, edit)
            if problem is not None:
                form.addRow("", problem)
        if not mobile:
            for widget in (self.labels[2], self.mobile, self.mobile_problem):
                widget.hide()
        self.id_check = CheckedField(self.id_number, self.id_problem, validate_id_number)
        self.mobile_check = CheckedField(self.mobile, self.mobile_problem, validate_mobile)
        for signal in (self.name.textChanged, self.id_check.changed, self.mobile_check.changed):
            signal.connect(self.changed)
        self.with_mobile = mobile
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("&Name:"), self.tr("&ID number:"), self.tr("Mo&bile (optional):"))):
            label.setText(text)
        self.name.setAccessibleName(self.tr("Name"))
        self.id_number.setAccessibleName(self.tr("Resident ID number"))
        self.mobile.setAccessibleName(self.tr("Mobile number"))
        self.known_label.setText(self.tr("Person:"))
        self._show_known()

    def fields(self) -> list[QWidget]:
        return [self.name, self.id_number, self.mobile] if self.with_mobile else [self.name, self.id_number]

    def choose(self, person: KnownPerson | None) -> None:
        """Fill the form with a known person (their name and masked ID number shown, nothing to
        type), or None: back to the empty fields for a new person."""
        self.known = person
        if person is None:
            self.name.clear()
            self.id_number.clear()
        self._show_known()
        self.changed.emit()

    def _show_known(self) -> None:
        person = self.known
        # A known person's mobile is the one the service stored: nothing to type.
        for edit in (self.name, self.id_number, self.mobile) if self.with_mobile else (self.name, self.id_number):
            self._form.setRowVisible(edit, person is None)
        self.mobile_problem.setVisible(self.with_mobile and person is None and bool(self.mobile_problem.text()))
        self.id_problem.setVisible(person is None and bool(self.id_problem.text()))
        self._form.setRowVisible(self.known_person, person is not None)
        if person is not None:
            self.known_person.setText(self.tr("{name} (ID number {masked})").format(
                name=person.name, masked=person.masked_id_number))
            self.known_person.setAccessibleName(self.known_person.text())

    def complete(self) -> bool:
        if self.known is not None:
            return True
        mobile_ok = self.mobile_check.valid or not self.mobile.text().strip()
        return bool(self.name.text().strip()) and self.id_check.valid and mobile_ok

    def named(self) -> Named:
        if self.known is not None:
            return Named(self.known.person_id, None, None, None, self.known.masked_id_number)
        id_number = self.id_check.value or ""
        mobile = self.mobile_check.value if self.with_mobile else None
        return Named(None, self.name.text().strip(), id_number, mobile, mask_id_number(id_number))

    def clear(self) -> None:
        for edit in (self.name, self.id_number, self.mobile):
            edit.clear()
        self.choose(None)


class GrantForm(QGroupBox):
    """Who (a :class:`PersonForm`), any extra fields a subclass adds with :meth:`add`, and — with
    ``window`` — when (``window_editor``, a :class:`WindowEditor` starting at ``now``); with
    ``people``, a picker of known people (``picker``, filled by :meth:`set_people`) beside them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, mobile: bool = True, window: bool = False,
                 now: datetime | None = None, people: bool = False) -> None:
        super().__init__(parent)
        self.person = PersonForm(self, mobile=mobile)
        self.person.setFlat(True)
        self.person.changed.connect(self.changed)
        self.picker = PersonPicker(self) if people else None
        self.window_editor = WindowEditor(self, now=now) if window else None
        # The known people beside the fields they fill, not above them: the dialog then fits a
        # 1366×768 laptop's height.
        columns = QHBoxLayout(self)
        self._layout = QVBoxLayout()  # the person, the extras; the window too without a picker
        side = self._layout
        if self.picker is not None:
            side = QVBoxLayout()
            side.addWidget(self.picker, 1)
            columns.addLayout(side, 1)
            self.picker.chosen.connect(self.person.choose)
        columns.addLayout(self._layout, 1)
        self._layout.addWidget(self.person)
        self._extras: list[QWidget] = []
        if self.window_editor is not None:
            side.addWidget(self.window_editor)
            self.window_editor.changed.connect(self.changed)

    def add(self, widget: QWidget) -> None:
        """An extra field, between the person and the window."""
        self._layout.insertWidget(self._layout.indexOf(self.person) + len(self._extras) + 1, widget)
        self._extras.append(widget)

    def set_people(self, people: list[KnownPerson]) -> None:
        if self.picker is not None:
            self.picker.set_people(people)

    def retranslate(self) -> None:
        self.person.retranslate()
        if self.picker is not None:
            self.picker.retranslate()
        if self.window_editor is not None:
            self.window_editor.retranslate()

    def focus_order(self) -> list[QWidget]:
        window = [self.window_editor.start, self.window_editor.end] if self.window_editor is not None else []
        picker = self.picker.focus_order() if self.picker is not None else []
        return [*picker, *self.person.fields(), *self._extras, *window]

    def complete(self) -> bool:
        return self.person.complete() and (self.window_editor is None or self.window_editor.valid())

    def clear(self) -> None:
        if self.picker is not None:
            self.picker.choose_new()  # empties the person too
        self.person.clear()


class Row(NamedTuple):
    """One grant as the list shows it: the column texts, its id, and its state (None if none)."""

    texts: list[str]
    key: Any
    status: str | None = None


class GrantListDialog(QDialog):
    """Build, then end the subclass's ``__init__`` with :meth:`begin` (see the module's docstring)."""

    def __init__(self, parent: QWidget | None, form: GrantForm, *, name: str, list_name: str,
                 grant_name: str, revoke_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.grants: list | None = None
        self.busy = False
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.list = QTreeWidget(self)
        self.list.setObjectName(list_name)
        self.list.setRootIsDecorated(False)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.revoke, self.grant = QPushButton(self), QPushButton(self)
        self.revoke.setObjectName(revoke_name)
        self.grant.setObjectName(grant_name)
        self.grant.setDefault(True)
        self.form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.revoke)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(form)
        layout.addWidget(self.grant, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(buttons)
        order = [self.list, self.revoke, *form.focus_order(), self.grant]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        form.changed.connect(self._update)
        self.list.itemSelectionChanged.connect(self._update)
        self.grant.clicked.connect(self.authorise)
        self.revoke.clicked.connect(self.revoke_selected)

    def begin(self) -> None:
        """Word the dialog and ask for the list."""
        self.retranslate()
        self._update()
        self.load()

    # -- what a subclass gives -------------------------------------------------------------------

    def retranslate(self) -> None:
        self.form.retranslate()

    def load(self) -> None:
        """Ask for the list; its answer goes to :meth:`show_grants`."""
        raise NotImplementedError

    def row(self, grant: Any) -> Row:
        raise NotImplementedError

    def grant_work(self) -> Op:
        """On the GUI thread: read the form and return the pool-thread call that grants."""
        raise NotImplementedError

    def granted(self, result: Any) -> None:
        """``grant_work``'s answer, by default the new list."""
        self.form.clear()
        self.show_grants(result)

    def revoke_question(self, item: QTreeWidgetItem) -> tuple[str, str]:
        """The confirmation's title and question."""
        raise NotImplementedError

    def revoke_work(self, item: QTreeWidgetItem) -> Op:
        raise NotImplementedError

    def revoked(self, result: Any) -> None:
        """``revoke_work``'s answer, by default the new list."""
        self.show_grants(result)

    def granting(self) -> str:
        return self.tr("Authorising…")

    def revoking(self) -> str:
        return self.tr("Revoking…")

    # -- shared ------------------------------------------------------------------------------------

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def state_name(self, status: str) -> str:
        return {"active": self.tr("Active"), "not_yet_valid": self.tr("Not yet valid"),
                "expired": self.tr("Expired"), "revoked": self.tr("Revoked")}.get(status, status)

    def show_grants(self, grants: list) -> None:
        if not shiboken6.isValid(self):
            return
        self.grants = grants
        self.list.clear()
        for grant in grants:
            row = self.row(grant)
            item = QTreeWidgetItem(row.texts)
            for column, text in enumerate(row.texts):
                item.setToolTip(column, text)  # the full text, should the column be narrow
            item.setData(0, KEY, row.key)
            item.setData(0, STATUS, row.status)
            self.list.addTopLevelItem(item)
        self._update()

    def selected(self) -> QTreeWidgetItem | None:
        items = self.list.selectedItems()
        return items[0] if items else None

    def _update(self) -> None:
        ready = self.grants is not None and not self.busy
        self.grant.setEnabled(ready and self.form.complete())
        item = self.selected()
        self.revoke.setEnabled(ready and item is not None and item.data(0, STATUS) != "revoked")

    def authorise(self) -> None:
        if self.grants is None or self.busy or not self.form.complete():
            return  # nothing is sent until the form is right
        self.run(self.grant_work(), self.granted, self.granting())

    def revoke_selected(self) -> None:
        item = self.selected()
        if item is None or self.busy or not seams.confirm(self, *self.revoke_question(item)):
            return
        self.run(self.revoke_work(item), self.revoked, self.revoking())

    def run(self, op: Op, success: Callable[[Any], None], label: str) -> None:
        """``op`` on a pool thread with the buttons off; then ``success`` or the failure shown."""
        self._set_busy(True)

        def done(result: Any) -> None:
            self._set_busy(False)
            success(result)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self.failed(exc)

        BackgroundOp(self, op=op, success=done).failure(failed).with_progress(label).run()

    def _set_busy(self, busy: bool) -> None:
        if shiboken6.isValid(self):
            self.busy = busy
            self._update()

    def failed(self, exc: BaseException) -> None:
        errors.show(self if shiboken6.isValid(self) else None, exc)
