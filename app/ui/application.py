"""Start the desktop application: ``main.py`` and the ``ebid-desk`` script both call :func:`main`."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, __version__
from ..core.errors import EbidError
from ..core.fsutil import remove_stale_temporaries
from ..core.paths import data_dir, exposed_mode
from ..core.resources import resource_path
from . import appearance, errors, i18n, settings
from .operations import BackgroundOp
from .termination import Termination

log = logging.getLogger(__name__)

# Printed before any QApplication exists, so no translator is installed yet: a plain line in both
# languages, the one user-facing text kept out of the .ts catalogue on purpose.
NO_DISPLAY = ("未找到图形显示（DISPLAY 与 WAYLAND_DISPLAY 均未设置），无法打开窗口；命令行 ebid 无需图形显示。"
              " / No graphical display was found (neither DISPLAY nor WAYLAND_DISPLAY is set); "
              "the ebid command line works without one.")


def has_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt can open a window. Only Linux is asked: there Qt would abort (exit 134) with a
    misleading message about xcb libraries. A platform chosen in QT_QPA_PLATFORM (offscreen, vnc,
    xcb, wayland…) is the user's decision and left to Qt."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("EBidDesk")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("ebid-desk")
    app.setWindowIcon(QIcon(str(resource_path("icons", "ebid-desk.svg"))))
    settings.upgrade()
    appearance.apply(app)
    language = settings.LANGUAGE.get()
    if not i18n.install(app, language):
        log.warning("translation catalogue for %s not found; run ./dev setup", language)
    return app


def main(argv: list[str] | None = None) -> int:
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    app = create_application(list(sys.argv if argv is None else argv))
    try:
        log_path = errors.install(data_dir() / "logs")
    except EbidError as exc:  # an unwritable data folder must not stop the window from opening
        logging.basicConfig(level=logging.INFO)
        log.warning("no log file: %s", exc.message)
    else:
        log.info("EBid Desk %s starting; log at %s", __version__, log_path)
    from .context import from_settings
    from .main_window import MainWindow  # after translators, so texts are translated at build

    context = from_settings()
    window = MainWindow(context)
    window.termination = Termination(window.stop_now, window)
    window.show()
    log.info("main window shown")
    if os.environ.get("EBID_STARTUP_MARKER"):  # benchmarks/bench_startup.py: first loop turn after show
        QTimer.singleShot(0, lambda: print("EBID-MAIN-WINDOW-SHOWN", window.windowTitle(), flush=True))
    BackgroundOp(window, op=lambda p, c: _start_checks(), success=lambda mode: _warn_exposed(window, mode)).run()
    # Opening the keystore imports SQLAlchemy and Alembic: do it off the GUI thread, then decide.
    BackgroundOp(window, op=lambda p, c: context.keystore.is_initialised(),
                 success=lambda ready: _after_start(window, context, ready)).run()
    app.aboutToQuit.connect(context.close)
    return app.exec()


def _start_checks() -> int | None:
    """Remove what a killed or crashed run left in the data folder (bidx.md §7); the folder's
    mode if other users may open it."""
    folder = data_dir()
    removed = remove_stale_temporaries([folder])
    if removed:
        log.info("removed %d stale temporary files: %s", len(removed), ", ".join(map(str, removed)))
    return exposed_mode(folder)


def _warn_exposed(window, mode: int | None) -> None:
    if mode is None:
        return
    folder = data_dir()
    log.warning("the data folder %s has mode %o: other users can open it", folder, mode)
    window.show_news(QCoreApplication.translate(
        "Startup", "Other users of this computer can open the data folder {path} (mode {mode}): "
        "make it private to you").format(path=folder, mode=f"{mode:o}"))


def _after_start(window, context, initialised: bool) -> None:
    if initialised:
        context.connect_service(window)  # the embedded service starts off the GUI thread
    else:  # the first-run guide, modal over the window, chooses the service and connects it
        from .licences.first_run import FirstRunWizard

        window.first_run = FirstRunWizard(context, window)
        window.first_run.open()
    window.preload_pages()
