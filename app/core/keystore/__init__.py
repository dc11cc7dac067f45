"""The encrypted keystore: licences, the device identity key and encryption keys on this device.

Format and key hierarchy: ``docs/formats/keystore.md``.
"""

from .attempts import default_delay
from .blobs import DEFAULT, FLOOR, KdfParams
from .device_identity import DeviceIdentityInfo
from .encryption_keys import EncryptionKeyInfo
from .errors import (
    AlreadyInitialised,
    KeystoreError,
    Locked,
    NotFound,
    NotInitialised,
    TamperedKey,
    TooManyAttempts,
)
from .licences import LicenceInfo
from .seals import StoredSeal
from .session import Unlocked
from .signer import LicenceSigner
from .store import Keystore, default_path
from .task_history import TaskRecord
from .unlock_cache import KeyringUnlockCache, NullUnlockCache, UnlockCache, select_unlock_cache

__all__ = [
    "Keystore", "Unlocked", "default_path", "default_delay", "KdfParams", "FLOOR", "DEFAULT",
    "LicenceInfo", "EncryptionKeyInfo", "StoredSeal", "DeviceIdentityInfo", "KeystoreError",
    "NotInitialised",
    "AlreadyInitialised", "NotFound", "Locked", "TamperedKey", "TooManyAttempts", "UnlockCache", "NullUnlockCache",
    "KeyringUnlockCache", "select_unlock_cache", "LicenceSigner", "TaskRecord",
]
