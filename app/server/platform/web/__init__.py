"""The platform's login web page (docs/protocols/qr-tasks.md §10): a QR login task shown in the
browser, its state polled by the page's own script, and the browser session a confirmed task
opens (home page, logout)."""
