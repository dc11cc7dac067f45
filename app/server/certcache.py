"""Licence certificates the service has already parsed and chain-checked, kept per process.

Parsing a certificate (asn1crypto) and checking the root's SM2 signature on it cost far more
than everything else in authenticating a request, yet for a given certificate their outcome
never changes: the same DER bytes under the same root parse the same and verify the same. So
they are done once per certificate and remembered in a bounded LRU, keyed by the serial *and*
the SHA-256 of the DER: a different certificate that claims the same serial is a different key,
checked from scratch, never trusted from the cache.

Only what is a pure function of the bytes is cached. Everything that depends on time or on the
authority's records (the root's and the licence's validity at the request time, revocation,
enterprise, role, matters, the nonce, the timestamp) is still checked on every request against
the live records, by :mod:`.auth` and the authority.

The root is checked once, when the cache is made (the service's start-up). A root that fails is
remembered and the failure is raised on every use, so requests are refused as before (401
``bad_root``) while the administrative commands that do not authenticate anyone still work.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime

from ..core import gm
from ..core.licence.model import IssuedLicence
from ..core.pki import Certificate, CertificateInvalid, LicenceInfo, LicenceTerms, parse_licence
from ..core.pki.verify import check_issued_by, check_root, check_validity
from .errors import ApiError

DEFAULT_SIZE = 1024


@dataclass(frozen=True)
class KnownCertificate:
    """A certificate parsed once; ``chained`` once the root's signature on it was checked."""

    serial: int
    sha256: bytes
    certificate: Certificate
    info: LicenceInfo
    public_key: gm.SM2PublicKey
    chained: bool = False


class CertificateCache:
    def __init__(self, root: Certificate, *, size: int = DEFAULT_SIZE) -> None:
        self.root = root
        self.size = size
        self._entries: OrderedDict[tuple[int, bytes], KnownCertificate] = OrderedDict()
        self._lock = threading.Lock()
        self._root_error: CertificateInvalid | None = None
        try:
            check_root(root)
        except CertificateInvalid as exc:
            self._root_error = exc

    def __len__(self) -> int:
        return len(self._entries)

    def check_root_at(self, at: datetime) -> None:
        """The root was sound at start-up and is inside its validity window at ``at``."""
        if self._root_error is not None:
            raise self._root_error
        check_validity(self.root, at, "root certificate")

    def verified(self, serial: int, der: bytes) -> KnownCertificate:
        """Licence ``serial`` whose certificate (the authority's record) is ``der``: parsed, and
        signed by the root (wrong_issuer / bad_signature otherwise)."""
        if self._root_error is not None:
            raise self._root_error
        known = self._known(serial, der)
        if known.chained:
            return known
        check_issued_by(known.certificate, self.root)  # raises CertificateInvalid (401)
        known = replace(known, chained=True)
        self._store(known)
        return known

    def terms_of(self, licence: IssuedLicence) -> LicenceTerms:
        """The terms a licence record's certificate carries (parsing only, like
        ``Issuer.terms_of``), for the authority's per-action checks."""
        return self._known(licence.serial, licence.certificate_der).info.terms

    def _known(self, serial: int, der: bytes) -> KnownCertificate:
        key = (serial, hashlib.sha256(der).digest())
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
                return hit
        # Parsed outside the lock: two threads may both parse a new certificate once, harmlessly.
        cert = Certificate.load(der)
        if cert.serial != serial:
            raise ApiError(
                "certificate_mismatch", "The certificate on record does not carry its serial"
            )
        known = KnownCertificate(serial, key[1], cert, parse_licence(cert), cert.public_key())
        self._store(known)
        return known

    def _store(self, known: KnownCertificate) -> None:
        key = (known.serial, known.sha256)
        with self._lock:
            current = self._entries.get(key)
            if current is not None and current.chained and not known.chained:
                known = current  # never downgrade a checked entry to a merely parsed one
            self._entries[key] = known
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
