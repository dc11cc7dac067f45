"""The application factory: one FastAPI app per service context."""

from __future__ import annotations

from fastapi import FastAPI

from .. import __version__
from . import errors
from .audit import routes as routes_audit
from .authority import routes as routes_authority
from .authority import tsa as routes_tsa
from .context import ServiceContext
from .limits import BACKSTOP_SLACK, MAX_SIGN_FORM, MAX_TASK_RESPONSE_BODY, BodyLimits
from .mailbox import routes as routes_mailbox
from .platform import routes as routes_platform
from .platform.tasks import routes as routes_tasks
from .platform.web import opening as routes_opening
from .platform.web import routes as routes_web
from .platform.web import sign as routes_sign
from .platform.web import upload as routes_upload
from .seal_office import review_routes as routes_review
from .seal_office import routes as routes_seal
from .seal_office.imprints import MAX_IMPRINT_BYTES

DESCRIPTION = (
    "Reference registration authority and e-bidding platform of EBid Desk (DEMO service). "
    "Requests acting for a licence holder are signed with the licence key: "
    "see docs/protocols/request-signing.md."
)


def create_app(ctx: ServiceContext) -> FastAPI:
    app = FastAPI(title="EBid Desk reference service", version=__version__, description=DESCRIPTION)
    app.state.ctx = ctx
    errors.install(app)
    # The two uploads check their own caps with their own words (file_too_large, imprint_too_large);
    # the middleware is their backstop, a little above, and the floor of every other route.
    app.add_middleware(BodyLimits, caps=[
        ("POST", r"/platform/projects/[^/]+/sections/[^/]+/bids",
         lambda: ctx.settings.max_upload_bytes + BACKSTOP_SLACK),
        ("POST", r"/seal-office/enterprises/[^/]+/imprints", MAX_IMPRINT_BYTES + BACKSTOP_SLACK),
        ("POST", r"/platform/sign", MAX_SIGN_FORM + BACKSTOP_SLACK),  # the signing page's upload
    ], json_caps=[
        ("POST", r"/platform/tasks/[^/]+/response", MAX_TASK_RESPONSE_BODY),  # a sign task's SES_Signature
        ("POST", r"/authority/tsa", routes_tsa.MAX_QUERY_BYTES),  # a TimeStampReq is ~60 bytes: a small cap
    ], idle=ctx.settings.body_idle_seconds)
    app.include_router(routes_authority.router)
    app.include_router(routes_tsa.router)
    app.include_router(routes_platform.router)
    app.include_router(routes_tasks.router)
    app.include_router(routes_web.router)
    app.include_router(routes_sign.router)
    app.include_router(routes_opening.router)
    app.include_router(routes_upload.router)
    app.include_router(routes_seal.router)
    app.include_router(routes_review.router)
    app.include_router(routes_mailbox.router)
    app.include_router(routes_audit.router)

    @app.get("/health", tags=["service"])
    def health() -> dict:
        return {"status": "ok", "time": ctx.now().isoformat()}

    return app
