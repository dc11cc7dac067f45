"""Concurrent requests against the real service (threads, one HTTP connection each): the
database, not the process, decides replays and the manager limit."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx

from app.core.licence.codes import id_number_check_digit
from app.core.licence.grants import MAX_MANAGERS
from app.server.models import claim_nonce

from .conftest import T0

THREADS = 8


def _fire(url: str, requests: list[httpx.Request]) -> list[httpx.Response]:
    """Send each request from its own thread and connection, all released together."""
    start = threading.Barrier(len(requests))

    def send(request: httpx.Request) -> httpx.Response:
        with httpx.Client(base_url=url, timeout=60) as http:
            start.wait()
            return http.send(request)

    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(send, requests))


def test_one_signed_request_sent_concurrently_is_accepted_once(service, legal_rep):
    request = legal_rep._signed("GET", f"/authority/enterprises/{legal_rep.credit_code}/managers")
    copies = [
        httpx.Request(request.method, request.url, headers=request.headers) for _ in range(THREADS)
    ]
    answers = [
        (r.status_code, r.json().get("error") if r.status_code != 200 else None)
        for r in _fire(service.url, copies)
    ]
    assert sorted(answers, key=str) == [(200, None)] + [(401, "replayed_request")] * (THREADS - 1)


def test_a_refused_action_still_uses_its_nonce(service, client, legal_rep, demo):
    enterprise, rep, _ = demo
    body = {"name": rep.name, "id_number": rep.id_number}  # the legal representative: refused
    request = legal_rep._signed(
        "POST", f"/authority/enterprises/{legal_rep.credit_code}/managers", json_body=body
    )
    first = client.http.send(request)
    assert (first.status_code, first.json()["error"]) == (409, "already_legal_representative")
    again = client.http.send(request)
    assert (again.status_code, again.json()["error"]) == (401, "replayed_request")


def test_expired_nonce_left_by_a_skipped_purge_is_claimable(service):
    expired = T0 - timedelta(minutes=1)
    with service.ctx.session() as s:
        assert claim_nonce(s, "req:1:test-nonce-aaaaaaaa", expired, T0 - timedelta(minutes=10))
    with service.ctx.session() as s:
        assert claim_nonce(
            s, "req:1:test-nonce-aaaaaaaa", T0 + timedelta(minutes=5), T0, purge=False
        )
    with service.ctx.session() as s:
        assert not claim_nonce(
            s, "req:1:test-nonce-aaaaaaaa", T0 + timedelta(minutes=5), T0, purge=False
        )


def _people(n: int) -> list[dict]:
    """``n`` fictitious persons with valid ID numbers (check digit computed)."""
    found = []
    for i in range(n):
        first17 = f"11010119800101{i:03d}"
        found.append(
            {
                "name": f"并发演示{'甲乙丙丁戊己庚辛壬癸'[i]}",
                "id_number": first17 + id_number_check_digit(first17),
            }
        )
    return found


def test_concurrent_manager_additions_never_exceed_the_limit(service, legal_rep):
    path = f"/authority/enterprises/{legal_rep.credit_code}/managers"
    requests = [legal_rep._signed("POST", path, json_body=p) for p in _people(THREADS + 2)]
    answers = _fire(service.url, requests)
    codes = sorted((r.status_code, r.json().get("error")) for r in answers)
    assert codes == [(201, None)] * MAX_MANAGERS + [(409, "too_many_managers")] * (
        THREADS + 2 - MAX_MANAGERS
    )
    assert len(legal_rep.managers()) == MAX_MANAGERS
