"""File dialogs open where the user expects: the folder asked for, else the one they chose last,
else their documents folder — not the working directory of a double-clicked program."""

from __future__ import annotations

import os

from PySide6.QtCore import QStandardPaths

from app.ui import seams, settings


def test_dialogs_start_in_documents_then_where_the_user_last_chose(app, tmp_path):
    settings.LAST_FOLDER.set("")
    try:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        assert seams.start_folder() == documents != os.getcwd()
        bid = tmp_path / "bids" / "标书.docx"
        bid.parent.mkdir()
        bid.write_bytes(b"x")
        seams._chosen(str(bid))  # what a dialog does with the user's choice
        assert seams.start_folder() == str(bid.parent)
        other = tmp_path / "other"
        other.mkdir()
        assert seams.start_folder(str(other)) == str(other)  # asked for explicitly
        assert seams.start_folder(str(tmp_path / "gone")) == str(bid.parent)  # a folder since removed
    finally:
        settings.LAST_FOLDER.set("")
