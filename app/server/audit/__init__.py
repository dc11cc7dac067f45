"""The audit-head countersigning counterpart: the last head of each keystore's audit log the
service signed (docs/protocols/audit-countersign.md)."""
