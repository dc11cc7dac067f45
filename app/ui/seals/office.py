"""The seals page's calls to the seal office (pool-thread ops; no widgets) and its list widgets.

:class:`OfficeView` is what the page shows for one enterprise: the imprints with their review state
and reason, the upload records (valid / superseded), seal-making records and issued seals.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ...core.client.seal import Imprint, Seal, SealClient, SealRecords, collect_into_keystore
from ...core.seal.catalogue import load_catalogue
from ..appearance import State, state_colour
from ..changes import Change, Changed
from .editor.finish import FinalImprint


@dataclass(frozen=True)
class OfficeView:
    imprints: list[Imprint]
    records: SealRecords
    seals: list[Seal]


def fetch(seals: SealClient) -> OfficeView:
    return OfficeView(seals.imprints(), seals.seal_records(), seals.seals())


def load_op(seals: SealClient):
    def op(progress, cancel) -> OfficeView:
        return fetch(seals)

    return op


def upload_op(seals: SealClient, final: FinalImprint):
    w, h = final.size_mm

    def op(progress, cancel) -> OfficeView:
        seals.upload_imprint(final.png, seal_type=final.seal_type or "official", shape=final.shape,
                             width_mm=round(w), height_mm=round(h), agree_terms=True)
        return fetch(seals)

    return op


def collect_op(seals: SealClient, seal_id: str, licence_id: int):
    """The op of an :class:`~app.ui.unlocked.UnlockedOp`: the seal, collected into the keystore."""

    def op(access, progress, cancel) -> Changed:
        stored = collect_into_keystore(seals, access.store, access.unlocked, seal_id, licence_id=licence_id)
        return Changed(stored, Change.SEALS)

    return op


def type_name(code: str) -> str:
    """The catalogue's name of a seal type, in Chinese when the UI is Chinese."""
    kind = load_catalogue().get(code)
    if kind is None:
        return code
    return kind.zh if QLocale().language() == QLocale.Language.Chinese else kind.en


def new_tree(parent: QWidget, headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setAccessibleName(name)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree


def fill(tree: QTreeWidget, rows: list[tuple[str, list[str]]]) -> None:
    """Rows as (key kept in UserRole, texts)."""
    tree.clear()
    for key, texts in rows:
        item = QTreeWidgetItem(texts)
        item.setData(0, Qt.ItemDataRole.UserRole, key)
        tree.addTopLevelItem(item)


IMPRINT_STATES = {"approved": State.VALID, "pending": State.PENDING, "rejected": State.REVOKED,
                  "superseded": State.EXPIRED}


def tint_states(tree: QTreeWidget, column: int, states: list[str]) -> None:
    """The state column of each row in its state colour (the rows as ``fill`` left them)."""
    for row, state in enumerate(states):
        if state in IMPRINT_STATES:
            tree.topLevelItem(row).setForeground(column, state_colour(IMPRINT_STATES[state]))


def picture_icon(png: bytes) -> QIcon:
    pixmap = QPixmap()
    pixmap.loadFromData(png, "PNG")
    return QIcon(pixmap)
