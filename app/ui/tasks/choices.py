"""Shared by the task dialog and its sign part: labels that show a platform's text as plain text,
and a list of choices (licences, seals) where those that cannot be used are greyed out with
their reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

CHOICE = Qt.ItemDataRole.UserRole


def plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # What a label shows comes from the platform or the requesting browser (its user agent
    # is any text it likes): never rendered as rich text, so "<h1>登录成功</h1>" stays literal.
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def fill_choices(widget: QListWidget, rows: list[tuple[str, object, str | None]]) -> None:
    """``rows``: (text, value, reason it cannot be used or None). The unusable are greyed out
    (not selectable) with the reason as tooltip; the first usable one is selected."""
    widget.clear()
    for text, value, reason in rows:
        item = QListWidgetItem(text)
        item.setData(CHOICE, value)
        if reason is not None:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
            item.setToolTip(reason)
        widget.addItem(item)
    first = next((i for i, row in enumerate(rows) if row[2] is None), None)
    if first is not None:
        widget.setCurrentRow(first)


def chosen(widget: QListWidget):
    """The value of the selected usable row, or None."""
    item = widget.currentItem()
    if item is None or not item.isSelected() or not (item.flags() & Qt.ItemFlag.ItemIsEnabled):
        return None
    return item.data(CHOICE)
