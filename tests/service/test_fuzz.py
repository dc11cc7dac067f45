"""Property-based fuzzing of the published OpenAPI schema (schemathesis + hypothesis): every
operation, with generated (mostly invalid) input, unsigned and signed by a real licence. No
answer may be a 500, and nothing half-stored may remain afterwards."""

from __future__ import annotations

import json

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from sqlalchemy import func, select

from app.core import gm
from app.core.pki import Certificate
from app.server.authority.models import AuthorisationRow, LicenceRow, ManagerRow, PersonRow
from app.server.platform.models import SubmissionRow

pytestmark = pytest.mark.slow
EXAMPLES = 12  # per operation and mode: bounded so both databases fit in the suite's budget


def _send(client, holder, case) -> httpx.Response:
    """The generated request, signed with ``holder``'s licence when one is given."""
    params = case.query or None
    body = case.body if not _is_unset(case.body) else None
    if holder is None:
        request = client.http.build_request(case.method, case.formatted_path, params=params,
                                            json=body if isinstance(body, (dict, list)) else None)
    elif isinstance(body, (bytes, str)):
        content = body.encode() if isinstance(body, str) else body
        request = holder._signed(case.method, case.formatted_path, params=params, content=content,
                                 content_sm3=gm.sm3(content).hex())
    else:
        request = holder._signed(case.method, case.formatted_path, params=params, json_body=body)
    return client.http.send(request)


def _is_unset(value) -> bool:
    return type(value).__name__ == "NotSet"


def test_no_server_errors_and_no_half_stored_records(service, client, legal_rep):
    schema = schemathesis.openapi.from_url(service.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:
        for holder in (None, legal_rep):
            _fuzz(operation, client, holder)
    _check_consistent(service)


def _fuzz(operation, client, holder) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case):
        response = _send(client, holder, case)
        assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"
        if response.status_code >= 400 and response.headers.get("content-type", "").startswith("application/json"):
            assert "error" in response.json() or "detail" in response.json()

    run()


def _check_consistent(service) -> None:
    with service.ctx.session() as s:
        for count in s.execute(select(func.count()).select_from(ManagerRow).group_by(ManagerRow.credit_code)):
            assert count[0] <= 5
        persons = set(s.scalars(select(PersonRow.person_id)))
        assert set(s.scalars(select(ManagerRow.person_id))) <= persons
        assert set(s.scalars(select(AuthorisationRow.agent_person_id))) <= persons
        for der in s.scalars(select(LicenceRow.certificate)):
            Certificate.load(der)
        for row in s.scalars(select(SubmissionRow)):
            assert (service.ctx.settings.bids_dir / f"{row.submission_id}.bidx").exists()
            json.loads(row.receipt)
    assert list(service.ctx.settings.incoming_dir.iterdir()) == []
