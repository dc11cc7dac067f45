"""What the client raises: the service's refusal (with its reason code) or an unreachable service."""

from __future__ import annotations

from ..errors import EbidError


class ServiceError(EbidError):
    """The service refused a request: ``status`` (HTTP), ``code`` (stable reason), message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        self.status = status
        self.code = code
        # 401/403/409: a refusal under the rules (exit 1); other 4xx: bad input (2); 5xx: 3.
        self.exit_code = 1 if status in (401, 403, 409) else 2 if status < 500 else 3
        super().__init__("{message} ({code})", message=message, code=code)


class ServiceUnavailable(EbidError):
    """No answer from the service (not running, wrong URL, network down)."""

    exit_code = 3
