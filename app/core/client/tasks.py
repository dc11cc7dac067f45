"""The device's side of QR tasks over HTTP (docs/protocols/qr-tasks.md): fetch and verify a task,
confirm or cancel it with a licence key. The platform is the one the QR names (its base URL);
trust comes from the caller's list of roots, never from the platform itself.

The secret travels only in the ``X-EBid-Task-Secret`` header, never in a URL."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from contextlib import nullcontext

import httpx

from ..pki import Certificate, Clock, system_clock
from ..qrtask import TaskUri, VerifiedTask, build_response, parse_task_uri, verify_envelope
from ..wire import TaskCreated, TaskEnvelope, TaskResponseIn, TaskState
from .client import TIMEOUT, _raise_for
from .errors import ServiceUnavailable

H_SECRET = "X-EBid-Task-Secret"
H_POLL = "X-EBid-Task-Poll"


class TaskClient:
    """``roots``: the trust list (root certificates) a platform's task certificate must chain to."""

    def __init__(self, roots: Iterable[Certificate], *, clock: Clock = system_clock,
                 timeout=TIMEOUT, http: httpx.Client | None = None) -> None:
        self.roots = tuple(roots)
        self.clock = clock
        self._own = http is None
        self.http = http or httpx.Client(timeout=timeout)

    def close(self) -> None:
        if self._own:
            self.http.close()

    def __enter__(self) -> TaskClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def envelope(self, uri: TaskUri | str) -> TaskEnvelope:
        """The signed task as the platform sent it (not yet checked)."""
        uri = parse_task_uri(uri) if isinstance(uri, str) else uri
        response = self._send("GET", f"{uri.base}/platform/tasks/{uri.task_id}", uri.base,
                              headers={H_SECRET: uri.secret})
        return TaskEnvelope.model_validate(response.json())

    def fetch(self, uri: TaskUri | str) -> VerifiedTask:
        """Fetch the task the QR names and check it (qr-tasks.md §4): what may be shown."""
        uri = parse_task_uri(uri) if isinstance(uri, str) else uri
        return verify_envelope(self.envelope(uri), uri, self.roots, self.clock())

    def confirm(self, task: VerifiedTask, signer, certificate: Certificate,
                details: dict | None = None) -> TaskState:
        """Sign and post ``confirm`` with the licence ``signer`` (anything with ``sign``)."""
        raw = build_response(task, action="confirm", now=self.clock(), serial=certificate.serial,
                             details=details)
        return self.respond(task.uri, raw, signer.sign(raw), certificate.der)

    def cancel(self, task: VerifiedTask, signer=None, certificate: Certificate | None = None,
               details: dict | None = None) -> TaskState:
        """Tell the platform the holder declined; signed when a licence is given. ``details``:
        the type's reason, if it has one (a ``decrypt`` task declined for ``missing_key``)."""
        serial = certificate.serial if certificate is not None and signer is not None else None
        raw = build_response(task, action="cancel", now=self.clock(), serial=serial, details=details)
        signature = signer.sign(raw) if serial is not None else None
        return self.respond(task.uri, raw, signature, certificate.der if serial is not None else None)

    def respond(self, uri: TaskUri, raw: bytes, signature: bytes | None,
                certificate: bytes | None) -> TaskState:
        body = TaskResponseIn(
            response=raw.decode("utf-8"),
            signature=base64.b64encode(signature).decode() if signature is not None else None,
            certificate=base64.b64encode(certificate).decode() if certificate is not None else None,
        ).model_dump(mode="json", exclude_none=True)
        response = self._send("POST", f"{uri.base}/platform/tasks/{uri.task_id}/response", uri.base,
                              headers={H_SECRET: uri.secret}, json=body)
        return TaskState.model_validate(response.json())

    def _send(self, method: str, url: str, base: str, **kw) -> httpx.Response:
        return _send(self.http, method, url, base, **kw)


def create_login_task(base_url: str, *, user_agent: str = "EBid Desk",
                      http: httpx.Client | None = None) -> TaskCreated:
    """What the login page does: ask the platform for a login task (its QR content and poll token)."""
    base = base_url.rstrip("/")
    with _client(http) as client:
        response = _send(client, "POST", f"{base}/platform/tasks/login", base,
                         headers={"User-Agent": user_agent})
    return TaskCreated.model_validate(response.json())


def task_state(base_url: str, task_id: str, poll_token: str, *,
               http: httpx.Client | None = None) -> TaskState:
    """What the page polls: the task's state (after a confirmed login, who logged in)."""
    base = base_url.rstrip("/")
    with _client(http) as client:
        response = _send(client, "GET", f"{base}/platform/tasks/{task_id}/state", base,
                         headers={H_POLL: poll_token})
    return TaskState.model_validate(response.json())


def _client(http: httpx.Client | None):
    """``http`` itself (left open), else a client of its own for one call."""
    return nullcontext(http) if http is not None else httpx.Client(timeout=TIMEOUT)


def _send(http: httpx.Client, method: str, url: str, base: str, **kw) -> httpx.Response:
    try:
        response = http.request(method, url, **kw)
    except httpx.HTTPError as exc:
        raise ServiceUnavailable("Cannot reach the service at {url}: {reason}", url=base,
                                 reason=str(exc)) from None
    _raise_for(response)
    return response
