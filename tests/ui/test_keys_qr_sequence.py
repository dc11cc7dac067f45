"""A key-backup file carried as a sequence of QR codes between two windows
(docs/protocols/key-backup.md §2.4): A's Keys page shows the exported package as codes; each code
is grabbed off the dialog as a camera would see the screen, and B's Scan page reads them in a
shuffled order with a repeat; once whole it offers the file to B's Keys page, which verifies it."""

from __future__ import annotations

import random

from app.ui import seams
from app.ui.keys import view as kv
from app.ui.main_window import MainWindow

from . import bid_service
from .bid_service import PASSWORD
from .test_keys_page import (
    MANAGER,
    REP,
    add_manager,
    apply_key,
    click,
    device,
    open_page,
    row,
    select,
    settle,
)

service = bid_service.service


def test_a_backup_shown_as_qr_codes_is_read_by_the_other_scan_page_and_verified(app, qtbot, service, monkeypatch,
                                                                                tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    add_manager(a, MANAGER)
    b = device(qtbot, service, monkeypatch, tmp_path, "b", MANAGER)
    try:
        page_a = open_page(qtbot, a)
        window_b = MainWindow(b)
        qtbot.addWidget(window_b)
        window_b.show()
        window_b.show_page("keys")
        keys_b = window_b.current_page()
        key_b, key_a = apply_key(qtbot, keys_b), apply_key(qtbot, page_a)

        package = tmp_path / "backup.ebkf"
        select(page_a.mine, 0, key_a)
        shown = len(seams.shown)
        seams.answer_next(PASSWORD, key_b, 0, str(package))
        click(qtbot, page_a.export_button)
        settle(qtbot, lambda: any(s.kind == "info" for s in seams.shown[shown:]))

        seams.answer_next([str(package)])
        click(qtbot, page_a.qr_button)
        dialog = page_a.codes_dialog
        qtbot.waitUntil(dialog.isVisible)
        dialog.toggle()  # paused: the test steps through the codes itself
        images = []
        for i in range(len(dialog.texts)):
            dialog.show_code(i)
            assert str(i + 1) in dialog.position.text() and str(len(dialog.texts)) in dialog.position.text()
            path = tmp_path / f"code-{i}.png"
            assert dialog.code.pixmap().save(str(path))  # what is on the screen, not the text behind it
            images.append(path)
        assert len(images) > 1
        dialog.close()

        window_b.show_page("scan")
        scan = window_b.current_page()
        shuffled = list(images)
        random.Random(3).shuffle(shuffled)
        order = shuffled[:-1] + shuffled[:1]  # every code but one, and one of them again
        for k, path in enumerate(order):
            scan.scan_file(path)
            left = len(images) - len(set(order[:k + 1]))
            qtbot.waitUntil(lambda left=left: scan.sequence is not None and len(scan.sequence.missing()) == left,
                            timeout=30000)
        assert not scan.keys_button.isVisible() and scan.received is None
        scan.scan_file(shuffled[-1])
        qtbot.waitUntil(lambda: scan.keys_button.isVisible(), timeout=30000)
        assert scan.received.read_bytes() == package.read_bytes()
        assert (scan.received.stat().st_mode & 0o077) == 0

        seams.answer_next(PASSWORD)
        click(qtbot, scan.keys_button)
        assert window_b.current_page() is keys_b
        settle(qtbot, lambda: keys_b.held.topLevelItemCount() == 1)
        assert [h.registry_id for h in b.keystore.backups.held_keys()] == [key_a]
        assert [(h.record_id, h.state) for h in row(page_a, key_a, kv.OWN).holders] == [(key_b, "sent")]
    finally:
        a.close()
        b.close()
