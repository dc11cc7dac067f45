"""HTML of the login page and the logged-in home page, rendered on the server, in Chinese (the
platform's web pages are not Qt: their text lives here). Everything shown from a record is
escaped; the only script is the same-origin ``/platform/login/login.js`` (:mod:`.script`)."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from html import escape

from ....core.qr import make_png
from ..repository import Project, Submission
from .sessions import WebSession

BASE = "/platform"
BEIJING = timezone(timedelta(hours=8))
ROLES = {"legal_representative": "法定代表人", "manager": "证照管理员", "agent": "办事人"}
#: The fixed notes a redirect may name (``?note=``); no text from a link is ever shown.
NOTES = {
    "logged_out": "您已退出登录。",
    "login_failed": "登录未完成：该二维码的登录已被使用或已失效，请重新扫码。",
    "session_ended": "登录已过期，请重新扫码登录。",
}
STYLE = """
body { font-family: "Noto Sans CJK SC", sans-serif; margin: 2em; color: #222; }
.qr-card { border: 1px solid #ccc; padding: 1.5em; display: inline-block; text-align: center; }
#qr { image-rendering: pixelated; display: block; margin: 0 auto; }
#status { font-size: 1.2em; } .note { background: #eef; padding: .5em; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3em .6em; }
[hidden] { display: none !important; }
"""


def page(title: str, body: str, *, script: bool = False) -> str:
    tag = f'<script src="{BASE}/login/login.js" defer></script>' if script else ""
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style>{tag}</head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )


def qr_data_uri(uri: str) -> str:
    """The task URI as a PNG QR code in a ``data:`` URI (module 6 px, quiet zone 4 modules)."""
    return "data:image/png;base64," + base64.b64encode(make_png(uri, scale=6)).decode("ascii")


def login_page(*, platform_name: str, uri: str, csrf: str, seconds: int, note: str = "") -> str:
    message = f'<p class="note" id="message">{escape(NOTES[note])}</p>' if note in NOTES else ""
    body = (
        f"{message}"
        f'<p>平台：<b id="platform">{escape(platform_name)}</b></p>'
        '<div class="qr-card">'
        f'<img id="qr" alt="登录二维码" src="{qr_data_uri(uri)}">'
        '<p id="status" data-state="waiting">请使用电子投标助手扫描二维码登录</p>'
        f'<p id="countdown">二维码 <span id="seconds">{seconds}</span> 秒后失效，失效后自动刷新</p>'
        '<button type="button" id="renew" hidden>获取新二维码</button>'
        "</div>"
        f'<form id="finish" method="post" action="{BASE}/login/finish">{_csrf(csrf)}</form>'
        "<noscript><p>本页需要启用 JavaScript 才能显示扫码结果。</p></noscript>"
        "<p>打开电子投标助手，在“扫码”页扫描上方二维码，核对平台名称和本浏览器信息后确认登录。</p>"
    )
    return page("电子投标平台 — 扫码登录", body, script=True)


def home_page(session: WebSession, projects: list[Project], submissions: list[Submission]) -> str:
    role = ROLES.get(session.role, session.role)
    head = (
        '<p class="note" id="message">登录成功</p>'
        f'<p>企业：<b id="enterprise">{escape(session.enterprise_name)}</b>'
        f'（统一社会信用代码 <span id="credit-code">{escape(session.credit_code)}</span>）</p>'
        f'<p>登录人：<b id="person">{escape(session.person_name)}</b>'
        f'（<span id="role">{escape(role)}</span>）；'
        f"登录有效至 {_time(session.expires_at)}</p>"
        f'<form method="post" action="{BASE}/logout">{_csrf(session.csrf)}'
        '<button type="submit" id="logout">退出登录</button></form>'
    )
    rows = "".join(
        f'<tr data-project="{escape(p.code)}"><td>{escape(p.code)}</td><td>{escape(p.name)}</td>'
        f"<td>{escape(p.tenderee)}</td><td>{escape('、'.join(p.sections))}</td>"
        f"<td>{_time(p.bid_deadline)}</td><td>{_time(p.opening_time)}</td></tr>"
        for p in projects
    )
    project_table = (
        '<table id="projects"><tr><th>项目编号</th><th>项目名称</th><th>招标人</th><th>标段</th>'
        f"<th>投标截止时间</th><th>开标时间</th></tr>{rows}</table>"
        if projects else '<p id="projects">暂无招标项目。</p>'
    )
    rows = "".join(
        f'<tr data-submission="{escape(r.submission_id)}"><td>{escape(r.submission_id)}</td>'
        f"<td>{escape(r.project_code)}</td><td>{escape(r.section)}</td>"
        f"<td>{escape(r.file_name)}</td><td>{r.size}</td><td>{_time(r.received_at)}</td>"
        f"<td><code>{escape(r.sm3[:16])}…</code></td></tr>"
        for r in submissions
    )
    submission_table = (
        '<table id="submissions"><tr><th>回执编号</th><th>项目编号</th><th>标段</th>'
        f"<th>文件名</th><th>大小（字节）</th><th>递交时间</th><th>SM3</th></tr>{rows}</table>"
        if submissions else '<p id="submissions">本企业尚未递交投标文件。</p>'
    )
    body = f"{head}<h2>招标项目</h2>{project_table}<h2>本企业的投标文件</h2>{submission_table}"
    return page("电子投标平台", body)


def scanned_elsewhere_page() -> str:
    """What a phone camera that is not a licence app opens from a task QR: no task details (the
    secret stays in the fragment, which the browser never sends), only what to do instead."""
    return page(
        "电子投标平台 — 请用电子投标助手扫码",
        '<h1>请使用电子投标助手扫描此二维码</h1>'
        '<p class="note" id="message">这个二维码是电子投标平台的扫码任务（登录、签章、加密或解密），'
        "只能由持有电子营业执照的电子投标助手（或电子营业执照应用）扫描并确认。"
        "请回到显示二维码的页面，用电子投标助手的“扫一扫”重新扫描。</p>"
        '<p>Scan this QR code with EBid Desk (电子投标助手) or your business-licence app: '
        "it is a task of the e-bidding platform, not a web page.</p>",
    )


def refused_page(message: str, link: str, label: str) -> str:
    return page(
        "电子投标平台",
        f'<p class="note" id="message">{escape(message)}</p><p><a href="{escape(link)}">'
        f"{escape(label)}</a></p>",
    )


def _time(moment: datetime) -> str:
    return escape(moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") + "（北京时间）")


def _csrf(token: str) -> str:
    return f'<input type="hidden" name="csrf" value="{escape(token)}">'
