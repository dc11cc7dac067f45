"""The opening hall (开标大厅, docs/protocols/qr-tasks.md §12): for the logged-in enterprise, after a
project's opening time, one decryption QR per submitted bid; the page follows each task by itself
and shows 解密成功 with the plaintext's SM3 (the platform decrypted its stored container with the
file key the holder's device re-wrapped), or why a bid was not decrypted.

GET /platform/projects/{code}/opening        HTML (session cookie; 303 to the login page without)
GET /platform/projects/{code}/opening/state  JSON {"bids": [...]} the page polls (session cookie;
                                             ``?task=<id>`` for each task the page shows)
GET /platform/opening/opening.js             the page's script (same origin; nothing inline)

A reload makes a new task (and QR) for each bid not yet decrypted; a decrypted bid stays shown as
decrypted. The poll tokens stay on the server (in the opening tasks' rows), never in the page.
"""

from __future__ import annotations

import json
from html import escape

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from ...context import ServiceContext
from ...deps import get_ctx
from ..tasks import opening as rules
from . import html, sessions
from .routes import BASE_HEADERS, LOGIN, _html, _json, _redirect, _requester, _seconds_left
from .sessions import SESSION_COOKIE

router = APIRouter(prefix="/platform", include_in_schema=False)
SCRIPT_PATH = "/platform/opening/opening.js"


def _session(ctx: ServiceContext, request: Request):
    return sessions.session_for(ctx, request.cookies.get(SESSION_COOKIE))


def _project(ctx: ServiceContext, code: str):
    with ctx.unit() as u:
        return u.platform.repo.get_project(code)


def _bids(ctx: ServiceContext, credit_code: str, code: str):
    with ctx.unit() as u:
        return [s for s in u.platform.repo.submissions_of(credit_code) if s.project_code == code]


def bid_state(ctx: ServiceContext, task, opening) -> dict:
    """One bid's entry of the state JSON."""
    outcome = json.loads(task.outcome) if task.outcome else {}
    entry = {"submission": opening.submission_id, "task": task.task_id, "state": task.state,
             "expires_in": _seconds_left(ctx, task), "result": outcome.get("result", "")}
    if outcome.get("result") == "decrypted":
        entry.update(plaintext_sm3=outcome["plaintext_sm3"], plaintext_size=outcome["plaintext_size"])
    if outcome.get("reason"):
        entry["reason"] = outcome["reason"]
    return entry


def page_bids(ctx: ServiceContext, request: Request, session, code: str) -> list[tuple]:
    """(submission, task uri or None, state entry) per bid: a new task for each bid that is not
    decrypted yet."""
    decrypted = rules.decrypted_of(ctx, session.credit_code, code)
    shown = []
    for bid in _bids(ctx, session.credit_code, code):
        if bid.submission_id in decrypted:
            shown.append((bid, None, bid_state(ctx, *decrypted[bid.submission_id])))
            continue
        made = rules.create_decrypt(ctx, **_requester(request), credit_code=session.credit_code,
                                    submission_id=bid.submission_id)
        shown.append((bid, made.uri, bid_state(ctx, made.row, made.opening)))
    return shown


@router.get("/projects/{code}/opening", response_class=HTMLResponse)
async def opening_page(code: str, request: Request, ctx: ServiceContext = Depends(get_ctx)):
    session = _session(ctx, request)
    if session is None:
        return _redirect(LOGIN, "session_ended" if request.cookies.get(SESSION_COOKIE) else "")
    project = _project(ctx, code)
    if project is None:
        return _html(html.refused_page("没有该招标项目。", f"{html.BASE}/home", "返回首页"), 404)
    if ctx.now() < project.opening_time:
        return _html(opening_html(session, project, [], opened=False))
    bids = await run_in_threadpool(page_bids, ctx, request, session, code)
    text = await run_in_threadpool(opening_html, session, project, bids, opened=True)
    return _html(text)


@router.get("/projects/{code}/opening/state")
def opening_state(code: str, request: Request, ctx: ServiceContext = Depends(get_ctx)):
    session = _session(ctx, request)
    if session is None:
        return _json({"error": "no_session"}, 401)
    asked = request.query_params.getlist("task")
    followed = rules.page_tasks(ctx, session.credit_code, code, asked)
    return _json({"bids": [bid_state(ctx, task, opening) for task, opening in followed]})


@router.get("/opening/opening.js")
def opening_script():
    return Response(SCRIPT, media_type="text/javascript; charset=utf-8",
                    headers={**BASE_HEADERS, "Cache-Control": "no-cache"})


# -- HTML -------------------------------------------------------------------------------------

def opening_html(session, project, bids: list[tuple], *, opened: bool) -> str:
    head = (
        f'<p>项目：<b id="project">{escape(project.name)}</b>（<span id="project-code">'
        f"{escape(project.code)}</span>）；开标时间 {html._time(project.opening_time)}</p>"
        f'<p>投标人：<b id="enterprise">{escape(session.enterprise_name)}</b></p>'
    )
    if not opened:
        body = head + '<p class="note" id="message" data-state="not_opened">尚未开标：开标时间到后，本页为每份投标文件显示解密二维码。</p>'
        return html.page("电子投标平台 — 开标大厅", body)
    if not bids:
        body = head + '<p class="note" id="message">本企业在该项目没有递交投标文件。</p>'
        return html.page("电子投标平台 — 开标大厅", body)
    cards = "".join(_card(bid, uri, state) for bid, uri, state in bids)
    body = (
        head + f'<div id="bids" data-state-url="{escape(html.BASE)}/projects/{escape(project.code)}/opening/state">'
        f"{cards}</div>"
        "<noscript><p>本页需要启用 JavaScript 才能显示解密结果。</p></noscript>"
        "<p>打开电子投标助手，在“扫码”页扫描投标文件旁的二维码，核对后确认解密。"
        "私钥不离开您的设备，投标文件也不会下载到设备上。</p>"
        f'<script src="{SCRIPT_PATH}" defer></script>'
    )
    return html.page("电子投标平台 — 开标大厅", body)


def _card(bid, uri: str | None, state: dict) -> str:
    sid = escape(bid.submission_id)
    qr = (f'<img class="qr" id="qr-{sid}" alt="解密二维码" src="{html.qr_data_uri(uri)}">'
          if uri is not None else "")
    sm3 = state.get("plaintext_sm3", "")
    return (  # the QR beside the text, so a bid's code fits on a small screen
        f'<div class="qr-card bid" style="display:flex;gap:1em;text-align:left" '
        f'data-submission="{sid}" data-task="{escape(state["task"])}">{qr}<div>'
        f"<p>投标文件：<b>{escape(bid.file_name)}</b></p><p>标段 {escape(bid.section)}，"
        f"{bid.size} 字节</p><p>递交于 {html._time(bid.received_at)}</p><p>回执 {sid}</p>"
        f'<p class="status" id="status-{sid}" data-state="{escape(_shown(state))}">{escape(TEXT[_shown(state)])}</p>'
        f'<p>明文 SM3：<code class="sm3" id="sm3-{sid}" style="word-break:break-all">{escape(sm3)}</code></p>'
        "</div></div>"
    )


def _shown(state: dict) -> str:
    """What the page says for one bid (the same keys as the script's TEXT)."""
    if state.get("result") == "decrypted":
        return "decrypted"
    if state["state"] == "cancelled":
        return "missing_key" if state.get("reason") == "missing_key" else "cancelled"
    return state["state"] if state["state"] in TEXT else "waiting"


TEXT = {
    "waiting": "请使用电子投标助手扫描二维码解密",
    "scanned": "已扫描，请在电子投标助手上确认",
    "confirmed": "已确认，正在解密…",
    "decrypted": "解密成功",
    "missing_key": "未解密：持有人的设备没有该投标文件的解密密钥",
    "cancelled": "未解密：持有人已取消",
    "expired": "二维码已过期，请刷新页面获取新的二维码",
    "gone": "登录已失效，请重新登录",
    "offline": "暂时无法连接平台，正在重试…",
}

SCRIPT = r"""
(function () {
  "use strict";
  var TEXT = %s;
  var bids = document.getElementById("bids");
  if (!bids) { return; }
  var url = bids.dataset.stateUrl + "?" + Array.prototype.map.call(
    document.querySelectorAll(".bid"), function (card) {
      return "task=" + encodeURIComponent(card.dataset.task);
    }).join("&");
  var done = false;
  function shown(b) {
    if (b.result === "decrypted") { return "decrypted"; }
    if (b.state === "cancelled") { return b.reason === "missing_key" ? "missing_key" : "cancelled"; }
    return TEXT[b.state] ? b.state : "waiting";
  }
  function show(b) {
    var status = document.getElementById("status-" + b.submission);
    if (!status) { return; }
    var card = status.closest(".bid");
    if (card.dataset.task !== b.task && b.result !== "decrypted") { return; }  // an older tab's task
    var state = shown(b);
    status.textContent = TEXT[state];
    status.dataset.state = state;
    if (b.plaintext_sm3) { document.getElementById("sm3-" + b.submission).textContent = b.plaintext_sm3; }
    var qr = document.getElementById("qr-" + b.submission);
    if (qr && (state === "decrypted" || state === "missing_key" || state === "cancelled")) { qr.hidden = true; }
  }
  function poll() {
    return fetch(url, {cache: "no-store", credentials: "same-origin"}).then(function (answer) {
      if (answer.status === 401) { done = true; return null; }
      if (!answer.ok) { return null; }
      return answer.json().then(function (body) { body.bids.forEach(show); });
    }).catch(function () { return null; });
  }
  function tick() { poll().then(function () { if (!done) { setTimeout(tick, 250); } }); }
  tick();
})();
""" % json.dumps(TEXT, ensure_ascii=False)
