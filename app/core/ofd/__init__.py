"""OFD files (GB/T 33190) with GB/T 38540 seal signatures: read a package safely, verify its
seal signatures against given trust anchors, add one made with our seal.

No Qt, no HTTP. What we write and accept: docs/formats/ofd-signing.md.
"""

from .document import Stamp
from .errors import OfdRefused, PackageRefused, Reason
from .package import MAX_PACKAGE_BYTES, Package, read_package
from .sign import StampRequest, sign_ofd
from .verify import (
    LicenceRules,
    OfdReport,
    SignatureResult,
    StampPlace,
    VerifiedOfdSignature,
    verify_ofd,
)

__all__ = [
    "LicenceRules",
    "MAX_PACKAGE_BYTES",
    "OfdRefused",
    "OfdReport",
    "Package",
    "PackageRefused",
    "Reason",
    "SignatureResult",
    "Stamp",
    "StampPlace",
    "StampRequest",
    "VerifiedOfdSignature",
    "read_package",
    "sign_ofd",
    "verify_ofd",
]
