"""Shared by the bid and home page tests: one real service per module (uvicorn on 127.0.0.1 with a
settable clock), and a context in the test's own EBID_HOME holding a DEMO legal representative's
licence downloaded through the core API."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.core.client import ServiceClient
from app.core.client.wallet import download_licence
from app.core.licence.demo import DEMO_ENTERPRISES
from app.core.pki import ManualClock
from app.server.embedded import ensure_demo_project, serve_in_thread
from app.server.provision import init_service
from app.server.settings import Settings
from app.ui.context import AppContext

PASSWORD = "Tender!Open-Day 2026 lotus"
PROJECT = "DEMO-ZB-001"


@dataclass
class Borrowed:
    """What the context is given as its "embedded" service: the module's, left running on close."""

    url: str

    def stop(self) -> None:
        pass


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    clock = ManualClock(datetime.now(UTC))
    ctx = init_service(Settings(home=tmp_path_factory.mktemp("service"), clock=clock), demo=True)
    ensure_demo_project(ctx)
    running = serve_in_thread(ctx)
    yield running, clock
    running.stop()


@pytest.fixture
def clock(service):
    _, clock = service
    start = clock()
    yield clock
    clock.set(start)


def make_context(qtbot, service, monkeypatch, *, licence: bool = True,
                 remote_pin: str | None = None) -> AppContext:
    """The module's service as the embedded one, or (``remote_pin``) as a remote server whose
    root the user pinned to that fingerprint; the licence is downloaded without the pin."""
    running, clock = service
    factory = partial(ServiceClient, clock=clock)
    if remote_pin is None:
        context = AppContext(start_embedded=lambda: Borrowed(running.url), client_factory=factory)
    else:
        context = AppContext(remote_url=running.url, root_fingerprint=remote_pin,
                             client_factory=factory)
    with qtbot.waitSignal(context.service_ready, timeout=30000):
        context.connect_service()
    unlocked = context.keystore.initialise(PASSWORD.encode())
    if licence:
        enterprise = DEMO_ENTERPRISES[0].enterprise
        rep = enterprise.legal_representative
        download_licence(
            factory(running.url),
            context.keystore,
            unlocked,
            place=enterprise.registration_place,
            credit_code=enterprise.credit_code,
            name=rep.name,
            id_number=rep.id_number,
            phone=rep.mobile,
        )
    unlocked.lock()
    return context


@pytest.fixture
def context(app, qtbot, service, monkeypatch):
    context = make_context(qtbot, service, monkeypatch)
    yield context
    context.close()


def drop_files(widget, paths) -> bool:
    """Drag real file URLs onto ``widget`` and drop them; whether the drag was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = widget.rect().center()
    with warnings.catch_warnings():  # PySide marks the only QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            centre,
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPointF(QPoint(centre)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()
