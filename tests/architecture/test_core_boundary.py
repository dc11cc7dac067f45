"""app.core never imports Qt (nor ui, server or cli): checked in a fresh interpreter."""

from __future__ import annotations

import sys

from tests.support import ROOT, run

PROBE = """
import importlib, pkgutil, sys
import app.core
for info in pkgutil.walk_packages(app.core.__path__, "app.core."):
    if ".migrations" in info.name:
        continue
    importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")
             or m.startswith(("app.ui", "app.server", "app.cli")))
print("LOADED:" + ",".join(bad))
print("COUNT:%d" % sum(1 for m in sys.modules if m.startswith("app.core")))
"""


def test_importing_all_of_app_core_loads_no_qt():
    out = run([sys.executable, "-c", PROBE], cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "LOADED:\n" in out.stdout, out.stdout
    count = int(out.stdout.split("COUNT:")[1])
    assert count > 5  # the walk really imported the core
