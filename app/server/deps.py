"""FastAPI dependencies: the service context and the authenticated holder."""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from ..core import gm
from .auth import Holder, authenticate, signed_parts
from .context import ServiceContext
from .errors import ApiError


def get_ctx(request: Request) -> ServiceContext:
    return request.app.state.ctx


def request_target(request: Request) -> str:
    """Path and query exactly as the client sent them (what the client signed)."""
    raw = request.scope.get("raw_path") or request.scope["path"].encode("utf-8")
    query = request.scope.get("query_string") or b""
    target = raw.decode("latin-1")
    return f"{target}?{query.decode('latin-1')}" if query else target


async def holder(request: Request) -> Holder:
    """A signed JSON request: headers and signature first (they carry the body's signed SM3), so
    a stranger's body is not read for a route that takes none; then the (small, capped) body
    is digested and compared. A route with a JSON body has it read by FastAPI before this runs,
    which app/server/limits.py bounds."""
    parts = signed_parts(request.method, request_target(request), request.headers)
    who = await run_in_threadpool(authenticate, get_ctx(request), parts, request.headers, None)
    if gm.sm3(await request.body()).hex() != parts.content_sm3:
        raise ApiError("content_mismatch", "The body does not match the signed digest")
    return who
