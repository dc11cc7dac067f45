"""The one build step beyond setuptools' own: compile the Qt translations into the package.

An installed wheel must carry ``app/resources/i18n/*.qm`` (Qt loads only compiled catalogues), and
the ``.qm`` files are never committed (they are built from the ``.ts`` sources). So ``build_py``
runs PySide6's ``lrelease`` — PySide6 is in ``[build-system] requires``, so every build has it —
on each ``.ts`` into the build tree; an editable install compiles beside the sources instead, where
``./dev`` puts them too. A build that cannot find lrelease fails rather than ship English only.
Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

I18N = Path("app", "resources", "i18n")


def _lrelease() -> str:
    try:
        import PySide6
    except ImportError:
        PySide6 = None
    if PySide6 is not None:
        here = Path(PySide6.__file__).parent
        for candidate in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
            if (here / candidate).is_file():
                return str(here / candidate)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("building EBid Desk needs PySide6's lrelease to compile app/resources/i18n/*.ts")
    return found


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        target = Path() if getattr(self, "editable_mode", False) else Path(self.build_lib)
        tool = None
        for ts in sorted(I18N.glob("*.ts")):
            qm = target / I18N / f"{ts.stem}.qm"
            qm.parent.mkdir(parents=True, exist_ok=True)
            tool = tool or _lrelease()
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)


setup(cmdclass={"build_py": BuildPyWithTranslations})
