"""The SM2 modules import one way: sm2 → sm2_backends → (sm2_ladder, sm2_native, sm2_der) →
sm2_curve, never back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.core.gm import sm2, sm2_der

GM = Path(sm2.__file__).parent
#: Each module and the gm modules it may import (besides sm3, oids and the package errors).
ALLOWED = {
    "sm2_curve": set(),
    "sm2_der": {"sm2_curve"},
    "sm2_ladder": {"sm2_curve"},
    "sm2_native": set(),
    "sm2_backends": {"sm2_curve", "sm2_der", "sm3", "sm2_ladder", "sm2_native"},
    "sm2": {"sm2_backends", "sm2_curve", "sm2_der", "sm3", "oids"},
}


def _gm_imports(module: str) -> set[str]:
    tree = ast.parse((GM / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module)
            else:
                found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_imports_point_down(module):
    assert _gm_imports(module) <= ALLOWED[module]


def test_codecs_are_shared_not_copied():
    # sm2 re-exports the one codec; a second definition would let the two drift apart.
    assert sm2.Ciphertext is sm2_der.Ciphertext
    assert sm2.decode_signature is sm2_der.decode_signature
    assert sm2.encode_signature is sm2_der.encode_signature


def test_strict_decode_rejects_trailing_and_long_form():
    der = sm2_der.encode_signature(5, 7)
    assert sm2_der.decode_signature(der) == (5, 7)
    with pytest.raises(sm2_der.InvalidInput):
        sm2_der.decode_signature(der + b"\x00")
    long_form = b"\x30\x81" + der[1:]
    with pytest.raises(sm2_der.InvalidInput):
        sm2_der.decode_signature(long_form)
