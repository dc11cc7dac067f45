"""Where the application's data files are: the one place that knows (icons, translations, the
matter and seal catalogues).

They are package data in ``app/resources`` and found the same way from a source checkout, an
installed wheel, and a PyInstaller build: there ``sys._MEIPASS`` is the unpacked bundle, and the
spec must copy the folder as ``("app/resources", "app/resources")``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen:
        return Path(frozen) / "app" / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a data file, e.g. ``resource_path("i18n", "ebid_zh_CN.qm")``."""
    return resources_dir().joinpath(*parts)
