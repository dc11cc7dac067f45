"""Take PySide6's ``__feature__`` import hook out again, because it is not safe with threads.

Importing PySide6 replaces ``builtins.__import__`` with ``__feature_import__``, which serves
``from __feature__ import snake_case``. Around every import it sets the process-wide
``builtins.__import__`` back to the plain import and restores it afterwards (PYSIDE-3054); two
threads importing at once (the GUI thread building a page while a worker imports the client, or
the embedded service loading FastAPI) restore each other's saved value, so one thread's nested
imports run through the hook while it inspects a half-imported module. With pydantic that ends in
``cannot import name 'import_string' from partially initialized module`` and an "unexpected
error" at start-up. EBid Desk uses no ``__feature__``: a module that never asked for one has
feature set 0, which is what an unlisted module gets, so the hook does nothing for us but race.
"""

from __future__ import annotations

import builtins

import PySide6.QtCore  # noqa: F401  (installs the hook, once per process)


def restore_plain_import() -> None:
    """Put back the import the hook wraps (PySide6's own lazy loader of Qt classes)."""
    hook = getattr(builtins, "__feature_import__", None)
    plain = getattr(builtins, "__orig_import__", None)
    if hook is not None and plain is not None and builtins.__import__ is hook:
        builtins.__import__ = plain
