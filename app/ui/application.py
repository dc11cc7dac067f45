"""Start the desktop application: ``main.py`` and the ``ebid-desk`` script both call :func:`main`."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, __version__
from . import i18n
from .main_window import MainWindow

log = logging.getLogger(__name__)


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("EBidDesk")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    language = QSettings().value("ui/language", i18n.DEFAULT_LANGUAGE, type=str)
    if not i18n.install(app, language):
        log.warning("translation catalogue for %s not found; run ./dev setup", language)
    return app


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_application(list(sys.argv if argv is None else argv))
    window = MainWindow()
    window.show()
    log.info("main window shown")
    return app.exec()
