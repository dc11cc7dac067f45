"""Errors as HTTP answers: every refusal is ``{"error": code, "message": readable}`` with the
status its kind calls for; nothing the client sent can turn into a 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError

from ..core.errors import EbidError
from ..core.licence import LicenceRefused
from ..core.pki import CertificateInvalid

log = logging.getLogger("ebid.server")


class Problem(BaseModel):
    """The body of every refusal."""

    error: str = Field(description="stable reason code, e.g. too_many_managers")
    message: str = Field(description="readable English sentence")


class ApiError(EbidError):
    """A refusal raised by the service itself (authentication, platform rules)."""

    def __init__(self, status: int, code: str, template: str, /, **params) -> None:
        self.status = status
        self.code = code
        super().__init__(template, **params)


def unauthorised(code: str, template: str, /, **params) -> ApiError:
    return ApiError(401, code, template, **params)


def forbidden(code: str, template: str, /, **params) -> ApiError:
    return ApiError(403, code, template, **params)


# A certificate that fails for its window or revocation authenticates fine but may not act.
_FORBIDDEN_CERT_REASONS = {"not_yet_valid", "expired", "revoked"}


def _answer(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_request: Request, exc: ApiError) -> JSONResponse:
        return _answer(exc.status, exc.code, exc.message)

    @app.exception_handler(LicenceRefused)
    async def _refused(_request: Request, exc: LicenceRefused) -> JSONResponse:
        return _answer(exc.http_status, exc.reason, exc.message)

    @app.exception_handler(CertificateInvalid)
    async def _cert(_request: Request, exc: CertificateInvalid) -> JSONResponse:
        status = 403 if exc.reason in _FORBIDDEN_CERT_REASONS else 401
        return _answer(status, exc.reason, exc.message)

    @app.exception_handler(EbidError)
    async def _input(_request: Request, exc: EbidError) -> JSONResponse:
        return _answer(400, "invalid_input", exc.message)

    @app.exception_handler(DataError)
    async def _data(_request: Request, exc: DataError) -> JSONResponse:
        # The database refused a value the schema let through (PostgreSQL: a NUL character in
        # text, an over-long string): bad input, and the transaction was rolled back.
        log.info("database refused a value: %s", type(getattr(exc, "orig", exc)).__name__)
        return _answer(400, "invalid_input", "A value in the request cannot be stored")

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid request')}"
        body = {"error": "invalid_request", "message": message, "detail": _plain(exc.errors())}
        return JSONResponse(body, status_code=422)


def _plain(errors) -> list[dict]:
    """Validation errors without the raw input (it may hold personal data or be unserialisable)."""
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))} for e in errors]
