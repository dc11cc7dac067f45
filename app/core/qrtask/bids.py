"""The bid task types of qr-tasks.md §5.2/§6 — ``decrypt`` (opening by re-wrap, bidx.md §11):
the platform's task document, the device's checked reading of its ``details``, and the
response ``details`` both sides build and parse with the same functions. No I/O here."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime

from .. import gm
from ..bidx import Header, Stanza, key_id
from ..bidx.format import parse_header
from ..errors import EbidError, Refused
from .canonical import format_time, parse_time
from .document import VERSION, PlatformRef, Requester, TaskDocument

DECRYPT = "decrypt"
MAX_HEADER_BYTES = 64 << 10  # a header is a few KiB (bidx.md §2); the task stays small
_HEX_ID = re.compile(r"^[0-9a-f]{64}$")  # a BIDX key id: SM3 of the SPKI, lower-case hex
_DECRYPT_FIELDS = {"project", "section", "submission", "header", "recipients", "opening_key"}
_SUBMISSION_FIELDS = {"id", "file_name", "size", "sm3", "received_at"}
#: the reasons a decrypt task may be declined with (a cancel's ``details.reason``)
DECLINE_REASONS = ("missing_key",)


@dataclass(frozen=True)
class Recipient:
    """A key the bid was encrypted to: its BIDX key id (hex) and the label it was registered
    under at the platform ("" if the platform does not know it)."""

    key_id: str
    label: str

    def describe(self) -> str:
        return f"{self.label} ({self.key_id[:16]})" if self.label else self.key_id[:16]


@dataclass(frozen=True)
class DecryptDetails:
    """A ``decrypt`` task's details, checked: what the device shows and re-wraps."""

    project_code: str
    project_name: str
    section: str
    submission_id: str
    file_name: str
    size: int
    sm3: str  # of the stored container, as the receipt says
    received_at: datetime
    header: Header
    header_bytes: bytes
    recipients: tuple[Recipient, ...]
    opening_key: gm.SM2PublicKey

    @property
    def key_ids(self) -> tuple[str, ...]:
        return tuple(r.key_id for r in self.recipients)

    def describe_keys(self) -> str:
        return ", ".join(r.describe() for r in self.recipients)


def decrypt_document(*, url: str, name: str, task_id: str, created: datetime, expires: datetime,
                     address: str, user_agent: str, project_code: str, project_name: str,
                     section: str, submission_id: str, file_name: str, size: int, sm3: str,
                     received_at: datetime, header: bytes, labels: dict[str, str],
                     opening_key: gm.SM2PublicKey) -> TaskDocument:
    """The platform's ``decrypt`` task for one stored bid: its header (not the payload), the
    recipients (key id and registered label) and this task's one-time opening key."""
    parsed = parse_header(header)
    recipients = [{"key_id": s.key_id.hex(), "label": labels.get(s.key_id.hex(), "")}
                  for s in parsed.stanzas]
    return TaskDocument(
        version=VERSION, platform=PlatformRef(url=url, name=name), task=task_id, type=DECRYPT,
        created=format_time(created), expires=format_time(expires),
        requester=Requester(address=address, user_agent=user_agent[:300]),
        details={
            "project": {"code": project_code, "name": project_name}, "section": section,
            "submission": {"id": submission_id, "file_name": file_name, "size": size, "sm3": sm3,
                           "received_at": format_time(received_at)},
            "header": _b64(header), "recipients": recipients,
            "opening_key": _b64(gm.public_key_to_der(opening_key)),
        },
    )


def decrypt_details(document: TaskDocument) -> DecryptDetails:
    """The checked details of a ``decrypt`` document, or ``malformed_task`` naming what is wrong."""
    if document.type != DECRYPT:
        raise ValueError(f"not a decrypt task: {document.type}")
    d = document.details
    try:
        if set(d) != _DECRYPT_FIELDS:
            raise ValueError("fields")
        project, submission = d["project"], d["submission"]
        if not isinstance(project, dict) or set(project) != {"code", "name"}:
            raise ValueError("project")
        if not isinstance(submission, dict) or set(submission) != _SUBMISSION_FIELDS:
            raise ValueError("submission")
        strings = [project["code"], project["name"], d["section"], submission["id"],
                   submission["file_name"], submission["sm3"]]
        if not all(isinstance(s, str) for s in strings) or not isinstance(submission["size"], int):
            raise ValueError("types")
        received = parse_time(submission["received_at"])
        header_bytes = _unb64(d["header"])
        if len(header_bytes) > MAX_HEADER_BYTES:
            raise ValueError("header size")
        header = parse_header(header_bytes)
        recipients = tuple(_recipient(r) for r in d["recipients"]) if isinstance(d["recipients"], list) else None
        opening_key = gm.load_public_key(_unb64(d["opening_key"]))
    except (EbidError, ValueError, TypeError, KeyError) as exc:
        raise Refused("malformed_task", "The task document lacks a field or has a wrong one") from exc
    if recipients is None or [r.key_id for r in recipients] != [s.key_id.hex() for s in header.stanzas]:
        raise Refused("malformed_task", "The task document lacks a field or has a wrong one")
    if (header.project and header.project != project["code"]) or \
            (header.section and header.section != d["section"]):
        raise Refused("bid_header_mismatch",
                      "The bid's header was made for {p}/{s}, but the task names {project}/{section}",
                      p=header.project, s=header.section, project=project["code"], section=d["section"])
    return DecryptDetails(project["code"], project["name"], d["section"], submission["id"],
                          submission["file_name"], submission["size"], submission["sm3"], received,
                          header, header_bytes, recipients, opening_key)


def missing_key(details: DecryptDetails) -> Refused:
    """The device's refusal when it holds none of the bid's keys: names them (label and id)."""
    return Refused("missing_key",
                   "This device holds no key that opens the bid {file}: it was encrypted to {keys}",
                   file=details.file_name, keys=details.describe_keys())


def decrypt_confirm_details(stanza: Stanza) -> dict:
    """The confirm's ``details``: the file key re-wrapped to the task's opening key."""
    return {"stanza": {"key_id": stanza.key_id.hex(), "wrapped": _b64(stanza.wrapped)}}


def decrypt_decline_details(reason: str) -> dict:
    """A cancel's ``details`` saying why the device declined (``missing_key``)."""
    if reason not in DECLINE_REASONS:
        raise ValueError(reason)
    return {"reason": reason}


def parse_decrypt_confirm(details: dict, opening_key: gm.SM2PublicKey) -> Stanza:
    """The platform's reading of a confirm's details: the stanza, addressed to ``opening_key``."""
    try:
        if set(details) != {"stanza"} or set(details["stanza"]) != {"key_id", "wrapped"}:
            raise ValueError("fields")
        kid, wrapped = details["stanza"]["key_id"], _unb64(details["stanza"]["wrapped"])
        if not isinstance(kid, str) or not _HEX_ID.match(kid) or not 0 < len(wrapped) <= 300:
            raise ValueError("stanza")
    except (ValueError, TypeError, AttributeError):
        raise Refused("malformed_task_response", "The task response lacks a field or has a wrong one") from None
    if bytes.fromhex(kid) != key_id(opening_key):
        raise Refused("wrong_opening_key",
                      "The re-wrapped file key is addressed to key {kid}, not to this task's opening key",
                      kid=kid[:16])
    return Stanza(bytes.fromhex(kid), wrapped)


def parse_decrypt_decline(details: dict) -> str:
    """A cancel's reason ("" when none was given)."""
    if details == {}:
        return ""
    if set(details) == {"reason"} and details["reason"] in DECLINE_REASONS:
        return details["reason"]
    raise Refused("malformed_task_response", "The task response lacks a field or has a wrong one")


def _recipient(value) -> Recipient:
    if not isinstance(value, dict) or set(value) != {"key_id", "label"}:
        raise ValueError("recipient")
    if not isinstance(value["key_id"], str) or not _HEX_ID.match(value["key_id"]) \
            or not isinstance(value["label"], str):
        raise ValueError("recipient")
    return Recipient(value["key_id"], value["label"])


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text) -> bytes:
    if not isinstance(text, str):
        raise ValueError("base64")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("base64") from None


# encrypt (the upload page's QR) --------------------------------------------------------------

ENCRYPT = "encrypt"
_ENCRYPT_FIELDS = {"project", "section", "deadline", "upload", "max_files", "max_bytes"}


@dataclass(frozen=True)
class EncryptDetails:
    """An ``encrypt`` task's details, checked: where the holder's files go, and the limits."""

    project_code: str
    project_name: str
    section: str
    deadline: datetime
    upload: str  # the platform's upload endpoint; the device adds ``task=<id>`` to its query
    max_files: int
    max_bytes: int  # per file


def upload_url(base: str, project: str, section: str) -> str:
    return f"{base}/platform/projects/{project}/sections/{section}/bids"


def encrypt_document(*, url: str, name: str, task_id: str, created: datetime, expires: datetime,
                     address: str, user_agent: str, project_code: str, project_name: str,
                     section: str, deadline: datetime, max_files: int, max_bytes: int) -> TaskDocument:
    """The platform's ``encrypt`` task: the holder encrypts bid files on their own device to their
    registered key and uploads them, each bound to this task."""
    return TaskDocument(
        version=VERSION, platform=PlatformRef(url=url, name=name), task=task_id, type=ENCRYPT,
        created=format_time(created), expires=format_time(expires),
        requester=Requester(address=address, user_agent=user_agent[:300]),
        details={"project": {"code": project_code, "name": project_name}, "section": section,
                 "deadline": format_time(deadline), "upload": upload_url(url, project_code, section),
                 "max_files": max_files, "max_bytes": max_bytes},
    )


def encrypt_details(document: TaskDocument) -> EncryptDetails:
    """The checked details of an ``encrypt`` document, or ``malformed_task``."""
    if document.type != ENCRYPT:
        raise ValueError(f"not an encrypt task: {document.type}")
    d = document.details
    try:
        if set(d) != _ENCRYPT_FIELDS or not isinstance(d["project"], dict) \
                or set(d["project"]) != {"code", "name"}:
            raise ValueError("fields")
        strings = [d["project"]["code"], d["project"]["name"], d["section"], d["upload"]]
        numbers = [d["max_files"], d["max_bytes"]]
        if not all(isinstance(s, str) and s for s in strings[:1] + strings[2:]) \
                or not isinstance(strings[1], str) or not all(isinstance(n, int) and n > 0 for n in numbers):
            raise ValueError("types")
        deadline = parse_time(d["deadline"])
    except (ValueError, TypeError, KeyError) as exc:
        raise Refused("malformed_task", "The task document lacks a field or has a wrong one") from exc
    if d["upload"] != upload_url(document.platform.url, d["project"]["code"], d["section"]):
        raise Refused("malformed_task", "The task document lacks a field or has a wrong one")
    return EncryptDetails(d["project"]["code"], d["project"]["name"], d["section"], deadline,
                          d["upload"], d["max_files"], d["max_bytes"])


def check_files(details: EncryptDetails, sizes: list[int]) -> None:
    """The holder's chosen files against the task's limits (before any password)."""
    if not sizes:
        raise Refused("no_files", "Choose the bid files to encrypt and upload first")
    if len(sizes) > details.max_files:
        raise Refused("too_many_files", "The platform takes at most {n} files for this task; {chosen} were chosen",
                      n=details.max_files, chosen=len(sizes))
    if max(sizes) > details.max_bytes:
        raise Refused("file_too_large", "A file is larger than the platform takes ({limit} bytes)",
                      limit=details.max_bytes)


def encrypt_confirm_details(receipts) -> dict:
    """The confirm's ``details``: each upload's receipt (id, SM3 and size of the container)."""
    return {"submissions": [{"submission_id": r.submission_id, "sm3": r.sm3, "size": r.size}
                            for r in receipts]}


def parse_encrypt_confirm(details: dict) -> list[tuple[str, str, int]]:
    """The platform's reading: [(submission id, sm3, size)], at least one, no repeats."""
    try:
        if set(details) != {"submissions"} or not isinstance(details["submissions"], list):
            raise ValueError("fields")
        found = []
        for item in details["submissions"]:
            if not isinstance(item, dict) or set(item) != {"submission_id", "sm3", "size"}:
                raise ValueError("item")
            sid, sm3, size = item["submission_id"], item["sm3"], item["size"]
            if not isinstance(sid, str) or not isinstance(sm3, str) or not isinstance(size, int):
                raise ValueError("types")
            found.append((sid, sm3, size))
        if not found or len({f[0] for f in found}) != len(found) or len(found) > 100:
            raise ValueError("count")
    except (ValueError, TypeError):
        raise Refused("malformed_task_response", "The task response lacks a field or has a wrong one") from None
    return found
