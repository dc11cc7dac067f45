"""Running the service inside this process: uvicorn in a background thread on 127.0.0.1.

The desktop app and the CLI call :func:`start_embedded` when no server is configured, then talk
to ``service.url`` through the same HTTP client as for a remote server. Tests use it too (with a
temporary home and a ManualClock)."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass
from datetime import timedelta

import uvicorn

from ..core.errors import EbidError
from .app import create_app
from .context import ServiceContext
from .provision import ProjectSpec, add_project, init_service
from .settings import Settings

STARTUP_TIMEOUT = 30.0
DEMO_PROJECT = "DEMO-ZB-001"


@dataclass
class RunningService:
    url: str
    ctx: ServiceContext
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.ctx.close()

    def __enter__(self) -> RunningService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_in_thread(ctx: ServiceContext, *, host: str = "127.0.0.1", port: int = 0) -> RunningService:
    """Serve ``ctx`` on ``host:port`` (0: a free port) in a daemon thread; return once listening."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    config = uvicorn.Config(create_app(ctx), log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="ebid-service", daemon=True
    )
    thread.start()
    # Polling a flag uvicorn sets is the only readiness signal it offers; bounded.
    for _ in range(int(STARTUP_TIMEOUT / 0.01)):
        if server.started or not thread.is_alive():
            break
        threading.Event().wait(0.01)
    if not server.started:
        sock.close()
        raise EbidError("The embedded service did not start")
    bound_host, bound_port = sock.getsockname()[:2]
    return RunningService(f"http://{bound_host}:{bound_port}", ctx, server, thread)


def start_embedded(settings: Settings | None = None) -> RunningService:
    """The embedded default: ``data_dir()/service``, SQLite, DEMO data and a DEMO project."""
    settings = settings or Settings.default()
    ctx = init_service(settings, demo=True)
    ensure_demo_project(ctx)
    return serve_in_thread(ctx)


def ensure_demo_project(ctx: ServiceContext) -> None:
    """A DEMO project open for bids for a week from first start, so every flow can be tried."""
    with ctx.unit() as u:
        if u.platform.repo.get_project(DEMO_PROJECT) is not None:
            return
    now = ctx.now()
    add_project(
        ctx,
        ProjectSpec(
            DEMO_PROJECT, "演示项目：办公楼改造工程（DEMO）", "演示招标人有限公司（DEMO）",
            ("1", "2"), now + timedelta(days=7), now + timedelta(days=7, hours=1),
        ),
    )


__all__ = ["RunningService", "serve_in_thread", "start_embedded", "ensure_demo_project"]
