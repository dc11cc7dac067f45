"""Seals (印章): the enterprise's imprints and their review, upload records, and seal collection.

Pick a licence and open the seal office with the licence password: the page lists the imprints
(each with its review state and the reviewer's reason), the upload records split into valid and
superseded, the seal-making records, and the issued seals. Uploading starts with the enterprise's
agreement to the terms, then the imprint editor. Collecting a seal (领章) asks the licence password
again and keeps the seal in this device's keystore; collected seals are listed with their picture.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.client.seal import SealClient
from .. import errors, seams
from ..changes import Change, on_change
from ..format import local_time
from ..operations import BackgroundOp
from ..page import Page
from ..unlocked import UnlockedOp
from .authorisations import SealAuthorisationsDialog, may_authorise
from .editor import FinalImprint, ImprintEditor
from .office import (
    OfficeView,
    collect_op,
    fetch,
    fill,
    load_op,
    new_tree,
    picture_icon,
    tint_states,
    type_name,
    upload_op,
)

POLL_MS = 30_000


class SealsPage(Page):
    page_id = "seals"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.seals: SealClient | None = None
        self._refreshing = False
        self.view: OfficeView | None = None
        self.editor: ImprintEditor | None = None
        self.licence = QComboBox(self)
        self.open_button, self.upload_button, self.collect_button = (QPushButton(self) for _ in range(3))
        self.grants_button = QPushButton(self)
        self.agent_ids: dict[str, str] = {}  # person id -> masked ID number, for the grants dialog
        self.heading, self.empty = QLabel(self), QLabel(self)
        self.heading.setWordWrap(True)
        self.terms = QCheckBox(self)
        self.tabs = QTabWidget(self)
        self.imprints = new_tree(self, [], "")
        self.valid, self.superseded = new_tree(self, [], ""), new_tree(self, [], "")
        self.making, self.issued, self.collected = (new_tree(self, [], "") for _ in range(3))
        self._build()
        on_change(self, Change.SEALS, self.refresh_collected)
        on_change(self, Change.LICENCES, self.reload_licences)
        self.open_button.clicked.connect(self.open_office)
        self.terms.toggled.connect(self._update)
        self.upload_button.clicked.connect(self.start_upload)
        self.collect_button.clicked.connect(self.collect_selected)
        self.grants_button.clicked.connect(self.open_grants)
        self.issued.itemSelectionChanged.connect(self._update)
        # While the office is open and the page shown, reviews made at the service appear by
        # themselves, and what changed is said (a reviewer approves or rejects at any time).
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(lambda: self.refresh(quiet=True))
        self.retranslate()
        self.reload_licences()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.refresh(quiet=True)
        self.poll.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.poll.stop()
        super().hideEvent(event)

    def _build(self) -> None:
        top = QHBoxLayout()
        self.licence_label = QLabel(self)
        self.licence_label.setBuddy(self.licence)
        top.addWidget(self.licence_label)
        top.addWidget(self.licence, 1)
        top.addWidget(self.open_button)
        imprints = QWidget(self)
        box = QVBoxLayout(imprints)
        box.addWidget(self.empty)
        box.addWidget(self.imprints, 1)
        row = QHBoxLayout()
        row.addWidget(self.terms, 1)
        row.addWidget(self.upload_button)
        box.addLayout(row)
        records = QWidget(self)
        self.valid_box, self.superseded_box, self.making_box = (QGroupBox(records) for _ in range(3))
        rec = QVBoxLayout(records)
        for group, tree in ((self.valid_box, self.valid), (self.superseded_box, self.superseded),
                            (self.making_box, self.making)):
            QVBoxLayout(group).addWidget(tree)
            rec.addWidget(group)
        seals = QWidget(self)
        self.issued_box, self.collected_box = QGroupBox(seals), QGroupBox(seals)
        QVBoxLayout(self.issued_box).addWidget(self.issued)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.grants_button)
        buttons.addWidget(self.collect_button)
        self.issued_box.layout().addLayout(buttons)
        QVBoxLayout(self.collected_box).addWidget(self.collected)
        lay = QVBoxLayout(seals)
        lay.addWidget(self.issued_box)
        lay.addWidget(self.collected_box)
        self.tabs.addTab(imprints, "")
        self.tabs.addTab(records, "")
        self.tabs.addTab(seals, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

    def title(self) -> str:
        return self.tr("Seals")

    def retranslate(self) -> None:
        self.licence_label.setText(self.tr("&Licence:"))
        self.open_button.setText(self.tr("&Open the seal office…"))
        self.upload_button.setText(self.tr("&Upload an imprint…"))
        self.collect_button.setText(self.tr("&Collect seal…"))
        self.grants_button.setText(self.tr("Seal &authorisations…"))
        self.terms.setText(self.tr("The enterprise agrees to the terms of the electronic seal service "
                                   "and confirms the imprint is its own seal."))
        for index, text in enumerate((self.tr("Imprints"), self.tr("Records"), self.tr("Seals"))):
            self.tabs.setTabText(index, text)
        self.valid_box.setTitle(self.tr("Valid uploads"))
        self.superseded_box.setTitle(self.tr("Superseded uploads"))
        self.making_box.setTitle(self.tr("Seal making"))
        self.issued_box.setTitle(self.tr("Seals made for the enterprise"))
        self.collected_box.setTitle(self.tr("Seals collected on this device"))
        imprint_headers = [self.tr("Seal type"), self.tr("Size"), self.tr("Uploaded"), self.tr("State"),
                           self.tr("Reason")]
        for tree, name in ((self.imprints, self.tr("Imprints")), (self.valid, self.tr("Valid uploads")),
                           (self.superseded, self.tr("Superseded uploads"))):
            tree.setHeaderLabels(imprint_headers)
            tree.setAccessibleName(name)
        seal_headers = [self.tr("Seal"), self.tr("Seal type"), self.tr("Valid from"), self.tr("Valid until")]
        self.making.setHeaderLabels(seal_headers + [self.tr("Made"), self.tr("Made by"), self.tr("Imprint")])
        self.issued.setHeaderLabels(seal_headers)
        self.collected.setHeaderLabels(seal_headers + [self.tr("Collected")])
        self.making.setAccessibleName(self.tr("Seal making"))
        self.issued.setAccessibleName(self.tr("Seals made for the enterprise"))
        self.collected.setAccessibleName(self.tr("Seals collected on this device"))
        self._show()

    def state_name(self, state: str) -> str:
        return {"pending": self.tr("Waiting for review"), "approved": self.tr("Approved"),
                "rejected": self.tr("Rejected"), "superseded": self.tr("Superseded")}.get(state, state)

    # -- licence and office ----------------------------------------------------------------------

    def reload_licences(self) -> None:
        self.licence.clear()
        for info in self.context.keystore.list_licences():
            self.licence.addItem(self.tr("{enterprise} — {holder}").format(
                enterprise=info.enterprise_name, holder=info.holder_name), info.id)
        self.refresh_collected()
        self._update()
        self._show()  # the heading said "no licence yet" if the list was empty before

    def open_office(self) -> None:
        if self.licence.currentData() is None:
            return
        UnlockedOp(self, self.context, asking=self.tr("open the seal office"),
                   licence=self.licence.currentData(), purpose="seal.office", op=self._first_view,
                   success=self._opened).failure(self._refused).keep_until(self) \
            .with_progress(self.tr("Contacting the service…")).run()

    @staticmethod
    def _first_view(access, progress, cancel) -> tuple[SealClient, OfficeView]:
        seals = SealClient(access.holder)  # on the pool thread, with the holder just opened
        return seals, fetch(seals)

    def _opened(self, opened: tuple[SealClient, OfficeView]) -> None:
        self.seals, view = opened
        self._loaded(view)

    def refresh(self, *, quiet: bool = False) -> None:
        """Ask the seal office again (``quiet``: a poll, whose failure waits for the next one)."""
        if self.seals is not None and not self._refreshing:
            self._refreshing = True
            BackgroundOp(self, op=load_op(self.seals), success=self._loaded) \
                .failure(partial(self._refresh_failed, quiet)).run()

    def _refresh_failed(self, quiet: bool, exc: BaseException) -> None:
        self._refreshing = False
        if not quiet:
            self._refused(exc)

    def _refused(self, exc: BaseException) -> None:
        errors.show(self, exc)

    def _loaded(self, view: OfficeView) -> None:
        self._refreshing = False
        before, self.view = self.view, view
        self._show()
        news = self.changes(before, view)
        if news and hasattr(self.window(), "show_news"):
            self.window().show_news(news)

    def changes(self, before: OfficeView | None, after: OfficeView) -> str:
        """What a reviewer did since the last look: imprints approved or rejected."""
        if before is None:
            return ""
        was = {i.imprint_id: i.state for i in before.imprints}
        lines = []
        for imprint in after.imprints:
            if was.get(imprint.imprint_id) in (None, imprint.state) or imprint.state not in ("approved", "rejected"):
                continue
            kind = type_name(imprint.seal_type)
            lines.append(self.tr("The imprint ({kind}) was approved: its seal can be collected").format(kind=kind)
                         if imprint.state == "approved" else
                         self.tr("The imprint ({kind}) was rejected: {reason}").format(kind=kind,
                                                                                      reason=imprint.reason or ""))
        return "；".join(lines)

    # -- showing ---------------------------------------------------------------------------------

    def _imprint_rows(self, imprints) -> list:
        return [(i.imprint_id, [type_name(i.seal_type), self.tr("{w} × {h} mm").format(
            w=i.width_mm, h=i.height_mm), local_time(i.uploaded_at), self.state_name(i.state), i.reason or ""])
            for i in imprints]

    def _show(self) -> None:
        view = self.view
        if self.seals is None:
            self.heading.setText(self.tr("Choose a licence and open the seal office to see the "
                                         "enterprise's imprints and seals.") if self.licence.count()
                                 else self.tr("There is no licence on this device yet: download one "
                                              "on the Licences page first."))
        else:
            self.heading.setText(self.tr("Seal office of {enterprise}.").format(
                enterprise=self.licence.currentText()))
        imprints = view.imprints if view else []
        self.empty.setVisible(view is not None and not imprints)
        self.empty.setText(self.tr("No imprint has been uploaded yet. Agree to the terms below, then "
                                   "upload a photo of the seal."))
        fill(self.imprints, self._imprint_rows(imprints))
        tint_states(self.imprints, 3, [i.state for i in imprints])
        fill(self.valid, self._imprint_rows(view.records.valid if view else []))
        fill(self.superseded, self._imprint_rows(view.records.superseded if view else []))
        fill(self.making, [(s.seal_id, [s.name, type_name(s.seal_type), local_time(s.valid_start),
                                        local_time(s.valid_end), local_time(s.made_at), s.made_by, s.imprint_id])
                           for s in (view.records.seal_making if view else [])])
        fill(self.issued, [(s.seal_id, [s.name, type_name(s.seal_type), local_time(s.valid_start),
                                        local_time(s.valid_end)]) for s in (view.seals if view else [])])
        self._update()

    def refresh_collected(self) -> None:
        stored = self.context.keystore.list_seals()
        fill(self.collected, [(s.seal_id, [s.name, type_name(s.seal_type), local_time(s.valid_start),
                                           local_time(s.valid_end), local_time(s.collected_at)]) for s in stored])
        for index, seal in enumerate(stored):
            self.collected.topLevelItem(index).setIcon(0, picture_icon(seal.picture))

    def _update(self) -> None:
        self.open_button.setEnabled(self.licence.count() > 0)
        self.upload_button.setEnabled(self.seals is not None and self.terms.isChecked())
        self.collect_button.setEnabled(self.seals is not None and bool(self.issued.selectedItems()))
        licence = self._licence()
        allowed = licence is not None and may_authorise(licence.role)
        self.grants_button.setEnabled(allowed and self.seals is not None and bool(self.issued.selectedItems()))
        self.grants_button.setToolTip(
            self.tr("Choose which agents may collect and use the selected seal, and when") if allowed
            else self.tr("Only the legal representative or a licence manager can authorise agents to use a seal"))

    # -- upload ----------------------------------------------------------------------------------

    def start_upload(self) -> None:
        if self.seals is None or not self.terms.isChecked():
            return
        self.editor = ImprintEditor(self)
        self.editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor.imprint_ready.connect(self.upload)
        self.editor.open()

    def upload(self, final: FinalImprint) -> None:
        if self.seals is not None:
            BackgroundOp(self, op=upload_op(self.seals, final), success=self._loaded) \
                .failure(self._refused).with_progress(self.tr("Uploading the imprint…")).run()

    # -- collection ------------------------------------------------------------------------------

    def collect_selected(self) -> None:
        selected = self.issued.selectedItems()
        if self.seals is None or not selected:
            return
        seal_id = selected[0].data(0, Qt.ItemDataRole.UserRole)
        seal = next(s for s in self.view.seals if s.seal_id == seal_id)
        licence = next(i for i in self.context.keystore.list_licences() if i.id == self.licence.currentData())
        if not seams.confirm(self, self.tr("Collect seal"), self.tr(
                "Collect the seal \"{seal}\" ({seal_type}) of {enterprise}, unified social credit code "
                "{code}, onto this device?").format(seal=seal.name, seal_type=type_name(seal.seal_type),
                                                    enterprise=licence.enterprise_name, code=seal.credit_code)):
            return
        UnlockedOp(self, self.context, asking=self.tr("collect the seal"),
                   op=collect_op(self.seals, seal_id, self.licence.currentData()),
                   success=self._collected).failure(self._refused) \
            .with_progress(self.tr("Collecting the seal…")).run()

    def _collected(self, stored) -> None:
        self.tabs.setCurrentIndex(2)

    # -- seal authorisations -----------------------------------------------------------------------

    def _licence(self):
        return next((i for i in self.context.keystore.list_licences() if i.id == self.licence.currentData()), None)

    def open_grants(self) -> None:
        selected, licence = self.issued.selectedItems(), self._licence()
        if self.seals is None or not selected or licence is None or not may_authorise(licence.role):
            return
        seal_id = selected[0].data(0, Qt.ItemDataRole.UserRole)
        seal = next(s for s in self.view.seals if s.seal_id == seal_id)
        self.grants_dialog = SealAuthorisationsDialog(self.seals, seal, licence.enterprise_name, self,
                                                      known_ids=self.agent_ids)
        self.grants_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.grants_dialog.open()
