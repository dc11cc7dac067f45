"""Every request body is bounded (app/server/limits.py), measured on the standalone service as a
separate process: oversized declared bodies, never-ending chunked ones and bodies that stop
arriving are refused with 413 / 408 while the process's memory stays flat (its peak, VmHWM)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from tests.support import ROOT

pytestmark = pytest.mark.slow
MIB = 1 << 20
IDLE = 2.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def standalone(tmp_path_factory):
    """``ebid service init`` then ``ebid service run`` in its own process: (port, pid)."""
    home = tmp_path_factory.mktemp("service")
    env = dict(os.environ, EBID_SERVICE_BODY_IDLE=str(IDLE), EBID_HOME=str(home / "data"))
    cli = [sys.executable, "-m", "app.cli.main", "service"]
    subprocess.run([*cli, "init", "--home", str(home)], cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen([*cli, "run", "--home", str(home), "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield port, server.pid
    server.terminate()
    server.wait(30)


def _peak_rss(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))


def _status(answer: bytes) -> tuple[int, dict]:
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, json.loads(body) if body.strip() else {}


def _read_answer(sock: socket.socket, timeout: float = 30) -> bytes:
    sock.settimeout(timeout)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep and b"content-length:" in head.lower():
                length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
                if len(body) >= length:
                    break
    except (ConnectionResetError, TimeoutError):
        pass
    return data


def _request(port: int, method: str, path: str, headers: dict[str, str]) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port))
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", *(f"{k}: {v}" for k, v in headers.items())]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    return sock


def _send_until_answered(sock: socket.socket, total: int, chunked: bool) -> int:
    """Send up to ``total`` bytes of body; how many went before the service answered or closed."""
    block = os.urandom(MIB)
    sent = 0
    sock.settimeout(5)
    try:
        while sent < total:
            sock.sendall(f"{len(block):x}\r\n".encode() + block + b"\r\n" if chunked else block)
            sent += len(block)
    except (BrokenPipeError, ConnectionResetError, TimeoutError):
        pass
    return sent


def test_a_declared_gigabyte_is_refused_before_a_byte_is_read(standalone):
    port, pid = standalone
    before = _peak_rss(pid)
    for path in ("/authority/licences", "/platform/keys", "/platform/tasks/login"):
        sock = _request(port, "POST", path, {"Content-Type": "application/json",
                                             "Content-Length": str(1 << 30)})
        status, body = _status(_read_answer(sock))
        sock.close()
        assert (status, body["error"]) == (413, "body_too_large"), path
    assert _peak_rss(pid) - before < 16 * MIB


FAKE_SIGNED = {  # a signed request's headers with a serial nobody was issued
    "X-EBid-Serial": "7" * 32, "X-EBid-Timestamp": "2026-12-01T08:00:00Z", "X-EBid-Nonce": "A" * 22,
    "X-EBid-Content-SM3": "0" * 64, "X-EBid-Signature": "AAAA",
}


def test_never_ending_bodies_stop_at_the_cap_and_memory_stays_flat(standalone):
    port, pid = standalone
    before = _peak_rss(pid)
    cases = [("POST", "/authority/licences", {}, (413, "body_too_large")),
             ("POST", "/platform/keys", FAKE_SIGNED, (413, "body_too_large")),  # JSON read first
             ("GET", "/platform/submissions", FAKE_SIGNED, (401, None))]  # refused on its headers
    for method, path, extra, expected in cases:
        for _ in range(3):
            sock = _request(port, method, path, {"Content-Type": "application/json",
                                                 "Transfer-Encoding": "chunked", **extra})
            sent = _send_until_answered(sock, 300 * MIB, chunked=True)
            status, body = _status(_read_answer(sock))
            sock.close()
            assert status == expected[0], (path, sent, body)
            assert expected[1] is None or body["error"] == expected[1]
    # 2.7 GB were offered; the service read at most its cap of each before answering
    assert _peak_rss(pid) - before < 32 * MIB


def test_a_body_that_stops_arriving_gets_408(standalone):
    port, _ = standalone
    sock = _request(port, "POST", "/authority/licences", {"Content-Type": "application/json",
                                                          "Content-Length": "100"})
    sock.sendall(b'{"partial": ')
    started = time.monotonic()
    status, body = _status(_read_answer(sock, timeout=IDLE * 10))
    sock.close()
    assert (status, body["error"]) == (408, "body_timeout")
    assert IDLE * 0.9 <= time.monotonic() - started < IDLE * 10


def test_small_requests_still_work(standalone):
    port, _ = standalone
    sock = _request(port, "GET", "/health", {})
    status, body = _status(_read_answer(sock))
    sock.close()
    assert status == 200 and body["status"] == "ok"
