"""The shared context: the embedded service started off the GUI thread."""

from __future__ import annotations

from app.ui.context import AppContext

def test_embedded_service_starts_in_the_background(app, qtbot):
    context = AppContext()
    with qtbot.waitSignal(context.service_ready, timeout=60000) as ready:
        context.connect_service()
    url = ready.args[0]
    assert url.startswith("http://127.0.0.1:")
    assert context.client.registration_places()
    context.close()
    assert not context.connected
