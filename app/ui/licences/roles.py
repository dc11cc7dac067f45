"""The names of licence roles in the user's language.

Refusals need no table here: the service sends each one's template and parameters, the client
rebuilds the project error, and :func:`app.ui.errors.show` translates it like core's own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_name(role: str) -> str:
    names = {
        "legal_representative": QCoreApplication.translate("licences", "Legal representative"),
        "manager": QCoreApplication.translate("licences", "Licence manager"),
        "agent": QCoreApplication.translate("licences", "Agent"),
    }
    return names.get(role, role)
