"""PKI of the licence: SM2 certificates signed SM2-with-SM3, the licence extensions, the CRL.

Profiles and OIDs: docs/pki/certificate-profile.md.
"""

from .asn1 import EBID_ARC, OID_AUTHORISATION, OID_ENTERPRISE, OID_HOLDER, SM2_WITH_SM3
from .certs import Certificate
from .clock import Clock, ManualClock, system_clock, to_utc_second
from .crl import Revocation, RevocationList, crl_to_pem, load_crl, make_crl
from .info import LicenceInfo, LicenceTerms, MatterRef, Mode, Role
from .issue import make_licence, make_root
from .parse import NotALicence, parse_licence
from .verify import CertificateInvalid, verify_licence

__all__ = [
    "EBID_ARC",
    "OID_ENTERPRISE",
    "OID_HOLDER",
    "OID_AUTHORISATION",
    "SM2_WITH_SM3",
    "Certificate",
    "Clock",
    "ManualClock",
    "system_clock",
    "to_utc_second",
    "Revocation",
    "RevocationList",
    "make_crl",
    "load_crl",
    "crl_to_pem",
    "LicenceInfo",
    "LicenceTerms",
    "MatterRef",
    "Mode",
    "Role",
    "make_root",
    "make_licence",
    "NotALicence",
    "parse_licence",
    "CertificateInvalid",
    "verify_licence",
]
