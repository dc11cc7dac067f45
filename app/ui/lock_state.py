"""The wallet's lock state in the status bar: while the session is unlocked
(:mod:`.wallet_session`), a button says for how long and locks it at once."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QToolButton, QWidget

from . import theme
from .wallet_session import WalletSession

REFRESH_MS = 15_000


class LockButton(QToolButton):
    def __init__(self, session: WalletSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockWallet")
        self.session = session
        self.setIcon(theme.icon("key"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.clicked.connect(session.lock)
        session.changed.connect(self.refresh)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        unlocked = self.session.is_unlocked()
        self.setVisible(unlocked)
        if not unlocked:
            return
        minutes = max(1, math.ceil(self.session.remaining() / 60))
        self.setText(self.tr("Unlocked for {minutes} more min — Lock now").format(minutes=minutes))
        self.setToolTip(self.tr("The licence password is not asked again until the wallet locks: after {n} minutes "
                                "without use, or now with this button (Settings: how long)").format(
            n=self.session.minutes()))
        self.setAccessibleName(self.tr("Lock the wallet"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
