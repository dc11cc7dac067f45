"""The screenshot tour's checks (clipped text, clashing shortcuts) find what a user would meet,
and only that: otherwise the screenshot test could pass on any window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QPushButton, QTableView, QVBoxLayout, QWidget

from .screenshot_tour import clashing_mnemonics, clipped

LONG = "演示科技有限公司投标文件（第一标段）.docx"


def _window(qtbot, width: int, tooltip: bool) -> tuple[QWidget, QTableView]:
    window = QWidget()
    qtbot.addWidget(window)
    model = QStandardItemModel(1, 2, window)
    item = QStandardItem(LONG)
    if tooltip:
        item.setToolTip(LONG)
    model.setItem(0, 0, item)
    model.setItem(0, 1, QStandardItem("有效"))
    model.setHorizontalHeaderLabels(["文件", "状态"])
    view = QTableView(window)
    view.setModel(model)
    view.setColumnWidth(0, width)
    QVBoxLayout(window).addWidget(view)
    window.resize(900, 300)
    window.show()
    qtbot.waitExposed(window)
    return window, view


def test_an_elided_cell_without_tooltip_is_reported(qtbot):
    window, view = _window(qtbot, 80, tooltip=False)
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    assert [f for f in clipped(window) if "cell 0,0" in f] == [f"QTableView#- cell 0,0: {LONG}"]


def test_a_cell_with_room_or_a_tooltip_is_not(qtbot):
    window, view = _window(qtbot, 600, tooltip=False)
    assert not [f for f in clipped(window) if "cell" in f]
    window, view = _window(qtbot, 80, tooltip=True)
    assert not [f for f in clipped(window) if "cell" in f]


def test_a_button_narrower_than_its_text_is_reported(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("从交易平台刷新并解密全部投标文件", window)
    button.setFixedWidth(60)
    QVBoxLayout(window).addWidget(button)
    window.show()
    qtbot.waitExposed(window)
    assert clipped(window) == ["QPushButton#-: 从交易平台刷新并解密全部投标文件"]
    button.setToolTip(button.text())
    assert clipped(window) == []


def test_two_visible_controls_with_one_shortcut_letter_are_reported(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    first, second, hidden = (QPushButton(text, window) for text in ("申请密钥(&A)…", "导入名片(&A)…", "备份(&B)…"))
    for button in (first, second, hidden):
        layout.addWidget(button)
    window.show()
    qtbot.waitExposed(window)
    assert clashing_mnemonics(window) == ["Alt+A: 申请密钥(&A)… / 导入名片(&A)…"]
    second.setText("导入名片(&D)…")
    hidden.setText("拒绝(&A)…")
    hidden.hide()  # on another tab: its shortcut does not compete
    assert clashing_mnemonics(window) == []
