from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.core.errors import InvalidInput
from app.core.seal.catalogue import (
    CATALOGUE_PATH,
    SHAPES,
    load_catalogue,
    parse_catalogue,
    seal_type,
)
from tests.support import ROOT


def test_catalogue_loads_and_is_consistent():
    types = load_catalogue()
    assert {"official", "contract", "finance", "invoice", "bidding", "legal-representative"} <= set(
        types
    )
    sources = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))["sources"]
    for t in types.values():
        assert t.zh and t.en and t.shapes and t.source
        assert any(key in t.source for key in sources)  # every entry names where it comes from
        for opt in t.shapes:
            assert opt.shape in SHAPES and opt.default_mm in opt.sizes_mm
            if opt.shape in ("round", "square"):
                assert all(w == h for w, h in opt.sizes_mm)


def test_known_sizes():
    assert seal_type("official").option("round").default_mm == (42.0, 42.0)
    assert seal_type("invoice").option("oval").sizes_mm == ((40.0, 30.0),)
    with pytest.raises(InvalidInput):
        seal_type("invoice").option("round")
    with pytest.raises(InvalidInput):
        seal_type("nonexistent")


def test_malformed_catalogue_is_refused():
    with pytest.raises(InvalidInput):
        parse_catalogue({"format": "something-else", "version": 1})
    with pytest.raises(InvalidInput):
        parse_catalogue({"format": "ebid-seal-catalogue", "version": 1, "types": [{"code": "x"}]})


def test_imaging_never_imports_qt():
    code = (
        "import sys, app.core.seal.imaging, app.core.seal.catalogue; "
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken', 'app.ui'))])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
