"""What the client raises: the service's refusal (with its code, template and parameters) or an
unreachable service."""

from __future__ import annotations

from typing import Any

from ..errors import EbidError, Refused


class ServiceError(Refused):
    """The service refused a request: ``status`` (HTTP), ``code`` (stable reason), and the
    service's English ``template`` and ``params``, so the UI translates it like any project
    error. A server that sends no template gets ``"{message}"`` with its message."""

    def __init__(
        self, status: int, code: str, message: str, *, template: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        self.status = status
        self._message = message
        # 401/403/409: a refusal under the rules (exit 1); other 4xx: bad input (2); 5xx: 3.
        self.exit_code = 1 if status in (401, 403, 409) else 2 if status < 500 else 3
        if template is None:
            template, params = "{message}", {"message": message}
        super().__init__(code, template, **(params or {}))

    @property
    def message(self) -> str:
        """The service's own English sentence."""
        return self._message


class ServiceUnavailable(EbidError):
    """No answer from the service (not running, wrong URL, network down)."""

    exit_code = 3
