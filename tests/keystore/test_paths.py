"""The data folder: EBID_HOME wins, else the platform's user-data folder."""

from __future__ import annotations

import platformdirs

from app.core.keystore import default_path
from app.core.paths import data_dir


def test_ebid_home_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("EBID_HOME", str(tmp_path / "portable"))
    assert data_dir() == tmp_path / "portable" and data_dir().is_dir()
    assert default_path() == tmp_path / "portable" / "keystore.sqlite"


def test_platform_folder_without_override(monkeypatch):
    monkeypatch.delenv("EBID_HOME", raising=False)
    folder = data_dir(create=False)
    assert str(folder) == platformdirs.user_data_dir("EBidDesk", appauthor=False, roaming=True)
    assert "EBidDesk" in folder.parts
