"""The seal office's client calls (docs/seal-office.md): upload an imprint, follow its review,
collect a seal (领章), authorise agents per seal (印章授权), and verify a sealed document with the
service's root, revocation list and seal authorisations.

Use it through a holder: ``SealClient(holder)``; every call is signed with that licence's key.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from .. import gm
from ..errors import VerificationFailed
from ..keystore import Keystore, StoredSeal, Unlocked
from ..pki import LicenceInfo, load_crl
from ..seal.format import (
    SealAuthorisation,
    SealAuthorisationRule,
    VerifiedSignature,
    verify_seal,
    verify_signature,
)
from ..seal.format.model import SealInfo
from .client import HolderClient, ServiceClient
from .errors import ServiceError
from .types import _time


@dataclass(frozen=True)
class Imprint:
    imprint_id: str
    seal_type: str
    shape: str
    width_mm: int
    height_mm: int
    state: str  # pending, approved, rejected, superseded
    reason: str | None
    uploaded_at: datetime
    reviewed_at: datetime | None
    superseded_by: str | None
    precheck_passed: bool
    findings: tuple[str, ...]

    @classmethod
    def from_json(cls, d: dict) -> Imprint:
        return cls(
            d["imprint_id"],
            d["seal_type"],
            d["shape"],
            d["width_mm"],
            d["height_mm"],
            d["state"],
            d["reason"],
            _time(d["uploaded_at"]),
            _time(d["reviewed_at"]),
            d["superseded_by"],
            d["precheck"]["passed"],
            tuple(f["message"] for f in d["precheck"]["findings"]),
        )


@dataclass(frozen=True)
class Seal:
    seal_id: str
    imprint_id: str
    credit_code: str
    seal_type: str
    name: str
    valid_start: datetime
    valid_end: datetime
    made_at: datetime
    made_by: str
    der: bytes | None = None  # only when collected

    @classmethod
    def from_json(cls, d: dict) -> Seal:
        der = base64.b64decode(d["seal"]) if d.get("seal") else None
        return cls(
            d["seal_id"],
            d["imprint_id"],
            d["credit_code"],
            d["seal_type"],
            d["name"],
            _time(d["valid_start"]),
            _time(d["valid_end"]),
            _time(d["made_at"]),
            d["made_by"],
            der,
        )


@dataclass(frozen=True)
class SealRecords:
    valid: tuple[Imprint, ...]
    superseded: tuple[Imprint, ...]
    seal_making: tuple[Seal, ...]


@dataclass(frozen=True)
class SealGrant:
    authorisation_id: str
    seal_id: str
    agent_person_id: str
    agent_name: str
    start: datetime
    end: datetime
    status: str
    revoked_at: datetime | None

    @classmethod
    def from_json(cls, d: dict) -> SealGrant:
        return cls(
            d["authorisation_id"],
            d["seal_id"],
            d["agent_person_id"],
            d["agent_name"],
            _time(d["start"]),
            _time(d["end"]),
            d["status"],
            _time(d["revoked_at"]),
        )


class SealClient:
    """Seal-office calls signed by one holder's licence."""

    def __init__(self, holder: HolderClient) -> None:
        self.holder = holder

    @property
    def _base(self) -> str:
        return f"/seal-office/enterprises/{self.holder.credit_code}"

    def upload_imprint(
        self,
        png: bytes,
        *,
        seal_type: str,
        shape: str,
        width_mm: int,
        height_mm: int,
        agree_terms: bool,
    ) -> Imprint:
        """Send the imprint PNG; ``agree_terms`` records the enterprise's agreement."""
        params = {
            "seal_type": seal_type,
            "shape": shape,
            "width_mm": str(width_mm),
            "height_mm": str(height_mm),
            "agree_terms": "true" if agree_terms else "false",
        }
        request = self.holder._signed(
            "POST",
            f"{self._base}/imprints",
            params=params,
            content=png,
            content_sm3=gm.sm3(png).hex(),
        )
        request.headers["Content-Type"] = "image/png"
        response = self.holder.service.send(request)
        self.holder._sent_certificate = True
        return Imprint.from_json(response.json())

    def imprints(self) -> list[Imprint]:
        return [
            Imprint.from_json(d) for d in self.holder.call("GET", f"{self._base}/imprints").json()
        ]

    def seal_records(self) -> SealRecords:
        d = self.holder.call("GET", f"{self._base}/records").json()
        return SealRecords(
            tuple(map(Imprint.from_json, d["valid"])),
            tuple(map(Imprint.from_json, d["superseded"])),
            tuple(map(Seal.from_json, d["seal_making"])),
        )

    def seals(self) -> list[Seal]:
        return [Seal.from_json(d) for d in self.holder.call("GET", f"{self._base}/seals").json()]

    def collect_seal(self, seal_id: str) -> Seal:
        """The seal with its DER (refused with the reason when this holder may not use it)."""
        return Seal.from_json(self.holder.call("GET", f"/seal-office/seals/{seal_id}").json())

    def seal_authorisations(self) -> list[SealGrant]:
        data = self.holder.call("GET", f"{self._base}/seal-authorisations").json()
        return [SealGrant.from_json(d) for d in data]

    def authorise_seal(
        self,
        seal_id: str,
        *,
        agent_name: str,
        agent_id_number: str,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> SealGrant:
        body = {
            "agent_name": agent_name,
            "agent_id_number": agent_id_number,
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
        }
        path = f"/seal-office/seals/{seal_id}/authorisations"
        return SealGrant.from_json(self.holder.call("POST", path, body).json())

    def revoke_seal_authorisation(self, authorisation_id: str) -> SealGrant:
        path = f"/seal-office/seal-authorisations/{authorisation_id}"
        return SealGrant.from_json(self.holder.call("DELETE", path).json())


class ServiceUseRule:
    """The seal-authorisation check of a verifier, with the windows the service holds."""

    def __init__(self, client: ServiceClient) -> None:
        self.client = client

    def __call__(self, seal: SealInfo, licence: LicenceInfo, at: datetime) -> None:
        try:
            d = self.client.get(
                f"/seal-office/seals/{seal.seal_id}/use-rule/{licence.person_id}"
            ).json()
        except ServiceError as exc:
            if exc.status != 404:
                raise
            d = {"windows": [], "local_places": []}  # a seal this office never made: no grants
        grants = [
            SealAuthorisation(
                seal.seal_id,
                licence.credit_code,
                licence.person_id,
                _time(w["start"]),
                _time(w["end"]),
            )
            for w in d["windows"]
        ]
        SealAuthorisationRule(grants, local_places=d["local_places"])(seal, licence, at)


def verify_with_service(client: ServiceClient, sig_der: bytes, data: bytes) -> VerifiedSignature:
    """``verify_signature`` with the service's root, its current CRL and its seal authorisations."""
    root = client.root_certificate()
    crl = load_crl(client.crl_pem(), root)
    return verify_signature(
        sig_der,
        data,
        roots=[root],
        clock=client.clock,
        crl=crl,
        authorisation_check=ServiceUseRule(client),
    )


def collect_into_keystore(
    seals: SealClient, store: Keystore, unlocked: Unlocked, seal_id: str, *, licence_id: int
) -> StoredSeal:
    """领章: fetch the seal, check it against the service's root, keep it in the keystore."""
    collected = seals.collect_seal(seal_id)
    root = seals.holder.service.root_certificate()
    info = verify_seal(collected.der, roots=[root], clock=seals.holder.service.clock)
    if (
        info.seal_id != seal_id
        or info.enterprise is None
        or info.enterprise.credit_code != collected.credit_code
    ):
        raise VerificationFailed("The service returned a seal other than {id}", id=seal_id)
    stored = store.add_seal(
        unlocked,
        seal_id=info.seal_id,
        enterprise_code=info.enterprise.credit_code,
        seal_type=collected.seal_type,
        name=info.name,
        valid_start=info.valid_start,
        valid_end=info.valid_end,
        seal=info.der,
        picture=info.picture,
        licence_id=licence_id,
    )
    return stored
