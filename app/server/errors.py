"""Errors as HTTP answers: one table from refusal code to HTTP status; nothing the client sent
can turn into a 500.

Every refusal answers ``{"error": code, "message": English, "template": English with
{placeholders}, "params": {…}}``: the client rebuilds the same translatable error from
``template`` and ``params``. ``params`` holds only the values the template shows (so nothing
the message does not already say), made JSON-safe. The status comes from :data:`STATUS` by
code: a refusal whose code is not there is 403, any other project error 400
``invalid_input``, a malformed request 422 ``invalid_request``.
"""

from __future__ import annotations

import logging
import string
from datetime import date, datetime
from enum import Enum
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect

from ..core.errors import EbidError, Refused

log = logging.getLogger("ebid.server")

#: The HTTP status of every refusal code (the service's own, the licence rules', certificate
#: and seal checks'). A refusal not listed is 403 (DEFAULT_REFUSAL).
STATUS: dict[str, int] = {
    # request signing (auth.py, certcache.py, upload.py)
    "unsigned_request": 401,
    "malformed_signature_headers": 401,
    "stale_request": 401,
    "unknown_certificate": 401,
    "certificate_mismatch": 401,
    "bad_request_signature": 401,
    "content_mismatch": 401,
    "replayed_request": 401,
    # certificate checks (core.pki.verify): the chain fails -> 401; window, revocation -> 403
    "bad_root": 401,
    "wrong_issuer": 401,
    "bad_signature": 401,
    "not_a_licence": 401,
    "stale_revocation_list": 401,
    "unknown_critical_extension": 401,
    "wrong_key_usage": 401,
    "not_yet_valid": 403,
    "expired": 403,
    "revoked": 403,
    # licence rules (core.licence)
    "matter_not_authorised": 403,
    "wrong_enterprise": 403,
    "role_not_permitted": 403,
    "no_authorisation": 403,
    "first_download_by_legal_representative": 403,
    "identity_mismatch": 403,
    "wrong_registration_place": 403,
    "unknown_enterprise": 404,
    "unknown_licence": 404,
    "unknown_manager": 404,
    "unknown_authorisation": 404,
    "unknown_person": 404,
    "already_legal_representative": 409,
    "already_manager": 409,
    "choose_authorisation": 409,
    "duplicate_enterprise": 409,
    "person_mismatch": 409,
    "too_many_managers": 409,
    "replayed_licence_request": 409,
    "bad_matters": 400,
    "bad_proof_of_possession": 400,
    "bad_reason": 400,
    "bad_window": 400,
    "malformed_request": 400,
    "stale_licence_request": 400,
    # platform
    "unknown_project": 404,
    "unknown_section": 404,
    "unknown_submission": 404,
    "deadline_passed": 403,
    "not_opened": 403,
    "not_a_bid_file": 400,
    "wrong_project": 400,
    "wrong_sender": 400,
    "malformed_key": 400,
    "malformed_signature": 400,
    "bad_bid_signature": 400,
    "bad_file_name": 400,
    "file_too_large": 413,
    # seal office
    "unknown_imprint": 404,
    "unknown_seal": 404,
    "unknown_seal_authorisation": 404,
    "unknown_agent": 404,
    "not_pending": 409,
    "no_holder_licence": 409,
    "invalid_person": 400,
    "reason_required": 400,
    "terms_not_accepted": 400,
    "unknown_seal_type": 400,
    "shape_not_offered": 400,
    "size_not_offered": 400,
    "not_png": 400,
    "bad_dimensions": 400,
    "imprint_without_alpha": 400,
    "imprint_too_large": 413,
    # any route (app/server/limits.py)
    "body_too_large": 413,
    "body_timeout": 408,
    "seal_office_not_provisioned": 503,
    "tsa_not_provisioned": 503,
    "unsupported_media_type": 415,
    # QR tasks: the platform (platform/tasks) and the device's checks (core.qrtask)
    "unknown_task": 404,
    "wrong_task_secret": 403,
    "wrong_poll_token": 403,
    "task_expired": 410,
    "task_used": 409,
    "malformed_task_response": 400,
    "task_response_mismatch": 400,
    "stale_task_response": 401,
    "bad_task_response_signature": 401,
    "not_a_task": 400,
    "insecure_task_uri": 400,
    "untrusted_platform": 403,
    "bad_task_signature": 403,
    "malformed_task": 400,
    "unsupported_task_version": 400,
    "unknown_task_type": 400,
    "platform_mismatch": 403,
    "task_mismatch": 403,
    "task_not_yet_valid": 403,
    # key backup: the mailbox (app/server/mailbox) and the devices' checks (core.keybackup)
    "malformed_message": 400,
    "bad_message_signature": 400,
    "message_altered": 400,
    "message_expired": 410,
    "message_not_yet_valid": 400,
    "message_replayed": 409,
    "message_exists": 409,
    "mailbox_full": 429,
    "not_addressed_here": 400,
    "sender_mismatch": 403,
    "wrong_recipient_key": 400,
    "unknown_key_record": 404,
    "unknown_message": 403,  # "not for you": the relay does not say whether it exists
    "unknown_grant": 404,
    "not_your_key": 403,
    "other_enterprise": 403,
    "no_registered_key": 409,
    "holder_licence_not_live": 403,
    "bad_backup_proof": 400,
    "veto_too_late": 409,
    "recovery_vetoed": 409,  # a retried grant whose veto arrived meanwhile (device side)
    "backup_mismatch": 400,
    "not_same_person": 403,
    "not_backup_holder": 403,
    "not_held_here": 404,
    "untrusted_sender": 403,
    "not_yet_in_effect": 403,
    "unknown_package": 404,
    "unknown_backup": 404,
    "older_revocation_list": 409,
    "unknown_request": 404,
    "unknown_key": 404,
    "key_not_registered": 409,
    "no_device_key": 409,
    "already_here": 409,
    "backup_to_itself": 400,
    "bad_wait": 400,
    # audit heads countersigned (app/server/audit, core.audit.countersign)
    "audit_log_cut_back": 409,
    "audit_head_differs": 409,
    "audit_log_of_another": 403,
    "unknown_audit_head": 404,
    # QR bid tasks: decrypt at the opening (platform/tasks/opening.py, core.qrtask.bids)
    "wrong_opening_key": 400,
    "bad_rewrapped_key": 400,
    "not_your_bid": 403,
    "bid_header_mismatch": 400,
    "missing_key": 403,
    # QR bid tasks: encrypt and upload (platform/tasks/uploads.py, core.qrtask.bids)
    "wrong_upload_task": 400,
    "not_your_task": 403,
    "upload_mismatch": 400,
    "no_files": 400,
    "too_many_files": 400,
    # codes the handlers below give
    "invalid_input": 400,
    "invalid_request": 422,
}
DEFAULT_REFUSAL = 403  # a refusal under a rule (e.g. a seal check) with no entry above


def status_of(code: str) -> int:
    return STATUS.get(str(code), DEFAULT_REFUSAL)


class Problem(BaseModel):
    """The body of every refusal."""

    error: str = Field(description="stable reason code, e.g. too_many_managers")
    message: str = Field(description="readable English sentence (template filled in)")
    template: str = Field(description="the English sentence with {named} placeholders")
    params: dict[str, Any] = Field(description="the values of the placeholders")


class ApiError(Refused):
    """A refusal raised by the service itself (authentication, platform, seal office); its HTTP
    status is the one :data:`STATUS` gives its code."""

    @property
    def status(self) -> int:
        return status_of(self.code)


def shown_params(template: str, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters the template shows, JSON-safe. Nothing else leaves the service: a value
    a refusal keeps for itself (or passes by mistake) is never in the answer."""
    try:
        names = {field.split(".")[0].split("[")[0]
                 for _, field, _, _ in string.Formatter().parse(template) if field}
    except ValueError:
        return {}
    return {k: _plain_value(v) for k, v in params.items() if k in names}


def _plain_value(value: Any) -> Any:
    if isinstance(value, Enum):
        value = value.value
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


class BodyRefused(HTTPException):
    """A request body over its cap or too slow (app/server/limits.py). An HTTPException, so
    FastAPI passes it on from its body parsing, which turns any other exception into a 400."""

    def __init__(self, status: int, code: str, error: EbidError) -> None:
        super().__init__(status, code)
        self.code, self.error = code, error


def problem(code: str, exc: EbidError) -> dict[str, Any]:
    """The answer's body (:class:`Problem`)."""
    return {
        "error": str(code),
        "message": exc.message,
        "template": exc.template,
        "params": shown_params(exc.template, exc.params),
    }


def answer(status: int, code: str, exc: EbidError) -> JSONResponse:
    return JSONResponse(problem(code, exc), status_code=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(Refused)
    async def _refused(_request: Request, exc: Refused) -> JSONResponse:
        return answer(status_of(exc.code), exc.code, exc)

    @app.exception_handler(BodyRefused)
    async def _body(_request: Request, exc: BodyRefused) -> JSONResponse:
        return JSONResponse(problem(exc.code, exc.error), status_code=exc.status_code,
                            headers={"Connection": "close"})

    @app.exception_handler(EbidError)
    async def _input(_request: Request, exc: EbidError) -> JSONResponse:
        return answer(STATUS["invalid_input"], "invalid_input", exc)

    @app.exception_handler(ClientDisconnect)
    async def _gone(request: Request, _exc: ClientDisconnect) -> Response:
        # The upload's own cleanup has run (platform/upload.py); nobody reads this answer.
        log.info("client went away during %s %s", request.method, request.url.path)
        return Response(status_code=400, headers={"Connection": "close"})

    @app.exception_handler(DataError)
    async def _data(_request: Request, exc: DataError) -> JSONResponse:
        # The database refused a value the schema let through (PostgreSQL: a NUL character in
        # text, an over-long string): bad input, and the transaction was rolled back.
        log.info("database refused a value: %s", type(getattr(exc, "orig", exc)).__name__)
        refusal = EbidError("A value in the request cannot be stored")
        return answer(STATUS["invalid_input"], "invalid_input", refusal)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        detail = str(first.get("msg", "invalid request"))
        body = problem("invalid_request", EbidError("{where}: {detail}", where=where, detail=detail))
        body["detail"] = _plain(exc.errors())
        return JSONResponse(body, status_code=STATUS["invalid_request"])


def _plain(errors) -> list[dict]:
    """Validation errors without the raw input (it may hold personal data or be unserialisable)."""
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))} for e in errors]
