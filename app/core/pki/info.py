"""What a licence certificate says, as typed values: ``LicenceTerms`` in, ``LicenceInfo`` out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    LEGAL_REPRESENTATIVE = "legal_representative"  # 法定代表人
    MANAGER = "manager"  # 证照管理员
    AGENT = "agent"  # 办事人


class Mode(StrEnum):
    ALL_BUSINESS = "all_business"  # 全业务授权
    SPECIFIC = "specific"  # 精准授权


@dataclass(frozen=True)
class MatterRef:
    """A matter as a certificate carries it: the stable code and the Chinese name."""

    code: str
    name: str


@dataclass(frozen=True)
class LicenceTerms:
    """Everything the authority decides about one licence copy (one person, one device key)."""

    credit_code: str
    enterprise_name: str
    registration_place: str
    holder_name: str
    person_id: str  # the authority's opaque, stable identifier of the person
    masked_id_number: str  # e.g. 110105********002X; the full number never enters a certificate
    role: Role
    mode: Mode
    authorisation_id: str  # the authorisation (or standing grant) this copy was issued under
    granted_by: str  # person_id of whoever granted it; the holder's own for a legal representative
    matters: tuple[MatterRef, ...]  # empty for all-business
    not_before: datetime
    not_after: datetime

    def covers(self, matter_code: str) -> bool:
        return self.mode is Mode.ALL_BUSINESS or any(m.code == matter_code for m in self.matters)


@dataclass(frozen=True)
class LicenceInfo:
    """A parsed licence certificate."""

    terms: LicenceTerms
    serial: int
    issuer: str
    fingerprint: str

    def __getattr__(self, name: str):
        # Convenience: info.credit_code, info.role … read through to the terms.
        if name.startswith("__") or name == "terms":  # no recursion while (un)pickling
            raise AttributeError(name)
        return getattr(self.terms, name)

    def describe(self) -> list[tuple[str, str]]:
        """Label/value lines for people (CLI, support): never the full ID number, which we lack."""
        t = self.terms
        matters = (
            "all business"
            if t.mode is Mode.ALL_BUSINESS
            else "; ".join(f"{m.code} {m.name}" for m in t.matters)
        )
        return [
            ("Enterprise", f"{t.enterprise_name} ({t.credit_code})"),
            ("Registration place", t.registration_place),
            ("Holder", f"{t.holder_name} ({t.masked_id_number})"),
            ("Person id", t.person_id),
            ("Role", t.role.value),
            ("Authorisation", f"{t.mode.value} [{t.authorisation_id}] granted by {t.granted_by}"),
            ("Matters", matters),
            ("Valid from", t.not_before.isoformat()),
            ("Valid until", t.not_after.isoformat()),
            ("Serial", f"{self.serial:x}"),
            ("Issuer", self.issuer),
            ("SHA-256", self.fingerprint),
        ]
