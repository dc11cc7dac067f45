"""Acting as a stored licence at the service: password, then a signing :class:`HolderClient`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.client import HolderClient, wallet
from ..context import AppContext
from ..operations import BackgroundOp
from .messages import show as show_refusal


def open_holder(context: AppContext, parent: QWidget | None, licence_id: int, *, purpose: str,
                asking: str, then: Callable[[HolderClient, object], None],
                first: Callable[[HolderClient], object] | None = None) -> None:
    """Ask the licence password (``asking``: "… to {asking}"), load the licence's key off the GUI
    thread (audited as ``purpose``), run ``first(holder)`` there too (e.g. the first listing), then
    call ``then(holder, first_result)`` on the GUI thread.

    The key lives in the client only as long as the caller keeps it (a dialog's lifetime).
    """
    client, store = context.client, context.keystore

    def unlocked(session) -> None:
        def op(progress, cancel):
            try:
                holder = wallet.holder_for(client, store, session, licence_id, purpose=purpose)
            finally:
                session.lock()
            return holder, (first(holder) if first else None)

        BackgroundOp(parent, op=op, success=lambda pair: then(*pair)) \
            .failure(lambda exc: show_refusal(parent, exc)) \
            .with_progress(QCoreApplication.translate("licences", "Contacting the service…")).run()

    context.with_unlocked(parent, asking, unlocked)
