"""The review page (server-rendered HTML, no scripts) for seal-office reviewers.

GET  /seal-office/review                        the queue (401 with a sign-in form when signed out)
POST /seal-office/review/login                  token -> session cookie
POST /seal-office/review/logout                 (CSRF)
GET  /seal-office/review/imprints/{id}/image.png
POST /seal-office/review/imprints/{id}/approve  (CSRF)
POST /seal-office/review/imprints/{id}/reject   (CSRF, reason)

Every POST but the sign-in must carry the session's CSRF token; the cookie is SameSite=Strict
as a second line. Outcomes come back as a redirect to the queue with a fixed message code, so no
text from a link is ever shown to the reviewer.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..context import ServiceContext
from ..deps import get_ctx
from ..errors import ApiError
from ..forms import read_form
from . import records as seal_office
from . import review_auth, review_html
from .keys import load_office_keys
from .review_html import BASE

router = APIRouter(prefix="/seal-office/review", include_in_schema=False)
COOKIE = "ebid_review"
MAX_FORM = 16 << 10
ImprintId = Path(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9-]+$")
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
NOTES = {
    "approved": "Imprint {id} approved: the seal was made.",
    "rejected": "Imprint {id} rejected.",
    "not_pending": "Imprint {id} was already reviewed.",
    "reason_required": "A rejection needs a reason.",
    "unknown_imprint": "No imprint {id}.",
    "no_holder_licence": "Imprint {id}: the enterprise has no usable licence to list in the seal.",
    "bad_csrf": "The form had expired: try again.",
}


async def form(request: Request) -> dict[str, str]:
    return await read_form(request, MAX_FORM)


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers=HEADERS)


def _back(note: str = "", imprint_id: str = "") -> RedirectResponse:
    query = "?" + urlencode({"note": note, "id": imprint_id}) if note else ""
    return RedirectResponse(f"{BASE}{query}", status_code=303, headers=HEADERS)


def _signed_out() -> HTMLResponse:
    return _html(review_html.login_page("Sign in with a reviewer token."), 401)


@router.get("", response_class=HTMLResponse)
def queue(request: Request, ctx: ServiceContext = Depends(get_ctx)):
    session = review_auth.session_for(ctx, request.cookies.get(COOKIE))
    if session is None:
        return _signed_out()
    code, iid = request.query_params.get("note", ""), request.query_params.get("id", "")[:40]
    with ctx.unit() as u:
        # A link names a note and an id; the id is shown only if it is a real imprint, so no
        # text from a link reaches the reviewer ("imprint <anything> approved").
        known = bool(iid) and u.seal_office.repo.get_imprint(iid) is not None
        note = NOTES[code].format(id=iid) if code in NOTES and (known or "{id}" not in NOTES[code]) else ""
        rows = seal_office.pending(u.seal_office)
        names = {e.credit_code: e.name for e in u.authority.repo.list_enterprises()}
        recent = u.seal_office.repo.recently_reviewed(20)
    return _html(review_html.queue_page(session.reviewer, session.csrf, rows, names, recent, note))


@router.post("/login")
def login(fields: dict = Depends(form), ctx: ServiceContext = Depends(get_ctx)):
    cookie = review_auth.open_session(ctx, fields.get("token", ""))
    if cookie is None:
        return _html(review_html.login_page("That reviewer token is not valid."), 401)
    response = _back()
    response.set_cookie(
        COOKIE,
        cookie,
        max_age=int(review_auth.SESSION_LIFETIME.total_seconds()),
        path=BASE,
        httponly=True,
        samesite="strict",
    )
    return response


@router.post("/logout")
def logout(request: Request, fields: dict = Depends(form), ctx: ServiceContext = Depends(get_ctx)):
    session = review_auth.session_for(ctx, request.cookies.get(COOKIE))
    if session is None or not session.csrf_ok(fields.get("csrf")):
        return _signed_out()
    review_auth.close_session(ctx, request.cookies.get(COOKIE))
    response = _html(review_html.login_page("Signed out."))
    response.delete_cookie(COOKIE, path=BASE)
    return response


@router.get("/imprints/{imprint_id}/image.png")
def image(request: Request, imprint_id: str = ImprintId, ctx: ServiceContext = Depends(get_ctx)):
    if review_auth.session_for(ctx, request.cookies.get(COOKIE)) is None:
        return Response(status_code=401, headers=HEADERS)
    with ctx.unit() as u:
        row = u.seal_office.repo.get_imprint(imprint_id)
    if row is None:
        return Response(status_code=404, headers=HEADERS)
    return Response(row.png, media_type="image/png", headers=HEADERS)


@router.post("/imprints/{imprint_id}/approve")
def approve(
    request: Request,
    imprint_id: str = ImprintId,
    fields: dict = Depends(form),
    ctx: ServiceContext = Depends(get_ctx),
):
    return _decide(request, ctx, imprint_id, fields, "approved")


@router.post("/imprints/{imprint_id}/reject")
def reject(
    request: Request,
    imprint_id: str = ImprintId,
    fields: dict = Depends(form),
    ctx: ServiceContext = Depends(get_ctx),
):
    return _decide(request, ctx, imprint_id, fields, "rejected")


def _decide(request: Request, ctx: ServiceContext, imprint_id: str, fields: dict, outcome: str):
    session = review_auth.session_for(ctx, request.cookies.get(COOKIE))
    if session is None:
        return _signed_out()
    if not session.csrf_ok(fields.get("csrf")):
        return _back("bad_csrf")
    reviewer = f"{session.reviewer} (review page)"
    try:
        with ctx.unit() as u:
            if outcome == "approved":
                keys = load_office_keys(ctx.settings.keys_dir)
                seal_office.approve(u.seal_office, imprint_id, reviewer=reviewer, keys=keys)
            else:
                seal_office.reject(
                    u.seal_office, imprint_id, reviewer=reviewer, reason=fields.get("reason", "")
                )
    except ApiError as exc:
        return _back(exc.code if exc.code in NOTES else "", imprint_id)
    return _back(outcome, imprint_id)
