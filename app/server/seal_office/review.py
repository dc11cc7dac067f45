"""The review queue on the server machine (``ebid service review …``): the same decisions as the
review page, made directly on the database by an administrator."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..context import ServiceContext
from . import records as seal_office
from .imprints import true_size_mm
from .keys import load_office_keys
from .repository import Imprint, Seal


@dataclass(frozen=True)
class ImprintView:
    """What a reviewer reads about one imprint (no PNG bytes)."""

    imprint_id: str
    credit_code: str
    seal_type: str
    shape: str
    size_mm: tuple[int, int]
    pixels: tuple[int, int]
    dpi: float | None
    true_size_mm: tuple[float, float]
    state: str
    reason: str | None
    reviewed_by: str | None
    uploaded_at: str
    findings: tuple[str, ...]
    precheck_passed: bool

    @classmethod
    def of(cls, row: Imprint) -> ImprintView:
        found = json.loads(row.precheck)
        findings = tuple(
            ("REJECT: " if f["reject"] else "warning: ") + f["message"] for f in found["findings"]
        )
        return cls(
            row.imprint_id,
            row.credit_code,
            row.seal_type,
            row.shape,
            (row.width_mm, row.height_mm),
            (row.width_px, row.height_px),
            row.dpi,
            true_size_mm(row.width_px, row.height_px, row.dpi, (row.width_mm, row.height_mm)),
            row.state,
            row.reason,
            row.reviewed_by,
            row.uploaded_at.isoformat(),
            findings,
            row.precheck_passed,
        )


def pending(ctx: ServiceContext) -> list[ImprintView]:
    with ctx.unit() as u:
        return [ImprintView.of(r) for r in seal_office.pending(u.seal_office)]


def show(ctx: ServiceContext, imprint_id: str) -> tuple[ImprintView, bytes]:
    """The imprint and its PNG."""
    with ctx.unit() as u:
        found = seal_office.imprint(u.seal_office, imprint_id)
    return ImprintView.of(found), found.png


def approve(ctx: ServiceContext, imprint_id: str, *, reviewer: str) -> Seal:
    keys = load_office_keys(ctx.settings.keys_dir)
    with ctx.unit() as u:
        return seal_office.approve(u.seal_office, imprint_id, reviewer=reviewer, keys=keys)


def reject(ctx: ServiceContext, imprint_id: str, *, reviewer: str, reason: str) -> ImprintView:
    with ctx.unit() as u:
        return ImprintView.of(seal_office.reject(u.seal_office, imprint_id, reviewer=reviewer, reason=reason))
