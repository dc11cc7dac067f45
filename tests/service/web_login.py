"""A browser (an HTTP client with its own cookie jar) logged in to the platform's web pages the
way a holder does it: the login page's QR confirmed by the device's task client."""

from __future__ import annotations

import httpx

from .test_login_page import BROWSER, _open_page


def log_in(service, tasks, holder) -> httpx.Client:
    """An HTTP client playing the browser, logged in by the login page's QR as ``holder``."""
    http = httpx.Client(base_url=service.url, headers={"User-Agent": BROWSER}, follow_redirects=False)
    _, text, csrf = _open_page(http)
    tasks.confirm(tasks.fetch(text), holder.key, holder.certificate)
    assert http.post("/platform/login/finish", data={"csrf": csrf}).status_code == 303
    return http
