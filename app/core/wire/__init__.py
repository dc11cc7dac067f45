"""The service's JSON, defined once: the reference service (``app.server``) answers with these
models and the client (``app.core.client``) reads its answers with them, so the two cannot
drift. Frozen pydantic models; times are ISO 8601, bytes are base64 on the wire
(docs/service.md). One module per counterpart; request bodies sit beside the answers."""

from .authority import (
    Authorisation,
    AuthoriseIn,
    Enterprise,
    KnownPerson,
    Licence,
    LicenceDownload,
    Manager,
    Matter,
    PersonIn,
    Places,
    Revoked,
    RevokeIn,
)
from .base import Base64Bytes, WireModel
from .mailbox import (
    BackupIn,
    BackupState,
    Candidates,
    HolderWithoutKey,
    KeyRecord,
    MessageIn,
    MessageMeta,
)
from .platform import KeyIn, Project, Receipt, RegisteredKey
from .seal_office import (
    CollectedSeal,
    Finding,
    Imprint,
    Precheck,
    Seal,
    SealAuthoriseIn,
    SealGrant,
    SealRecords,
    UseRule,
    Window,
)
from .tasks import (
    TaskCreated,
    TaskEnterprise,
    TaskEnvelope,
    TaskPerson,
    TaskResponseIn,
    TaskState,
)

__all__ = [
    "Authorisation",
    "AuthoriseIn",
    "BackupIn",
    "BackupState",
    "Candidates",
    "HolderWithoutKey",
    "KeyRecord",
    "MessageIn",
    "MessageMeta",
    "Base64Bytes",
    "CollectedSeal",
    "Enterprise",
    "Finding",
    "Imprint",
    "KeyIn",
    "Licence",
    "LicenceDownload",
    "KnownPerson",
    "Manager",
    "Matter",
    "PersonIn",
    "Places",
    "Precheck",
    "Project",
    "Receipt",
    "RegisteredKey",
    "RevokeIn",
    "Revoked",
    "Seal",
    "SealAuthoriseIn",
    "SealGrant",
    "SealRecords",
    "TaskCreated",
    "TaskEnterprise",
    "TaskEnvelope",
    "TaskPerson",
    "TaskResponseIn",
    "TaskState",
    "UseRule",
    "Window",
    "WireModel",
]
