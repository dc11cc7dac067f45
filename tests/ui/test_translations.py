"""Every error template of core and the service has its Chinese sentence.

Refusals are worded once, where the rule is (core or the service); the app shows them through
one path that translates the template. A template added without its translation would reach a
Chinese user in English, so the catalogue must cover them all (and stay current with the code).
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "app" / "resources" / "i18n" / "ebid_zh_CN.ts"
# Collected by the generator's heuristics but only ever used as a parameter ("The {what} is malformed").
NOT_SENTENCES = {"header MAC", "invalid request"}


def _generated() -> list[str]:
    tree = ast.parse((ROOT / "app" / "ui" / "i18n_generated.py").read_text(encoding="utf-8"))
    return [call.args[1].value for call in ast.walk(tree)
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "QT_TRANSLATE_NOOP"]


def test_the_generated_catalogue_is_current():
    tools = pytest.importorskip("tools.i18n")
    assert _generated() == tools.core_templates(), "run: .venv/bin/python tools/i18n.py update"


def test_every_error_template_is_translated_to_chinese():
    translated = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "errors":
            continue
        for message in context.iter("message"):
            node = message.find("translation")
            if node.get("type") not in ("unfinished", "obsolete", "vanished") and node.text:
                translated[message.findtext("source")] = node.text
    missing = [t for t in _generated() if t not in translated and t not in NOT_SENTENCES]
    assert not missing, f"untranslated error templates: {missing}"
    placeholders = [t for t in translated if sorted(_names(t)) != sorted(_names(translated[t]))]
    assert not placeholders, f"translations that drop or invent placeholders: {placeholders}"


def _names(text: str) -> list[str]:
    import string

    return [field for _, field, _, _ in string.Formatter().parse(text) if field]
