"""Pick one of the enterprise's known people instead of retyping them.

The service lists the managers and agents the enterprise's holders entered
(:meth:`~app.core.client.HolderClient.people`); :class:`PersonPicker` shows them by name, masked
ID number and role, filters them as the user types, and says which one was chosen — or that a
new person is to be entered in the form below it. The service sends only the masked ID number;
a chosen person is sent back by their person id.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
from .format import local_time
from .licences.roles import role_name

PERSON = Qt.ItemDataRole.UserRole


def matches(person: KnownPerson, text: str) -> bool:
    """By name or by the visible digits of the masked ID number (never the hidden ones)."""
    wanted = text.strip().upper()
    return not wanted or wanted in person.name.upper() or wanted in person.masked_id_number.upper()


class PersonPicker(QWidget):
    """The known people, a search field and "New person"; ``chosen`` says who (None: new)."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: list[KnownPerson] = []
        self.heading = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("personSearch")
        self.search.setClearButtonEnabled(True)
        self.heading.setBuddy(self.search)
        self.list = QTreeWidget(self)
        self.list.setObjectName("knownPeople")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.new = QPushButton(self)
        self.new.setObjectName("newPerson")
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.search, 1)
        top.addWidget(self.new)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._current)
        self.new.clicked.connect(self.choose_new)
        self.retranslate()
        self._show_empty()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("&Known people:"))
        self.search.setPlaceholderText(self.tr("Search by name or ID number digits"))
        self.search.setAccessibleName(self.tr("Search the known people"))
        self.list.setHeaderLabels([self.tr("Name"), self.tr("ID number"), self.tr("Role"), self.tr("Last authorised")])
        self.list.setAccessibleName(self.tr("People the enterprise already knows"))
        self.list.setToolTip(self.tr("Choose a person to fill the form; nobody needs to be retyped"))
        self.new.setText(self.tr("Ne&w person"))
        self.new.setToolTip(self.tr("Enter someone the enterprise does not know yet"))
        self.empty.setText(self.tr("Nobody to choose from yet: enter the person below."))
        self._fill()

    def set_people(self, people: list[KnownPerson]) -> None:
        self.people = list(people)
        self._fill()

    def focus_order(self) -> list[QWidget]:
        return [self.search, self.new, self.list]

    def selected(self) -> KnownPerson | None:
        item = self.list.currentItem()
        return item.data(0, PERSON) if item is not None and item.isSelected() else None

    def choose_new(self) -> None:
        """Nobody from the list: the form below is for a new person."""
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.chosen.emit(None)

    def _fill(self) -> None:
        keep = self.selected()
        self.list.blockSignals(True)
        self.list.clear()
        for person in self.people:
            roles = "、".join(role_name(r) for r in person.roles)
            when = local_time(person.last_authorised) if person.last_authorised else ""
            item = QTreeWidgetItem([person.name, person.masked_id_number, roles, when])
            item.setData(0, PERSON, person)
            for column in range(4):
                item.setToolTip(column, f"{person.name}  {person.masked_id_number}  {roles}")
            self.list.addTopLevelItem(item)
            if keep is not None and keep.person_id == person.person_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            item.setHidden(not matches(item.data(0, PERSON), text))
        self._show_empty()

    def _show_empty(self) -> None:
        self.empty.setVisible(not self.people)
        self.list.setVisible(bool(self.people))
        self.search.setEnabled(bool(self.people))

    def _current(self, item: QTreeWidgetItem | None, _previous) -> None:
        self.chosen.emit(item.data(0, PERSON) if item is not None else None)
