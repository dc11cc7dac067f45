"""The application factory: one FastAPI app per service context."""

from __future__ import annotations

from fastapi import FastAPI

from .. import __version__
from . import errors
from .authority import routes as routes_authority
from .context import ServiceContext
from .platform import routes as routes_platform
from .platform.tasks import routes as routes_tasks
from .platform.web import routes as routes_web
from .seal_office import review_routes as routes_review
from .seal_office import routes as routes_seal

DESCRIPTION = (
    "Reference registration authority and e-bidding platform of EBid Desk (DEMO service). "
    "Requests acting for a licence holder are signed with the licence key: "
    "see docs/protocols/request-signing.md."
)


def create_app(ctx: ServiceContext) -> FastAPI:
    app = FastAPI(title="EBid Desk reference service", version=__version__, description=DESCRIPTION)
    app.state.ctx = ctx
    errors.install(app)
    app.include_router(routes_authority.router)
    app.include_router(routes_platform.router)
    app.include_router(routes_tasks.router)
    app.include_router(routes_web.router)
    app.include_router(routes_seal.router)
    app.include_router(routes_review.router)

    @app.get("/health", tags=["service"])
    def health() -> dict:
        return {"status": "ok", "time": ctx.now().isoformat()}

    return app
