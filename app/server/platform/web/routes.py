"""The platform's login web page and the logged-in home page (docs/protocols/qr-tasks.md §10).

GET  /platform/login            a new login task as a QR (PNG data URI); sets the pre-login cookie
GET  /platform/login/login.js   the page's script (same origin; nothing inline)
GET  /platform/login/state      JSON {state, expires_in} of the page's task (pre-login cookie)
POST /platform/login/renew      a new task for the page (CSRF header): JSON {state, expires_in, qr}
POST /platform/login/finish     confirmed task -> session cookie, 303 to the home page (CSRF form)
GET  /platform/home             the enterprise, person, projects and submissions (session cookie)
POST /platform/logout           (CSRF form) ends the session

Both cookies are HttpOnly, SameSite=Strict, Path=/platform, Secure when the request is https
(:mod:`.sessions`). Outcomes come back as a redirect with a fixed message code. The JSON of
``state``/``renew`` is the page's own (read only by :mod:`.script`), not part of the API: the
routes are left out of ``/openapi.json`` like the review page's.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ...context import ServiceContext
from ...deps import get_ctx
from ...forms import read_form
from ..tasks.models import TaskRow
from . import html, sessions
from .script import SCRIPT
from .sessions import COOKIE_PATH, PAGE_COOKIE, SESSION_COOKIE

router = APIRouter(prefix="/platform", include_in_schema=False)
BASE_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; img-src data:; script-src 'self'; "
    "connect-src 'self'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    **BASE_HEADERS,
}
LOGIN, HOME = f"{COOKIE_PATH}/login", f"{COOKIE_PATH}/home"
MAX_FORM = 4 << 10


async def form(request: Request) -> dict[str, str]:
    return await read_form(request, MAX_FORM)


def _html(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers=HEADERS)


def _json(body: dict, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=HEADERS)


def _redirect(to: str, note: str = "") -> RedirectResponse:
    target = f"{to}?note={note}" if note in html.NOTES else to
    return RedirectResponse(target, status_code=303, headers=HEADERS)


def _set_cookie(response: Response, request: Request, name: str, value: str, seconds: int) -> None:
    response.set_cookie(name, value, max_age=seconds, path=COOKIE_PATH, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")


def _delete_cookie(response: Response, request: Request, name: str) -> None:
    response.delete_cookie(name, path=COOKIE_PATH, httponly=True, samesite="strict",
                           secure=request.url.scheme == "https")


def _base_url(request: Request) -> str:
    """The platform's base URL as the task URI has it (lower-case scheme and host, qr-tasks.md §2)."""
    url = request.base_url
    return str(url.replace(scheme=url.scheme.lower(), hostname=(url.hostname or "").lower())).rstrip("/")


def _requester(request: Request) -> dict:
    return {"base_url": _base_url(request),
            "address": request.client.host if request.client else "",
            "user_agent": request.headers.get("user-agent", "")}


def _seconds_left(ctx: ServiceContext, task: TaskRow) -> int:
    return max(0, int((task.expires_at - ctx.now()).total_seconds()))


def _platform_name(task: TaskRow) -> str:
    return json.loads(task.document)["platform"]["name"]


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, ctx: ServiceContext = Depends(get_ctx)):
    made = await run_in_threadpool(
        sessions.new_page, ctx, request.cookies.get(PAGE_COOKIE), **_requester(request)
    )
    text = await run_in_threadpool(
        html.login_page, platform_name=_platform_name(made.task), uri=made.uri, csrf=made.csrf,
        seconds=_seconds_left(ctx, made.task), note=request.query_params.get("note", ""),
    )
    response = _html(text)
    _set_cookie(response, request, PAGE_COOKIE, made.cookie,
                int(sessions.PAGE_LIFETIME.total_seconds()))
    return response


@router.get("/t/{task_id}", response_class=HTMLResponse)
def task_landing(task_id: str):
    """The task URI opened in a browser (a phone camera that is not a licence app): what to do.
    The same page for every id, known or not, so it tells a guesser nothing."""
    return _html(html.scanned_elsewhere_page())


@router.get("/login/login.js")
def login_script():
    return Response(SCRIPT, media_type="text/javascript; charset=utf-8",
                    headers={**BASE_HEADERS, "Cache-Control": "no-cache"})


@router.get("/login/state")
def login_state(request: Request, ctx: ServiceContext = Depends(get_ctx)):
    task = sessions.page_state(ctx, request.cookies.get(PAGE_COOKIE))
    if task is None:
        return _json({"error": "no_login_page"}, 401)
    return _json({"state": task.state, "expires_in": _seconds_left(ctx, task)})


@router.post("/login/renew")
async def login_renew(request: Request, ctx: ServiceContext = Depends(get_ctx)):
    made = await run_in_threadpool(
        sessions.new_page, ctx, request.cookies.get(PAGE_COOKIE), **_requester(request),
        csrf=request.headers.get("x-csrf-token", ""),
    )
    if made is None:
        return _json({"error": "no_login_page"}, 401)
    qr = await run_in_threadpool(html.qr_data_uri, made.uri)
    response = _json({"state": made.task.state, "expires_in": _seconds_left(ctx, made.task), "qr": qr})
    _set_cookie(response, request, PAGE_COOKIE, made.cookie,
                int(sessions.PAGE_LIFETIME.total_seconds()))
    return response


@router.post("/login/finish")
def login_finish(request: Request, fields: dict = Depends(form),
                 ctx: ServiceContext = Depends(get_ctx)):
    opened = sessions.claim(ctx, request.cookies.get(PAGE_COOKIE), fields.get("csrf"))
    if opened is None:
        return _redirect(LOGIN, "login_failed")
    response = _redirect(HOME)
    _delete_cookie(response, request, PAGE_COOKIE)
    _set_cookie(response, request, SESSION_COOKIE, opened.cookie, opened.seconds)
    return response


@router.get("/home", response_class=HTMLResponse)
def home(request: Request, ctx: ServiceContext = Depends(get_ctx)):
    session = sessions.session_for(ctx, request.cookies.get(SESSION_COOKIE))
    if session is None:
        note = "session_ended" if request.cookies.get(SESSION_COOKIE) else ""
        return _redirect(LOGIN, note)
    with ctx.unit() as u:
        projects = u.platform.projects()
        submissions = u.platform.repo.submissions_of(session.credit_code)
    return _html(html.home_page(session, projects, submissions))


@router.post("/logout")
def logout(request: Request, fields: dict = Depends(form), ctx: ServiceContext = Depends(get_ctx)):
    cookie = request.cookies.get(SESSION_COOKIE)
    session = sessions.session_for(ctx, cookie)
    if session is None:
        return _redirect(LOGIN)
    if not session.csrf_ok(fields.get("csrf")):
        return _html(html.refused_page("表单已过期，未退出登录，请返回后重试。", HOME, "返回首页"), 403)
    sessions.close_session(ctx, cookie)
    response = _redirect(LOGIN, "logged_out")
    _delete_cookie(response, request, SESSION_COOKIE)
    return response
