"""How the bid page words errors: the service's refusals by their stable reason code, then core's
templates through :func:`errors.user_message`, never a traceback.

The service answers in English with its parameters already filled in; its reason ``code`` is
stable, so the refusals a bidder meets get a translated sentence here, with the service's own
text kept as the detail.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.errors import Cancelled, EbidError
from .. import errors, seams

CONTEXT = "BidErrors"

REFUSALS = {
    "deadline_passed": QT_TRANSLATE_NOOP(
        "BidErrors",
        "The bid deadline of this project has passed; the platform no longer accepts bids.",
    ),
    "not_opened": QT_TRANSLATE_NOOP(
        "BidErrors", "Bids can be fetched back only from the opening time on."
    ),
    "wrong_project": QT_TRANSLATE_NOOP(
        "BidErrors", "This file was encrypted for another project or section."
    ),
    "unknown_project": QT_TRANSLATE_NOOP("BidErrors", "The platform does not know this project."),
    "unknown_section": QT_TRANSLATE_NOOP("BidErrors", "The project has no such section."),
    "unknown_submission": QT_TRANSLATE_NOOP(
        "BidErrors", "The platform has no such submission of your enterprise."
    ),
    "not_a_bid_file": QT_TRANSLATE_NOOP(
        "BidErrors", "The platform refused the file: it is not an encrypted bid file."
    ),
    "file_too_large": QT_TRANSLATE_NOOP(
        "BidErrors", "The file is larger than the platform accepts."
    ),
    "not_yet_valid": QT_TRANSLATE_NOOP(
        "BidErrors", "This licence's authorisation has not started yet."
    ),
    "expired": QT_TRANSLATE_NOOP("BidErrors", "This licence has expired."),
    "revoked": QT_TRANSLATE_NOOP("BidErrors", "This licence has been revoked."),
    "stale_request": QT_TRANSLATE_NOOP(
        "BidErrors",
        "This computer's clock differs from the platform's: correct the clock and try again.",
    ),
}


def message(exc: BaseException) -> str:
    """One translated sentence for a project error (the row status, the dialog text)."""
    from ...core.bidx import NoDeviceKey
    from ...core.client import ServiceError  # lazy: keeps httpx and the keystore out of start-up

    if isinstance(exc, ServiceError) and exc.code in REFUSALS:
        text = QCoreApplication.translate(CONTEXT, REFUSALS[exc.code])
        detail = exc.params.get("message", "")
        return f"{text}\n({detail})" if detail else text
    if isinstance(exc, NoDeviceKey):
        return QCoreApplication.translate(
            "BidErrors", "This device holds no key that opens {name}."
        ).format(name=exc.params.get("name", ""))
    if isinstance(exc, EbidError):
        return errors.user_message(exc)
    return str(exc)


def show(parent: QWidget | None, exc: BaseException) -> None:
    """Like :func:`errors.show`, with the service's refusals worded for bidders."""
    if isinstance(exc, Cancelled):
        return
    from ...core.bidx import NoDeviceKey
    from ...core.client import ServiceError

    if isinstance(exc, (ServiceError, NoDeviceKey)) and message(exc) != errors.user_message(exc):
        seams.warn(parent, QCoreApplication.translate("common", "EBid Desk"), message(exc))
        return
    errors.show(parent, exc)
