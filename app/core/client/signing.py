"""Signed requests: the canonical string a holder's licence key signs, and the headers that carry
it. Specification: docs/protocols/request-signing.md. The service verifies with the same
functions (it imports this module; this module imports nothing of the service).
"""

from __future__ import annotations

import base64
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from .. import gm
from ..errors import InvalidInput
from ..pki import to_utc_second

SCHEME = "EBID-SM2-SM3-V1"
H_SERIAL = "X-EBid-Serial"
H_CERT = "X-EBid-Certificate"
H_TIME = "X-EBid-Timestamp"
H_NONCE = "X-EBid-Nonce"
H_DIGEST = "X-EBid-Content-SM3"
H_SIGNATURE = "X-EBid-Signature"
REQUIRED = (H_SERIAL, H_TIME, H_NONCE, H_DIGEST, H_SIGNATURE)
EMPTY_SM3 = gm.sm3(b"").hex()
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")
_HEX = re.compile(r"[0-9a-f]{1,40}")
_DIGEST = re.compile(r"[0-9a-f]{64}")


def format_time(moment: datetime) -> str:
    return to_utc_second(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: str) -> datetime:
    """The one form the scheme allows; strptime alone also takes 2026-3-2T1:0:0Z."""
    try:
        moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        moment = None
    if moment is None or format_time(moment) != text:
        raise InvalidInput("Not a timestamp of the form 2026-03-02T01:00:00Z: {t}", t=text)
    return moment


def new_nonce() -> str:
    return secrets.token_urlsafe(18)  # 24 characters, 144 random bits


@dataclass(frozen=True)
class SignedParts:
    """Everything the canonical string is made of."""

    method: str
    target: str  # path and query exactly as sent, e.g. "/platform/bids?name=a.bidx"
    content_sm3: str  # lower-case hex SM3 of the body bytes (of b"" when there is none)
    timestamp: str
    nonce: str
    serial: str  # lower-case hex, no leading zeros

    def canonical(self) -> bytes:
        lines = (
            SCHEME,
            self.method.upper(),
            self.target,
            self.content_sm3,
            self.timestamp,
            self.nonce,
            self.serial,
        )
        return "\n".join(lines).encode("utf-8")

    def check_syntax(self) -> None:
        """Raise InvalidInput if a part is not in its canonical form."""
        if not _HEX.fullmatch(self.serial) or self.serial.startswith("0"):
            raise InvalidInput("The serial must be lower-case hex without leading zeros")
        if not _NONCE.fullmatch(self.nonce):
            raise InvalidInput("The nonce must be 16 to 64 characters of base64url")
        if not _DIGEST.fullmatch(self.content_sm3):
            raise InvalidInput("The content digest must be 64 lower-case hex digits")
        parse_time(self.timestamp)


def sign_headers(
    *,
    key: gm.SM2PrivateKey,
    serial: int,
    method: str,
    target: str,
    content_sm3: str,
    now: datetime,
    certificate: bytes | None = None,
) -> dict[str, str]:
    """The headers of one signed request (a fresh nonce each call)."""
    parts = SignedParts(
        method, target, content_sm3, format_time(now), new_nonce(), format(serial, "x")
    )
    headers = {
        H_SERIAL: parts.serial,
        H_TIME: parts.timestamp,
        H_NONCE: parts.nonce,
        H_DIGEST: parts.content_sm3,
        H_SIGNATURE: base64.b64encode(key.sign(parts.canonical())).decode("ascii"),
    }
    if certificate is not None:
        headers[H_CERT] = base64.b64encode(certificate).decode("ascii")
    return headers
