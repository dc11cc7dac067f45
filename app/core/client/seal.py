"""The seal office's client calls (docs/seal-office.md): upload an imprint, follow its review,
collect a seal (领章), authorise agents per seal (印章授权), and verify a sealed document with the
service's root, revocation list and seal authorisations.

Use it through a holder: ``SealClient(holder)``; every call is signed with that licence's key.
"""

from __future__ import annotations

from datetime import datetime

from .. import gm
from ..errors import VerificationFailed
from ..keystore import Keystore, StoredSeal, Unlocked
from ..pki import LicenceInfo
from ..seal.format import (
    SealAuthorisation,
    SealAuthorisationRule,
    VerifiedSignature,
    verify_seal,
    verify_signature,
)
from ..seal.format.model import SealInfo
from ..seal.format.revocations import AuthorisationRevocations, load_revocations
from ..wire import CollectedSeal, Imprint, Seal, SealAuthoriseIn, SealGrant, SealRecords, UseRule
from .client import HolderClient, ServiceClient, _body, _many
from .errors import ServiceError

REVOCATIONS_PATH = "/seal-office/revoked-authorisations"


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
        return Imprint.model_validate(response.json())

    def imprints(self) -> list[Imprint]:
        return _many(Imprint, self.holder.call("GET", f"{self._base}/imprints"))

    def seal_records(self) -> SealRecords:
        return SealRecords.model_validate(self.holder.call("GET", f"{self._base}/records").json())

    def seals(self) -> list[Seal]:
        return _many(Seal, self.holder.call("GET", f"{self._base}/seals"))

    def collect_seal(self, seal_id: str) -> CollectedSeal:
        """The seal with its DER (refused with the reason when this holder may not use it)."""
        answer = self.holder.call("GET", f"/seal-office/seals/{seal_id}").json()
        return CollectedSeal.model_validate(answer)

    def seal_authorisations(self) -> list[SealGrant]:
        return _many(SealGrant, self.holder.call("GET", f"{self._base}/seal-authorisations"))

    def authorise_seal(
        self,
        seal_id: str,
        *,
        agent_name: str | None = None,
        agent_id_number: str | None = None,
        person_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> SealGrant:
        """One of the enterprise's agents, by name and ID number or by ``person_id`` (from
        ``holder.people()``)."""
        body = _body(
            SealAuthoriseIn,
            person_id=person_id,
            agent_name=agent_name,
            agent_id_number=agent_id_number,
            start=start,
            end=end,
        )
        path = f"/seal-office/seals/{seal_id}/authorisations"
        return SealGrant.model_validate(self.holder.call("POST", path, body).json())

    def revoke_seal_authorisation(self, authorisation_id: str) -> SealGrant:
        path = f"/seal-office/seal-authorisations/{authorisation_id}"
        return SealGrant.model_validate(self.holder.call("DELETE", path).json())


class ServiceUseRule:
    """The seal-authorisation check of a verifier, with the windows the service holds."""

    def __init__(self, client: ServiceClient) -> None:
        self.client = client
        self._revocations: AuthorisationRevocations | None = None

    def revocations(self) -> AuthorisationRevocations:
        """The seal office's signed list of revoked authorisations, checked against the
        service's root and current at the client's clock (fetched once per rule)."""
        if self._revocations is None:
            der = self.client.get(REVOCATIONS_PATH).content
            self._revocations = load_revocations(der, [self.client.root_certificate()],
                                                 now=self.client.clock())
        return self._revocations

    def __call__(self, seal: SealInfo, licence: LicenceInfo, at: datetime) -> None:
        path = f"/seal-office/seals/{seal.seal_id}/use-rule/{licence.person_id}"
        try:
            rule = UseRule.model_validate(self.client.get(path).json())
        except ServiceError as exc:
            if exc.status != 404:
                raise
            # a seal this office never made: no grants
            rule = UseRule(seal_id=seal.seal_id, person_id=licence.person_id, local_places=(),
                           windows=())
        grants = [
            SealAuthorisation(seal.seal_id, licence.credit_code, licence.person_id, w.start, w.end)
            for w in rule.windows
        ]
        SealAuthorisationRule(grants, local_places=rule.local_places,
                              revocations=self.revocations() if grants else None)(seal, licence, at)


def verify_with_service(client: ServiceClient, sig_der: bytes, data: bytes) -> VerifiedSignature:
    """``verify_signature`` with the service's root, its current CRL and its seal authorisations."""
    root = client.root_certificate()
    crl = client.revocation_list()
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
    """领章: fetch the seal, check it against the service's root and current revocation list,
    keep it in the keystore."""
    collected = seals.collect_seal(seal_id)
    service = seals.holder.service
    # Fail closed: the maker's certificate is checked against the authority's current list, and
    # no list (unreachable, replayed, stale) means no seal kept — never "revocation not checked".
    crl = service.revocation_list()
    info = verify_seal(collected.der, roots=[service.root_certificate()], clock=service.clock, crl=crl)
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
