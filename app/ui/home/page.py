"""Home: the product and version, then the projects this enterprise bid on — each opening's
countdown and whether this device holds a key that opens each submitted file.

What this device submitted is known without a password (``bid_records``); projects and opening
times come from the platform without one; the platform's full list of the enterprise's
submissions is signed with a licence, so it is fetched only when the user asks.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from .. import errors, seams, theme
from ..bids import records as bid_records
from ..changes import Change, on_change
from ..format import local_time
from ..operations import BackgroundOp
from ..page import Page
from ..unlocked import UnlockedOp
from .guide_box import GuideBox
from .overview import BidWarning, KeyStatus, OverviewRow, overview, split, warnings

if TYPE_CHECKING:  # the client and the keystore are imported on first use, not at start-up
    from ...core.client import Project, Receipt
    from ...core.keybackup.guard import Protection

COUNTDOWN_MS = 30_000


def _warm_up(context):
    def op(progress, cancel):
        from ...core import bidding as bid_platform  # noqa: F401  (client, bidx, keystore modules)

        return context.keystore

    return op


class HomePage(Page):
    page_id = "home"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("homePage")
        self.projects: list[Project] = []
        self.receipts: list[Receipt] = []
        self.rows: list[OverviewRow] = []
        self.protections: dict[str, Protection] = {}  # the service's word at the last update, by key id
        self.cautions: list[BidWarning] = []
        self._build()
        self.update_button.clicked.connect(self.update_from_platform)
        context.projects.follow(self, updated=self._projects_loaded, failed=self._projects_failed)
        on_change(self, Change.BIDS | Change.KEYS | Change.LICENCES | Change.SEALS, self.refresh)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._fill)
        self.timer.start(COUNTDOWN_MS)
        self.retranslate()
        # Open the keystore (and import what it needs) off the GUI thread, so the window appears
        # at once; the first listing follows on the GUI thread from warm caches.
        BackgroundOp(self, op=_warm_up(context), success=self.refresh).run()
        if context.connected:
            self.load_projects()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self._hero())
        self.guide = GuideBox(self.context, self)
        self.guide.go_to.connect(self._go_to)
        self.guide.hide()  # until the keystore is read (off the GUI thread at start-up)
        layout.addWidget(self.guide)
        layout.addWidget(self._bids_card(), 1)

    def _hero(self) -> QFrame:
        """The product, what it does, and the two actions a bidder comes for."""
        card = QFrame(self)
        card.setObjectName("hero")
        card.setProperty("card", True)
        self.product = QLabel(card)
        self.product.setObjectName("productName")
        self.product.setProperty("role", "display")
        self.blurb = QLabel(card)
        self.blurb.setWordWrap(True)
        self.version = QLabel(card)
        self.version.setObjectName("productVersion")
        self.version.setProperty("role", "caption")
        text = QVBoxLayout()
        text.setSpacing(4)
        for label in (self.product, self.blurb, self.version):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.addWidget(label)
        self.scan_button = QPushButton(theme.icon("scan", QPalette.ColorRole.HighlightedText), "", card)
        self.scan_button.setObjectName("scanScreen")
        self.scan_button.setProperty("primary", True)
        self.scan_button.clicked.connect(self.scan_screen)
        self.platform_button = QPushButton(card)
        self.platform_button.setObjectName("openPlatform")
        self.platform_button.clicked.connect(self.open_platform)
        actions = QVBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.scan_button)
        actions.addWidget(self.platform_button)
        actions.addStretch(1)
        row = QHBoxLayout(card)
        row.setContentsMargins(20, 16, 20, 16)
        row.addLayout(text, 1)
        row.addSpacing(16)
        row.addLayout(actions)
        return card

    def _bids_card(self) -> QFrame:
        card = QFrame(self)
        card.setObjectName("bidsCard")
        card.setProperty("card", True)
        self.heading = QLabel(card)
        self.heading.setProperty("role", "heading")
        self.hint = QLabel(card)
        self.hint.setObjectName("bidsHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "caption")
        self.caution = QLabel(card)
        self.caution.setObjectName("bidWarnings")
        self.caution.setWordWrap(True)
        self.caution.setProperty("tone", "caution")
        self.caution.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(card)
        self.tree.setObjectName("biddedProjects")
        self.tree.setColumnCount(4)
        self.update_button = QPushButton(card)
        self.update_button.setObjectName("updateFromPlatform")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.update_button)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 14, 16, 16)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.caution)
        layout.addWidget(self.tree, 1)
        return card

    def title(self) -> str:
        return self.tr("Home")

    def retranslate(self) -> None:
        self.product.setText(self.tr("EBid Desk"))
        self.version.setText(self.tr("Version {version}").format(version=__version__))
        self.blurb.setText(
            self.tr(
                "Electronic business licence wallet, seals and bid-file encryption for e-bidding."
            )
        )
        for label in (self.product, self.version):
            label.setAccessibleName(label.text())
        self.scan_button.setText(self.tr("Scan the QR code on my screen"))
        self.scan_button.setToolTip(self.tr("Read the QR code an e-bidding platform shows in your browser "
                                            "(the Scan page also reads the camera and images)"))
        self.platform_button.setText(self.tr("Open the e-bidding platform in the browser"))
        self.platform_button.setToolTip(self.tr(
            "The platform's pages (log in, sign, upload, opening hall) show the QR codes this app scans"))
        self.guide.retranslate()
        self.heading.setText(self.tr("Projects you have bid on"))
        self.tree.setHeaderLabels(
            [
                self.tr("Project / file"),
                self.tr("Section"),
                self.tr("Opening"),
                self.tr("Key on this device"),
            ]
        )
        self.tree.setAccessibleName(self.tr("Projects you have bid on"))
        self.update_button.setText(self.tr("Update from the platform…"))
        self.update_button.setToolTip(
            self.tr("List every submission of your enterprise (asks for the licence password)")
        )
        self._fill()

    def scan_screen(self) -> None:
        """One click from home: open the Scan page and read this PC's screen."""
        window = self.window()
        window.show_page("scan")
        window.current_page().scan_screen()

    def platform_url(self) -> str | None:
        """The connected service's login page: where a newcomer meets the platform's QR codes."""
        return f"{self.context.client.base_url}/platform/login" if self.context.connected else None

    def open_platform(self) -> None:
        url = self.platform_url()
        if url is None:
            seams.info(self, self.tr("E-bidding platform"),
                       self.tr("The service is not connected yet; try again in a moment."))
            return
        QDesktopServices.openUrl(QUrl(url))

    # -- data ----------------------------------------------------------------------------------------

    def load_projects(self, *args) -> None:
        """Show the list the context already has, and ask the platform for a newer one."""
        watch = self.context.projects
        if watch.projects is not None:
            self._projects_loaded(watch.projects)
        watch.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.context.projects.refresh()
        super().showEvent(event)

    def _projects_loaded(self, projects: list[Project]) -> None:
        self.projects = projects
        self.refresh()

    def _projects_failed(self, exc: BaseException) -> None:
        self.hint.setText(errors.text(exc))

    def _licence_id(self) -> int | None:
        store = self.context.keystore
        licences = store.list_licences() if store.is_initialised() else []
        return licences[0].id if licences else None

    def update_from_platform(self) -> None:
        self.context.projects.refresh()
        licence = self._licence_id()
        if licence is None or not self.context.connected:
            self.refresh()
            return

        def op(access, progress, cancel):
            from ...core.bidding import key_hex, submissions
            from ...core.keybackup.guard import online_protection

            standing = {key_hex(k.public_key): online_protection(access.holder, access.store, k)
                        for k in access.store.list_encryption_keys() if k.registry_id}
            return submissions(access.holder), standing

        UnlockedOp(self, self.context, asking=self.tr("list your enterprise's submissions"), op=op,
                   success=self._receipts_loaded, licence=licence, purpose="list submissions") \
            .failure(partial(errors.show, self)).with_progress(self.tr("Asking the platform…")).run()

    def _receipts_loaded(self, loaded) -> None:
        self.receipts, self.protections = loaded
        self.refresh()

    def refresh(self, *args) -> None:
        from ...core.bidding import key_hex
        from ...core.keybackup.guard import protection

        store = self.context.keystore
        ready = store.is_initialised()
        keys = {key_hex(k.public_key): k for k in store.list_encryption_keys()} if ready else {}
        self.rows = overview(bid_records.load(), self.receipts, self.projects, set(keys))
        # This device's records where the service has not been asked since (a revoked holder
        # licence shows after "Update from the platform").
        standing = {hex_id: self.protections.get(hex_id) or protection(store, key) for hex_id, key in keys.items()}
        licences = {info.id: info for info in store.list_licences()} if ready else {}
        self.cautions = warnings(self.rows, keys, standing, licences, datetime.now(UTC))
        self.guide.refresh()
        self._fill()

    def _go_to(self, page_id: str) -> None:
        window = self.window()
        if hasattr(window, "show_page"):
            window.show_page(page_id)

    # -- view ------------------------------------------------------------------------------------------

    def _fill(self) -> None:
        self.hint.setText(self._hint())
        self.caution.setText("\n".join(self.caution_text(c) for c in self.cautions))
        self.caution.setVisible(bool(self.cautions))
        self.update_button.setEnabled(self.context.connected and self._licence_id() is not None)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        now = datetime.now(UTC)
        for row in self.rows:
            group = groups.get(row.project_code)
            if group is None:
                group = QTreeWidgetItem(
                    [
                        f"{row.project_name} ({row.project_code})",
                        "",
                        self.countdown(row.opening, now),
                        "",
                    ]
                )
                groups[row.project_code] = group
                self.tree.addTopLevelItem(group)
            item = QTreeWidgetItem([row.file_name, row.section, "", self.key_text(row)])
            item.setData(0, Qt.ItemDataRole.UserRole, row.submission_id)
            item.setToolTip(3, row.key_id)
            group.addChild(item)
        self.tree.expandAll()
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.tree.setVisible(bool(self.rows))

    def _hint(self) -> str:
        if self._licence_id() is None:
            return self.tr(
                "Download a licence on the Licences page; bids you submit will be listed here."
            )
        if not self.context.connected:
            return self.tr("Connecting to the platform…")
        if not self.rows:
            return self.tr(
                "No bids submitted from this device yet. Bids from other devices of your "
                "enterprise appear after “Update from the platform”."
            )
        return self.tr(
            "Before each opening, make sure a device you will have at hand holds a key that opens your file."
        )

    def caution_text(self, caution: BidWarning) -> str:
        row = caution.row
        project = f"{row.project_name} ({row.project_code})"
        opening = local_time(row.opening)
        found = caution.protection
        if found is None:
            return self.tr(
                "{holder}'s licence ends {end}, before {project} opens {opening}: renew it (an agent: have the "
                "authorisation extended) before the opening, because the decryption is signed with it."
            ).format(holder=caution.holder, end=local_time(caution.ends), project=project, opening=opening)
        if found.lapsed and not found.unverified:
            why = self.tr("its backup no longer counts: the holder's licence is no longer valid ({holders})").format(
                holders="、".join(name for name, _ in found.lapsed))
        elif found.unverified:
            why = self.tr("its backup is not verified yet ({holders} must verify it)").format(
                holders="、".join(found.unverified))
        else:
            why = self.tr("it is on this device only")
        return self.tr(
            "{project} opens {opening}: the key {key} that opens {file} has no live backup — {why}. If this "
            "device is lost before then, the bid cannot be opened: back the key up on the Keys page."
        ).format(project=project, opening=opening, key=found.key_label, file=row.file_name, why=why)

    def countdown(self, opening: datetime | None, now: datetime) -> str:
        if opening is None:
            return self.tr("unknown")
        if opening <= now:
            return self.tr("opened {time}").format(
                time=local_time(opening)
            )
        days, hours, minutes = split(opening - now)
        if days:
            return self.tr("in {days} d {hours} h").format(days=days, hours=hours)
        return self.tr("in {hours} h {minutes} min").format(hours=hours, minutes=minutes)

    def key_text(self, row: OverviewRow) -> str:
        if row.key is KeyStatus.HELD:
            return self.tr("Yes (key {id})").format(id=row.key_id[:16])
        if row.key is KeyStatus.MISSING:
            return self.tr("No: no key on this device opens it")
        return self.tr("Unknown: submitted from another device")
