"""Typed settings in one registry over ``QSettings`` (Picard's pattern). Secrets never go here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    kind: type

    def get(self) -> T:
        value = QSettings().value(self.key, self.default, type=self.kind)
        return self.default if value is None else value

    def set(self, value: T) -> None:
        QSettings().setValue(self.key, value)


LANGUAGE = Setting("ui/language", "zh_CN", str)
APPEARANCE = Setting("ui/appearance", "system", str)  # "system", "light" or "dark" (appearance.Scheme)
WINDOW_GEOMETRY = Setting("window/geometry", b"", bytes)
LAST_PAGE = Setting("window/page", "home", str)
SCAN_CAMERA = Setting("scan/camera", "", str)  # the camera's id as QtMultimedia gives it
SERVICE_MODE = Setting("service/mode", "embedded", str)  # "embedded" or "remote"
SERVICE_URL = Setting("service/url", "", str)
SERVICE_ROOT_FINGERPRINT = Setting("service/root_sha256", "", str)
LAST_FOLDER = Setting("files/last_folder", "", str)  # where the last file dialog's choice was
OPENED_FOLDER = Setting("bids/opened_folder", "", str)  # where fetched bids were last decrypted
UNLOCK_MINUTES = Setting("security/unlock_minutes", 15, int)  # 0: ask the password every time


def upgrade() -> None:
    """Run versioned upgrade steps once per settings schema change."""
    store = QSettings()
    version = int(store.value("meta/version", 0, type=int))
    # Upgrade steps go here as the schema changes: `if version < 2: ...`.
    if version != SCHEMA_VERSION:
        store.setValue("meta/version", SCHEMA_VERSION)
