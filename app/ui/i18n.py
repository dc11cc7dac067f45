"""Translations: zh_CN by default, English selectable.

Our strings are English in the source (``tr()``); ``app/resources/i18n/ebid_<locale>.qm`` carries the
Chinese, built from the ``.ts`` sources by ``./dev`` (``pyside6-lrelease``). Qt's own
``qtbase_<locale>.qm`` is loaded too, so standard dialogs and buttons speak the same language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.resources import resource_path

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> bool:
    """Install translators for ``language``; returns whether our own catalogue was found."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return True
    ours = QTranslator(app)
    found = ours.load(str(resource_path("i18n", f"ebid_{language}.qm")))
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return found
