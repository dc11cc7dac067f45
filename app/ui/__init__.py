"""The desktop application (PySide6): one folder per feature, shared widgets at the top."""

from .plain_import import restore_plain_import

restore_plain_import()
