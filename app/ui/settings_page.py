"""Settings: language now; the service connection and more arrive with their features."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.paths import data_dir
from . import i18n, settings
from .page import Page


class SettingsPage(Page):
    page_id = "settings"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("settingsPage")
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        current = self.language.findData(settings.LANGUAGE.get())
        self.language.setCurrentIndex(max(0, current))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)
        self.folder_label = QLabel(self)
        self.folder = QPushButton(self)
        self.folder.setObjectName("dataFolderButton")
        self.folder.clicked.connect(self._open_data_folder)
        form.addRow(self.folder_label, self.folder)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Settings")

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("&Language"))
        self.language.setAccessibleName(self.tr("Language"))
        self.folder_label.setText(self.tr("Data folder"))
        self.folder.setText(str(data_dir(create=False)))
        self.folder.setToolTip(self.tr("Open the folder that holds the keystore and the logs"))
        self.folder.setAccessibleName(self.tr("Open the data folder"))

    def _language_chosen(self, index: int) -> None:
        code = self.language.itemData(index)
        settings.LANGUAGE.set(code)
        i18n.install(QCoreApplication.instance(), code)  # sends LanguageChange to every widget

    def _open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir())))
