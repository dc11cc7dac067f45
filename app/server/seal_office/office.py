"""The seal office bound to one unit of work: its repository, the authority it asks about
enterprises, people and licences, the clock and the places it serves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ...core.licence import Authority
from .repository import SealOfficeRepository


@dataclass(frozen=True)
class SealOffice:
    repo: SealOfficeRepository
    authority: Authority
    now: Callable[[], datetime]
    # Registration places the office serves (prefixes); see grants.py.
    local_places: tuple[str, ...] = ()
