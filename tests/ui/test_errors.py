"""The exception hook: unexpected errors are logged with their traceback and shown once."""

from __future__ import annotations

import sys

from app.core.errors import InvalidInput
from app.ui import errors, seams


def test_excepthook_logs_and_shows_a_bug_once(app, tmp_path):
    log_path = errors.install(tmp_path / "logs")
    try:
        for _ in range(3):
            try:
                raise RuntimeError("slot exploded")
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
        bugs = [s for s in seams.shown if s.kind == "bug"]
        assert len(bugs) == 1 and "RuntimeError: slot exploded" in bugs[0].details
        for handler in __import__("logging").getLogger().handlers:
            handler.flush()
        assert "slot exploded" in log_path.read_text(encoding="utf-8")
    finally:
        sys.excepthook = sys.__excepthook__
        errors._shown_once.clear()
        root = __import__("logging").getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", "") == str(log_path):
                root.removeHandler(handler)
                handler.close()


def test_project_errors_are_translated_with_named_placeholders(app):
    exc = InvalidInput("No such {what}: {path}", what="file", path="a.txt")
    assert errors.user_message(exc) == "No such file: a.txt"  # English source when no translation


def test_core_templates_are_translated_and_filled(app):
    exc = InvalidInput("{path} already exists", path="投标文件.pdf")
    assert exc.message == "投标文件.pdf already exists"
    assert errors.user_message(exc) == "投标文件.pdf 已存在"


def test_message_boxes_show_outside_words_as_plain_text(app):
    """A platform's reason or a file name is text, not HTML: no markup rendered, no image fetched."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    words = 'Refused: <img src="http://evil.example/x.png"><b>call 110</b>'
    box = seams.message_box(None, QMessageBox.Icon.Warning, "EBid Desk", words)
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == words
    box.deleteLater()
