"""The input pages of the licence download guide: place, enterprise, real name, declaration."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...core.licence import validate_credit_code, validate_id_number, validate_mobile
from .. import errors
from ..checked_field import CheckedField
from ..context import AppContext
from ..operations import BackgroundOp

if TYPE_CHECKING:
    from ...core.client import Enterprise


class PlacePage(QWizardPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._waiting = False
        form = QFormLayout(self)
        self.places = QComboBox(self)
        self.places.setObjectName("registrationPlace")
        self.label = QLabel(self)
        self.label.setBuddy(self.places)
        self.status = QLabel(self)
        form.addRow(self.label, self.places)
        form.addRow("", self.status)
        self.places.currentIndexChanged.connect(self.completeChanged)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Registration place"))
        self.setSubTitle(self.tr("Choose where your enterprise is registered."))
        self.label.setText(self.tr("Registration &place:"))
        self.places.setAccessibleName(self.tr("Registration place"))

    def initializePage(self) -> None:
        if self.places.count() == 0:
            if self.context.connected:
                self._load()
            elif not self._waiting:  # the first run starts the service late
                self._waiting = True
                self.status.setText(self.tr("Connecting to the service…"))
                self.context.service_ready.connect(self._service_ready)

    def _service_ready(self, _url: str) -> None:
        self.context.service_ready.disconnect(self._service_ready)
        self._waiting = False
        self._load()

    def _load(self) -> None:
        client = self.context.client
        BackgroundOp(self, op=lambda p, c: client.registration_places(), success=self._loaded) \
            .failure(self._failed).run()

    def _loaded(self, places: list[str]) -> None:
        if shiboken6.isValid(self):
            self.status.clear()
            self.places.addItems(places)

    def _failed(self, exc: BaseException) -> None:
        errors.show(self, exc)

    def place(self) -> str:
        return self.places.currentText()

    def isComplete(self) -> bool:
        return bool(self.place())


class EnterprisePage(QWizardPage):
    """The enterprises registered at the chosen place to pick from (the manual's 可下载执照记录;
    DEMO ones marked), or the credit code typed, checked as typed and then looked up at the
    service to show the name."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.found: Enterprise | None = None
        self.listed_for: str | None = None
        form = QFormLayout(self)
        self.known = QComboBox(self)
        self.known.setObjectName("knownEnterprises")
        self.known.activated.connect(self._picked)
        self.known_label = QLabel(self)
        self.known_label.setBuddy(self.known)
        form.addRow(self.known_label, self.known)
        self.code = QLineEdit(self)
        self.code.setObjectName("creditCode")
        self.code.setMaxLength(24)
        self.code_label = QLabel(self)
        self.code_label.setBuddy(self.code)
        self.problem = QLabel(self)
        self.name = QLabel(self)
        self.name.setObjectName("enterpriseName")
        self.name.setWordWrap(True)
        form.addRow(self.code_label, self.code)
        form.addRow("", self.problem)
        form.addRow("", self.name)
        self.check = CheckedField(self.code, self.problem, validate_credit_code)
        self.check.changed.connect(self._code_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Enterprise"))
        self.setSubTitle(self.tr("Pick your enterprise, or enter its 18-character unified social credit "
                                 "code."))
        self.known_label.setText(self.tr("&Registered here:"))
        self.known.setAccessibleName(self.tr("Enterprises registered at the chosen place"))
        self.code_label.setText(self.tr("&Credit code:"))
        self.code.setAccessibleName(self.tr("Unified social credit code"))

    def initializePage(self) -> None:  # noqa: N802 (Qt naming)
        place = self.wizard().place_page.place() if self.wizard() else ""
        if not place or place == self.listed_for or not self.context.connected:
            return
        client = self.context.client
        BackgroundOp(self, op=lambda p, c: client.enterprises_at(place),
                     success=lambda found: self._listed(place, found)).failure(self._not_found).run()

    def _listed(self, place: str, enterprises: list[Enterprise]) -> None:
        if not shiboken6.isValid(self):
            return
        self.listed_for = place
        self.known.clear()
        self.known.addItem(self.tr("Choose… ({n} registered at {place})").format(n=len(enterprises), place=place), "")
        for e in enterprises:
            label = self.tr("{name} (DEMO) — {code}") if e.demo else self.tr("{name} — {code}")
            self.known.addItem(label.format(name=e.name, code=e.credit_code), e.credit_code)

    def _picked(self, index: int) -> None:
        code = self.known.itemData(index)
        if code:
            self.code.setText(code)

    def _code_changed(self) -> None:
        self.found = None
        self.name.clear()
        self.completeChanged.emit()
        code = self.check.value
        if code is None or not self.context.connected:
            return
        client = self.context.client
        BackgroundOp(self, op=lambda p, c: client.enterprise(code), success=self._found) \
            .failure(self._not_found).run()

    def _found(self, enterprise: Enterprise) -> None:
        if not shiboken6.isValid(self) or enterprise.credit_code != self.check.value:
            return  # the user typed on meanwhile
        self.found = enterprise
        text = self.tr("{name}, registered at {place}").format(
            name=enterprise.name, place=enterprise.registration_place)
        place = self.wizard().place_page.place() if self.wizard() else ""
        if place and place != enterprise.registration_place:
            text += "\n" + self.tr("This is not the registration place you chose ({place}): go back and "
                                   "choose {right}.").format(place=place, right=enterprise.registration_place)
        self.name.setText(text)
        self.completeChanged.emit()

    def _not_found(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            errors.show(self, exc)

    def isComplete(self) -> bool:
        return self.found is not None


class PersonPage(QWizardPage):
    """Real-name form: the holder's name, ID number and mobile, each checked as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("holderName")
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("idNumber")
        self.id_number.setMaxLength(18)
        self.mobile = QLineEdit(self)
        self.mobile.setObjectName("mobile")
        self.authorisation = QLineEdit(self)
        self.authorisation.setObjectName("authorisationId")
        self.labels = [QLabel(self) for _ in range(4)]
        self.id_problem, self.mobile_problem, self.agent_hint = QLabel(self), QLabel(self), QLabel(self)
        self.agent_hint.setWordWrap(True)
        for label, edit, extra in zip(self.labels, (self.name, self.id_number, self.mobile, self.authorisation),
                                      (None, self.id_problem, self.mobile_problem, self.agent_hint)):
            label.setBuddy(edit)
            form.addRow(label, edit)
            if extra is not None:
                form.addRow("", extra)
        self.id_check = CheckedField(self.id_number, self.id_problem, validate_id_number)
        self.mobile_check = CheckedField(self.mobile, self.mobile_problem, validate_mobile)
        for signal in (self.name.textChanged, self.id_check.changed, self.mobile_check.changed):
            signal.connect(self.completeChanged)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Real-name verification"))
        self.setSubTitle(self.tr("The person who will hold this licence copy: the legal representative, "
                                 "a licence manager or an authorised agent."))
        for label, text in zip(self.labels, (self.tr("&Name:"), self.tr("&ID number:"), self.tr("&Mobile:"),
                                             self.tr("&Authorisation number:"))):
            label.setText(text)
        self.name.setAccessibleName(self.tr("Name"))
        self.id_number.setAccessibleName(self.tr("Resident ID number"))
        self.mobile.setAccessibleName(self.tr("Mobile number"))
        self.authorisation.setAccessibleName(self.tr("Authorisation number"))
        self.authorisation.setPlaceholderText(self.tr("Agents with several authorisations only"))
        self.agent_hint.setText(self.tr("Leave empty unless you are an agent authorised more than once: "
                                        "then enter the number the grantor gave you."))

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and self.id_check.valid and self.mobile_check.valid


class DeclarationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setObjectName("declaration")
        self.accept = QCheckBox(self)
        self.accept.setObjectName("acceptDeclaration")
        layout.addWidget(self.text)
        layout.addWidget(self.accept)
        self.accept.toggled.connect(self.completeChanged)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Download declaration"))
        self.text.setAccessibleName(self.tr("Download declaration"))
        self.text.setPlainText(self.tr(
            "By downloading this electronic business licence I declare that:\n\n"
            "1. The information I entered is true and I am the person named.\n"
            "2. The licence is created on this device; its private key never leaves it and is protected "
            "by my licence password, which I keep secret.\n"
            "3. I use the licence only for the enterprise and within the matters and time it allows, "
            "and I answer for every act done with it.\n"
            "4. If this device or the password may have fallen into other hands, I will have the licence "
            "revoked at once.\n"
            "5. The enterprise may revoke this copy at any time; a revoked licence cannot be used."))
        self.accept.setText(self.tr("I have &read the declaration and accept it"))

    def isComplete(self) -> bool:
        return self.accept.isChecked()
