"""HTML of the review page, rendered on the server (no scripts): the queue of pending imprints,
each at its true size (CSS millimetres from the PNG's dpi), with approve and reject forms."""

from __future__ import annotations

import json
from html import escape

from ...core.seal.catalogue import load_catalogue
from .imprints import true_size_mm
from .models import ImprintRow

BASE = "/seal-office/review"
STYLE = """
body { font-family: "Noto Sans CJK SC", sans-serif; margin: 2em; color: #222; }
.imprint-card { border: 1px solid #ccc; padding: 1em; margin: 1em 0; display: flex; gap: 2em; }
.imprint { background: repeating-conic-gradient(#ddd 0% 25%, #fff 0% 50%) 50% / 4mm 4mm; }
.reject { color: #a00; } .warning { color: #a60; } .note { background: #eef; padding: .5em; }
textarea { width: 24em; height: 4em; }
"""


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )


def login_page(message: str = "") -> str:
    note = f'<p class="reject" id="message">{escape(message)}</p>' if message else ""
    return page(
        "Seal office review — sign in",
        (
            f'{note}<form method="post" action="{BASE}/login">'
            '<label>Reviewer token <input type="password" name="token" id="token" '
            'autocomplete="off" required></label> <button type="submit" id="sign-in">Sign in</button>'
            "</form><p>Tokens are made on the server: <code>ebid service review token --name NAME</code>.</p>"
        ),
    )


def queue_page(
    reviewer: str,
    csrf: str,
    rows: list[ImprintRow],
    names: dict[str, str],
    recent: list[ImprintRow],
    note: str = "",
) -> str:
    head = (
        f'<p>Signed in as <b id="reviewer">{escape(reviewer)}</b>. '
        f'<form method="post" action="{BASE}/logout" style="display:inline">'
        f'{_csrf(csrf)}<button type="submit">Sign out</button></form></p>'
    )
    if note:
        head += f'<p class="note" id="message">{escape(note)}</p>'
    cards = "".join(_card(r, names.get(r.credit_code, ""), csrf) for r in rows)
    if not rows:
        cards = '<p id="empty">No imprint is waiting for review.</p>'
    done = "".join(
        f'<li data-imprint="{escape(r.imprint_id)}">{escape(r.imprint_id)} — {escape(r.state)}'
        f"{' — ' + escape(r.reason) if r.reason else ''} ({escape(r.reviewed_by or '')})</li>"
        for r in recent
    )
    return page(
        "Seal office review queue",
        (
            f'{head}<h2>Waiting ({len(rows)})</h2><div id="queue">{cards}</div>'
            f'<h2>Recently reviewed</h2><ul id="recent">{done}</ul>'
        ),
    )


def _card(row: ImprintRow, enterprise: str, csrf: str) -> str:
    kind = load_catalogue().get(row.seal_type)
    label = f"{kind.zh} / {kind.en}" if kind else row.seal_type
    w, h = true_size_mm(row.width_px, row.height_px, row.dpi, (row.width_mm, row.height_mm))
    source = f"{row.dpi:.0f} dpi in the PNG" if row.dpi else "no dpi in the PNG: chosen size"
    findings = json.loads(row.precheck).get("findings", [])
    checks = (
        "".join(
            f'<li class="{"reject" if f["reject"] else "warning"}">{escape(f["message"])}</li>'
            for f in findings
        )
        or "<li>Pre-check passed.</li>"
    )
    iid = escape(row.imprint_id)
    return (
        f'<div class="imprint-card" id="imprint-{iid}" data-imprint="{iid}">'
        f'<div><img class="imprint" alt="imprint {iid}" src="{BASE}/imprints/{iid}/image.png" '
        f'style="width:{w:.2f}mm;height:{h:.2f}mm" data-width-mm="{w:.2f}" data-height-mm="{h:.2f}">'
        f"<p>True size {w:.1f} × {h:.1f} mm ({escape(source)})</p></div>"
        f"<div><p><b>{escape(enterprise)}</b> ({escape(row.credit_code)})</p>"
        f"<p>{escape(label)}, {escape(row.shape)}, {row.width_mm} × {row.height_mm} mm; "
        f"{row.width_px} × {row.height_px} px; uploaded {row.uploaded_at:%Y-%m-%d %H:%M} UTC</p>"
        f"<ul>{checks}</ul>"
        f'<form method="post" action="{BASE}/imprints/{iid}/approve">{_csrf(csrf)}'
        f'<button type="submit" class="approve">Approve and make the seal</button></form>'
        f'<form method="post" action="{BASE}/imprints/{iid}/reject">{_csrf(csrf)}'
        f'<textarea name="reason" required maxlength="500" placeholder="Reason for rejecting"></textarea>'
        f'<button type="submit" class="reject-button">Reject</button></form></div></div>'
    )


def _csrf(token: str) -> str:
    return f'<input type="hidden" name="csrf" value="{escape(token)}">'
