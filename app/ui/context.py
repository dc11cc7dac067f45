"""What the pages share: the keystore and the service connection (password-gated work is
:class:`~app.ui.unlocked.UnlockedOp`'s; what changed is announced by :mod:`app.ui.changes`).

The application creates one :class:`AppContext`. With no server configured it starts the
embedded reference service (``app.server.embedded``) off the GUI thread; with a remote server
it talks to that URL. Either way pages use one :class:`ServiceClient` over HTTP. The UI is the
composition root, so it is the one place (with the CLI) that imports the server package.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Callable, Optional

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from ..core.errors import EbidError
from . import settings
from .operations import BackgroundOp
from .platform_watch import ProjectWatch
from .wallet_session import WalletSession

if TYPE_CHECKING:  # imported on first use: SQLAlchemy, Alembic and httpx cost ~0.7 s at start-up
    from ..core.client import ServiceClient
    from ..core.keystore import Keystore

log = logging.getLogger(__name__)


class AppContext(QObject):
    """Created once; lives as long as the main window."""

    service_ready = Signal(str)  # the service URL
    service_failed = Signal(object)  # the exception
    gui_call = Signal(object)  # a callable from a pool thread, run on the GUI thread (queued)

    def __init__(self, *, remote_url: Optional[str] = None, root_fingerprint: str = "",
                 start_embedded: Optional[Callable[[], object]] = None,
                 client_factory: Optional[Callable[..., ServiceClient]] = None) -> None:
        super().__init__()
        self._remote_url = remote_url
        self._root_fingerprint = root_fingerprint  # confirmed in the first-run guide
        self._start_embedded = start_embedded
        self._client_factory = client_factory  # tests pass one with a settable clock
        self._embedded = None
        self._client: Optional[ServiceClient] = None
        self._keystore: Optional[Keystore] = None
        self._keystore_lock = threading.Lock()
        self.projects = ProjectWatch(self, self)  # the platform's project list, kept current
        self.session = WalletSession(self)  # unlock once, for a while
        self.gui_call.connect(self._call, Qt.ConnectionType.QueuedConnection)

    def _call(self, fn) -> None:
        fn()

    # -- keystore ---------------------------------------------------------------------------------

    @property
    def keystore(self) -> Keystore:
        with self._keystore_lock:  # pages may first touch it from a background operation
            if self._keystore is None:
                from ..core.keystore import Keystore

                self._keystore = Keystore.open()
            return self._keystore

    # -- service ----------------------------------------------------------------------------------

    def use_remote(self, url: Optional[str], root_fingerprint: str = "") -> None:
        """Choose the service before :meth:`connect_service` (the first-run guide): a URL and
        the root fingerprint the user confirmed, or None for the embedded one."""
        self._remote_url = url or None
        self._root_fingerprint = root_fingerprint if url else ""

    @property
    def is_remote(self) -> bool:
        return bool(self._remote_url)

    @property
    def client(self) -> ServiceClient:
        if self._client is None:
            raise EbidError("The service is not connected yet")
        return self._client

    @property
    def connected(self) -> bool:
        return self._client is not None

    def connect_service(self, parent: Optional[QWidget] = None) -> None:
        """Connect to the configured service; emits ``service_ready`` or ``service_failed``."""
        if self._remote_url:
            self._client = self._new_client(self._remote_url)
            self.service_ready.emit(self._remote_url)
            return
        starter = self._start_embedded or _default_embedded

        def started(running) -> None:
            self._embedded = running
            self._client = self._new_client(running.url)
            log.info("embedded service at %s", running.url)
            self.service_ready.emit(running.url)

        def failed(exc: BaseException) -> None:
            log.error("embedded service failed to start: %s", exc)
            self.service_failed.emit(exc)

        BackgroundOp(parent, op=lambda p, c: starter(), success=started).failure(failed).run()

    def _new_client(self, url: str) -> ServiceClient:
        """The one place a client is made: a remote server's client carries the pinned root, so
        every request through it (licences, keys, bids, seals) is refused if the root changed."""
        pin = (self._root_fingerprint or None) if url == self._remote_url else None
        if self._client_factory is not None:
            return self._client_factory(url, root_fingerprint=pin)
        from ..core.client import ServiceClient

        return ServiceClient(url, root_fingerprint=pin)

    def close(self) -> None:
        self.session.lock()
        self.projects.stop()
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._embedded is not None:
            self._embedded.stop()
            self._embedded = None
        if self._keystore is not None:
            self._keystore.close()
            self._keystore = None


def _default_embedded():
    from ..server.embedded import start_embedded  # the embedded default needs the server package

    return start_embedded()


def from_settings() -> AppContext:
    if settings.SERVICE_MODE.get() != "remote":
        return AppContext()
    return AppContext(remote_url=settings.SERVICE_URL.get() or None,
                      root_fingerprint=settings.SERVICE_ROOT_FINGERPRINT.get())
