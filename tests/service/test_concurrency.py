"""Concurrent requests against the real service (threads, one HTTP connection each): the
database, not the process, decides replays and the manager limit."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx

from app.server.repository import claim_nonce

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
        httpx.Request(request.method, request.url, headers=request.headers)
        for _ in range(THREADS)
    ]
    answers = [(r.status_code, r.json().get("error") if r.status_code != 200 else None)
               for r in _fire(service.url, copies)]
    assert sorted(answers, key=str) == [(200, None)] + [(401, "replayed_request")] * (THREADS - 1)


def test_a_refused_action_still_uses_its_nonce(service, client, legal_rep, demo):
    enterprise, rep, _ = demo
    body = {"name": rep.name, "id_number": rep.id_number}  # the legal representative: refused
    request = legal_rep._signed("POST", f"/authority/enterprises/{legal_rep.credit_code}/managers",
                                json_body=body)
    first = client.http.send(request)
    assert (first.status_code, first.json()["error"]) == (409, "already_legal_representative")
    again = client.http.send(request)
    assert (again.status_code, again.json()["error"]) == (401, "replayed_request")


def test_expired_nonce_left_by_a_skipped_purge_is_claimable(service):
    expired = T0 - timedelta(minutes=1)
    with service.ctx.session() as s:
        assert claim_nonce(s, "req:1:test-nonce-aaaaaaaa", expired, T0 - timedelta(minutes=10))
    with service.ctx.session() as s:
        assert claim_nonce(s, "req:1:test-nonce-aaaaaaaa", T0 + timedelta(minutes=5), T0, purge=False)
    with service.ctx.session() as s:
        assert not claim_nonce(s, "req:1:test-nonce-aaaaaaaa", T0 + timedelta(minutes=5), T0, purge=False)
