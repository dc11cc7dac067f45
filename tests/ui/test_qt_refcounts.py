"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 dropped one reference to None
on every call of a method that returns nothing (and the app, after enough of them, aborted with
"none_dealloc: deallocating None"). pyproject.toml keeps PySide6 below that release; this test
says whether a new one may be let in. Run in a fresh interpreter, so nothing else moves the counts."""

from __future__ import annotations

import subprocess
import sys

from tests.support import ROOT

CALLS = 2000
PROBE = f"""
import sys
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit
app = QApplication([])
box, line = QCheckBox(), QLineEdit()
calls = {{
    "returns nothing": lambda: (box.setChecked(True), line.setText("x"), box.setEnabled(True)),
    "returns a bool": lambda: (box.isChecked(), line.isModified(), box.isEnabledTo(None)),
}}
for name, call in calls.items():
    before = [sys.getrefcount(v) for v in (None, True, False)]
    for _ in range({CALLS}):
        call()
    after = [sys.getrefcount(v) for v in (None, True, False)]
    print(name, *(b - a for a, b in zip(before, after)), sep=",")
"""


def test_qt_calls_keep_the_reference_counts_of_none_true_and_false():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    drifts = {}
    for line in result.stdout.splitlines():
        name, *numbers = line.split(",")
        drifts[name] = [int(n) for n in numbers]
    assert set(drifts) == {"returns nothing", "returns a bool"}, result.stdout
    for name, drift in drifts.items():
        # a leak of one per call would be -2000 or +2000; a few come and go with the interpreter
        assert all(abs(d) < CALLS // 10 for d in drift), (name, drift)
