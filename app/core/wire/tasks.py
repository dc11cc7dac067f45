"""The platform's QR tasks on the wire (docs/protocols/qr-tasks.md): the signed task document as
fetched, the holder's response, the state the page polls, and a new task for the page."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .base import Base64Bytes, WireModel


class TaskEnvelope(WireModel):
    """``GET /platform/tasks/{id}``: the task document and the platform's signature over it."""

    document: str = Field(description="the task document, canonical JSON (UTF-8)")
    signature: Base64Bytes = Field(description="DER SM2 signature of the platform over document")
    certificates: tuple[Base64Bytes, ...] = Field(
        description="the platform's task certificate and its issuers up to (not including) the root"
    )


class TaskResponseIn(WireModel):
    """``POST /platform/tasks/{id}/response``: the holder's answer, signed with the licence key."""

    # A sign task's response carries an SES_Signature (with its seal's imprint) in base64: up to
    # ~5.7 MiB (app.core.qrtask.sign.MAX_SIGNATURE_BYTES; the route's body cap, server limits.py).
    response: str = Field(max_length=6 << 20, description="the response, canonical JSON (UTF-8)")
    signature: str | None = Field(default=None, max_length=200, description="base64 DER SM2 signature")
    certificate: str | None = Field(default=None, max_length=8000, description="base64 licence certificate")


class TaskEnterprise(WireModel):
    credit_code: str
    name: str


class TaskPerson(WireModel):
    person_id: str
    name: str
    role: str


class TaskState(WireModel):
    """``GET /platform/tasks/{id}/state`` (what the page polls) and the answer to a response."""

    task: str
    type: str
    state: str = Field(description="waiting, scanned, confirmed, cancelled or expired")
    expires: datetime
    scanned_at: datetime | None
    finished_at: datetime | None
    enterprise: TaskEnterprise | None = Field(description="after a confirmed login: who logged in")
    person: TaskPerson | None
    outcome: dict | None = Field(
        description="what the task achieved, once final: for a decrypt task "
        "{result: decrypted, plaintext_sm3, plaintext_size, submission_id} or {result: declined, reason}")


class TaskCreated(WireModel):
    """``POST /platform/tasks/login``: what the page shows (``uri`` as a QR) and polls with."""

    task: str
    uri: str
    poll_token: str
    expires: datetime
