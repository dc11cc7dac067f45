"""UI tests: real widgets offscreen, settings and data folder isolated, dialogs answered by seams."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from app.ui import seams, settings
from app.ui.application import APP_NAME


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("EBID_HOME", str(tmp_path / "home"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    # The names create_application gives the app, so that what is set here is what the app reads
    # (set after them, it went to another file and the first test of a run saw the defaults).
    QCoreApplication.setOrganizationName("EBidDesk")
    QCoreApplication.setApplicationName(APP_NAME)
    # Every operation asks the password, so each test's queued answers say what it asks; the
    # session that unlocks for a while (the product's default) is tested in test_wallet_session.
    settings.UNLOCK_MINUTES.set(0)
    seams.enable_testing()
    yield
    seams.enable_testing(False)


@pytest.fixture
def app(qapp):
    from app.ui.application import create_application

    application = create_application([])
    yield application
    from app.ui import i18n

    i18n.install(application, i18n.DEFAULT_LANGUAGE)
