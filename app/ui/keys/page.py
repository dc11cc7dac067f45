"""Keys (密钥管理): the keys on this device and their backup holders (我的密钥), and the keys
other holders backed up to this device with the messages waiting for a decision (我备份的密钥):
备份验证 of an incoming backup, 确认恢复 or refusal of a recovery request.

What the keystore knows is shown at once; the service's backup states and the inbox need the
licence password (the messages are signed with the licence), so they come with "Check with the
service" and after every action. Each step is one core call of :mod:`.view` in an
:class:`~app.ui.unlocked.UnlockedOp`, the same calls as ``ebid key``."""

from __future__ import annotations

import os
import socket
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.keybackup.flows import Device
from .. import errors, seams
from ..changes import Change, Changed, on_change
from ..format import local_time
from ..licences.roles import role_name
from ..operations import BackgroundOp
from ..page import Page
from ..unlocked import UnlockedOp
from . import view as kv


def _tree(parent: QWidget) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setRootIsDecorated(False)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree


class KeysPage(Page):
    page_id = "keys"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("keysPage")
        self.view = kv.KeysView((), (), False)
        self._ours = False  # the change being announced came from this page's own work
        self.licence = QComboBox(self)
        self.licence_label, self.heading = QLabel(self), QLabel(self)
        self.heading.setWordWrap(True)
        self.news = QLabel(self)
        self.news.setObjectName("keyNews")
        self.news.setWordWrap(True)
        self.news.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(self)
        self.apply_button, self.backup_button = QPushButton(self), QPushButton(self)
        self.recover_button = QPushButton(self)
        self.export_button, self.import_button = QPushButton(self), QPushButton(self)
        self.verify_button, self.confirm_button, self.refuse_button = (QPushButton(self) for _ in range(3))
        self.veto_button = QPushButton(self)
        self.export_card_button, self.import_card_button = QPushButton(self), QPushButton(self)
        self.recover_file_button = QPushButton(self)
        self.withdraw_button = QPushButton(self)
        self.qr_button = QPushButton(self)
        for name in ("refresh", "apply", "backup", "export", "recover", "import", "verify", "confirm", "refuse", "veto",
                     "export_card", "import_card", "recover_file", "withdraw", "qr"):
            getattr(self, f"{name}_button").setObjectName(f"key_{name}")
        self.tabs = QTabWidget(self)
        self.mine, self.held, self.incoming = _tree(self), _tree(self), _tree(self)
        self._build()
        self.refresh_button.clicked.connect(self.refresh)
        self.apply_button.clicked.connect(self.apply_for_key)
        self.backup_button.clicked.connect(self.back_up_selected)
        self.recover_button.clicked.connect(self.request_recovery)
        self.export_button.clicked.connect(lambda: self.back_up_selected(to_file=True))
        self.import_button.clicked.connect(self.import_file)
        self.export_card_button.clicked.connect(self.export_card)
        self.import_card_button.clicked.connect(self.import_card)
        self.recover_file_button.clicked.connect(self.request_recovery_by_file)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.qr_button.clicked.connect(self.show_file_as_codes)
        self.verify_button.clicked.connect(self.verify_selected)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.refuse_button.clicked.connect(self.refuse_selected)
        self.veto_button.clicked.connect(self.veto_selected)
        for tree in (self.mine, self.incoming):
            tree.itemSelectionChanged.connect(self._update)
        self.licence.currentIndexChanged.connect(self._licence_changed)
        on_change(self, Change.KEYS, self._keys_changed)
        on_change(self, Change.LICENCES, self.reload_licences)
        self.retranslate()
        self.reload_licences()

    def _build(self) -> None:
        top = QHBoxLayout()
        self.licence_label.setBuddy(self.licence)
        top.addWidget(self.licence_label)
        top.addWidget(self.licence, 1)
        top.addWidget(self.refresh_button)
        mine = QWidget(self)
        box = QVBoxLayout(mine)
        box.addWidget(self.mine, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.apply_button)
        row.addWidget(self.backup_button)
        row.addWidget(self.export_button)
        row.addWidget(self.recover_button)
        row.addWidget(self.recover_file_button)
        box.addLayout(row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.withdraw_button)
        row.addWidget(self.export_card_button)
        row.addWidget(self.import_card_button)
        row.addWidget(self.qr_button)
        box.addLayout(row)
        held = QWidget(self)
        self.held_box, self.incoming_box = QGroupBox(held), QGroupBox(held)
        QVBoxLayout(self.held_box).addWidget(self.held)
        QVBoxLayout(self.incoming_box).addWidget(self.incoming)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        for button in (self.verify_button, self.confirm_button, self.refuse_button, self.veto_button):
            row.addWidget(button)
        self.incoming_box.layout().addLayout(row)
        lay = QVBoxLayout(held)
        lay.addWidget(self.held_box, 1)
        lay.addWidget(self.incoming_box, 2)
        self.tabs.addTab(mine, "")
        self.tabs.addTab(held, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.news)
        layout.addWidget(self.tabs, 1)

    def title(self) -> str:
        return self.tr("Keys")

    def retranslate(self) -> None:
        self.licence_label.setText(self.tr("&Licence:"))
        self.refresh_button.setText(self.tr("&Check with the service…"))
        self.apply_button.setText(self.tr("&Apply for a key…"))
        self.backup_button.setText(self.tr("&Back up…"))
        self.recover_button.setText(self.tr("Request &recovery…"))
        self.export_button.setText(self.tr("Back up to a &file…"))
        self.export_button.setToolTip(self.tr(
            "Write the backup package to a file and hand it to its holder (no mailbox); they import it"))
        self.import_button.setText(self.tr("&Import a file…"))
        self.import_button.setToolTip(self.tr(
            "Take a backup package or an answer to this device from a file"))
        self.recover_button.setToolTip(self.tr(
            "On a new device: ask a backup holder of your key on another device to give it back to this "
            "device's key"))
        self.withdraw_button.setText(self.tr("&Withdraw a backup…"))
        self.withdraw_button.setToolTip(self.tr(
            "Take the chosen key's backup back from a holder (a colleague who changes role or leaves): it stops "
            "counting, and their device deletes its copy"))
        self.qr_button.setText(self.tr("Show a file as &QR codes…"))
        self.qr_button.setToolTip(self.tr(
            "For a device with a camera and no shared folder: show a key-backup file or card written here as a "
            "sequence of QR codes, for its Scan page to read"))
        self.export_card_button.setText(self.tr("E&xport my card…"))
        self.export_card_button.setToolTip(self.tr(
            "For a holder on another service (two PCs, each with its own): write a signed card of the chosen key, "
            "and read the fingerprint it shows out to them"))
        self.import_card_button.setText(self.tr("Import a car&d…"))
        self.import_card_button.setToolTip(self.tr(
            "Take another holder's card after comparing its fingerprint with the one they read out to you"))
        self.recover_file_button.setText(self.tr("Request recovery b&y file…"))
        self.recover_file_button.setToolTip(self.tr(
            "On a new device: write a recovery request for a backup holder on another service, whose card you "
            "imported; import their answer with \"Import a file\""))
        self.verify_button.setText(self.tr("&Verify backup…"))
        self.confirm_button.setText(self.tr("Con&firm recovery…"))
        self.refuse_button.setText(self.tr("&Refuse…"))
        self.veto_button.setText(self.tr("V&eto recovery…"))
        self.veto_button.setToolTip(self.tr("Stop a recovery of your key to another device before it takes effect"))
        self.tabs.setTabText(0, self.tr("My keys"))
        self.tabs.setTabText(1, self.tr("Keys I back up"))
        self.held_box.setTitle(self.tr("Keys other holders backed up to this device"))
        self.incoming_box.setTitle(self.tr("Waiting for your decision"))
        self.mine.setHeaderLabels([self.tr("Key"), self.tr("Where"), self.tr("Name"), self.tr("Key id"),
                                   self.tr("Backup holders")])
        self.held.setHeaderLabels([self.tr("Key"), self.tr("Owner"), self.tr("Key id"), self.tr("Held since")])
        self.incoming.setHeaderLabels([self.tr("Message"), self.tr("From"), self.tr("ID number"),
                                       self.tr("New device"), self.tr("Received"), self.tr("Key"),
                                       self.tr("Note")])
        self.mine.setAccessibleName(self.tr("My keys"))
        self.held.setAccessibleName(self.tr("Keys other holders backed up to this device"))
        self.incoming.setAccessibleName(self.tr("Waiting for your decision"))
        self._show()

    # -- words -------------------------------------------------------------------------------------

    def kind_name(self, kind: str) -> str:
        return {kv.OWN: self.tr("This device"), kv.RECOVERED: self.tr("This device (recovered)"),
                kv.ELSEWHERE: self.tr("Another device")}.get(kind, kind)

    def holder_text(self, holder: kv.Holder) -> str:
        if holder.state == "verified":
            return self.tr("{name}: verified {time}").format(name=holder.name, time=local_time(holder.since))
        if holder.state == "sent":
            return self.tr("{name}: sent, not verified yet").format(name=holder.name)
        if holder.state == "revoked":
            return self.tr("{name}: holder's licence revoked, the backup no longer counts").format(name=holder.name)
        if holder.state == "expired":
            return self.tr("{name}: holder's licence expired, the backup no longer counts").format(name=holder.name)
        if holder.state == "withdrawn":
            return self.tr("{name}: backup withdrawn").format(name=holder.name)
        return f"{holder.name}: {holder.state}"

    def message_name(self, kind: str) -> str:
        return {"backup": self.tr("Backup to verify"), "request": self.tr("Recovery request"),
                "grant": self.tr("Recovery of your key")}.get(kind, kind)

    def answer_text(self, answer: kv.Answer) -> str:
        if answer.problem is not None:
            what = {"ack": self.tr("The acknowledgement of your backup of {key} from {name} could not be taken: "
                                   "{reason}"),
                    "grant": self.tr("The recovery of {key} from {name} could not be taken: {reason}"),
                    }.get(answer.kind, self.tr("A message about {key} from {name} could not be taken: {reason}"))
            return what.format(key=answer.subject, name=answer.sender, reason=errors.text(answer.problem))
        return {"ack": self.tr("{name} verified your backup of {key}."),
                "grant": self.tr("{name} gave the key {key} back: it is on this device again."),
                "veto": self.tr("The owner of {key} vetoed the recovery you confirmed."),
                }.get(answer.kind, "").format(key=answer.subject, name=answer.sender)

    # -- licences and the view ---------------------------------------------------------------------

    def reload_licences(self) -> None:
        current = self.licence.currentData()
        self.licence.blockSignals(True)
        self.licence.clear()
        for info in self.context.keystore.list_licences():
            self.licence.addItem(self.tr("{enterprise} — {holder}").format(
                enterprise=info.enterprise_name, holder=info.holder_name), info.id)
        index = self.licence.findData(current)
        self.licence.setCurrentIndex(max(0, index))
        self.licence.blockSignals(False)
        self.show_local()

    def _licence_changed(self) -> None:
        self.show_local()

    def show_local(self) -> None:
        self.view = kv.local_view(self.context.keystore)
        self._show()

    def _keys_changed(self) -> None:
        if self._ours:  # this page's own work showed the service's view already
            self._ours = False
            return
        self.view = kv.merged(kv.local_view(self.context.keystore), self.view)
        self._show()

    def _loaded(self, loaded: kv.KeysView) -> None:
        self.view = loaded
        self._ours = True
        self._show()

    def _show(self) -> None:
        view = self.view
        if not self.licence.count():
            self.heading.setText(self.tr("There is no licence on this device yet: download one on the "
                                         "Licences page first."))
        elif view.online:
            self.heading.setText(self.tr("Backup states and messages as the service knows them now."))
        elif view.said:
            self.heading.setText(self.tr("Keys changed on this device since the last check with the service: "
                                         "check again for the current backup states and messages."))
        else:
            self.heading.setText(self.tr("The keys on this device. Check with the service (licence password) "
                                         "to see whether each backup is verified and which messages wait for you."))
        self.news.setText("\n".join(self.answer_text(a) for a in view.answers) if view.online else "")
        self.news.setVisible(bool(self.news.text()))
        chosen = self.selected_key()  # kept across a refresh
        self.mine.clear()
        self.held.clear()
        for row in view.keys:
            if row.kind == kv.HELD:
                item = QTreeWidgetItem([row.registry_id, row.owner, kv.fingerprint(row.key_id),
                                        local_time(row.since)])
                self.held.addTopLevelItem(item)
                item = QTreeWidgetItem([row.registry_id, self.tr("This device, a backup held for {owner}").format(
                    owner=row.owner), "", kv.fingerprint(row.key_id), self.tr("(you are its backup holder)")])
                item.setData(0, Qt.ItemDataRole.UserRole, row.registry_id)
                item.setData(1, Qt.ItemDataRole.UserRole, row.kind)
                self.mine.addTopLevelItem(item)
                continue
            holders = "; ".join(self.holder_text(h) for h in row.holders) or self.tr("No backup yet")
            where = self.kind_name(row.kind)
            if row.requested is not None:
                where = self.tr("{where} — recovery requested {time}").format(
                    where=where, time=local_time(row.requested))
            item = QTreeWidgetItem([row.registry_id or self.tr("(not registered)"), where,
                                    row.label, kv.fingerprint(row.key_id), holders])
            item.setData(0, Qt.ItemDataRole.UserRole, row.registry_id)
            item.setData(1, Qt.ItemDataRole.UserRole, row.kind)
            self.mine.addTopLevelItem(item)
            if chosen is not None and (chosen.registry_id, chosen.kind) == (row.registry_id, row.kind):
                self.mine.setCurrentItem(item)
        self.incoming.clear()
        for message in view.incoming:
            note = errors.text(message.problem) if message.problem else ""
            if message.takes_effect is not None:
                note = self.tr("Confirmed by its backup holder; takes effect {time} unless you veto it").format(
                    time=local_time(message.takes_effect))
            item = QTreeWidgetItem([self.message_name(message.kind), message.sender, message.masked_id,
                                    message.new_device, local_time(message.created, seconds=True),
                                    message.subject, note])
            item.setData(0, Qt.ItemDataRole.UserRole, message.message_id)
            self.incoming.addTopLevelItem(item)
        if view.incoming:
            self.tabs.setTabText(1, self.tr("Keys I back up ({n})").format(n=len(view.incoming)))
        else:
            self.tabs.setTabText(1, self.tr("Keys I back up"))
        self._update()

    def selected_key(self) -> kv.KeyRow | None:
        items = self.mine.selectedItems()
        if not items:
            return None
        registry_id, kind = items[0].data(0, Qt.ItemDataRole.UserRole), items[0].data(1, Qt.ItemDataRole.UserRole)
        return next((r for r in self.view.keys if r.registry_id == registry_id and r.kind == kind), None)

    def selected_message(self) -> kv.Incoming | None:
        items = self.incoming.selectedItems()
        if not items:
            return None
        message_id = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((m for m in self.view.incoming if m.message_id == message_id), None)

    def _update(self) -> None:
        has_licence = self.licence.count() > 0
        self.refresh_button.setEnabled(has_licence)
        self.apply_button.setEnabled(has_licence)
        key = self.selected_key()
        self.backup_button.setEnabled(has_licence and key is not None and key.kind in (kv.OWN, kv.RECOVERED)
                                      and bool(key.registry_id))
        self.export_button.setEnabled(self.backup_button.isEnabled())
        self.export_card_button.setEnabled(self.backup_button.isEnabled())
        self.withdraw_button.setEnabled(self.backup_button.isEnabled() and any(
            h.state in ("verified", "sent") for h in key.holders))
        self.import_card_button.setEnabled(has_licence)
        self.recover_file_button.setEnabled(has_licence and key is not None and key.kind == kv.ELSEWHERE
                                            and key.requested is None)
        self.import_button.setEnabled(has_licence)
        self.recover_button.setEnabled(has_licence and key is not None and key.kind == kv.ELSEWHERE
                                       and bool(key.verified_holders()) and key.requested is None)
        message = self.selected_message()
        self.verify_button.setEnabled(message is not None and message.kind == "backup")
        self.confirm_button.setEnabled(message is not None and message.kind == "request" and message.problem is None)
        self.refuse_button.setEnabled(message is not None and message.kind == "request")
        self.veto_button.setEnabled(message is not None and message.kind == "grant")

    # -- work ------------------------------------------------------------------------------------

    def _run(self, purpose: str, asking: str, work, success, progress: str, *, failure=None, keep_until=None,
             changes: Change = Change.KEYS) -> UnlockedOp:
        """``work(device)`` with the chosen licence unlocked, on a pool thread."""
        licence = self.licence.currentData()

        def op(access, progress_, cancel):
            return Changed(work(Device(access.store, access.unlocked, access.holder, licence)), changes)

        run = UnlockedOp(self, self.context, asking=asking, licence=licence, purpose=purpose, op=op,
                         success=success).failure(failure or self._failed).with_progress(progress)
        if keep_until is not None:
            run.keep_until(keep_until)
        return run.run()

    def _failed(self, exc: BaseException) -> None:
        errors.show(self, exc)
        self.view = kv.merged(kv.local_view(self.context.keystore), self.view)
        self._show()

    def refresh(self) -> None:
        if self.licence.currentData() is not None:
            self._run("list keys", self.tr("check the keys with the service"), kv.load, self._loaded,
                      self.tr("Contacting the service…"))

    def apply_for_key(self) -> None:
        if self.licence.currentData() is None:
            return
        label = self.tr("Bid encryption key on {device}").format(device=socket.gethostname() or "this device")
        self._run("register encryption key",
                  self.tr("apply for an encryption key"), lambda device: kv.apply(device, label), self._loaded,
                  self.tr("Applying for an encryption key…"))

    # -- backup: one password for the candidates and the sending -------------------------------------

    def back_up_key(self, registry_id: str) -> None:
        """The bid-survival question's one click (:mod:`.guard`): this key chosen, its backup
        started."""
        key = next((k for k in self.context.keystore.list_encryption_keys() if k.registry_id == registry_id), None)
        if key is not None and self.licence.findData(key.licence_id) >= 0:
            self.licence.setCurrentIndex(self.licence.findData(key.licence_id))
        self.tabs.setCurrentIndex(0)
        for row in range(self.mine.topLevelItemCount()):
            item = self.mine.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == registry_id and \
                    item.data(1, Qt.ItemDataRole.UserRole) in (kv.OWN, kv.RECOVERED):
                self.mine.setCurrentItem(item)
                self.back_up_selected()
                return

    def back_up_selected(self, to_file: bool = False) -> None:
        key = self.selected_key()
        if key is None or not key.registry_id or self.licence.currentData() is None:
            return
        lease = QObject(self)

        def failed(exc: BaseException) -> None:
            lease.deleteLater()
            self._failed(exc)

        run = self._run("back up key", self.tr("back up the key"),
                        lambda device: (device, kv.candidates(device, key.registry_id)),
                        partial(self._choose_holder, key, lease, to_file), self.tr("Looking for backup holders…"),
                        failure=failed, keep_until=lease, changes=Change(0))
        if run.operation is None:  # cancelled at the password prompt
            lease.deleteLater()

    def _choose_holder(self, key: kv.KeyRow, lease: QObject, to_file: bool, found) -> None:
        device, candidates = found
        known = {r.record_id for r in candidates.records}
        cards = [c for c in kv.peer_cards(self.context.keystore) if c.record_id not in known] if to_file else []
        if not candidates.records and not cards:
            lease.deleteLater()
            waiting = "、".join(self.tr("{name} ({role})").format(name=p.name, role=role_name(p.role))
                               for p in candidates.without_key)
            text = self.tr("No holder of your enterprise can receive a backup yet. The legal representative, a "
                           "licence manager or an agent must download their licence on their own device and "
                           "apply for a key there (Keys page, \"Apply for a key\"); then back up again.")
            if waiting:
                text += "\n" + self.tr("Holders without a key yet: {names}.").format(names=waiting)
            seams.info(self, self.tr("Back up"), text)
            return
        labels = {}
        for r in candidates.records:
            text = self.tr("{name} ({role}) — {label} — {record}").format(
                name=r.holder_name, role=role_name(r.role), label=r.label, record=r.record_id)
            if r.same_person:
                text += " " + self.tr("(your key on another device)")
            labels[text] = r.record_id
        for c in cards:
            labels[self.tr("{name} ({role}) — {label} — {record} (from their card)").format(
                name=c.holder_name, role=role_name(c.role), label=c.label, record=c.record_id)] = c.record_id
        question = self.tr("Back up the key {key} to whom? Once they verify it, their device can "
                           "also open bids encrypted to it and give it back to you on a new device.").format(
            key=key.registry_id)

        def ask():
            choice, ok = QInputDialog.getItem(self, self.tr("Back up"), question, list(labels), 0, False)
            return labels.get(choice) if ok else None

        record = seams.pick("choice", self.tr("Back up"), question, ask)
        wait_question = self.tr(
            "Waiting period, in hours, before a recovery of this key takes effect (0 to 72). During it your "
            "other devices can veto a recovery you did not ask for; 0 lets a recovery work at once, as on "
            "an opening day.")

        def ask_wait():
            hours, ok = QInputDialog.getInt(self, self.tr("Back up"), wait_question, 0, 0, 72, 1)
            return hours if ok else None

        wait = None if record is None else seams.pick("number", self.tr("Back up"), wait_question, ask_wait)
        if wait is None:
            lease.deleteLater()
            return

        def sent(loaded: kv.KeysView) -> None:
            lease.deleteLater()
            self._loaded(loaded)
            seams.info(self, self.tr("Back up"), self.tr(
                "The backup was sent. It counts once its holder verifies it on their device."))

        def failed(exc: BaseException) -> None:
            lease.deleteLater()
            self._failed(exc)

        if to_file:
            path = seams.choose_save_file(self, self.tr("Back up to a file"), f"{key.registry_id}-{record}.ebkb")
            if not path:
                lease.deleteLater()
                return

            def written(loaded: kv.KeysView) -> None:
                lease.deleteLater()
                self._loaded(loaded)
                seams.info(self, self.tr("Back up to a file"), self.tr(
                    "The backup package was written to {path}. Hand it to its holder: they import it on the Keys "
                    "page, and the backup counts once they have.").format(path=path))

            BackgroundOp(self, op=lambda p, c: Changed(kv.export_backup(device, key.registry_id, record, wait, path),
                                                       Change.KEYS),
                         success=written).failure(failed).with_progress(self.tr("Writing the backup package…")).run()
            return
        BackgroundOp(self, op=lambda p, c: Changed(kv.backup(device, key.registry_id, record, wait), Change.KEYS),
                     success=sent).failure(failed).with_progress(self.tr("Sending the backup…")).run()

    # -- recovery on a new device (申请恢复) --------------------------------------------------------

    def request_recovery(self) -> None:
        key = self.selected_key()
        if key is None or key.kind != kv.ELSEWHERE or not key.verified_holders():
            return
        holders = {self.tr("{name} ({record})").format(name=h.name, record=h.record_id): h
                   for h in key.verified_holders()}
        if len(holders) == 1:
            (holder,) = holders.values()
        else:
            question = self.tr("Ask whom to give the key {key} back to this device?").format(key=key.registry_id)

            def ask():
                choice, ok = QInputDialog.getItem(self, self.tr("Request recovery"), question, list(holders), 0,
                                                  False)
                return holders[choice].record_id if ok else None

            record = seams.pick("choice", self.tr("Request recovery"), question, ask)
            holder = next((h for h in holders.values() if h.record_id == record), None)
            if holder is None:
                return

        def requested(loaded: kv.KeysView) -> None:
            self._loaded(loaded)
            seams.info(self, self.tr("Request recovery"), self.tr(
                "Recovery of {key} was requested from {name}. Once they confirm it on their device, "
                "check with the service here: the key is then taken onto this device.").format(
                key=key.registry_id, name=holder.name))

        self._run("request recovery",
                  self.tr("ask {name} to give the key back").format(name=holder.name),
                  lambda device: kv.request(device, key.registry_id, holder.record_id), requested,
                  self.tr("Sending the recovery request…"))

    # -- incoming ----------------------------------------------------------------------------------

    def verify_selected(self) -> None:
        message = self.selected_message()
        if message is None or message.kind != "backup":
            return
        self._run("verify backup",
                  self.tr("verify the backup"), lambda device: kv.verify(device, message.message_id),
                  partial(self._verified, message), self.tr("Verifying the backup…"))

    def _verified(self, message: kv.Incoming, loaded: kv.KeysView) -> None:
        self._loaded(loaded)
        seams.info(self, self.tr("Verify backup"), self.tr(
            "The backup of {key} from {owner} is verified and kept on this device; {owner} has been told.").format(
            key=message.subject, owner=message.sender))

    def _describe(self, message: kv.Incoming) -> str:
        return self.tr("{name} (ID number {masked}) asks for the key {key} on a new device with key "
                       "fingerprint {device}, requested {time}.").format(
            name=message.sender, masked=message.masked_id, key=message.subject, device=message.new_device,
            time=local_time(message.created, seconds=True))

    def confirm_selected(self) -> None:
        message = self.selected_message()
        if message is None or message.kind != "request" or message.problem is not None:
            return
        if not seams.confirm(self, self.tr("Confirm recovery"), self._describe(message) + "\n\n" + self.tr(
                "Give the key back only if you know this request comes from its owner. Confirm the recovery?")):
            return
        self._run("confirm recovery",
                  self.tr("confirm the recovery"), lambda device: kv.confirm(device, message.message_id),
                  self._loaded, self.tr("Confirming the recovery…"))

    def import_file(self) -> None:
        if self.licence.currentData() is None:
            return
        files = seams.choose_files(self, self.tr("Import a key-backup file"))
        if files:
            self.take_file(files[0])

    def take_file(self, path: str) -> None:
        """A key-backup file chosen, or rebuilt from its QR codes by the Scan page: a card is
        imported as a card, anything else as a message."""
        licence = self.licence.currentData()
        if licence is None:
            return
        if kv.is_card(path):
            self.take_card(path)
            return
        title = self.tr("Import a key-backup file")
        try:
            peeked = kv.peek(self.context.keystore, licence, path)
        except Exception as exc:  # noqa: BLE001 — shown as the refusal it is, like any failed step
            errors.show(self, exc)
            return
        if peeked.kind == "request":
            self._confirm_file(path, peeked)
            return
        answer_to = None
        if peeked.kind == "backup" and peeked.other_authority:
            answer_to = seams.choose_save_file(self, self.tr("Save the acknowledgement for {name}").format(
                name=peeked.sender), f"ack-{peeked.subject}.ebkf")
            if not answer_to:
                return

        def imported(result) -> None:
            kind, loaded = result
            self._loaded(loaded)
            said = {"backup": self.tr("The backup package in {path} is verified and kept on this device; its "
                                      "owner has been told."),
                    "ack": self.tr("The acknowledgement in {path} is taken: the backup counts."),
                    "grant": self.tr("The key in {path} is on this device again."),
                    "veto": self.tr("The veto in {path} is taken: the recovery never takes effect."),
                    "withdrawal": self.tr("The withdrawal in {path} is taken: the copy of that backup on this "
                                          "device is deleted (if it held one).")}[kind]
            if answer_to:
                said = self.tr("The backup package in {path} is verified and kept on this device. Hand the "
                               "acknowledgement in {answer} to its owner: they import it, and the backup counts.")
            seams.info(self, title, said.format(path=path, answer=answer_to))

        self._run("import key-backup message", self.tr("import the file"),
                  lambda device: kv.import_message(device, path, answer_to), imported, self.tr("Importing the file…"))

    def _confirm_file(self, path: str, peeked: kv.FileMessage) -> None:
        title = self.tr("Confirm recovery")
        if not seams.confirm(self, title, self.tr(
                "{name} (ID number {masked}) asks, in {path}, for the key {key} on a new device.").format(
                name=peeked.sender, masked=peeked.masked_id, path=path, key=peeked.subject) + "\n\n" + self.tr(
                "Give the key back only if you know this request comes from its owner. Confirm the recovery?")):
            return
        grant_to = seams.choose_save_file(self, self.tr("Save the recovery for {name}").format(name=peeked.sender),
                                          f"grant-{peeked.subject}.ebkf")
        if not grant_to:
            return

        def confirmed(loaded: kv.KeysView) -> None:
            self._loaded(loaded)
            seams.info(self, title, self.tr(
                "The recovery of {key} was written to {path}. Hand it to {name}: they import it on their new "
                "device.").format(key=peeked.subject, path=grant_to, name=peeked.sender))

        self._run("confirm recovery", self.tr("confirm the recovery"),
                  lambda device: kv.confirm_file(device, path, grant_to), confirmed,
                  self.tr("Confirming the recovery…"))

    # -- peer cards: holders on another service ------------------------------------------------------

    def export_card(self) -> None:
        key = self.selected_key()
        if key is None or not key.registry_id or key.kind not in (kv.OWN, kv.RECOVERED):
            return
        title = self.tr("Export my card")
        path = seams.choose_save_file(self, title, f"{key.registry_id}.ebkc")
        if not path:
            return

        def written(card) -> None:
            seams.info(self, title, self.tr(
                "The card of {key} was written to {path}; hand it to the holder on the other service. Then read "
                "this fingerprint of your authority's root out to them (by phone or in person), so that they can "
                "compare it before they import the card:\n\n{fingerprint}").format(
                key=key.registry_id, path=path, fingerprint=kv.grouped(card.root_fingerprint)))

        self._run("export peer card", self.tr("export the card"), lambda device: kv.export_card(
            device, key.registry_id, path), written, self.tr("Writing the card…"), changes=Change(0))

    def import_card(self) -> None:
        if self.licence.currentData() is None:
            return
        files = seams.choose_files(self, self.tr("Import a card"))
        if files:
            self.take_card(files[0])

    def take_card(self, path: str) -> None:
        title = self.tr("Import a card")
        try:
            card = kv.read_card(path)
        except Exception as exc:  # noqa: BLE001 — shown as the refusal it is
            errors.show(self, exc)
            return
        if not seams.confirm(self, title, self.tr(
                "The card of {name} ({role}), key {key}, of the enterprise {code}. Its authority root's "
                "fingerprint is:\n\n{fingerprint}\n\nCompare it with the one {name} reads out to you. Import the "
                "card only if they are the same.").format(
                name=card.holder_name, role=role_name(card.role), key=card.record_id, code=card.enterprise,
                fingerprint=kv.grouped(card.root_fingerprint))):
            return

        def imported(loaded: kv.KeysView) -> None:
            self._loaded(loaded)
            seams.info(self, title, self.tr(
                "The card of {name} is kept: you can back up to their key {key} by file, and take their "
                "files.").format(name=card.holder_name, key=card.record_id))

        self._run("import peer card", self.tr("import the card"),
                  lambda device: kv.import_card(device, path, card.root_fingerprint), imported,
                  self.tr("Checking the card…"))

    def request_recovery_by_file(self) -> None:
        key = self.selected_key()
        if key is None or key.kind != kv.ELSEWHERE:
            return
        title = self.tr("Request recovery by file")
        cards = kv.peer_cards(self.context.keystore)
        if not cards:
            seams.info(self, title, self.tr(
                "Import the card of the holder who keeps your backup first (\"Import a card\"): the request is "
                "sealed to their key."))
            return
        labels = {self.tr("{name} ({record})").format(name=c.holder_name, record=c.record_id): c for c in cards}
        question = self.tr("Ask whom to give the key {key} back to this device?").format(key=key.registry_id)

        def ask():
            choice, ok = QInputDialog.getItem(self, title, question, list(labels), 0, False)
            return labels[choice].record_id if ok else None

        record = seams.pick("choice", title, question, ask)
        holder = next((c for c in cards if c.record_id == record), None)
        if holder is None:
            return
        path = seams.choose_save_file(self, title, f"request-{key.registry_id}.ebkf")
        if not path:
            return

        def written(loaded: kv.KeysView) -> None:
            self._loaded(loaded)
            seams.info(self, title, self.tr(
                "The recovery request was written to {path}. Hand it to {name}; import the file they give back "
                "(\"Import a file\"): the key is then on this device.").format(path=path, name=holder.holder_name))

        self._run("request recovery", self.tr("ask {name} to give the key back").format(name=holder.holder_name),
                  lambda device: kv.request_file(device, key.registry_id, record, path), written,
                  self.tr("Writing the recovery request…"))

    def show_file_as_codes(self) -> None:
        from ...core.keybackup import qrseq
        from .qr_codes import QrSequenceDialog

        title = self.tr("Show a file as QR codes")
        files = seams.choose_files(self, title)
        if not files:
            return
        try:
            texts = qrseq.split(kv.read_file(files[0]))
        except Exception as exc:  # noqa: BLE001 — shown as the refusal it is
            errors.show(self, exc)
            return
        self.codes_dialog = QrSequenceDialog(texts, os.path.basename(files[0]), self)
        self.codes_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.codes_dialog.open()

    def withdraw_selected(self) -> None:
        key = self.selected_key()
        if key is None or key.kind not in (kv.OWN, kv.RECOVERED) or not key.registry_id:
            return
        title = self.tr("Withdraw a backup")
        holders = {self.holder_text(h): h.record_id for h in key.holders if h.state in ("verified", "sent")}
        if not holders:
            return
        question = self.tr("Withdraw the backup of {key} from whom?").format(key=key.registry_id)

        def ask():
            choice, ok = QInputDialog.getItem(self, title, question, list(holders), 0, False)
            return holders[choice] if ok else None

        record = seams.pick("choice", title, question, ask)
        holder = next((h for h in key.holders if h.record_id == record), None)
        if holder is None:
            return
        if not seams.confirm(self, title, self.tr(
                "{name} can then no longer give the key back to you, and the backup stops counting: bids need "
                "another verified backup. Their device deletes its copy when it takes the withdrawal; a copy "
                "they kept elsewhere would still open bids encrypted to this key — for new bids, apply for a "
                "new key and back it up. Withdraw the backup?").format(name=holder.name)):
            return
        path = None
        if kv.by_file(self.context.keystore, record):  # a holder on another service: by file
            path = seams.choose_save_file(self, title, f"withdrawal-{key.registry_id}.ebkf")
            if not path:
                return

        def done(loaded: kv.KeysView) -> None:
            self._loaded(loaded)
            said = self.tr("The backup held by {name} is withdrawn.").format(name=holder.name)
            if path:
                said += " " + self.tr("Hand {path} to them: their device deletes its copy when they import "
                                      "it.").format(path=path)
            seams.info(self, title, said)

        self._run("withdraw backup", self.tr("withdraw the backup held by {name}").format(name=holder.name),
                  lambda device: kv.withdraw(device, key.registry_id, record, path), done,
                  self.tr("Withdrawing the backup…"))

    def veto_selected(self) -> None:
        message = self.selected_message()
        if message is None or message.kind != "grant":
            return
        if not seams.confirm(self, self.tr("Veto recovery"), self.tr(
                "{name} confirmed a recovery of your key {key} to another device; it takes effect {time}. Veto it "
                "if you did not ask for it: it then never takes effect.").format(
                name=message.sender, key=message.subject, time=local_time(message.takes_effect))):
            return
        self._run("veto recovery", self.tr("veto the recovery"), lambda device: kv.veto(device, message.message_id),
                  self._loaded, self.tr("Vetoing the recovery…"))

    def refuse_selected(self) -> None:
        message = self.selected_message()
        if message is None or message.kind != "request":
            return
        if not seams.confirm(self, self.tr("Refuse recovery"), self._describe(message) + "\n\n" + self.tr(
                "Refuse this request? The requester is not told; their request expires.")):
            return
        self._run("refuse recovery",
                  self.tr("refuse the recovery"), lambda device: kv.refuse(device, message.message_id),
                  self._loaded, self.tr("Refusing the recovery…"))
