"""Where the service keeps its files and database, and its limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..core.paths import data_dir
from ..core.pki import Clock, system_clock
from .db import sqlite_url

HOME_ENV = "EBID_SERVICE_HOME"
DB_ENV = "EBID_SERVICE_DB"
DEFAULT_MAX_UPLOAD = 4 << 30  # 4 GiB: bid files of 1-2 GB are normal
LOCAL_PLACES_ENV = "EBID_SEAL_LOCAL_PLACES"  # comma-separated, e.g. "北京市,天津市"
BODY_IDLE_ENV = "EBID_SERVICE_BODY_IDLE"  # seconds


def default_home() -> Path:
    """``$EBID_SERVICE_HOME``, else ``data_dir()/service`` (the embedded default's folder)."""
    override = os.environ.get(HOME_ENV)
    return Path(override).expanduser() if override else data_dir() / "service"


@dataclass(frozen=True)
class Settings:
    home: Path
    db_url: str | None = None  # None: a SQLite file in ``home``
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    # A request body whose next chunk takes longer than this is dropped with 408 (app/server/limits.py).
    body_idle_seconds: float = 30.0
    clock: Clock = field(default=system_clock)
    # Registration places the seal office serves (prefixes); enterprises registered elsewhere
    # need no per-seal authorisation for their agents (docs/seal-office.md).
    seal_local_places: tuple[str, ...] = ()

    @classmethod
    def default(cls, *, home: Path | None = None, db_url: str | None = None, **kw) -> Settings:
        places = os.environ.get(LOCAL_PLACES_ENV, "")
        kw.setdefault("seal_local_places", tuple(p.strip() for p in places.split(",") if p.strip()))
        idle = os.environ.get(BODY_IDLE_ENV, "")
        if idle:
            kw.setdefault("body_idle_seconds", float(idle))
        return cls(home or default_home(), db_url or os.environ.get(DB_ENV), **kw)

    @property
    def database_url(self) -> str:
        return self.db_url or sqlite_url(self.home / "service.sqlite")

    @property
    def keys_dir(self) -> Path:
        return self.home / "keys"

    @property
    def bids_dir(self) -> Path:
        return self.home / "bids"

    @property
    def incoming_dir(self) -> Path:
        """Uploads in progress; same file system as ``bids_dir`` so the final move is a rename."""
        return self.home / "bids" / "incoming"

    def make_dirs(self) -> None:
        for folder in (self.home, self.keys_dir, self.bids_dir, self.incoming_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
