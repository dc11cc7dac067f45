"""What this device remembers of the bids it submitted: where the container is and which keys
open it (its recipient key ids), by submission id. The home page reads it without a password.

A small JSON file in the data folder, written atomically; nothing secret is in it (key ids are
digests of public keys). Losing it loses only the local link, never the bid.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from ...core.errors import EbidError
from ...core.fsutil import atomic_write
from ...core.paths import data_dir

log = logging.getLogger(__name__)
FILE_NAME = "submitted-bids.json"
VERSION = 1


@dataclass(frozen=True)
class SubmittedBid:
    submission_id: str
    project: str
    section: str
    file_name: str
    container: str  # the local copy's path
    key_ids: tuple[str, ...]  # hex SM3 ids of the recipient keys
    sm3: str
    received_at: str


def _path() -> Path:
    return data_dir() / "bids" / FILE_NAME


def load() -> dict[str, SubmittedBid]:
    path = _path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable %s: %s", path.name, exc)
        return {}
    if not isinstance(raw, dict) or raw.get("version") != VERSION:
        return {}
    records = {}
    for item in raw.get("bids", []):
        try:
            record = SubmittedBid(**{**item, "key_ids": tuple(item["key_ids"])})
        except (TypeError, KeyError):
            continue
        records[record.submission_id] = record
    return records


def add(records: list[SubmittedBid]) -> None:
    """Remember these submissions (replacing any with the same id)."""
    current = load()
    current.update({r.submission_id: r for r in records})
    data = {"version": VERSION, "bids": [asdict(r) for r in current.values()]}
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except (
        OSError,
        EbidError,
    ) as exc:  # the bid is submitted either way; only the local link is lost
        log.warning("could not record submissions: %s", exc)
