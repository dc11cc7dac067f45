"""The ``sign`` task (docs/protocols/qr-tasks.md §11): the platform asks the holder to seal a
document with one of the enterprise's electronic seals.

No file bytes travel to the device: the task document, signed by the platform, states the file's
name, size, media type and SM3 digest; the holder sees them, picks a seal, and the device makes a
GB/T 38540 ``SES_Signature`` whose ``dataHash`` is exactly that digest (the seal format signs a
digest of the data, docs/formats/electronic-seal.md), with the seal signer of
:mod:`app.core.seal.format` — the same one ``ebid seal sign-hash`` uses. The platform then
verifies the signature against the file it holds.

Here: the task document's ``details`` (built on the platform, checked on the device), and the
response's ``details`` (built on the device, parsed on the platform). No I/O.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import Refused
from ..pki import Certificate, Clock
from ..seal.format import parse_signature, sign_with_seal
from ..seal.format.signature import TimeStamper
from .canonical import format_time
from .document import VERSION, PlatformRef, Requester, TaskDocument

TYPE = "sign"
#: The largest ``SES_Signature`` a response may carry: the seal inside it holds the imprint PNG
#: (the seal office takes imprints up to 4 MiB), plus the certificates and the signature.
MAX_SIGNATURE_BYTES = (4 << 20) + (256 << 10)
MAX_NAME = 255
MAX_PURPOSE = 200
_SM3 = re.compile(r"^[0-9a-f]{64}$")
_SEAL_ID = re.compile(r"^[!-~]{1,64}$")
#: A media type as ``details.document.media_type`` takes it (``type/subtype``, no parameters).
MEDIA_TYPE = re.compile(r"^[A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64}$")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class SignedFile(_Model):
    """The file to seal, as the platform received it."""

    name: str = Field(min_length=1, max_length=MAX_NAME)
    size: int = Field(ge=0)
    sm3: str = Field(pattern=_SM3.pattern)
    media_type: str = Field(pattern=MEDIA_TYPE.pattern)


class SignEnterprise(_Model):
    credit_code: str = Field(min_length=18, max_length=18)
    name: str = Field(min_length=1, max_length=200)


class SignDetails(_Model):
    """``details`` of a sign task document."""

    document: SignedFile
    enterprise: SignEnterprise  # whose seal is asked for
    purpose: str = Field(max_length=MAX_PURPOSE)  # the platform's words, shown as they are
    requested_by: str = Field(min_length=1, max_length=100)  # who is logged in on the browser


def sign_task_document(*, url: str, name: str, task_id: str, created: datetime, expires: datetime,
                       address: str, user_agent: str, file_name: str, size: int, sm3: str,
                       media_type: str, credit_code: str, enterprise_name: str, purpose: str,
                       requested_by: str) -> TaskDocument:
    """The platform's sign task document (like :func:`~.document.login_document`)."""
    details = SignDetails(
        document=SignedFile(name=file_name[:MAX_NAME], size=size, sm3=sm3, media_type=media_type),
        enterprise=SignEnterprise(credit_code=credit_code, name=enterprise_name[:200]),
        purpose=purpose[:MAX_PURPOSE], requested_by=requested_by[:100],
    )
    return TaskDocument(
        version=VERSION, platform=PlatformRef(url=url, name=name), task=task_id, type=TYPE,
        created=format_time(created), expires=format_time(expires),
        requester=Requester(address=address, user_agent=user_agent[:300]),
        details=details.model_dump(),
    )


def sign_details(document: TaskDocument) -> SignDetails:
    """The checked ``details`` of a sign task, or ``malformed_task`` (qr-tasks.md §4 check 6)."""
    try:
        return SignDetails.model_validate(document.details)
    except ValidationError:
        raise Refused("malformed_task", "The task document lacks a field or has a wrong one") from None


def seal_for_task(details: SignDetails, seal_der: bytes, signer, certificate: Certificate, *,
                  clock: Clock, time_stamper: TimeStamper | None = None) -> bytes:
    """The device's seal signature for a sign task: ``SES_Signature`` over the SM3 the platform
    stated (and signed) in the task document, made with the chosen seal and the licence key
    (``signer``: anything with ``sign`` and ``public_key``, e.g. a ``LicenceSigner``); with a
    ``time_stamper`` (the service's time-stamping authority) it carries a trusted time."""
    digest = bytes.fromhex(details.document.sm3)
    signature = sign_with_seal(seal_der, signer, certificate, digest, clock=clock, time_stamper=time_stamper)
    # What goes out must be over the stated digest, byte for byte (the platform checks it
    # against the file; a mismatch here would be a bug, never sent).
    if parse_signature(signature).data_hash != digest:
        raise Refused("bad_document_hash", "The seal signature is not over the document's SM3")
    return signature


def response_details(seal_id: str, signature: bytes) -> dict:
    """The response's ``details`` for a confirmed sign task."""
    return {"seal_id": seal_id, "signature": base64.b64encode(signature).decode("ascii")}


@dataclass(frozen=True)
class SignAnswer:
    seal_id: str
    signature: bytes  # SES_Signature DER


def parse_response_details(details: dict) -> SignAnswer:
    """The platform's reading of a confirmed sign response's ``details``, or
    ``malformed_task_response`` (exactly ``seal_id`` and ``signature``, base64, within the cap)."""
    bad = Refused("malformed_task_response", "The task response lacks a field or has a wrong one")
    if set(details) != {"seal_id", "signature"}:
        raise bad
    seal_id, text = details["seal_id"], details["signature"]
    if not isinstance(seal_id, str) or not _SEAL_ID.match(seal_id) or not isinstance(text, str):
        raise bad
    if len(text) > (MAX_SIGNATURE_BYTES + 2) // 3 * 4:
        raise bad
    try:
        signature = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise bad from None
    if not signature or base64.b64encode(signature).decode("ascii") != text:
        raise bad  # one spelling only (canonical: standard base64 with padding)
    return SignAnswer(seal_id, signature)

