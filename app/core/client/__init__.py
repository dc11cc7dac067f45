"""The client of the reference service (HTTP via httpx), used by the CLI and the desktop app.

Never imports :mod:`app.server`: the caller starts an embedded service (``app.server.embedded``)
or names a remote one, and hands the URL to :class:`ServiceClient`.
"""

from .client import HolderClient, ServiceClient
from .errors import ServiceError, ServiceUnavailable
from .types import Authorisation, Licence, Manager, Project, Receipt, RegisteredKey

__all__ = [
    "ServiceClient", "HolderClient", "ServiceError", "ServiceUnavailable", "Authorisation",
    "Licence", "Manager", "Project", "Receipt", "RegisteredKey",
]
