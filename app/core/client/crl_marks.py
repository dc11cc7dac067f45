"""The newest revocation-list number this device has seen from each authority, so that a client
never goes back to an older list (a server, or someone in between, replaying last week's CRL —
signed and perhaps still inside its nextUpdate — to hide a revocation made since).

``crl-numbers.json`` in the data folder: ``{"<root SHA-256 fingerprint>": <highest cRLNumber>}``.
Lists with the same number are accepted (the same list fetched again)."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import Refused
from ..fsutil import atomic_write
from ..paths import data_dir
from ..pki.crl import RevocationList

FILE_NAME = "crl-numbers.json"


class OlderRevocationList(Refused):
    pass


class CrlMarks:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / FILE_NAME

    def _read(self) -> dict[str, int]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # none yet, or unreadable: start again from this list
            return {}
        return {str(k): int(v) for k, v in data.items() if isinstance(v, int)} if isinstance(data, dict) else {}

    def highest(self, root_fingerprint: str) -> int:
        return self._read().get(root_fingerprint, 0)

    def check_and_keep(self, root_fingerprint: str, crl: RevocationList) -> RevocationList:
        """Refuse a list older than one seen before from this root; remember a newer one."""
        marks = self._read()
        seen = marks.get(root_fingerprint, 0)
        if crl.number < seen:
            raise OlderRevocationList(
                "older_revocation_list",
                "The service sent revocation list number {n}, older than number {seen} this device has already "
                "seen: it is not used (a revocation made since may be hidden)", n=crl.number, seen=seen)
        if crl.number > seen:
            marks[root_fingerprint] = crl.number
            try:
                atomic_write(self.path, json.dumps(marks, sort_keys=True).encode("utf-8"))
            except OSError:
                pass  # a read-only data folder: the list is still checked against what was seen
        return crl
