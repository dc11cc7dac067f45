"""The first-run guide: where the service is, the licence password, then the licence download.

Shown by :func:`app.ui.application.main` over the main window while the keystore has no password.
Slow steps (fetching a server's root certificate, Argon2id) run in :class:`BackgroundOp`; a page
whose step is running refuses ``Next`` and moves on by itself when the step succeeds.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from .. import errors, pools, settings
from ..context import AppContext
from ..operations import BackgroundOp
from .fields import NewPasswordForm


def _alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


def grouped(fingerprint: str) -> str:
    """``ab12cd…`` as ``AB:12:CD…``, the way certificate tools print it."""
    text = fingerprint.upper()
    return ":".join(text[i:i + 2] for i in range(0, len(text), 2))


class ServicePage(QWizardPage):
    """Embedded service (default) or a server whose root fingerprint the user confirms."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._fetched_for: str | None = None
        self._fingerprint = ""
        self.connect_requested = False
        layout = QVBoxLayout(self)
        self.local = QRadioButton(self)
        self.local.setObjectName("useLocal")
        self.remote = QRadioButton(self)
        self.remote.setObjectName("useServer")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.remote)
        self.local.setChecked(settings.SERVICE_MODE.get() != "remote")
        self.remote.setChecked(settings.SERVICE_MODE.get() == "remote")
        self.url = QLineEdit(settings.SERVICE_URL.get(), self)
        self.url.setObjectName("serverUrl")
        self.url.setPlaceholderText("https://")
        self.check = QPushButton(self)
        self.check.setObjectName("checkServer")
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("serverFingerprint")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirmed = QCheckBox(self)
        self.confirmed.setObjectName("fingerprintConfirmed")
        form = QFormLayout()
        self.url_label = QLabel(self)
        self.url_label.setBuddy(self.url)
        form.addRow(self.url_label, self.url)
        form.addRow("", self.check)
        form.addRow("", self.fingerprint)
        form.addRow("", self.confirmed)
        for widget in (self.local, self.remote):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addStretch(1)
        self.local.toggled.connect(self._changed)
        self.url.textChanged.connect(self._changed)
        self.confirmed.toggled.connect(self.completeChanged)
        self.check.clicked.connect(self.fetch_fingerprint)
        self.retranslate()
        self._changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where are your licences kept?"))
        self.setSubTitle(self.tr("Most users keep everything on this computer. Choose a server only "
                                 "if your organisation runs one and gave you its address."))
        self.local.setText(self.tr("Use on &this computer (recommended)"))
        self.remote.setText(self.tr("Connect to a &server"))
        self.url_label.setText(self.tr("Server &address:"))
        self.url.setAccessibleName(self.tr("Server address"))
        self.check.setText(self.tr("&Check the server"))
        self.confirmed.setText(self.tr("This fingerprint is the one my administrator gave me"))

    def _changed(self) -> None:
        remote = self.remote.isChecked()
        for widget in (self.url, self.check, self.fingerprint, self.confirmed):
            widget.setEnabled(remote)
        if self._fetched_for != self.url.text().strip():
            self._fingerprint = ""
            self.fingerprint.clear()
            self.confirmed.setChecked(False)
        self.check.setEnabled(remote and bool(self.url.text().strip()))
        self.completeChanged.emit()

    def fetch_fingerprint(self) -> None:
        from ...core.client import ServiceClient

        url = self.url.text().strip()

        def fetch(progress, cancel) -> str:
            with ServiceClient(url) as client:
                return client.root_certificate().fingerprint()

        def fetched(fingerprint: str) -> None:
            if not _alive(self) or self.url.text().strip() != url:
                return
            self._fetched_for, self._fingerprint = url, fingerprint
            self.fingerprint.setText(self.tr("Root certificate fingerprint (SHA-256):\n{fp}").format(fp=grouped(fingerprint)))
            self.completeChanged.emit()

        BackgroundOp(self, op=fetch, success=fetched).with_progress(self.tr("Contacting the server…")).run()

    def isComplete(self) -> bool:
        if self.local.isChecked():
            return True
        return bool(self._fingerprint) and self.confirmed.isChecked()

    def validatePage(self) -> bool:
        remote = self.remote.isChecked()
        settings.SERVICE_MODE.set("remote" if remote else "embedded")
        if remote:
            settings.SERVICE_URL.set(self._fetched_for or "")
            settings.SERVICE_ROOT_FINGERPRINT.set(self._fingerprint)
        if not self.connect_requested and not self.context.connected:
            self.connect_requested = True
            self.context.use_remote(self._fetched_for if remote else None,
                                    self._fingerprint if remote else "")
            self.context.connect_service(self.wizard())
        return True


class PasswordPage(QWizardPage):
    """The licence password: strength shown live, weak ones refused; Argon2id off the GUI thread."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._done = self._busy = False
        layout = QVBoxLayout(self)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.form = NewPasswordForm(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.form.changed.connect(self.completeChanged)
        self.setCommitPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Set the licence password"))
        self.explain.setText(self.tr(
            "The licence password protects the private keys of your licences on this computer. "
            "Nobody can reset it: if you forget it, you must download your licences again."))
        self.form.retranslate()

    def isComplete(self) -> bool:
        return self._done or (not self._busy and self.form.password() is not None)

    def validatePage(self) -> bool:
        if self._done:
            return True
        password = self.form.password()
        if password is None or self._busy:
            return False
        store = self.context.keystore
        self._busy = True
        self.completeChanged.emit()
        def op(progress, cancel):
            return store.initialise(password.encode("utf-8"))

        BackgroundOp(self, op=op, success=self._set).in_pool(pools.keystore()) \
            .failure(self._failed).with_progress(self.tr("Protecting the keystore…")).run()
        return False

    def _set(self, unlocked) -> None:
        # Just typed twice: the wallet stays unlocked for the chosen minutes (Settings), so the
        # download that follows does not ask for it a third time.
        self.context.session.open(unlocked)
        self._done, self._busy = True, False
        self.wizard().next()

    def _failed(self, exc: BaseException) -> None:
        if _alive(self):
            self._busy = False
            self.completeChanged.emit()
        errors.show(self, exc)


class ReadyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.download = QCheckBox(self)
        self.download.setObjectName("openDownloadGuide")
        self.download.setChecked(True)
        layout.addWidget(self.text)
        layout.addWidget(self.download)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.text.setText(self.tr("The licence password is set. Next, download the electronic business "
                                  "licence of your enterprise to this computer."))
        self.download.setText(self.tr("&Open the licence download guide now"))


class FirstRunWizard(QWizard):
    SERVICE, PASSWORD, READY = range(3)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.context = context
        self.download_guide = None
        self.service_page = ServicePage(context, self)
        self.password_page = PasswordPage(context, self)
        self.ready_page = ReadyPage(self)
        self.setPage(self.SERVICE, self.service_page)
        self.setPage(self.PASSWORD, self.password_page)
        self.setPage(self.READY, self.ready_page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to EBid Desk"))

    def done(self, result: int) -> None:
        super().done(result)
        if not self.service_page.connect_requested and not self.context.connected:
            self.context.connect_service(self.parentWidget())  # cancelled early: the saved choice
        if result == QWizard.DialogCode.Accepted and self.ready_page.download.isChecked():
            from .download import LicenceDownloadWizard

            self.download_guide = LicenceDownloadWizard(self.context, self.parentWidget())
            self.download_guide.open()
