"""Electronic seals in the GB/T 38540-2020 format: ``SESeal`` and ``SES_Signature``.

No Qt, no HTTP. Profile, byte-level example and verification procedure:
docs/formats/electronic-seal.md.
"""

from .authorisation import (
    AuthorisationCheck,
    SealAuthorisation,
    SealAuthorisationRule,
    no_authorisations,
)
from .errors import Reason, SealRefused
from .model import (
    CertListType,
    MakerSigned,
    SealEnterprise,
    SealExtension,
    SealInfo,
    SealType,
    SignatureInfo,
)
from .office import is_seal_maker, make_office_certificate
from .parse import parse_seal, parse_seal_or_signature, parse_signature
from .seal import make_seal, verify_seal
from .signature import (
    DEFAULT_PROPERTY_INFO,
    TimeStamper,
    VerifiedSignature,
    sign_with_seal,
    verify_signature,
)

__all__ = [
    "AuthorisationCheck",
    "SealAuthorisation",
    "SealAuthorisationRule",
    "no_authorisations",
    "Reason",
    "SealRefused",
    "CertListType",
    "MakerSigned",
    "SealExtension",
    "SealEnterprise",
    "SealInfo",
    "SealType",
    "SignatureInfo",
    "is_seal_maker",
    "make_office_certificate",
    "parse_seal",
    "parse_seal_or_signature",
    "parse_signature",
    "make_seal",
    "verify_seal",
    "DEFAULT_PROPERTY_INFO",
    "TimeStamper",
    "VerifiedSignature",
    "sign_with_seal",
    "verify_signature",
]
