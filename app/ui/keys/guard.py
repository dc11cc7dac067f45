"""The bid-survival question (docs/protocols/key-backup.md §8), asked wherever a bid is about to
be encrypted to a key without a verified backup (the bid page, the encrypt task): back the key up
now — the Keys page opens on it with its backup dialog — or encrypt anyway, accepting that losing
this device loses the bid (asked each time; the caller records the answer in the audit log), or
stop."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...core.keybackup.guard import Unprotected
from .. import errors, seams

BACK_UP, ACCEPT = "back_up", "accept"


def ask(parent: QWidget | None, refusal: Unprotected) -> str | None:
    """:data:`BACK_UP`, :data:`ACCEPT`, or None (stop, nothing encrypted)."""
    title = QCoreApplication.translate("KeyGuard", "Back up your key first")
    text = "\n\n".join((errors.text(refusal), QCoreApplication.translate(
        "KeyGuard", "Back up the key now, or encrypt anyway if you accept that losing this device loses this bid. "
                    "If you encrypt anyway, your choice is recorded in the audit log.")))

    def run() -> str | None:
        box = seams.message_box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel)
        back = box.addButton(QCoreApplication.translate("KeyGuard", "Back up the key…"),
                             QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton(QCoreApplication.translate(
            "KeyGuard", "Encrypt anyway: I accept that losing this device loses this bid"),
            QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(back)
        box.exec()
        clicked = box.clickedButton()
        return BACK_UP if clicked is back else ACCEPT if clicked is anyway else None

    return seams.pick("unprotected", title, text, run)


def open_backup(widget: QWidget, registry_id: str | None) -> None:
    """The one click: the main window's Keys page, the key chosen, its backup started."""
    window = widget.window()
    while window is not None and not hasattr(window, "show_page"):
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    if window is None:
        return
    window.show_page("keys")
    page = window.current_page()
    if registry_id and hasattr(page, "back_up_key"):
        page.back_up_key(registry_id)
