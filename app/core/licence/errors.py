"""Refusals of the licence rules. Each carries a stable ``reason`` code and the HTTP status the
service should answer with, so the service maps them without parsing messages."""

from __future__ import annotations

from typing import Any

from ..errors import EbidError


class LicenceRefused(EbidError):
    """The authority refuses an action under the licence rules."""

    exit_code = 1
    http_status = 403

    def __init__(self, reason: str, template: str, /, **params: Any) -> None:
        self.reason = reason
        super().__init__(template, **params)


class NotAuthorised(LicenceRefused):
    """A licence may not be used for an action; ``reason`` is a :class:`~.check.Reason` value."""


class RealNameFailed(LicenceRefused):
    """The person's identity does not match the registry (real-name verification failed)."""


class NotFound(LicenceRefused):
    http_status = 404


class Conflict(LicenceRefused):
    """The request contradicts the current state (a sixth manager, a duplicate, a replay)."""

    http_status = 409


class BadRequest(LicenceRefused):
    http_status = 400
