"""The task document (qr-tasks.md §5): its model, the platform's signature, and the device's
checks of a fetched one (§4)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, ValidationError

from .. import gm
from ..errors import EbidError, Refused
from ..pki import Certificate
from ..wire.tasks import TaskEnvelope
from .canonical import canonical, format_time, parse_canonical, parse_time
from .certificate import check_platform, common_name
from .uri import TaskUri

VERSION = 1
TYPES = ("login", "sign", "encrypt", "decrypt")
CLOCK_SKEW = timedelta(seconds=60)
MAX_LIFETIME = {"login": timedelta(seconds=300)}
DEFAULT_MAX_LIFETIME = timedelta(days=1)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PlatformRef(_Model):
    url: str
    name: str


class Requester(_Model):
    address: str
    user_agent: str


class TaskDocument(_Model):
    version: int
    platform: PlatformRef
    task: str
    type: str
    created: str
    expires: str
    requester: Requester
    details: dict

    @property
    def created_at(self) -> datetime:
        return parse_time(self.created)

    @property
    def expires_at(self) -> datetime:
        return parse_time(self.expires)

    def to_bytes(self) -> bytes:
        return canonical(self.model_dump())


def login_document(*, url: str, name: str, task_id: str, created: datetime, expires: datetime,
                   address: str, user_agent: str, session_seconds: int) -> TaskDocument:
    return TaskDocument(
        version=VERSION, platform=PlatformRef(url=url, name=name), task=task_id, type="login",
        created=format_time(created), expires=format_time(expires),
        requester=Requester(address=address, user_agent=user_agent[:300]),
        details={"session": session_seconds},
    )


@dataclass(frozen=True)
class VerifiedTask:
    """A task document whose signature, platform and times were checked (what may be shown)."""

    uri: TaskUri
    document: TaskDocument
    raw: bytes  # the exact bytes signed and shown; the response signs their SM3
    certificate: Certificate  # the platform's task certificate

    @property
    def platform_subject(self) -> str:
        return self.certificate.tbs["subject"].human_friendly

    @property
    def document_sm3(self) -> str:
        return gm.sm3(self.raw).hex()


def verify_envelope(envelope: TaskEnvelope, uri: TaskUri, roots: Iterable[Certificate],
                    now: datetime) -> VerifiedTask:
    """Every device check of qr-tasks.md §4, in order."""
    chain = _chain(envelope)
    leaf = check_platform(chain, roots, now)
    raw = envelope.document.encode("utf-8")
    try:
        leaf.public_key().verify(envelope.signature, raw)
    except (EbidError, ValueError):
        raise Refused("bad_task_signature", "The task's platform signature does not verify") from None
    document = _document(raw)
    _check_binding(document, uri, leaf)
    _check_times(document, now)
    return VerifiedTask(uri, document, raw, leaf)


def _chain(envelope: TaskEnvelope) -> list[Certificate]:
    try:
        chain = [Certificate.load(der) for der in envelope.certificates]
    except (EbidError, ValueError):
        chain = []
    if not chain:
        raise Refused("untrusted_platform", "The task comes without a readable platform certificate")
    return chain


def _document(raw: bytes) -> TaskDocument:
    value = parse_canonical(raw)
    if value is None:
        raise Refused("malformed_task", "The task document is not canonical JSON")
    if value.get("version") != VERSION:
        raise Refused("unsupported_task_version", "The task has version {version}; this device knows version 1",
                      version=str(value.get("version")))
    if value.get("type") not in TYPES:
        raise Refused("unknown_task_type", "The task type {type} is unknown to this device",
                      type=str(value.get("type")))
    try:
        document = TaskDocument.model_validate(value)
        document.created_at, document.expires_at  # noqa: B018 - the times parse
    except (ValidationError, ValueError):
        raise Refused("malformed_task", "The task document lacks a field or has a wrong one") from None
    if document.type == "sign":
        from .sign import sign_details

        sign_details(document)  # malformed_task unless exactly the sign task's details
    return document


def _check_binding(document: TaskDocument, uri: TaskUri, leaf: Certificate) -> None:
    name = common_name(leaf)
    if document.platform.url != uri.base or document.platform.name != name:
        raise Refused("platform_mismatch",
                      "The task names the platform {claimed} at {url}, but it came from {base} signed by {name}",
                      claimed=document.platform.name, url=document.platform.url, base=uri.base, name=name)
    if document.task != uri.task_id:
        raise Refused("task_mismatch", "The platform answered with another task than the QR code names")


def _check_times(document: TaskDocument, now: datetime) -> None:
    created, expires = document.created_at, document.expires_at
    limit = MAX_LIFETIME.get(document.type, DEFAULT_MAX_LIFETIME)
    if expires < created or expires - created > limit:
        raise Refused("malformed_task", "The task document lacks a field or has a wrong one")
    if now > expires + CLOCK_SKEW:
        raise Refused("task_expired", "The task expired at {at}", at=expires.isoformat())
    if now < created - CLOCK_SKEW:
        raise Refused("task_not_yet_valid",
                      "The task was made at {at}, later than this device's time {now}: check the clock",
                      at=created.isoformat(), now=now.isoformat())


def sign_document(document: TaskDocument, key: gm.SM2PrivateKey) -> tuple[bytes, bytes]:
    """The canonical bytes of ``document`` and the platform's signature over them."""
    raw = document.to_bytes()
    return raw, key.sign(raw)
