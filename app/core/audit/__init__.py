"""Append-only, hash-chained log of security events on this device.

Format: docs/formats/keystore.md.

This package is the log's logic — canonical entries, the hash chain, the anchored head — and
knows nothing of storage. The keystore keeps the rows in its file (so an event and the change it
records commit in one transaction); use the log through :class:`app.core.keystore.Keystore`
(``log_event``, ``audit_entries``, ``verify_audit``), and have its head countersigned by the
service through :mod:`app.core.client.audit`.
"""

from .anchor import Anchor, BadAnchor, anchor_problem, check_anchor, make_anchor, read_anchor
from .chain import GENESIS, Entry, Report, canonical_details, entry_hash, next_entry, verify_chain
from .countersign import CountersignedHead, check_countersigned, countersign_message

__all__ = [
    "GENESIS", "Entry", "Report", "canonical_details", "entry_hash", "next_entry", "verify_chain",
    "Anchor", "BadAnchor", "make_anchor", "read_anchor", "anchor_problem", "check_anchor",
    "CountersignedHead", "check_countersigned", "countersign_message",
]
