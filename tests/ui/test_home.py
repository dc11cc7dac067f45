"""Home: the projects this enterprise bid on, the opening countdown, and whether this device holds
a key that opens each submitted file."""

from __future__ import annotations

import os

import httpx
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from app.core import bidx
from app.core.gm import SM2PrivateKey
from app.core.tasks import CancelToken
from app.ui import seams
from app.ui.bids import records as bid_records
from app.core import bidding as bid_platform
from app.ui.bids.records import SubmittedBid
from app.ui.home.page import HomePage

from . import bid_service
from .bid_service import PASSWORD, PROJECT, make_context

service, clock, context = (
    bid_service.service,
    bid_service.clock,
    bid_service.context,
)  # shared fixtures
WAIT = 60000


def _submit(context, tmp_path, name: str, recipient=None, record: bool = True):
    """Encrypt to this device's key (or ``recipient``), sign, submit; remember it like the bid page."""
    store, client = context.keystore, context.client
    unlocked = store.unlock(PASSWORD.encode())
    licence = store.list_licences()[0].id
    holder = client.holder(store.get_licence(licence).certificate,
                           store.private_key(licence, unlocked, purpose="test"))
    keys = bid_platform.device_keys_for(store, licence)
    key = keys[0] if keys else bid_platform.apply_for_key(holder, store, unlocked, licence, "test key")
    source = tmp_path / name
    source.write_bytes(os.urandom(50_000))
    outdir = tmp_path / "out"
    outdir.mkdir(exist_ok=True)
    options = bidx.EncryptOptions(
        project=PROJECT, section="2", signer=bid_platform.signer_key(store, unlocked, licence)
    )
    result = bidx.encrypt_file(source, outdir, [recipient or key.public_key], options=options)
    (done,) = bid_platform.submit(
        holder, [(result.container, result.signature, PROJECT, "2")], CancelToken()
    )
    if record:
        r = done.receipt
        bid_records.add(
            [
                SubmittedBid(
                    r.submission_id,
                    r.project,
                    r.section,
                    r.file_name,
                    str(done.container),
                    done.key_ids,
                    r.sm3,
                    r.received_at.isoformat(),
                )
            ]
        )
    return done.receipt


def _page(context, qtbot):
    page = HomePage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def _children(page):
    items = []
    for g in range(page.tree.topLevelItemCount()):
        group = page.tree.topLevelItem(g)
        items += [
            (group.text(0), group.text(2), group.child(i).text(0), group.child(i).text(3))
            for i in range(group.childCount())
        ]
    return items


def test_without_a_licence_home_says_what_to_do(app, qtbot, service, monkeypatch):
    context = make_context(qtbot, service, monkeypatch, licence=False)
    page = _page(context, qtbot)
    assert page.findChild(type(page.product), "productName").text()
    assert page._licence_id() is None and page.hint.text() and not page.tree.isVisible()
    assert not page.update_button.isEnabled()
    qtbot.waitUntil(
        lambda: bool(page.projects), timeout=WAIT
    )  # the platform answered before closing
    context.close()


def test_submitted_bids_show_the_countdown_and_whether_this_device_opens_them(
    context, qtbot, tmp_path
):
    _submit(context, tmp_path, "商务标.pdf")
    stranger = SM2PrivateKey.generate().public_key()
    _submit(context, tmp_path, "技术标.pdf", recipient=stranger)
    elsewhere = _submit(
        context, tmp_path, "资格审查.pdf", record=False
    )  # as if from another device
    page = _page(context, qtbot)
    qtbot.waitUntil(lambda: bool(page.projects), timeout=WAIT)
    rows = {r.file_name: r for r in page.rows}
    assert rows["商务标.pdf.bidx"].key.value == "held"
    assert rows["技术标.pdf.bidx"].key.value == "missing"
    assert elsewhere.submission_id not in {r.submission_id for r in page.rows}
    items = _children(page)
    assert len(items) == 2 and all(PROJECT in i[0] for i in items)
    countdown = items[0][1]
    assert countdown.replace(" ", "") and (
        "7" in countdown or "6" in countdown
    )  # opens in about a week

    seams.answer_next(PASSWORD)
    page.update_button.click()
    qtbot.waitUntil(lambda: len(page.rows) == 3, timeout=WAIT)
    rows = {r.file_name: r for r in page.rows}
    assert rows["资格审查.pdf.bidx"].key.value == "unknown"


class _Browser(QObject):
    """Stands where the desktop's web browser would: Qt hands it the URL the button opens."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_home_opens_the_platform_s_login_page_in_the_browser(app, qtbot, service, monkeypatch):
    context = make_context(qtbot, service, monkeypatch, licence=False)
    page = _page(context, qtbot)
    browser = _Browser()
    QDesktopServices.setUrlHandler("http", browser, "open")
    try:
        qtbot.waitUntil(lambda: context.connected, timeout=WAIT)
        qtbot.mouseClick(page.platform_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("http")
    assert browser.opened == [f"{context.client.base_url}/platform/login"]
    with httpx.Client() as http:  # what the browser then shows: the login page and its QR image
        answer = http.get(browser.opened[0])
    assert answer.status_code == 200 and 'src="data:image/png;base64,' in answer.text
    context.close()
