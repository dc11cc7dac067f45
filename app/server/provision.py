"""Setting a service up: keys, schema, DEMO data; importing enterprises; adding projects.

These are the administrative actions. They run on the server machine with direct access to the
database (``ebid service …``, or the embedded starter), never over HTTP.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.errors import EbidError, InvalidInput
from ..core.licence import Conflict, Enterprise, Person
from ..core.licence.demo import load_demo
from ..core.pki import to_utc_second
from .authority.tsa import ensure_tsa_keys
from .context import ServiceContext
from .keys import ServiceKeys, keys_exist, save_keys
from .platform.repository import Project
from .platform.tasks.keys import task_certificate
from .seal_office.keys import ensure_office_keys
from .settings import Settings

CSV_COLUMNS = (
    "credit_code",
    "name",
    "registration_place",
    "legal_rep_name",
    "legal_rep_id_number",
    "legal_rep_mobile",
)


def init_service(settings: Settings, *, demo: bool = False) -> ServiceContext:
    """Create the keys if missing, migrate the database, load DEMO data if asked. Idempotent."""
    settings.make_dirs()
    if not keys_exist(settings.keys_dir):
        save_keys(ServiceKeys.create(not_before=settings.clock()), settings.keys_dir)
    ctx = ServiceContext.open(settings)
    ensure_office_keys(settings.keys_dir, ctx.keys.authority, now=settings.clock())
    task_certificate(settings.keys_dir, ctx.keys, now=settings.clock())
    ensure_tsa_keys(settings.keys_dir, ctx.keys.authority, now=settings.clock())
    if demo:
        with ctx.unit() as unit:
            load_demo(unit.authority)
    return ctx


def parse_enterprises_csv(text: str) -> list[Enterprise]:
    """Rows of ``CSV_COLUMNS`` (a header line naming them first); every row validated."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InvalidInput("The CSV lacks the columns: {cols}", cols=", ".join(missing))
    found = []
    for line, row in enumerate(reader, start=2):
        try:
            rep = Person(
                row["legal_rep_name"], row["legal_rep_id_number"], row["legal_rep_mobile"] or None
            )
            found.append(
                Enterprise(row["credit_code"], row["name"].strip(), row["registration_place"].strip(), rep)
            )
        except EbidError as exc:
            raise InvalidInput("CSV line {line}: {detail}", line=line, detail=exc.message) from None
    return found


def import_enterprises(ctx: ServiceContext, path: Path) -> tuple[int, int]:
    """Register every enterprise in the CSV file in one transaction: (added, already there)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput("Cannot read {path}: {reason}", path=str(path), reason=str(exc)) from None
    added = skipped = 0
    with ctx.unit() as unit:
        for enterprise in parse_enterprises_csv(text):
            try:
                unit.authority.register_enterprise(enterprise)
                added += 1
            except Conflict as exc:
                if exc.code != "duplicate_enterprise":
                    raise
                skipped += 1
    return added, skipped


@dataclass(frozen=True)
class ProjectSpec:
    code: str
    name: str
    tenderee: str
    sections: tuple[str, ...]
    bid_deadline: datetime
    opening_time: datetime

    def validate(self) -> None:
        if not self.code.strip() or len(self.code) > 64 or not self.name.strip():
            raise InvalidInput("A project needs a code (at most 64 characters) and a name")
        if not self.sections or any(not s.strip() or len(s) > 64 for s in self.sections):
            raise InvalidInput("A project needs at least one section code (at most 64 characters)")
        if len(set(self.sections)) != len(self.sections):
            raise InvalidInput("A section code is listed twice")
        if self.opening_time < self.bid_deadline:
            raise InvalidInput("The opening cannot be before the bid deadline")


def add_project(ctx: ServiceContext, spec: ProjectSpec) -> None:
    spec.validate()
    with ctx.unit() as u:
        repo = u.platform.repo
        if repo.get_project(spec.code) is not None:
            raise InvalidInput("Project {code} already exists", code=spec.code)
        repo.put_project(
            Project(
                code=spec.code,
                name=spec.name,
                tenderee=spec.tenderee,
                sections=tuple(spec.sections),
                bid_deadline=to_utc_second(spec.bid_deadline),
                opening_time=to_utc_second(spec.opening_time),
                created_at=ctx.now(),
            )
        )

