"""The home page's view of the bids: which projects the enterprise bid on, when each opens, and
whether this device holds a key that opens each submitted file. Pure data (no widgets)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...core.client import Project, Receipt
from ..bids.records import SubmittedBid


class KeyStatus(Enum):
    HELD = "held"  # one of this device's keys is a recipient
    MISSING = "missing"  # the recipients are known and none is on this device
    UNKNOWN = "unknown"  # submitted from elsewhere: the recipients are not known here


@dataclass(frozen=True)
class OverviewRow:
    submission_id: str
    project_code: str
    project_name: str
    section: str
    file_name: str
    opening: datetime | None
    key: KeyStatus
    key_id: str = ""  # the matching device key id (hex), when held


def overview(
    records: dict[str, SubmittedBid],
    receipts: Iterable[Receipt],
    projects: Iterable[Project],
    device_key_ids: set[str],
) -> list[OverviewRow]:
    """One row per submission (recorded here, or listed by the platform), soonest opening first."""
    by_code = {p.code: p for p in projects}
    rows: dict[str, OverviewRow] = {}
    for record in records.values():
        held = sorted(set(record.key_ids) & device_key_ids)
        status = KeyStatus.HELD if held else KeyStatus.MISSING
        rows[record.submission_id] = _row(
            record.submission_id,
            record.project,
            record.section,
            record.file_name,
            by_code,
            status,
            held[0] if held else "",
        )
    for receipt in receipts:
        if receipt.submission_id not in rows:
            rows[receipt.submission_id] = _row(
                receipt.submission_id,
                receipt.project,
                receipt.section,
                receipt.file_name,
                by_code,
                KeyStatus.UNKNOWN,
                "",
            )
    return sorted(
        rows.values(), key=lambda r: (r.opening is None, r.opening or datetime.max, r.file_name)
    )


def _row(
    sid: str,
    code: str,
    section: str,
    name: str,
    projects: dict[str, Project],
    status: KeyStatus,
    key_id: str,
) -> OverviewRow:
    project = projects.get(code)
    return OverviewRow(
        sid,
        code,
        project.name if project else code,
        section,
        name,
        project.opening_time if project else None,
        status,
        key_id,
    )


def split(delta: timedelta) -> tuple[int, int, int]:
    """(days, hours, minutes) of a positive duration, rounded down to the minute."""
    minutes = int(delta.total_seconds() // 60)
    return minutes // 1440, minutes % 1440 // 60, minutes % 60
