"""The client of the reference service (HTTP via httpx), used by the CLI and the desktop app.

Never imports :mod:`app.server`: the caller starts an embedded service (``app.server.embedded``)
or names a remote one, and hands the URL to :class:`ServiceClient`. The answers are the
service's own wire models (:mod:`app.core.wire`).
"""

from ..wire import (
    Authorisation,
    Enterprise,
    KnownPerson,
    Licence,
    Manager,
    Matter,
    Project,
    Receipt,
    RegisteredKey,
)
from .client import HolderClient, ServiceClient
from .errors import ServiceError, ServiceUnavailable

__all__ = [
    "ServiceClient", "HolderClient", "ServiceError", "ServiceUnavailable", "Authorisation",
    "Enterprise", "KnownPerson", "Licence", "Manager", "Matter", "Project", "Receipt", "RegisteredKey",
]
