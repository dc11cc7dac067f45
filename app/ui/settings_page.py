"""Settings: language, appearance, how long the wallet stays unlocked, the data folder."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.paths import data_dir
from . import appearance, i18n, settings
from .page import Page
from .wallet_session import CHOICES


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
        self.appearance = QComboBox(self)
        self.appearance.setObjectName("appearanceCombo")
        for scheme in appearance.Scheme:
            self.appearance.addItem("", scheme.value)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(appearance.chosen_scheme().value)))
        self.appearance.currentIndexChanged.connect(self._appearance_chosen)
        self.appearance_label = QLabel(self)
        self.appearance_label.setBuddy(self.appearance)
        form.addRow(self.appearance_label, self.appearance)
        self.unlock = QComboBox(self)
        self.unlock.setObjectName("unlockMinutes")
        for minutes in CHOICES:
            self.unlock.addItem("", minutes)
        self.unlock.setCurrentIndex(max(0, self.unlock.findData(settings.UNLOCK_MINUTES.get())))
        self.unlock.currentIndexChanged.connect(self._unlock_chosen)
        self.unlock_label = QLabel(self)
        self.unlock_label.setBuddy(self.unlock)
        form.addRow(self.unlock_label, self.unlock)
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
        self.appearance_label.setText(self.tr("&Appearance"))
        self.appearance.setAccessibleName(self.tr("Appearance"))
        names = {appearance.Scheme.SYSTEM: self.tr("As the system"), appearance.Scheme.LIGHT: self.tr("Light"),
                 appearance.Scheme.DARK: self.tr("Dark")}
        for row in range(self.appearance.count()):
            self.appearance.setItemText(row, names[appearance.Scheme(self.appearance.itemData(row))])
        self.unlock_label.setText(self.tr("&Keep unlocked"))
        self.unlock.setAccessibleName(self.tr("Keep the wallet unlocked"))
        self.unlock.setToolTip(self.tr("After the licence password is given, how long it is not asked again "
                                       "(counted from the last use; the status bar locks it at once)"))
        for row in range(self.unlock.count()):
            minutes = self.unlock.itemData(row)
            self.unlock.setItemText(row, self.tr("Ask every time") if minutes == 0 else
                                    self.tr("{n} minutes").format(n=minutes))
        self.folder_label.setText(self.tr("Data folder"))
        self.folder.setText(str(data_dir(create=False)))
        self.folder.setToolTip(self.tr("Open the folder that holds the keystore and the logs"))
        self.folder.setAccessibleName(self.tr("Open the data folder"))

    def _language_chosen(self, index: int) -> None:
        code = self.language.itemData(index)
        settings.LANGUAGE.set(code)
        i18n.install(QCoreApplication.instance(), code)  # sends LanguageChange to every widget

    def _appearance_chosen(self, index: int) -> None:
        settings.APPEARANCE.set(self.appearance.itemData(index))
        appearance.apply(QApplication.instance())  # a palette change: every widget re-tints its icons

    def _unlock_chosen(self, index: int) -> None:
        settings.UNLOCK_MINUTES.set(int(self.unlock.itemData(index)))
        if self.unlock.itemData(index) == 0:
            self.context.session.lock()

    def _open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir())))
