"""Append-only, hash-chained log of security events on this device (format: docs/formats/keystore.md).

Use it through :class:`app.core.keystore.Keystore` (``log_event``, ``audit_entries``,
``verify_audit``), which appends in the same transaction as the change it records.
"""

from .chain import GENESIS, Entry, Report, canonical_details, entry_hash, verify_chain

__all__ = ["GENESIS", "Entry", "Report", "canonical_details", "entry_hash", "verify_chain"]
