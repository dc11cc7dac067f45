"""Certificate chains for GB/T 38540 verification without our licence profile ("GB/T 38540
only"): the signer's and the seal maker's certificates must chain to a trust anchor the user
or platform gives, through intermediate CAs where they are supplied.

The rule (docs/formats/ofd-signing.md §4):

- a path is built from the certificate up, each issuer found by subject DN = issuer DN among
  the anchors and intermediates; the authority key identifier is compared with the issuer's
  subject key identifier only when both are present (an AKI may name the issuer by name and
  serial only, RFC 5280 §4.2.1.1); every signature is SM2-with-SM3 and verified; at most
  :data:`MAX_DEPTH` certificates;
- an intermediate must be a CA (basicConstraints cA TRUE) and, if it has keyUsage, allow
  keyCertSign; a given path length constraint is respected;
- the anchor is trusted because it was given, as RFC 5280 §6.1 takes a trust anchor: its key,
  name and validity are used, its keyUsage is not required to hold keyCertSign (ofdrw's test
  root has only digitalSignature and nonRepudiation), but it must not say it is no CA;
- the end certificate, if it has keyUsage, allows digitalSignature or nonRepudiation;
- every certificate of the path is valid at the moment given (the signing time for the signer,
  the maker time for the seal maker: ``trust.maker_time``);
- revocation is not checked in this mode (no CRL or OCSP is fetched): said in the result.

``app.core.pki.verify.check_root`` (keyCertSign required) and its ``check_issued_by`` (an
absent keyIdentifier taken as a mismatch) are stricter than RFC 5280 here, so this module uses
pki's validity check and the seal format's issuer check instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ..errors import EbidError
from ..pki import Certificate
from ..pki import verify as pki_verify
from .format.trust import check_issued_by

MAX_DEPTH = 8


class ChainError(Exception):
    """Why no path to an anchor was found; the caller turns it into its own refusal."""

    def __init__(self, template: str, /, **params: object) -> None:
        self.template, self.params = template, params
        super().__init__(template.format(**params))


def chain_to_anchor(
    cert: Certificate,
    anchors: Sequence[Certificate],
    *,
    at: datetime,
    intermediates: Sequence[Certificate] = (),
    what: str = "certificate",
) -> tuple[Certificate, ...]:
    """The path from ``cert`` to an anchor (``cert`` first, the anchor last), checked at
    ``at``; raises :class:`ChainError` saying which step failed."""
    if not anchors:
        raise ChainError("No trust anchor was given to check the {what} against", what=what)
    _check_end_usage(cert, what)
    path, current = [cert], cert
    for _ in range(MAX_DEPTH):
        _check_valid(current, at, what if current is cert else "intermediate CA certificate")
        anchor = _issuer_in(current, anchors)
        if anchor is not None:
            _check_anchor(anchor, at)
            return (*path, anchor)
        issuer = _issuer_in(current, intermediates)
        if issuer is None or any(issuer.der == c.der for c in path):
            raise ChainError(
                "The {what} was issued by an authority that is not trusted: {issuer}",
                what=what, issuer=current.tbs["issuer"].human_friendly,
            )
        _check_intermediate(issuer, len(path) - 1)
        path.append(issuer)
        current = issuer
    raise ChainError("The {what}'s chain is longer than {n} certificates", what=what, n=MAX_DEPTH)


def _issuer_in(cert: Certificate, candidates: Sequence[Certificate]) -> Certificate | None:
    """The first candidate named as issuer whose key signed ``cert``."""
    named = [c for c in candidates if c.tbs["subject"] == cert.tbs["issuer"]]
    for candidate in named:
        try:
            check_issued_by(cert, candidate)
            return candidate
        except EbidError:
            continue
    if named:
        raise ChainError(
            "The certificate of {subject} is not signed by the key of {issuer} (its "
            "signature or key identifier)", subject=cert.tbs["subject"].human_friendly,
            issuer=cert.tbs["issuer"].human_friendly,
        )
    return None


def _check_valid(cert: Certificate, at: datetime, what: str) -> None:
    try:
        pki_verify.check_validity(cert, at, what)
    except pki_verify.CertificateInvalid as exc:
        raise ChainError(exc.template, **exc.params) from None


def _check_anchor(anchor: Certificate, at: datetime) -> None:
    constraints = anchor.extension_value("basic_constraints")
    if constraints is not None and not constraints["ca"].native:
        raise ChainError("The trust anchor {name} is not a certificate authority",
                         name=anchor.tbs["subject"].human_friendly)
    _check_valid(anchor, at, "trust anchor")


def _check_intermediate(cert: Certificate, below: int) -> None:
    constraints = cert.extension_value("basic_constraints")
    usage = cert.extension_value("key_usage")
    name = cert.tbs["subject"].human_friendly
    if constraints is None or not constraints["ca"].native:
        raise ChainError("The intermediate {name} is not a certificate authority", name=name)
    if usage is not None and "key_cert_sign" not in usage.native:
        raise ChainError("The intermediate {name} may not sign certificates", name=name)
    limit = constraints["path_len_constraint"].native
    if limit is not None and below > limit:
        raise ChainError("The intermediate {name} may not have this many CAs below it", name=name)


def _check_end_usage(cert: Certificate, what: str) -> None:
    usage = cert.extension_value("key_usage")
    if usage is not None and not ({"digital_signature", "non_repudiation"} & set(usage.native)):
        raise ChainError("The {what} may not sign (its key usage forbids it)", what=what)
