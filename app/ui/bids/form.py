"""What a bid is encrypted for: the project and section (from the platform), the licence that
signs (from the keystore), this device's encryption key for that licence, and the output folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ...core.bidding import Phase, bid_key, key_hex, phase
from ...core.client import Project
from ...core.keystore import EncryptionKeyInfo, LicenceInfo
from ...core.paths import data_dir
from .. import seams
from ..format import local_time


def role_name(role: str) -> str:
    names = {
        "legal_representative": QCoreApplication.translate("BidTargetForm", "legal representative"),
        "manager": QCoreApplication.translate("BidTargetForm", "licence manager"),
        "agent": QCoreApplication.translate("BidTargetForm", "agent"),
    }
    return names.get(role, role)


class BidTargetForm(QWidget):
    apply_requested = Signal()  # 申请密钥
    licence_changed = Signal()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.projects: list[Project] = []
        self.project_box, self.section_box, self.licence_box = (
            QComboBox(self),
            QComboBox(self),
            QComboBox(self),
        )
        self.project_box.setObjectName("projectBox")
        self.section_box.setObjectName("sectionBox")
        self.licence_box.setObjectName("licenceBox")
        for box in (self.project_box, self.licence_box):  # long names must not widen the window
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(16)
        self.times = QLabel(self)
        self.key_label = QLabel(self)
        self.key_label.setObjectName("keyStatus")
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("applyKey")
        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        self.key_label.setWordWrap(True)
        self.folder_button = QPushButton(self)
        self.outdir = data_dir() / "bids" / "encrypted"
        self._build()
        self.project_box.currentIndexChanged.connect(self._project_chosen)
        self.licence_box.currentIndexChanged.connect(self._licence_chosen)
        self.apply_button.clicked.connect(self.apply_requested)
        self.folder_button.clicked.connect(self._choose_folder)
        self.retranslate()

    def _build(self) -> None:
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        target = QHBoxLayout()
        target.addWidget(self.project_box, 3)
        target.addWidget(self.section_box, 1)
        key = QHBoxLayout()
        key.addWidget(self.key_label, 1)
        key.addWidget(self.apply_button)
        folder = QHBoxLayout()
        folder.addWidget(self.folder_label, 1)
        folder.addWidget(self.folder_button)
        self.rows = [QLabel(self) for _ in range(5)]
        for label, field in zip(self.rows, (target, self.times, self.licence_box, key, folder)):
            self.form.addRow(label, field)

    def retranslate(self) -> None:
        texts = (
            self.tr("Project and section:"),
            self.tr("Deadline / opening:"),
            self.tr("Signing licence:"),
            self.tr("Encryption key:"),
            self.tr("Save encrypted files in:"),
        )
        for label, text in zip(self.rows, texts):
            label.setText(text)
        self.project_box.setAccessibleName(self.tr("Project"))
        self.section_box.setAccessibleName(self.tr("Section"))
        self.licence_box.setAccessibleName(self.tr("Signing licence"))
        self.apply_button.setText(self.tr("Apply for a key"))
        self.folder_button.setText(self.tr("Change…"))
        self.folder_label.setText(str(self.outdir))
        self._label_projects()
        self._show_times()
        self.refresh_key()

    # -- projects --------------------------------------------------------------------------------

    def set_projects(self, projects: list[Project]) -> None:
        """List the platform's projects, each marked with its phase. The project and section the
        user chose stay chosen; otherwise the first project still taking bids (the platform lists
        them by deadline, so the first may be closed)."""
        chosen, section = self.project_box.currentData(), self.section()
        self.projects = list(projects)
        self.project_box.blockSignals(True)
        self.project_box.clear()
        for project in self.projects:
            self.project_box.addItem("", project.code)
        if not self.projects:
            self.project_box.addItem(self.tr("No projects on the platform"), None)
        self._label_projects()
        now = self.now()
        first_open = next((i for i, p in enumerate(self.projects) if phase(p, now) is Phase.OPEN), 0)
        kept = self.project_box.findData(chosen) if chosen is not None else -1
        self.project_box.setCurrentIndex(kept if kept >= 0 else first_open)  # a refresh keeps the choice
        self.project_box.blockSignals(False)
        self._project_chosen()
        if kept >= 0 and self.section_box.findData(section) >= 0:
            self.section_box.setCurrentIndex(self.section_box.findData(section))

    def now(self) -> datetime:
        """The platform client's clock (settable in tests), else this device's."""
        return self.context.client.clock() if self.context.connected else datetime.now(UTC)

    def phase_text(self, project: Project) -> str:
        return {
            Phase.OPEN: "",
            Phase.CLOSED: self.tr("deadline passed"),
            Phase.OPENED: self.tr("opened"),
        }[phase(project, self.now())]

    def _label_projects(self) -> None:
        for index, project in enumerate(self.projects):
            state = self.phase_text(project)
            text = f"{project.name} ({project.code})"
            self.project_box.setItemText(index, self.tr("{project} · {state}").format(
                project=text, state=state) if state else text)

    def project(self) -> Project | None:
        index = self.project_box.currentIndex()
        return self.projects[index] if 0 <= index < len(self.projects) else None

    def section(self) -> str:
        return self.section_box.currentData() or ""

    def _project_chosen(self) -> None:
        self.section_box.clear()
        project = self.project()
        for section in project.sections if project else ():
            self.section_box.addItem(self.tr("Section {section}").format(section=section), section)
        self._show_times()

    def _show_times(self) -> None:
        project = self.project()
        if project is None:
            self.times.setText(
                self.tr("Waiting for the platform…") if not self.context.connected else "—"
            )
            return
        times = self.tr("bids until {deadline}, opening at {opening}").format(
            deadline=local_time(project.bid_deadline), opening=local_time(project.opening_time)
        )
        state = self.phase_text(project)
        self.times.setText(self.tr("{times} ({state})").format(times=times, state=state) if state else times)

    # -- licence and key ---------------------------------------------------------------------------

    def refresh_licences(self) -> None:
        current = self.licence_id()
        self.licence_box.blockSignals(True)
        self.licence_box.clear()
        for info in self._licences():
            text = self.tr("{holder}, {role}, {enterprise}").format(
                holder=info.holder_name, role=role_name(info.role), enterprise=info.enterprise_name
            )
            self.licence_box.addItem(text, info.id)
        if current is not None and self.licence_box.findData(current) >= 0:
            self.licence_box.setCurrentIndex(self.licence_box.findData(current))
        self.licence_box.blockSignals(False)
        self._licence_chosen()

    def _licences(self) -> list[LicenceInfo]:
        store = self.context.keystore
        return store.list_licences() if store.is_initialised() else []

    def licence_id(self) -> int | None:
        return self.licence_box.currentData()

    def device_key(self) -> EncryptionKeyInfo | None:
        """The key a bid is encrypted to, as this device's records judge it (the service has the
        last word when encryption starts)."""
        licence = self.licence_id()
        chosen = bid_key(self.context.keystore, licence) if licence is not None else None
        return chosen[0] if chosen else None

    def _licence_chosen(self) -> None:
        self.refresh_key()
        self.licence_changed.emit()

    def refresh_key(self) -> None:
        key = self.device_key() if self.licence_id() is not None else None
        if self.licence_id() is None:
            self.key_label.setText(self.tr("Download a licence first (Licences page)."))
        elif key is None:
            self.key_label.setText(
                self.tr("None on this device yet: apply for one before encrypting.")
            )
        else:
            self.key_label.setText(
                self.tr("{label} (key id {id}), on this device").format(
                    label=key.label, id=key_hex(key.public_key)[:16]
                )
            )
        self.apply_button.setVisible(self.licence_id() is not None and key is None)

    def _choose_folder(self) -> None:
        folder = seams.choose_folder(self, self.tr("Save encrypted files in"))
        if folder:
            self.outdir = Path(folder)
            self.folder_label.setText(str(self.outdir))
