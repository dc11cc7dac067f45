"""The licence download guide (a QWizard): place → enterprise → real name → declaration →
password → download → done. Reusable from the first-run guide and the licences page.

The device key is generated and the certificate stored by :func:`app.core.client.wallet.download_licence`
inside an :class:`~app.ui.unlocked.UnlockedOp`, which checks the password first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from ...core.client import wallet
from .. import errors
from ..changes import Change, Changed
from ..context import AppContext
from ..format import local_time
from ..unlocked import UnlockedOp
from .download_pages import DeclarationPage, EnterprisePage, PersonPage, PlacePage
from .roles import role_name


class DownloadPage(QWizardPage):
    """Shows what will be asked for; ``Download`` asks the password and fetches the licence."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.info = None
        self._busy = False
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("downloadSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Download"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Download"))

    def initializePage(self) -> None:
        w = self.wizard()
        self.summary.setText(self.tr(
            "Enterprise: {enterprise} ({code})\nHolder: {name}\n\nA new key is made on this computer and "
            "sealed under your licence password; only its public part goes to the authority.").format(
            enterprise=w.enterprise_page.found.name, code=w.enterprise_page.check.value,
            name=w.person_page.name.text().strip()))

    def isComplete(self) -> bool:
        return self.info is not None or not self._busy

    def validatePage(self) -> bool:
        if self.info is not None:
            return True
        if not self._busy:
            self._download()
        return False

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.completeChanged.emit()

    def _download(self) -> None:
        w = self.wizard()
        request = {
            "place": w.place_page.place(), "credit_code": w.enterprise_page.check.value,
            "name": w.person_page.name.text().strip(), "id_number": w.person_page.id_check.value,
            "phone": w.person_page.mobile_check.value,
            "authorisation_id": w.person_page.authorisation.text().strip(),
        }

        def op(access, progress, cancel):
            info = wallet.download_licence(access.client, access.store, access.unlocked, **request)
            return Changed(info, Change.LICENCES)

        self._set_busy(True)
        started = UnlockedOp(self, self.context, asking=self.tr("download a licence"), op=op,
                             success=self._downloaded).failure(self._failed) \
            .with_progress(self.tr("Downloading the licence…")).run()
        if started.operation is None:  # the password prompt was cancelled
            self._set_busy(False)

    def _downloaded(self, info) -> None:
        self.info = info
        self._set_busy(False)
        self.wizard().next()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        errors.show(self, exc)


class DonePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setObjectName("downloadResult")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        self.setTitle(self.tr("Licence downloaded"))
        info = self.wizard().download_page.info
        self.text.setText(self.tr(
            "{enterprise}\n{role}: {holder}\nValid from {start} to {end}\n\n"
            "It is listed on the Licences page.").format(
            enterprise=info.enterprise_name, role=role_name(info.role), holder=info.holder_name,
            start=local_time(info.not_before), end=local_time(info.not_after)))


class LicenceDownloadWizard(QWizard):
    PLACE, ENTERPRISE, PERSON, DECLARATION, DOWNLOAD, DONE = range(6)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licenceDownloadWizard")
        self.context = context
        self.place_page = PlacePage(context, self)
        self.enterprise_page = EnterprisePage(context, self)
        self.person_page = PersonPage(self)
        self.declaration_page = DeclarationPage(self)
        self.download_page = DownloadPage(context, self)
        self.done_page = DonePage(self)
        for page_id, page in enumerate((self.place_page, self.enterprise_page, self.person_page,
                                        self.declaration_page, self.download_page, self.done_page)):
            self.setPage(page_id, page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(640, 480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Download an electronic business licence"))
