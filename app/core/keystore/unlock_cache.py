"""Remembering an unlock for the session through the OS keyring, where a real one exists.

The keyring holds only a random 16-byte session key; the keystore file holds the master key
sealed under it (meta ``session_wrap``, with an expiry). Locking deletes both, so a stale keyring
entry alone opens nothing. Where the keyring is ``keyring``'s fail backend (headless Linux) or a
``keyrings.alt`` file backend (weaker than our own file), the null cache is used and the user is
asked for the password every time — the KeePassXC "quick unlock" policy.
"""

from __future__ import annotations

import base64
from typing import Protocol

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

SERVICE = "EBidDesk keystore"


class UnlockCache(Protocol):
    """Where a session key may be kept between runs of the app."""

    def get(self, store_id: str) -> bytes | None: ...

    def put(self, store_id: str, key: bytes) -> None: ...

    def clear(self, store_id: str) -> None: ...

    @property
    def available(self) -> bool: ...


class NullUnlockCache:
    """Remembers nothing: every unlock asks for the password."""

    available = False

    def get(self, store_id: str) -> bytes | None:
        return None

    def put(self, store_id: str, key: bytes) -> None:
        return None

    def clear(self, store_id: str) -> None:
        return None


class KeyringUnlockCache:
    """The session key in the OS keyring (Windows Credential Locker, macOS Keychain, Secret Service)."""

    available = True

    def __init__(self, backend: KeyringBackend) -> None:
        self.backend = backend

    def get(self, store_id: str) -> bytes | None:
        try:
            text = self.backend.get_password(SERVICE, store_id)
        except KeyringError:
            return None  # a locked or broken keyring means: ask for the password
        try:
            return base64.b64decode(text, validate=True) if text else None
        except ValueError:
            return None

    def put(self, store_id: str, key: bytes) -> None:
        try:
            self.backend.set_password(SERVICE, store_id, base64.b64encode(key).decode("ascii"))
        except KeyringError:
            pass  # not remembering is always safe

    def clear(self, store_id: str) -> None:
        try:
            self.backend.delete_password(SERVICE, store_id)
        except KeyringError:
            pass


def is_trusted_backend(backend: KeyringBackend) -> bool:
    """False for the fail backend, ``keyrings.alt`` backends, or a chain made only of those."""
    module = type(backend).__module__
    if module.startswith("keyring.backends.fail") or module.startswith("keyrings.alt"):
        return False
    if module.startswith("keyring.backends.chainer"):
        return any(is_trusted_backend(b) for b in getattr(backend, "backends", []))
    if module.startswith("keyring.backends.null"):
        return False
    return True


def select_unlock_cache(backend: KeyringBackend | None = None) -> UnlockCache:
    """The keyring cache if the (given or current) backend is a real OS keyring, else the null cache."""
    if backend is None:
        try:
            backend = keyring.get_keyring()
        except Exception:  # keyring's discovery can fail in odd environments: never fatal
            return NullUnlockCache()
    return KeyringUnlockCache(backend) if is_trusted_backend(backend) else NullUnlockCache()
