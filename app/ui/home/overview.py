"""The home page's view of the bids: which projects the enterprise bid on, when each opens,
whether this device holds a key that opens each submitted file, and what to fix before an
opening (a key without a live backup, a licence ending first). Pure data (no widgets)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...core.client import Project, Receipt
    from ...core.keybackup.guard import Protection
    from ...core.keystore import EncryptionKeyInfo, LicenceInfo
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


@dataclass(frozen=True)
class BidWarning:
    """Something to fix before an opening: the key that opens a bid has no live backup
    (``protection`` says why), or the licence it was applied under ends before the opening
    (``ends``: an agent's licence ends with the authorisation)."""

    row: OverviewRow
    protection: Protection | None = None
    ends: datetime | None = None
    holder: str = ""  # whose licence ends


def warnings(rows: Iterable[OverviewRow], keys: dict[str, EncryptionKeyInfo],
             protections: dict[str, Protection], licences: dict[int, LicenceInfo],
             now: datetime) -> list[BidWarning]:
    """For each bid still to open whose key is on this device (``keys`` by hex id): a backup that
    does not count (``protections`` by hex id), and a licence that ends before the opening."""
    found = []
    for row in rows:
        if row.key is not KeyStatus.HELD or row.opening is None or row.opening <= now:
            continue
        key = keys.get(row.key_id)
        if key is None:
            continue
        standing = protections.get(row.key_id)
        if standing is not None and not standing.protected:
            found.append(BidWarning(row, protection=standing))
        licence = licences.get(key.licence_id) if key.licence_id is not None else None
        if licence is not None and licence.not_after < row.opening:
            found.append(BidWarning(row, ends=licence.not_after, holder=licence.holder_name))
    return found
