"""The upload page (投标文件上传, docs/protocols/qr-tasks.md §13): the logged-in enterprise picks a
section of a project still taking bids and gets an encryption QR; the holder's device encrypts
the bid files on the device and uploads them bound to that task; the page follows the task by
itself and shows 加密成功 with the receipts once the confirm lands.

GET  /platform/projects/{code}/upload        HTML: the section form (session cookie)
POST /platform/projects/{code}/upload        form ``csrf`` (the session's) + ``section``: a new
                                             encrypt task, shown as a QR
GET  /platform/projects/{code}/upload/state  JSON the page polls: ``?task=<id>``, the page's task
GET  /platform/upload/upload.js              the page's script (same origin; nothing inline)
"""

from __future__ import annotations

import json
from html import escape

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from ....core.errors import EbidError
from ...context import ServiceContext
from ...deps import get_ctx
from ..tasks import uploads as rules
from . import html
from .opening import _project, _session
from .routes import BASE_HEADERS, LOGIN, _html, _json, _redirect, _requester, _seconds_left, form
from .sessions import SESSION_COOKIE

router = APIRouter(prefix="/platform", include_in_schema=False)
SCRIPT_PATH = "/platform/upload/upload.js"
TITLE = "电子投标平台 — 投标文件加密上传"


def upload_state(ctx: ServiceContext, task, upload) -> dict:
    outcome = json.loads(task.outcome) if task.outcome else {}
    return {"task": task.task_id, "section": upload.section, "state": task.state,
            "expires_in": _seconds_left(ctx, task), "result": outcome.get("result", ""),
            "receipts": outcome.get("receipts", [])}


@router.get("/projects/{code}/upload", response_class=HTMLResponse)
def upload_page(code: str, request: Request, ctx: ServiceContext = Depends(get_ctx)):
    session = _session(ctx, request)
    if session is None:
        return _redirect(LOGIN, "session_ended" if request.cookies.get(SESSION_COOKIE) else "")
    project = _project(ctx, code)
    if project is None:
        return _html(html.refused_page("没有该招标项目。", f"{html.BASE}/home", "返回首页"), 404)
    return _html(upload_html(session, project, closed=ctx.now() > project.bid_deadline))


@router.post("/projects/{code}/upload", response_class=HTMLResponse)
async def upload_task(code: str, request: Request, fields: dict = Depends(form),
                      ctx: ServiceContext = Depends(get_ctx)):
    session = _session(ctx, request)
    if session is None:
        return _redirect(LOGIN, "session_ended" if request.cookies.get(SESSION_COOKIE) else "")
    if not session.csrf_ok(fields.get("csrf")):
        return _html(html.refused_page("表单已过期，请返回后重试。", f"{html.BASE}/projects/{code}/upload",
                                       "返回"), 403)
    project = _project(ctx, code)
    if project is None:
        return _html(html.refused_page("没有该招标项目。", f"{html.BASE}/home", "返回首页"), 404)
    try:
        made = await run_in_threadpool(
            lambda: rules.create_encrypt(ctx, **_requester(request), credit_code=session.credit_code,
                                         code=code, section=fields.get("section", "")))
    except EbidError:  # an unknown section, or the deadline passed meanwhile: the form again
        return _html(upload_html(session, project, closed=ctx.now() > project.bid_deadline,
                                 note="未能生成加密二维码：请选择该项目的标段，且须在投标截止时间前。"), 400)
    text = await run_in_threadpool(lambda: upload_html(session, project, closed=False, made=made))
    return _html(text)


@router.get("/projects/{code}/upload/state")
def upload_task_state(code: str, request: Request, ctx: ServiceContext = Depends(get_ctx)):
    session = _session(ctx, request)
    if session is None:
        return _json({"error": "no_session"}, 401)
    found = rules.page_task(ctx, session.credit_code, code, request.query_params.get("task", "")[:40])
    if found is None:
        return _json({"error": "no_task"}, 404)
    return _json(upload_state(ctx, *found))


@router.get("/upload/upload.js")
def upload_script():
    return Response(SCRIPT, media_type="text/javascript; charset=utf-8",
                    headers={**BASE_HEADERS, "Cache-Control": "no-cache"})


# -- HTML -------------------------------------------------------------------------------------

def upload_html(session, project, *, closed: bool, made=None, note: str = "") -> str:
    head = (
        f'<p>项目：<b id="project">{escape(project.name)}</b>（<span id="project-code">'
        f"{escape(project.code)}</span>）；投标截止 {html._time(project.bid_deadline)}</p>"
        f'<p>投标人：<b id="enterprise">{escape(session.enterprise_name)}</b></p>'
    )
    if note:
        head += f'<p class="note" id="message">{escape(note)}</p>'
    if closed:
        body = head + '<p class="note" id="closed" data-state="closed">已截止：该项目不再接收投标文件。</p>'
        return html.page(TITLE, body)
    if made is None:
        options = "".join(f'<option value="{escape(s)}">标段 {escape(s)}</option>' for s in project.sections)
        body = head + (
            f'<form id="choose" method="post" action="{html.BASE}/projects/{escape(project.code)}/upload">'
            f'<input type="hidden" name="csrf" value="{escape(session.csrf)}">'
            f'<label>标段：<select name="section" id="section">{options}</select></label> '
            '<button type="submit" id="make-qr">生成加密二维码</button></form>'
            "<p>生成二维码后，用电子投标助手扫码，在本机选择投标文件：文件在您的设备上加密后上传，平台收不到明文。</p>"
        )
        return html.page(TITLE, body)
    section = made.upload.section
    body = head + (
        f'<div class="qr-card" style="display:flex;gap:1em;text-align:left" id="task" '
        f'data-task="{escape(made.row.task_id)}" '
        f'data-state-url="{html.BASE}/projects/{escape(project.code)}/upload/state">'
        f'<img id="qr" alt="加密二维码" src="{html.qr_data_uri(made.uri)}"><div>'
        f'<p>标段 <b id="section">{escape(section)}</b></p>'
        f'<p id="status" data-state="waiting">{TEXT["waiting"]}</p>'
        f'<p id="countdown">二维码 <span id="seconds">{_seconds(made)}</span> 秒后失效</p>'
        '<table id="receipts" hidden><tr><th>回执编号</th><th>文件名</th><th>大小（字节）</th><th>SM3</th></tr></table>'
        "</div></div>"
        f'<script src="{SCRIPT_PATH}" defer></script>'
    )
    return html.page(TITLE, body)


def _seconds(made) -> int:
    return max(0, int((made.row.expires_at - made.row.created_at).total_seconds()))


TEXT = {
    "waiting": "请使用电子投标助手扫描二维码，在本机选择投标文件加密上传",
    "scanned": "已扫描，请在电子投标助手上选择文件并确认",
    "confirmed": "已确认，正在核对…",
    "encrypted": "加密成功",
    "cancelled": "已取消",
    "expired": "二维码已过期，请重新生成",
}

SCRIPT = r"""
(function () {
  "use strict";
  var TEXT = %s;
  var card = document.getElementById("task");
  if (!card) { return; }
  var done = false;
  function shown(b) {
    if (b.result === "encrypted") { return "encrypted"; }
    return TEXT[b.state] ? b.state : "waiting";
  }
  function show(b) {
    if (b.task !== card.dataset.task) { return; }  // a newer task from another tab
    var state = shown(b), status = document.getElementById("status");
    status.textContent = TEXT[state];
    status.dataset.state = state;
    document.getElementById("seconds").textContent = String(b.expires_in);
    document.getElementById("countdown").hidden = !(state === "waiting" || state === "scanned");
    if (state === "encrypted" || state === "cancelled" || state === "expired") {
      done = true;
      document.getElementById("qr").hidden = true;
    }
    if (state === "encrypted") {
      var table = document.getElementById("receipts");
      b.receipts.forEach(function (r) {
        var row = table.insertRow(-1);
        row.dataset.submission = r.submission_id;
        [r.submission_id, r.file_name, String(r.size), r.sm3].forEach(function (text) {
          row.insertCell(-1).textContent = text;
        });
      });
      table.hidden = false;
    }
  }
  function poll() {
    return fetch(card.dataset.stateUrl + "?task=" + encodeURIComponent(card.dataset.task), {cache: "no-store", credentials: "same-origin"}).then(function (answer) {
      if (answer.status === 401) { done = true; return null; }
      if (!answer.ok) { return null; }
      return answer.json().then(show);
    }).catch(function () { return null; });
  }
  function tick() { poll().then(function () { if (!done) { setTimeout(tick, 250); } }); }
  tick();
})();
""" % json.dumps(TEXT, ensure_ascii=False)
