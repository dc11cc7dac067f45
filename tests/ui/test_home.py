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


def _submit(context, tmp_path, name: str, recipient=None, record: bool = True, project: str = PROJECT,
            section: str = "2"):
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
        project=project, section=section, signer=bid_platform.signer_key(store, unlocked, licence)
    )
    result = bidx.encrypt_file(source, outdir, [recipient or key.public_key], options=options)
    (done,) = bid_platform.submit(
        holder, [(result.container, result.signature, project, section)], CancelToken()
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


def test_home_warns_before_an_opening_of_a_key_without_a_live_backup_and_a_licence_ending_first(
    context, service, qtbot, tmp_path
):
    """docs/protocols/key-backup.md §8: the bid's key is on this device only (no backup sent), and
    a second project opens after the licence ends (the decryption would be signed with it)."""
    from datetime import timedelta

    from app.core.bidding import key_hex
    from app.server.provision import ProjectSpec, add_project

    running, clock = service
    licence = context.keystore.list_licences()[0]
    late = "DEMO-LATE-OPENING"
    add_project(running.ctx, ProjectSpec(late, "开标晚于执照到期的项目（DEMO）", "演示招标人有限公司（DEMO）", ("1",),
                                         clock() + timedelta(days=2), licence.not_after + timedelta(days=3)))
    _submit(context, tmp_path, "商务标.pdf")
    _submit(context, tmp_path, "远期标.pdf", project=late, section="1")
    page = _page(context, qtbot)
    context.projects.refresh()
    qtbot.waitUntil(lambda: {p.code for p in page.projects} >= {PROJECT, late} and len(page.cautions) == 3,
                    timeout=WAIT)
    (key,) = context.keystore.list_encryption_keys()
    backups = [c for c in page.cautions if c.protection is not None]
    assert sorted(c.row.project_code for c in backups) == sorted([PROJECT, late])
    assert all(c.protection.key.id == key.id and c.row.key_id == key_hex(key.public_key) for c in backups)
    (gap,) = [c for c in page.cautions if c.ends is not None]
    assert (gap.row.project_code, gap.ends, gap.holder) == (late, licence.not_after, licence.holder_name)
    text = page.caution.text()
    assert page.caution.isVisible() and key.registry_id in text and "商务标.pdf.bidx" in text
    assert "只在此设备上" in text and "密钥管理" in text
    assert licence.holder_name in text and "到期" in text and late in text
