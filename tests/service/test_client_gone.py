"""A bidder whose connection drops in the middle of an upload: the service removes the partial
file and notes it in one line, without a traceback in its log."""

from __future__ import annotations

import base64
import logging
import socket
import time

from app.core.client.client import _file_sm3

from .conftest import PROJECT


def test_a_client_gone_mid_upload_leaves_no_file_and_no_traceback(service, legal_rep, bid_file, caplog):
    container, signature = bid_file(legal_rep, size=2_000_000)
    params = {"name": container.name,
              "signature": base64.urlsafe_b64encode(signature).decode().rstrip("=")}
    request = legal_rep._signed("POST", f"/platform/projects/{PROJECT}/sections/1/bids",
                                params=params, content=b"", content_sm3=_file_sm3(container))
    size = container.stat().st_size
    head = [f"POST {request.url.raw_path.decode()} HTTP/1.1", f"Host: {request.url.netloc.decode()}",
            f"Content-Length: {size}", "Content-Type: application/octet-stream"]
    head += [f"{k}: {v}" for k, v in request.headers.items()
             if k.lower() not in ("host", "content-length", "content-type")]
    uploads = service.ctx.settings.home / "bids"
    caplog.set_level(logging.INFO)
    with socket.create_connection((request.url.host, request.url.port)) as sock:
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        sock.sendall(container.read_bytes()[: size // 2])
        deadline = time.monotonic() + 30
        while not list(uploads.rglob("*.part")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(uploads.rglob("*.part")), "the upload never started"
    deadline = time.monotonic() + 30
    while list(uploads.rglob("*.part")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(uploads.rglob("*.part")) == []
    time.sleep(0.5)  # the handler's log line comes after the file is gone
    tracebacks = [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]
    assert tracebacks == []
    assert any("went away" in r.getMessage() for r in caplog.records)
