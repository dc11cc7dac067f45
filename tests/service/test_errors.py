"""Errors across HTTP: one refusal family, one code -> status table, and the template crossing
the wire so the client rebuilds the same translatable error."""

from __future__ import annotations

import ast
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.client import ServiceError
from app.core.client.client import _raise_for
from app.core.errors import Cancelled, EbidError, Refused
from app.core.licence import Conflict
from app.core.licence.check import Reason as UseReason
from app.core.pki import CertificateInvalid
from app.core.pki import verify as pki_verify
from app.core.seal.format import SealRefused
from app.core.seal.format.errors import Reason as SealReason
from app.server import errors
from app.server.errors import DEFAULT_REFUSAL, STATUS, ApiError

ROOT = Path(__file__).resolve().parents[2]
REFUSALS = {
    "Refused", "LicenceRefused", "NotAuthorised", "RealNameFailed", "NotFound", "Conflict",
    "BadRequest", "CertificateInvalid", "SealRefused", "ApiError",
}
#: Refusal codes deliberately left to DEFAULT_REFUSAL (403): the seal checks' reasons, met when
#: a seal may not be used (collection) — every one of them a refusal under a rule.
DEFAULTED = {r.value for r in SealReason} - set(STATUS)


def _raised_codes() -> set[str]:
    """Every literal code given to a refusal constructor in app/core and app/server."""
    found = set()
    for folder in ("app/core", "app/server"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                first = node.args[0]
                if name in REFUSALS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                    if first.value.isidentifier():  # keystore's NotFound takes a template first
                        found.add(first.value)
    return found


def _reason_constants() -> set[str]:
    """Codes raised through variables: certificate reason constants and the reason enums."""
    constants = {
        v for k, v in vars(pki_verify).items() if k.isupper() and isinstance(v, str) and v.islower()
    }
    return constants | {r.value for r in UseReason} | {r.value for r in SealReason}


def test_every_refusal_code_has_a_status_or_is_deliberately_defaulted():
    codes = _raised_codes() | _reason_constants()
    assert len(codes) > 60  # the scan found the codes
    missing = sorted(c for c in codes if c not in STATUS and c not in DEFAULTED)
    assert not missing, f"add these codes to app/server/errors.py STATUS: {missing}"


def test_cancelled_is_not_a_project_error():
    assert not issubclass(Cancelled, EbidError) and Cancelled().exit_code == 130


def _app() -> TestClient:
    app = FastAPI()
    errors.install(app)
    raising = {
        "licence": Conflict("too_many_managers", "An enterprise has at most {n} licence managers", n=5),
        "certificate": CertificateInvalid(pki_verify.BAD_SIGNATURE, "The certificate is bad"),
        "window": CertificateInvalid(pki_verify.EXPIRED, "The {what} expired at {at}", what="licence", at="2026-01-01"),
        "seal": SealRefused(SealReason.MISSING_AUTHORISATION, "{name} holds no authorisation for seal {id}",
                            name="张三", id="ES-1"),
        "api": ApiError("unknown_project", "No project {code}", code="ZB-1", secret="never sent"),
        "plain": EbidError("Bad input {n}", n=3),
    }
    for name, exc in raising.items():
        app.add_api_route(f"/{name}", _raiser(exc))
    return TestClient(app)


def _raiser(exc: Exception):
    def route():
        raise exc
    return route


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("licence", 409, "too_many_managers"),
        ("certificate", 401, "bad_signature"),
        ("window", 403, "expired"),
        ("seal", DEFAULT_REFUSAL, "missing_seal_authorisation"),
        ("api", 404, "unknown_project"),
        ("plain", 400, "invalid_input"),
    ],
)
def test_each_refusal_answers_its_code_template_and_params(path, status, code):
    response = _app().get(f"/{path}")
    body = response.json()
    assert (response.status_code, body["error"]) == (status, code)
    assert set(body) == {"error", "message", "template", "params"}
    assert body["template"].format(**body["params"]) == body["message"]
    assert "secret" not in body["params"]  # only what the template shows leaves the service


def test_the_client_rebuilds_the_servers_error():
    response = _app().get("/seal")
    with pytest.raises(ServiceError) as caught:
        _raise_for(httpx.Response(response.status_code, json=response.json()))
    error = caught.value
    assert isinstance(error, Refused) and error.code == "missing_seal_authorisation"
    assert error.status == DEFAULT_REFUSAL
    assert error.template == "{name} holds no authorisation for seal {id}"
    assert error.params == {"name": "张三", "id": "ES-1"}
    assert str(error) == error.message == "张三 holds no authorisation for seal ES-1"


def test_an_older_server_without_a_template_still_reads():
    with pytest.raises(ServiceError) as caught:
        _raise_for(httpx.Response(409, json={"error": "too_many_managers", "message": "Too many"}))
    assert (caught.value.template, caught.value.params) == ("{message}", {"message": "Too many"})
    assert str(caught.value) == "Too many" and caught.value.exit_code == 1


def test_the_real_service_sends_the_template(client):
    with pytest.raises(ServiceError) as caught:
        client.get("/platform/projects/NO-SUCH-PROJECT")
    error = caught.value
    assert (error.status, error.code, error.template) == (404, "unknown_project", "No project {code}")
    assert error.params == {"code": "NO-SUCH-PROJECT"} and error.message == "No project NO-SUCH-PROJECT"
