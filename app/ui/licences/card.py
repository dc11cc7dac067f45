"""One licence copy as the card users know from the 电子营业执照 app: the enterprise's name large
on a panel, then its unified social credit code, registration place, this holder (name, masked ID
number, role, matters), validity and state.

Only what the certificate carries is shown: it has no enterprise type, address or registration
authority, and names the legal representative only on the legal representative's own copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.keystore import LicenceInfo
from ...core.pki import LicenceTerms, Role
from ..format import local_time
from .model import matters_of
from .roles import role_name


def _scaled(font: QFont, factor: float, *, bold: bool = True) -> QFont:
    font = QFont(font)
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


class LicenceCardDialog(QDialog):
    """The card of ``info`` (``terms`` from its certificate; ``state``: the list's state text)."""

    def __init__(self, info: LicenceInfo, terms: LicenceTerms, serial: int, state: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licenceCard")
        self.info, self.terms, self.serial, self.state = info, terms, serial, state
        self.card = QFrame(self)
        self.card.setObjectName("licenceCardPanel")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setBackgroundRole(QPalette.ColorRole.Base)
        self.card.setAutoFillBackground(True)
        self.kind = QLabel(self.card)
        self.kind.setFont(_scaled(self.font(), 1.1))
        self.kind.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(terms.enterprise_name, self.card)
        self.name.setObjectName("cardEnterprise")
        self.name.setFont(_scaled(self.font(), 1.5))
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name.setWordWrap(True)
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}  # field -> its value, by a stable key (tests, a11y)
        panel = QVBoxLayout(self.card)
        panel.addWidget(self.kind)
        panel.addWidget(self.name)
        panel.addLayout(self.fields)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.card)
        layout.addWidget(buttons)
        self.retranslate()

    def rows(self) -> list[tuple[str, str, str]]:
        """(key, label, value) for every field this copy really has."""
        t = self.terms
        rows = [
            ("credit_code", self.tr("Unified social credit code"), t.credit_code),
            ("enterprise", self.tr("Enterprise name"), t.enterprise_name),
            ("place", self.tr("Registration place"), t.registration_place),
        ]
        if t.role is Role.LEGAL_REPRESENTATIVE:
            rows.append(("legal_representative", self.tr("Legal representative"), t.holder_name))
        rows += [
            ("holder", self.tr("Holder"), self.tr("{name} (ID number {masked})").format(
                name=t.holder_name, masked=t.masked_id_number)),
            ("role", self.tr("Role"), role_name(t.role.value)),
            ("matters", self.tr("Matters"), matters_of(t)),
            ("valid", self.tr("Valid"), self.tr("{start} to {end}").format(
                start=local_time(t.not_before), end=local_time(t.not_after))),
            ("state", self.tr("State"), self.state),
            ("serial", self.tr("Certificate serial number"), format(self.serial, "x")),
        ]
        return rows

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Licence of {enterprise}").format(enterprise=self.terms.enterprise_name))
        self.kind.setText(self.tr("Electronic business licence"))
        self.card.setAccessibleName(self.tr("Electronic business licence of {enterprise}").format(
            enterprise=self.terms.enterprise_name))
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.values.clear()
        for key, label, value in self.rows():
            shown = QLabel(value, self.card)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(f"{label}: {value}")
            shown.setToolTip(value)
            self.values[key] = shown
            self.fields.addRow(self.tr("{label}:").format(label=label), shown)
