"""The audit log's logic knows nothing of its storage; the keystore is one facade over small
repositories, not a stack of mixins."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import app.core.audit
import app.core.keystore
from app.core.keystore import Keystore

AUDIT = Path(app.core.audit.__file__).parent
KEYSTORE = Path(app.core.keystore.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_audit_imports_nothing_of_the_keystore():
    for path in AUDIT.glob("*.py"):
        assert not any("keystore" in name for name in _imported_modules(path)), path.name


def test_audit_loads_without_the_keystore():
    code = "import sys, app.core.audit; print(any('keystore' in m for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_keystore_is_a_facade_not_mixins():
    assert Keystore.__bases__ == (object,)


def test_no_private_method_is_declared_in_two_keystore_classes():
    owners: dict[str, list[str]] = {}
    for path in KEYSTORE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name.startswith("_") \
                            and not item.name.startswith("__"):
                        owners.setdefault(item.name, []).append(f"{path.stem}.{node.name}")
    assert {name: where for name, where in owners.items() if len(where) > 1} == {}
