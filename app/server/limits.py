"""Bounds on what a client may make the service read (docs/service.md "Limits"): every request
body has a cap — a few KiB for JSON and forms, the declared caps for the two uploads — enforced
before and while the body is read, and a body that stops arriving is dropped.

A pure ASGI middleware, outside every route: a body over its cap is refused with 413 as soon as
its ``Content-Length`` says so, or as soon as the bytes read pass the cap (chunked bodies); a body
whose next chunk does not arrive within ``idle`` seconds (``Settings.body_idle_seconds``) gets 408. Nothing of either is
kept. Routes that stream (uploads) still check their own exact caps; this is the floor for all.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable

from ..core.errors import EbidError
from .errors import BodyRefused, problem

MAX_JSON_BODY = 64 << 10  # the largest JSON the API takes (a licence request with its proof) is ~4 KiB
# A sign task's answer carries an SES_Signature in base64, and the signature carries its seal,
# whose imprint PNG may be up to 4 MiB (seal_office/imprints.py; core.qrtask.sign's cap):
# ~5.7 MiB of base64; the task-response route alone takes this much JSON.
MAX_TASK_RESPONSE_BODY = 6 << 20
# A document handed to the platform's signing page (/platform/sign) to be sealed: kept in the
# database with its task, so capped well below the bid uploads; the form adds its multipart
# framing and the CSRF field.
MAX_SIGN_FILE = 16 << 20
MAX_SIGN_FORM = MAX_SIGN_FILE + (16 << 10)
BACKSTOP_SLACK = 1 << 20  # above a route's own cap, so the route's own refusal is the one given

Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]


def _too_large(cap: int) -> BodyRefused:
    return BodyRefused(413, "body_too_large",
                       EbidError("The request body is larger than this service accepts here ({n} bytes)", n=cap))


def _too_slow(idle: float) -> BodyRefused:
    return BodyRefused(408, "body_timeout",
                       EbidError("The request body stopped arriving for {s} seconds", s=f"{idle:g}"))


class BodyLimits:
    """``caps``: (method, path pattern, cap or a callable giving it) for the routes that take more
    than :data:`MAX_JSON_BODY` — the uploads, which refuse a declared size over their own cap
    themselves (in their own words) and are only counted here; every other request gets
    :data:`MAX_JSON_BODY`, its declared size checked before a byte is read."""

    def __init__(self, app, caps: list[tuple[str, str, int | Callable[[], int]]], *, idle: float,
                 json_caps: list[tuple[str, str, int]] = ()) -> None:
        self.app = app
        self.caps = [(method, re.compile(pattern), cap) for method, pattern, cap in caps]
        # Routes that take more JSON than MAX_JSON_BODY but check no size themselves: treated
        # like every other route (declared size refused before a byte is read), with their cap.
        self.json_caps = [(method, re.compile(pattern), cap) for method, pattern, cap in json_caps]
        self.idle = idle

    def cap_for(self, method: str, path: str) -> tuple[int, bool]:
        """(the cap, whether the route checks its own declared size first)."""
        for m, pattern, cap in self.caps:
            if m == method and pattern.fullmatch(path):
                return (cap() if callable(cap) else cap), True
        for m, pattern, cap in self.json_caps:
            if m == method and pattern.fullmatch(path):
                return cap, False
        return MAX_JSON_BODY, False

    async def __call__(self, scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap, own_check = self.cap_for(scope["method"], scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if not own_check and declared is not None and declared.isdigit() and int(declared) > cap:
            await _refuse(send, _too_large(cap))  # before reading a byte of it
            return
        started = complete = False
        read = 0

        async def bounded_receive() -> dict:
            nonlocal read, complete
            if complete:  # after the body only a disconnect can come, whenever it comes
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), self.idle)
            except TimeoutError:
                raise _too_slow(self.idle) from None
            if message["type"] == "http.request":
                read += len(message.get("body", b""))
                if read > cap:
                    raise _too_large(cap)
                complete = not message.get("more_body", False)
            return message

        async def watched_send(message: dict) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:  # a refusal raised where no handler answers it (outside FastAPI's routes)
            await self.app(scope, bounded_receive, watched_send)
        except BodyRefused as refused:
            if started:  # the route answered and kept reading (cannot happen today): just stop
                return
            await _refuse(send, refused)


async def _refuse(send: Send, refused: BodyRefused) -> None:
    body = json.dumps(problem(refused.code, refused.error), ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": refused.status_code,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
