"""Matters (事项) by name in the user's language, never by code (``EC-BID-FULL``).

Names come from the matter catalogue the service sent, else the app's own
(``app/resources/matters.json``), else the Chinese name a certificate carries; the code is only
the last resort, for a matter neither knows.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLocale

from ...core.licence import default_catalogue
from ...core.pki import MatterRef
from ...core.wire import Matter  # the service's; core.licence.Matter has the same fields


def chinese() -> bool:
    """Whether the UI speaks Chinese (i18n.install sets the default locale to the language)."""
    return QLocale().language() == QLocale.Language.Chinese


def _catalogue_name(code: str, catalogue: Iterable[Matter] | None) -> str | None:
    for source in (catalogue or (), default_catalogue()):
        for matter in source:
            if matter.code == code:
                return matter.zh if chinese() else matter.en
    return None


def matter_name(code: str, catalogue: Iterable[Matter] | None = None, *, zh: str = "") -> str:
    """The name of the matter ``code`` in the UI's language (``zh``: a certificate's own name)."""
    return _catalogue_name(code, catalogue) or zh or code


def matters_text(codes: Iterable[str | MatterRef], catalogue: Iterable[Matter] | None = None) -> str:
    """Several matters, one list in the UI's language."""
    names = [matter_name(c.code, catalogue, zh=c.name) if isinstance(c, MatterRef) else matter_name(c, catalogue)
             for c in codes]
    return ("；" if chinese() else "; ").join(names)
