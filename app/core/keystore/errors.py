"""Errors of the keystore, each a sentence the UI can translate (see :mod:`app.core.errors`)."""

from __future__ import annotations

from ..errors import EbidError, InvalidInput, WrongPassword


class KeystoreError(EbidError):
    """The keystore file cannot be used: unreadable, damaged, or from a newer version."""


class NotInitialised(KeystoreError):
    """No licence password has been set on this device yet."""


class AlreadyInitialised(KeystoreError):
    """``initialise`` was called on a keystore that already has a password."""


class NotFound(InvalidInput):
    """No row with the given id."""


class TooManyAttempts(WrongPassword):
    """Too many wrong passwords recently: the next attempt must wait."""

    def __init__(self, template: str, /, *, seconds: int, **params: object) -> None:
        super().__init__(template, seconds=seconds, **params)
        self.seconds = seconds


class Locked(KeystoreError):
    """The unlocked session was locked (or belongs to an older password) and cannot be used."""


class TamperedKey(KeystoreError):
    """A row's public half is not the public key of its sealed private key: the file was
    written without the password (the public half is readable and writable by anyone who can
    write the file; the private key is sealed)."""
