"""The project's error types.

Every error raised out of ``app.core`` is an :class:`EbidError`. Its ``template``
is an English sentence with named ``{placeholders}``; the UI translates the
template (context ``"errors"``) and then fills in ``params``, so a message can
be shown in Chinese without parsing text. ``str(error)`` gives the English text.
"""

from __future__ import annotations

from typing import Any


class EbidError(Exception):
    """A failure a user can understand: what went wrong, in one sentence."""

    #: Process exit code the CLI uses for this kind of error.
    exit_code = 2

    def __init__(self, template: str, /, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template


class InvalidInput(EbidError):
    """Input that is malformed, of the wrong kind or out of range (bad DER, bad PEM, wrong size)."""


class InvalidKey(InvalidInput):
    """A key that cannot be used: not SM2, not on the curve, out of range, unreadable."""


class WrongPassword(EbidError):
    """The password did not unlock the key."""


class VerificationFailed(EbidError):
    """A signature, MAC or certificate did not verify."""

    exit_code = 1


class DecryptionFailed(EbidError):
    """Ciphertext that does not authenticate under the key (tampered, truncated or wrong key)."""

    exit_code = 1


class Refused(EbidError):
    """A refusal under a rule, with a stable snake_case ``code`` saying which rule refused.

    The licence rules (:class:`~app.core.licence.LicenceRefused`), certificate checks
    (:class:`~app.core.pki.CertificateInvalid`), seal checks
    (:class:`~app.core.seal.format.SealRefused`) and the service's answers as the client sees
    them (:class:`~app.core.client.ServiceError`) are all refusals. No HTTP status here: the
    service maps codes to statuses (``app/server/errors.py``)."""

    exit_code = 1

    def __init__(self, code: str, template: str, /, **params: Any) -> None:
        self.code = code
        super().__init__(template, **params)

    @property
    def reason(self) -> str:
        """The older name of :attr:`code`."""
        return self.code


class Cancelled(Exception):
    """The user cancelled a long operation. Not an :class:`EbidError`: nothing to show, so the
    UI is silent about it by its type, and ``except EbidError`` never swallows it."""

    exit_code = 130

    def __init__(self, message: str = "Cancelled") -> None:
        super().__init__(message)
