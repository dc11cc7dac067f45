"""Bid files (标书): drop or pick files, encrypt them to this device's key and sign them with a
licence, submit them to the platform, rehearse decryption before the opening, fetch them back and
decrypt them after it. Long work runs in :class:`BackgroundOp`; dialogs go through seams."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import errors, seams
from ..changes import Change, on_change
from ..format import data_size, local_time
from ..page import Page
from .actions import BidActions
from .delegate import ProgressDelegate
from .form import BidTargetForm
from .jobs import Encryptor
from .model import BidRow, BidTableModel, State
from .submissions import SubmissionsPanel


def expand(paths: list[Path]) -> list[Path]:
    """Files as given, folders as the files inside them (recursively, in name order)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file()))
        elif path.is_file():
            files.append(path)
    return files


class BidsPage(Page):
    page_id = "bids"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("bidsPage")
        self.setAcceptDrops(True)
        self.model = BidTableModel(self)
        self.encryptor = Encryptor(self.model, self)
        self.form = BidTargetForm(context, self)
        self.submitted = SubmissionsPanel(self)
        self.actions = BidActions(self)
        self._build()
        self._connect()
        self.retranslate()
        self.form.refresh_licences()
        if context.connected:
            self.actions.load_projects()
        self.destroyed.connect(self.encryptor.close)

    # -- layout ------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = QLabel(self)
        self.banner.setObjectName("backupWarning")
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setMargin(8)
        self.banner.setAutoFillBackground(True)
        self.banner.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.banner.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.hint = QLabel(self)
        self.hint.setObjectName("dropHint")
        self.hint.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("bidFiles")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(BidTableModel.PROGRESS, ProgressDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(BidTableModel.FILE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BidTableModel.PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(BidTableModel.PROGRESS, 160)
        header.setStretchLastSection(True)
        self.overall = QProgressBar(self)
        self.overall.setObjectName("overallProgress")
        self.overall.setRange(0, 1000)
        self.stats = QLabel(self)
        self.stats.setObjectName("overallStats")
        self.receipt = QLabel(self)
        self.receipt.setObjectName("receipt")
        self.receipt.setWordWrap(True)
        self.receipt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = {
            name: QPushButton(self)
            for name in ("add", "encrypt", "cancel", "cancel_all", "show", "rehearse", "submit")
        }
        for name, button in self.buttons.items():
            button.setObjectName(f"bid_{name}")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 2)
        progress = QHBoxLayout()
        progress.addWidget(self.overall, 1)
        progress.addWidget(self.stats, 2)
        layout.addLayout(progress)
        for names in (("add", "encrypt", "cancel", "cancel_all"), ("show", "rehearse", "submit")):
            row = QHBoxLayout()
            for name in names:
                row.addWidget(self.buttons[name])
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.receipt)
        layout.addWidget(self.submitted, 1)

    def _connect(self) -> None:
        self.buttons["add"].clicked.connect(self.pick_files)
        self.buttons["encrypt"].clicked.connect(lambda: self.encrypt(self.pending()))
        self.buttons["cancel"].clicked.connect(self.cancel_selected)
        self.buttons["cancel_all"].clicked.connect(self.encryptor.cancel_all)
        self.buttons["show"].clicked.connect(self.show_in_folder)
        self.buttons["rehearse"].clicked.connect(self.actions.rehearse_selected)
        self.buttons["submit"].clicked.connect(self.actions.submit_selected)
        self.encryptor.progressed.connect(self._update_overall)
        self.encryptor.batch_finished.connect(self._batch_finished)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.model.dataChanged.connect(self._enable)
        self.model.rowsInserted.connect(self._enable)  # files waiting (the guard may stop before any start)
        self.form.apply_requested.connect(lambda: self.actions.apply_for_key())
        self.form.licence_changed.connect(self._enable)
        self.submitted.refresh_requested.connect(self.actions.refresh_submissions)
        self.submitted.fetch_requested.connect(self.actions.fetch_and_decrypt)
        self.context.projects.follow(self, updated=self.form.set_projects, failed=self.actions.projects_failed)
        on_change(self, Change.LICENCES, self.form.refresh_licences)
        on_change(self, Change.KEYS, self.form.refresh_key)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.context.projects.refresh()
        super().showEvent(event)

    def quit_question(self) -> str | None:
        return self.tr("Encryption is in progress. Quit anyway?") if self.encryptor.busy() else None

    def stop_work(self, stopped) -> None:
        """Cancel every encryption; each removes its partial container before it reports back."""
        if not self.encryptor.busy():
            stopped()
            return

        def once() -> None:
            self.encryptor.batch_finished.disconnect(once)
            stopped()

        self.encryptor.batch_finished.connect(once)
        self.encryptor.cancel_all()

    def title(self) -> str:
        return self.tr("Bid files")

    def retranslate(self) -> None:
        self.banner.setText(
            self.tr(
                "Back up your key on the Keys page before you encrypt: an encrypted bid opens only with "
                "the key on this device or a verified backup of it. If this device is lost or broken before the "
                "opening and no one holds a backup, your bid cannot be opened."
            )
        )
        self.hint.setText(
            self.tr(
                "Drop bid files or folders here, or add them: each file is encrypted to your "
                "key on this device and signed with the chosen licence."
            )
        )
        texts = {
            "add": self.tr("Add files…"),
            "encrypt": self.tr("Encrypt"),
            "cancel": self.tr("Cancel selected"),
            "cancel_all": self.tr("Cancel all"),
            "show": self.tr("Show in folder"),
            "rehearse": self.tr("Rehearse decryption"),
            "submit": self.tr("Submit to the platform"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.table.setAccessibleName(self.tr("Bid files"))
        self.overall.setAccessibleName(self.tr("Overall progress"))
        self.form.retranslate()
        self.submitted.retranslate()
        self._update_overall()
        self._enable()

    # -- adding files ----------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths(paths)

    def pick_files(self) -> None:
        files = seams.choose_files(self, self.tr("Choose bid files"))
        if files:
            self.add_paths([Path(f) for f in files])

    def add_paths(self, paths: list[Path]) -> None:
        """Add files (folders expand to their files) and start encrypting them."""
        indexes = self.model.add(expand(paths))
        if indexes:
            self.encrypt([self.model.rows[i] for i in indexes])

    # -- encrypting ---------------------------------------------------------------------------------

    def pending(self) -> list[BidRow]:
        """Rows waiting for a start, or that ended without a container and may be tried again."""
        return [
            r
            for r in self.model.rows
            if not self.encryptor.is_running(r)
            and r.state in (State.QUEUED, State.CANCELLED, State.FAILED)
        ]

    def encrypt(self, rows: list[BidRow]) -> None:
        if rows:
            self.actions.encrypt(rows)

    def cancel_selected(self) -> None:
        rows = self.selected_rows()
        self.encryptor.cancel(rows)
        for row in rows:
            if row.state is State.QUEUED and not self.encryptor.is_running(row):
                row.state = State.CANCELLED
                self.model.changed(self.model.rows.index(row))

    def selected_rows(self) -> list[BidRow]:
        indexes = self.table.selectionModel().selectedRows()
        return [self.model.rows[i.row()] for i in sorted(indexes, key=lambda i: i.row())]

    def done_rows(self, rows: list[BidRow] | None = None) -> list[BidRow]:
        chosen = rows if rows is not None else (self.selected_rows() or self.model.rows)
        return [
            r
            for r in chosen
            if r.container is not None and r.state in (State.ENCRYPTED, State.SUBMITTED)
        ]

    def show_in_folder(self) -> None:
        rows = self.done_rows()
        if rows and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(rows[0].container.parent))):
            seams.info(self, self.title(), self.tr(
                "No file manager could be opened here. The encrypted files are in {path}").format(
                path=str(rows[0].container.parent)))

    # -- status -------------------------------------------------------------------------------------

    def _update_overall(self) -> None:
        done, total, elapsed = self.encryptor.overall()
        self.overall.setValue(int(1000 * done / total) if total else 0)
        if not total:
            self.stats.setText("")
            return
        rate = done / elapsed if elapsed > 0 else 0.0
        if self.encryptor.busy() and rate > 0:
            self.stats.setText(
                self.tr("{done} of {total}, {rate}/s, about {left} s left").format(
                    done=data_size(done),
                    total=data_size(total),
                    rate=data_size(rate),
                    left=max(1, round((total - done) / rate)),
                )
            )
        else:
            self.stats.setText(
                self.tr("{done} of {total}").format(done=data_size(done), total=data_size(total))
            )

    def _batch_finished(self) -> None:
        self._update_overall()

    def _enable(self, *args) -> None:
        has_done = bool(self.done_rows())
        running = self.encryptor.busy()
        self.buttons["encrypt"].setEnabled(bool(self.pending()))
        self.buttons["cancel"].setEnabled(running)
        self.buttons["cancel_all"].setEnabled(running)
        for name in ("show", "rehearse", "submit"):
            self.buttons[name].setEnabled(has_done)
        if self.actions.submitting:
            self.buttons["submit"].setEnabled(False)
        self.hint.setVisible(not self.model.rows)

    def show_receipts(self, receipts) -> None:
        lines = [
            self.tr(
                "Receipt {id} for {file} ({project}/{section}): SM3 {sm3}, received {time}; the "
                "platform's signature is verified against its certificate."
            ).format(
                id=r.submission_id,
                file=r.file_name,
                project=r.project,
                section=r.section,
                sm3=r.sm3,
                time=local_time(r.received_at, seconds=True),
            )
            for r in receipts
        ]
        self.receipt.setText("\n".join(lines))

    def show_error(self, exc: BaseException) -> None:
        errors.show(self, exc)
