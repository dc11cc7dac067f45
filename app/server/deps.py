"""FastAPI dependencies: the service context and the authenticated holder."""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from ..core import gm
from .auth import Holder, authenticate, signed_parts
from .context import ServiceContext


def get_ctx(request: Request) -> ServiceContext:
    return request.app.state.ctx


def request_target(request: Request) -> str:
    """Path and query exactly as the client sent them (what the client signed)."""
    raw = request.scope.get("raw_path") or request.scope["path"].encode("utf-8")
    query = request.scope.get("query_string") or b""
    target = raw.decode("latin-1")
    return f"{target}?{query.decode('latin-1')}" if query else target


async def holder(request: Request) -> Holder:
    """A signed JSON request: the whole (small) body is digested and compared."""
    parts = signed_parts(request.method, request_target(request), request.headers)
    digest = gm.sm3(await request.body()).hex()
    return await run_in_threadpool(
        authenticate, get_ctx(request), parts, request.headers, digest
    )
