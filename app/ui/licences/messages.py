"""The service's refusals in the user's language, and the names of roles and states.

The service answers ``{"error": code, "message": English}``; the codes are stable, so the
licence pages translate the ones they meet by code and fall back to the service's own text.
Everything else goes to :func:`app.ui.errors.show`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.client import ServiceError
from ...core.licence import MAX_MANAGERS
from .. import errors, seams

CONTEXT = "service"

# code -> English source (no parameters the service does not give back: shown as-is).
REFUSALS = {
    "too_many_managers": QT_TRANSLATE_NOOP(
        "service", "An enterprise has at most {n} licence managers: remove one before adding another"),
    "already_manager": QT_TRANSLATE_NOOP("service", "This person is already a licence manager"),
    "already_legal_representative": QT_TRANSLATE_NOOP(
        "service", "The legal representative cannot also be a manager"),
    "first_download_by_legal_representative": QT_TRANSLATE_NOOP(
        "service", "The legal representative must download the licence first"),
    "identity_mismatch": QT_TRANSLATE_NOOP(
        "service", "The name and ID number do not match the registered person"),
    "person_mismatch": QT_TRANSLATE_NOOP("service", "The ID number is registered under another name"),
    "wrong_registration_place": QT_TRANSLATE_NOOP(
        "service", "The enterprise is not registered at the place you chose"),
    "unknown_enterprise": QT_TRANSLATE_NOOP("service", "No enterprise with this credit code is registered"),
    "no_authorisation": QT_TRANSLATE_NOOP(
        "service", "This person holds no current authorisation from the enterprise"),
    "choose_authorisation": QT_TRANSLATE_NOOP(
        "service", "This person holds several authorisations: enter the number of the one to use"),
    "role_not_permitted": QT_TRANSLATE_NOOP("service", "Your licence does not permit this action"),
    "bad_window": QT_TRANSLATE_NOOP("service", "The authorisation must end after it starts and after now"),
    "bad_matters": QT_TRANSLATE_NOOP("service", "Choose at least one matter, or all business"),
    "revoked": QT_TRANSLATE_NOOP("service", "The licence has been revoked"),
}


def service_text(exc: ServiceError) -> str:
    source = REFUSALS.get(exc.code)
    if source is None:
        return errors.user_message(exc)
    text = QCoreApplication.translate(CONTEXT, source).format(n=MAX_MANAGERS)
    return f"{text} ({exc.code})"


def show(parent: QWidget | None, exc: BaseException) -> None:
    """Show a failure of a licence action: the service's refusals by code, the rest as usual."""
    if isinstance(exc, ServiceError):
        seams.warn(parent, QCoreApplication.translate("common", "EBid Desk"), service_text(exc))
    else:
        errors.show(parent, exc)


def role_name(role: str) -> str:
    names = {
        "legal_representative": QCoreApplication.translate("licences", "Legal representative"),
        "manager": QCoreApplication.translate("licences", "Licence manager"),
        "agent": QCoreApplication.translate("licences", "Agent"),
    }
    return names.get(role, role)
