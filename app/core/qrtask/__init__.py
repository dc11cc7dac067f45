"""QR tasks (docs/protocols/qr-tasks.md): the QR's URI, the platform-signed task document, the
platform's task certificate and trust check, and the holder's signed response. No I/O here:
the device's HTTP side is :mod:`app.core.client.tasks`, the platform's is ``app.server``."""

from .canonical import canonical, format_time, parse_canonical, parse_time
from .certificate import OID_KP_QR_TASK, check_platform, is_task_signer, make_task_certificate
from .document import (
    CLOCK_SKEW,
    TYPES,
    TaskDocument,
    VerifiedTask,
    login_document,
    sign_document,
    verify_envelope,
)
from .response import ParsedResponse, build_response, parse_response, secret_sm3
from .uri import MAX_URI_BYTES, TASK_PATH, TaskUri, is_task_uri, parse_task_uri

__all__ = [
    "CLOCK_SKEW", "MAX_URI_BYTES", "OID_KP_QR_TASK", "TASK_PATH", "TYPES", "ParsedResponse",
    "TaskDocument", "TaskUri", "VerifiedTask", "build_response", "canonical", "check_platform",
    "format_time", "is_task_signer", "is_task_uri", "login_document", "make_task_certificate",
    "parse_canonical", "parse_response", "parse_task_uri", "parse_time", "secret_sm3",
    "sign_document", "verify_envelope",
]
