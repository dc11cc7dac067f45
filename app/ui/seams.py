"""Seams for dialogs (KeePassXC's ``MessageBox::setNextAnswer``).

Widgets never open a modal dialog inline; they ask through these helpers. In tests,
:func:`enable_testing` turns every dialog into a record in :data:`shown` and every question into
the next answer queued with :func:`answer_next`, so flows run without real modal loops.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from . import settings


@dataclass
class Shown:
    kind: str
    title: str
    text: str
    details: str = ""


_testing = False
_answers: deque[Any] = deque()
shown: list[Shown] = []


def enable_testing(on: bool = True) -> None:
    global _testing
    _testing = on
    _answers.clear()
    shown.clear()


def answer_next(*answers: Any) -> None:
    """Queue answers for the next questions (confirm → bool, ask_password → str or None, …)."""
    _answers.extend(answers)


def _record(kind: str, title: str, text: str, details: str = "") -> None:
    shown.append(Shown(kind, title, text, details))


def _answer(kind: str, title: str, text: str) -> Any:
    _record(kind, title, text)
    if not _answers:
        raise AssertionError(f"test asked {kind!r} ({text!r}) with no answer queued")
    return _answers.popleft()


def pick(kind: str, title: str, text: str, ask: Callable[[], Any]) -> Any:
    """A question a custom dialog answers (``ask`` runs it); in tests, the queued answer."""
    if _testing:
        return _answer(kind, title, text)
    return ask()


def message_box(parent: Optional[QWidget], icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> QMessageBox:
    """Every message box of the app: plain text, because a message carries outside words (a
    file name, a platform's reason, a reviewer's note) that Qt would otherwise render as HTML."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def warn(parent: Optional[QWidget], title: str, text: str) -> None:
    if _testing:
        return _record("warn", title, text)
    message_box(parent, QMessageBox.Icon.Warning, title, text).exec()


def info(parent: Optional[QWidget], title: str, text: str) -> None:
    if _testing:
        return _record("info", title, text)
    message_box(parent, QMessageBox.Icon.Information, title, text).exec()


def bug_report(parent: Optional[QWidget], title: str, text: str, details: str) -> None:
    if _testing:
        return _record("bug", title, text, details)
    box = message_box(parent, QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close)
    box.setDetailedText(details)  # selectable and copyable
    box.exec()


def confirm(parent: Optional[QWidget], title: str, text: str) -> bool:
    if _testing:
        return bool(_answer("confirm", title, text))
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return message_box(parent, QMessageBox.Icon.Question, title, text, buttons).exec() == QMessageBox.StandardButton.Yes


def ask_password(parent: Optional[QWidget], title: str, label: str) -> Optional[str]:
    if _testing:
        return _answer("password", title, label)
    # Centred on the window it is for (work started without a widget: the active window), never
    # a bare box in a corner of the screen.
    owner = parent.window() if parent is not None else QApplication.activeWindow()
    text, ok = QInputDialog.getText(owner, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def start_folder(start: str = "") -> str:
    """Where a file dialog opens: the folder asked for, else the last one the user chose, else
    their documents folder — never the working directory of a double-clicked program."""
    for candidate in (start, settings.LAST_FOLDER.get()):
        if candidate and Path(candidate).is_dir():
            return candidate
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def _chosen(path: str) -> str:
    """Remember the folder of what the user chose, for the next dialog."""
    if path:
        chosen = Path(path)
        settings.LAST_FOLDER.set(str(chosen if chosen.is_dir() else chosen.parent))
    return path


def choose_files(parent: Optional[QWidget], title: str) -> list[str]:
    if _testing:
        return list(_answer("files", title, ""))
    files, _ = QFileDialog.getOpenFileNames(parent, title, start_folder())
    if files:
        _chosen(files[0])
    return files


def choose_image(parent: Optional[QWidget], title: str) -> Optional[str]:
    if _testing:
        return _answer("image", title, "")
    filter_ = QCoreApplication.translate("common", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;"
                                         "All files (*)")
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(), filter_)
    return _chosen(path) or None


def choose_folder(parent: Optional[QWidget], title: str, start: str = "") -> Optional[str]:
    if _testing:
        return _answer("folder", title, start)
    folder = QFileDialog.getExistingDirectory(parent, title, start_folder(start))
    return _chosen(folder) or None


def choose_save_file(parent: Optional[QWidget], title: str, suggested: str = "") -> Optional[str]:
    if _testing:
        return _answer("save", title, suggested)
    if suggested and not Path(suggested).is_absolute():  # a bare name: in the folder used last
        suggested = str(Path(start_folder()) / suggested)
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested or start_folder())
    return _chosen(path) or None
