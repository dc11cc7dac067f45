"""The platform's signing page (docs/protocols/qr-tasks.md §11.5), for a logged-in browser (the
session of §10):

GET  /platform/sign                       the form: pick a file (multipart, CSRF field)
POST /platform/sign                       the file -> a sign task; the page with its QR (PNG data URI)
GET  /platform/sign/sign.js               the page's script (same origin; nothing inline)
GET  /platform/sign/{task}/state          JSON the script polls: {state, expires_in[, seal_id, …]}
GET  /platform/sign/{task}                the task's page again (outcome and download; no QR)
GET  /platform/sign/{task}/signature      the verified SES_Signature (DER), as a download

Every route wants the session cookie, and a task is visible only to the session that made it.
The QR is shown once, in the answer to the upload (the platform keeps only the secret's SM3, so it
cannot draw the code again); a new code means uploading again. The state says ``confirmed`` only
after the platform verified the returned signature against the kept file (§11.3), so the page's
签章成功 means a signature that verifies.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from ....core.qrtask.sign import MEDIA_TYPE
from ...context import ServiceContext
from ...deps import get_ctx
from ...forms import read_multipart
from ...limits import MAX_SIGN_FILE, MAX_SIGN_FORM
from ..tasks import rules as task_rules
from ..tasks.models import TaskRow
from ..tasks.sign import Requester, SignTaskRow, create_sign
from . import html, sessions
from .routes import (
    BASE_HEADERS,
    LOGIN,
    _base_url,
    _html,
    _json,
    _platform_name,
    _redirect,
    _seconds_left,
)
from .sessions import SESSION_COOKIE, WebSession

router = APIRouter(prefix="/platform/sign", include_in_schema=False)
SIGN = "/platform/sign"
TaskId = Path(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")
MEDIA_TYPES = {".pdf": "application/pdf", ".ofd": "application/ofd", ".txt": "text/plain",
               ".doc": "application/msword", ".zip": "application/zip",
               ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
STATES = {
    "waiting": "请使用电子投标助手扫描二维码签章",
    "scanned": "已扫描，请在电子投标助手上选择印章并确认",
    "confirmed": "签章成功",
    "cancelled": "已取消：持证人在电子投标助手上取消了签章",
    "expired": "二维码已过期，请重新上传文件获取新的签章二维码",
}


def _session(ctx: ServiceContext, request: Request) -> WebSession | None:
    return sessions.session_for(ctx, request.cookies.get(SESSION_COOKIE))


def _login_again(request: Request) -> Response:
    return _redirect(LOGIN, "session_ended" if request.cookies.get(SESSION_COOKIE) else "")


def _own(ctx: ServiceContext, session: WebSession, task_id: str) -> tuple[SignTaskRow, TaskRow] | None:
    """The sign task ``task_id`` if this session made it, with its state (judged now)."""
    with ctx.session() as s:
        row = s.get(SignTaskRow, task_id)
        if row is not None:
            s.expunge(row)
    if row is None or row.session_task_id != session.task_id:
        return None
    return row, task_rules.state(ctx, task_id, row.poll_token)


def _page(title: str, body: str, *, script: bool = False) -> str:
    tag = f'<script src="{SIGN}/sign.js" defer></script>' if script else ""
    return html.page(title, body).replace("</head>", f"{tag}</head>", 1)


def _who(session: WebSession) -> str:
    role = html.ROLES.get(session.role, session.role)
    return (f'<p>企业：<b id="enterprise">{escape(session.enterprise_name)}</b>'
            f'（统一社会信用代码 {escape(session.credit_code)}）；'
            f'登录人：<b id="person">{escape(session.person_name)}</b>（{escape(role)}）</p>')


def _file(row: SignTaskRow) -> str:
    return (f'<table id="document"><tr><th>文件名</th><td id="file-name">{escape(row.file_name)}</td></tr>'
            f'<tr><th>大小（字节）</th><td id="file-size">{row.size}</td></tr>'
            f'<tr><th>SM3</th><td><code id="file-sm3">{escape(row.sm3)}</code></td></tr></table>')


def _outcome(row: SignTaskRow, task: TaskRow) -> str:
    done = task.state == "confirmed" and row.signature is not None
    seal = f"{escape(row.seal_name or '')}（{escape(row.seal_id or '')}）" if done else ""
    signer = escape(task.person_name or "") if done else ""
    hidden = "" if done else " hidden"
    return (f'<div id="result"{hidden}><p>印章：<b id="seal">{seal}</b>；签章人：<b id="signer">{signer}</b></p>'
            f'<p><a id="download" href="{SIGN}/{escape(row.task_id)}/signature">下载签章文件'
            "（GB/T 38540 SES_Signature，DER）</a>，可用 <code>ebid seal verify 签章文件 原文件</code> 验证。</p></div>")


def form_page(session: WebSession, note: str = "") -> str:
    message = f'<p class="note" id="message">{escape(note)}</p>' if note else ""
    body = (
        f"{message}{_who(session)}"
        f'<form id="upload" method="post" action="{SIGN}" enctype="multipart/form-data">'
        f'<input type="hidden" name="csrf" value="{escape(session.csrf)}">'
        f'<p><label>选择要签章的文件（PDF 或任意文件，至多 {MAX_SIGN_FILE >> 20} MiB）：'
        '<input type="file" id="file" name="file" required></label></p>'
        '<p><button type="submit" id="send">生成签章二维码</button></p></form>'
        '<p><a href="/platform/home">返回首页</a></p>'
    )
    return _page("电子投标平台 — 文件签章", body)


def qr_page(session: WebSession, row: SignTaskRow, task: TaskRow, *, uri: str, seconds: int) -> str:
    body = (  # the code first, so it is on screen (and in a screenshot) without scrolling
        f'<div class="qr-card" id="sign" data-task="{escape(row.task_id)}">'
        f'<img id="qr" alt="签章二维码" src="{html.qr_data_uri(uri)}">'
        f'<p id="status" data-state="waiting">{STATES["waiting"]}</p>'
        f'<p id="countdown">二维码 <span id="seconds">{seconds}</span> 秒后失效</p></div>'
        f"{_outcome(row, task)}"
        f'<p>平台：<b id="platform">{escape(_platform_name(task))}</b></p>{_who(session)}{_file(row)}'
        "<noscript><p>本页需要启用 JavaScript 才能显示签章结果。</p></noscript>"
        "<p>打开电子投标助手，在“扫码”页扫描上方二维码，核对文件名、大小和 SM3 后选择印章并确认。</p>"
        f'<p><a href="{SIGN}">签署其他文件</a></p>'
    )
    return _page("电子投标平台 — 扫码签章", body, script=True)


def task_page(session: WebSession, row: SignTaskRow, task: TaskRow) -> str:
    body = (
        f"{_who(session)}{_file(row)}"
        f'<p id="status" data-state="{escape(task.state)}">{escape(STATES.get(task.state, task.state))}</p>'
        f"{_outcome(row, task)}"
        f'<p><a href="{SIGN}">签署其他文件</a></p>'
    )
    return _page("电子投标平台 — 文件签章", body)


def _state_json(ctx: ServiceContext, row: SignTaskRow, task: TaskRow) -> dict:
    answer = {"state": task.state, "expires_in": _seconds_left(ctx, task)}
    if task.state == "confirmed" and row.signature is not None:
        answer.update(seal_id=row.seal_id, seal_name=row.seal_name, signer=task.person_name or "",
                      download=f"{SIGN}/{row.task_id}/signature")
    return answer


def _media_type(name: str, sent: str) -> str:
    dot = name.rfind(".")
    known = MEDIA_TYPES.get(name[dot:].lower()) if dot >= 0 else None
    sent = sent.split(";")[0].strip().lower()
    if known:
        return known
    return sent if MEDIA_TYPE.fullmatch(sent) else "application/octet-stream"


@router.get("", response_class=HTMLResponse)
def sign_form(request: Request, ctx: ServiceContext = Depends(get_ctx)):
    session = _session(ctx, request)
    if session is None:
        return _login_again(request)
    return _html(form_page(session))


@router.post("", response_class=HTMLResponse)
async def sign_upload(request: Request, ctx: ServiceContext = Depends(get_ctx)):
    session = await run_in_threadpool(_session, ctx, request)
    if session is None:
        return _login_again(request)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_SIGN_FORM:
        return _html(form_page(session, f"文件过大：至多 {MAX_SIGN_FILE >> 20} MiB。"), 413)
    fields = await read_multipart(request, MAX_SIGN_FORM)
    if fields is None or not session.csrf_ok(fields["csrf"].data.decode("ascii", "replace")
                                             if "csrf" in fields else None):
        return _html(form_page(session, "表单已过期或无法读取，请重新选择文件。"), 403)
    part = fields.get("file")
    name = (part.filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip() if part else ""
    if part is None or not name:
        return _html(form_page(session, "请选择要签章的文件。"), 400)
    if len(part.data) > MAX_SIGN_FILE:
        return _html(form_page(session, f"文件过大：至多 {MAX_SIGN_FILE >> 20} MiB。"), 413)
    who = Requester(session.task_id, session.credit_code, session.enterprise_name, session.person_name,
                    request.client.host if request.client else "", request.headers.get("user-agent", ""))
    made = await run_in_threadpool(create_sign, ctx, who, base_url=_base_url(request), file_name=name,
                                   media_type=_media_type(name, part.content_type), content=part.data)
    own = await run_in_threadpool(_own, ctx, session, made.task.task_id)
    row, task = own
    text = await run_in_threadpool(qr_page, session, row, task, uri=made.uri,
                                   seconds=_seconds_left(ctx, task))
    return _html(text, 201)


@router.get("/sign.js")
def sign_script():
    return Response(SCRIPT, media_type="text/javascript; charset=utf-8",
                    headers={**BASE_HEADERS, "Cache-Control": "no-cache"})


@router.get("/{task_id}/state")
def sign_state(request: Request, task_id: str = TaskId, ctx: ServiceContext = Depends(get_ctx)):
    session = _session(ctx, request)
    own = _own(ctx, session, task_id) if session is not None else None
    if own is None:
        return _json({"error": "no_sign_task"}, 401 if session is None else 404)
    return _json(_state_json(ctx, *own))


@router.get("/{task_id}", response_class=HTMLResponse)
def sign_task_page(request: Request, task_id: str = TaskId, ctx: ServiceContext = Depends(get_ctx)):
    session = _session(ctx, request)
    if session is None:
        return _login_again(request)
    own = _own(ctx, session, task_id)
    if own is None:
        return _html(html.refused_page("没有这个签章任务。", SIGN, "签署文件"), 404)
    return _html(task_page(session, *own))


@router.get("/{task_id}/signature")
def sign_download(request: Request, task_id: str = TaskId, ctx: ServiceContext = Depends(get_ctx)):
    session = _session(ctx, request)
    own = _own(ctx, session, task_id) if session is not None else None
    if own is None or own[1].state != "confirmed" or own[0].signature is None:
        return _html(html.refused_page("没有可下载的签章文件。", SIGN, "签署文件"), 404)
    row = own[0]
    name = f"{row.file_name}.ses.der"
    disposition = f"attachment; filename=\"seal-signature-{row.task_id}.der\"; filename*=UTF-8''{quote(name)}"
    return Response(row.signature, media_type="application/octet-stream",
                    headers={**BASE_HEADERS, "Content-Disposition": disposition})


SCRIPT = r"""
(function () {
  "use strict";
  var TEXT = %s;
  TEXT.gone = "登录已失效，请重新登录后再签章";
  TEXT.offline = "暂时无法连接平台，正在重试…";
  var $ = function (id) { return document.getElementById(id); };
  var task = $("sign").dataset.task;
  var done = false, current = "waiting";

  function show(body) {
    var state = body.state;
    current = state;
    $("status").textContent = TEXT[state] || state;
    $("status").dataset.state = state;
    if (typeof body.expires_in === "number") { $("seconds").textContent = String(Math.max(0, body.expires_in)); }
    $("countdown").hidden = !(state === "waiting" || state === "scanned");
    if (state === "confirmed") {
      $("seal").textContent = body.seal_name + "（" + body.seal_id + "）";
      $("signer").textContent = body.signer;
      $("download").href = body.download;
      $("result").hidden = false;
      $("qr").hidden = true;
    }
    if (state === "cancelled" || state === "expired") { $("qr").hidden = true; }
    done = state === "confirmed" || state === "cancelled" || state === "expired";
  }

  function poll() {
    return fetch("/platform/sign/" + encodeURIComponent(task) + "/state",
                 {cache: "no-store", credentials: "same-origin"})
      .then(function (answer) {
        if (answer.status === 401 || answer.status === 404) {
          done = true; $("status").textContent = TEXT.gone; $("status").dataset.state = "gone"; return null;
        }
        if (!answer.ok) { $("status").textContent = TEXT.offline; return null; }
        return answer.json().then(show);
      })
      .catch(function () { $("status").textContent = TEXT.offline; });
  }

  // Once scanned, the holder is choosing a seal: look four times a second, so the page follows at once.
  function tick() {
    poll().then(function () {
      if (!done) { setTimeout(tick, current === "scanned" ? 250 : 1000); }
    });
  }
  tick();
})();
""" % json.dumps(STATES, ensure_ascii=False)
