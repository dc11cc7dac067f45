"""Work that needs the licence password: the one builder (Anki's ``CollectionOp`` shape).

    UnlockedOp(page, context, asking=tr("submit the bid files"), licence=licence_id,
               purpose="submit bid", op=lambda access, progress, cancel: …, success=…).run()

It asks the password (before any use of a private key), then on a pool thread unlocks the
keystore, hands the work an :class:`Access` — the keystore, the unlocked session and, when a
licence is named, a holder client that signs as that licence (``wallet.acting_as``) — and locks
the session when the work ends, however it ends. A wrong password is said and asked again;
Cancel at the prompt stops quietly. Everything else is :class:`~.operations.BackgroundOp`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from ..core.errors import EbidError, WrongPassword
from . import errors, seams
from .operations import BackgroundOp
from .wallet_session import copy

if TYPE_CHECKING:
    from ..core.client import HolderClient, ServiceClient
    from ..core.keystore import Keystore, Unlocked
    from .context import AppContext


@dataclass(frozen=True)
class Access:
    """What the work is handed on the pool thread; valid only while the work runs."""

    store: Keystore
    unlocked: Unlocked
    client: ServiceClient | None
    holder: HolderClient | None


class UnlockedOp:
    def __init__(self, parent: QWidget | None, context: AppContext, *, asking: str,
                 op: Callable[[Access, Any, Any], Any], success: Callable[[Any], None],
                 licence: int | None = None, purpose: str = "", prompt: str | None = None) -> None:
        self.parent, self.context = parent, context
        self._asking, self._prompt = asking, prompt
        self._op, self._success = op, success
        self._licence, self._purpose = licence, purpose
        self._failure: Callable[[BaseException], None] | None = None
        self._label: str | None = None
        self._cancellable = False
        self._keeper: QObject | None = None
        self.operation: BackgroundOp | None = None
        self._borrowed = False

    def failure(self, handler: Callable[[BaseException], None]) -> UnlockedOp:
        self._failure = handler
        return self

    def with_progress(self, label: str) -> UnlockedOp:
        self._label = label
        return self

    def cancellable(self) -> UnlockedOp:
        self._cancellable = True
        return self

    def keep_until(self, owner: QObject) -> UnlockedOp:
        """Keep the session unlocked (and the holder usable) while ``owner`` lives — a dialog that
        acts several times for one licence — and lock it when the dialog closes or is deleted.
        If the work fails, the session is locked at once."""
        self._keeper = owner
        return self

    def run(self) -> UnlockedOp:
        if self._licence is not None and not self.context.connected:
            errors.show(self.parent, EbidError("The service is not connected yet"))
            return self
        borrowed = self.context.session.borrow()  # unlocked a moment ago: no question
        password = None
        if borrowed is None:
            # Literal calls, so that lupdate finds them (a helper taking a variable hides the text).
            label = self._prompt or QCoreApplication.translate(
                "UnlockedOp", "Enter the licence password to {purpose}:").format(purpose=self._asking)
            asked = seams.ask_password(self.parent, QCoreApplication.translate("UnlockedOp", "Licence password"),
                                       label)
            if asked is None:
                return self
            password = asked.encode("utf-8")
        self._borrowed = borrowed is not None
        operation = BackgroundOp(self.parent, op=self._work(password, borrowed), success=self._success)
        waiting = QCoreApplication.translate("UnlockedOp", "Checking the password…") if password is not None \
            else QCoreApplication.translate("UnlockedOp", "Working…")
        operation.failure(self._failed).with_progress(self._label or waiting)
        if self._cancellable:
            operation.cancellable()
        self.operation = operation.run()
        return self

    def _work(self, password: bytes | None, borrowed: Unlocked | None):
        store = self.context.keystore
        client = self.context.client if self.context.connected else None
        licence, purpose, op, keeper = self._licence, self._purpose, self._op, self._keeper
        context = self.context
        session = context.session

        def work(progress, cancel):
            from ..core.client import wallet

            with ExitStack() as stack:
                if borrowed is not None:
                    unlocked = borrowed
                else:
                    unlocked = store.unlock(password)
                    session.offered.emit(copy(unlocked))  # for the next operations (GUI thread)
                stack.callback(unlocked.lock)
                holder = None
                if licence is not None:
                    holder = stack.enter_context(
                        wallet.acting_as(client, store, unlocked, licence, purpose=purpose))
                result = op(Access(store, unlocked, client, holder), progress, cancel)
                if keeper is not None:
                    _lock_with(context, keeper, stack.pop_all())
                return result

        return work

    def _failed(self, exc: BaseException) -> None:
        from ..core.keystore.errors import Locked

        if isinstance(exc, WrongPassword):
            errors.show(self.parent, exc)
            self.run()
        elif isinstance(exc, Locked) and self._borrowed:
            # The password was changed since the session was opened: ask it again.
            self.context.session.lock()
            self.run()
        elif self._failure is not None:
            self._failure(exc)
        else:
            errors.show(self.parent, exc)


def _lock_with(context, owner: QObject, stack: ExitStack) -> None:
    """Close ``stack`` (lock the session) when ``owner`` finishes or is destroyed; called on the
    pool thread, so the connection is made on the GUI thread (through the context's queued
    signal)."""

    def connect() -> None:
        import shiboken6

        if not shiboken6.isValid(owner):
            stack.close()
            return
        owner.destroyed.connect(lambda *_: stack.close())
        finished = getattr(owner, "finished", None)
        if finished is not None:
            finished.connect(lambda *_: stack.close())

    context.gui_call.emit(connect)
