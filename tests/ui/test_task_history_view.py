"""The Scan page lists the tasks this device answered (the keystore's task history), newest
first, in words: no password needed, as ``ebid task history``."""

from __future__ import annotations

from app.ui.context import AppContext
from app.ui.scan.page import ScanPage

FIELDS = dict(task_type="sign", platform_name="演示招投标平台", platform_url="http://127.0.0.1:8470",
              document_sm3="ab" * 32)


def test_the_scan_page_lists_the_answered_tasks_newest_first(app, qtbot):
    context = AppContext()
    try:
        store = context.keystore
        store.record_task(None, task_id="T-older-0000000000000", answer="cancel", action="cancelled",
                          outcome="cancelled", **FIELDS)
        store.record_task(None, task_id="T-newer-0000000000000", answer="confirm", action="refused",
                          outcome="task_used", **dict(FIELDS, task_type="decrypt"))
        page = ScanPage(context)
        qtbot.addWidget(page)
        page.show()
        tree = page.history.tree
        qtbot.waitUntil(lambda: tree.topLevelItemCount() >= 2, timeout=30000)
        newest, older = tree.topLevelItem(0), tree.topLevelItem(1)
        assert [newest.text(c) for c in (1, 2, 3)] == ["解密", "演示招投标平台", "平台拒绝"]
        assert [older.text(c) for c in (1, 3)] == ["签章", "已取消"]
        assert newest.toolTip(3) == "task_used"
    finally:
        context.close()
