"""Data files are found through one helper: from the source tree here, from the bundle when frozen."""

from __future__ import annotations

import sys

from app.core import resources


def test_the_data_files_are_package_data_beside_the_code():
    assert resources.resources_dir() == resources.resource_path()
    assert resources.resources_dir().parent.name == "app"
    for parts in (("matters.json",), ("seal_catalogue.json",), ("icons", "ebid-desk.svg"),
                  ("i18n", "ebid_zh_CN.ts")):
        assert resources.resource_path(*parts).is_file(), parts


def test_a_pyinstaller_build_reads_them_from_its_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("matters.json") == tmp_path / "app" / "resources" / "matters.json"
