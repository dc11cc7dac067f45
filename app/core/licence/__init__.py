"""The licence rules and the registration authority (no HTTP, no Qt). See docs/licence-rules.md."""

from .authority import Authority, AuthorityKeys
from .check import Decision, Reason, check_use
from .codes import (
    credit_code_check_char,
    id_number_check_digit,
    is_valid_credit_code,
    is_valid_id_number,
    mask_id_number,
    validate_credit_code,
    validate_id_number,
    validate_mobile,
)
from .errors import BadRequest, Conflict, LicenceRefused, NotAuthorised, NotFound, RealNameFailed
from .grants import DEFAULT_WINDOW, MAX_MANAGERS
from .matters import FULL_BIDDING, Matter, MatterCatalogue, default_catalogue
from .model import (
    Authorisation,
    Enterprise,
    IssuedLicence,
    ManagerRecord,
    Person,
    PersonRecord,
    PersonRef,
    Status,
)
from .realname import RealNameCheck, RealNameClaim, RegistryRealNameCheck
from .repository import AuthorityRepository, InMemoryRepository
from .request import LicenceRequest, open_signed_request

__all__ = [
    "Authority",
    "AuthorityKeys",
    "DEFAULT_WINDOW",
    "MAX_MANAGERS",
    "Decision",
    "Reason",
    "check_use",
    "credit_code_check_char",
    "id_number_check_digit",
    "is_valid_credit_code",
    "is_valid_id_number",
    "mask_id_number",
    "validate_credit_code",
    "validate_id_number",
    "validate_mobile",
    "BadRequest",
    "Conflict",
    "LicenceRefused",
    "NotAuthorised",
    "NotFound",
    "RealNameFailed",
    "FULL_BIDDING",
    "Matter",
    "MatterCatalogue",
    "default_catalogue",
    "Authorisation",
    "Enterprise",
    "IssuedLicence",
    "ManagerRecord",
    "Person",
    "PersonRecord",
    "PersonRef",
    "Status",
    "RealNameCheck",
    "RealNameClaim",
    "RegistryRealNameCheck",
    "AuthorityRepository",
    "InMemoryRepository",
    "LicenceRequest",
    "open_signed_request",
]
