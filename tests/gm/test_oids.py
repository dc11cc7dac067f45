"""Each OID the code uses is written once (in app.core.gm.oids) and means what OpenSSL says."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

import app
from app.core.gm import oids

APP = Path(app.__file__).parent
# A quoted dotted OID of at least five arcs (the project's 2.25.<uuid> arc is built from a prefix).
OID_LITERAL = re.compile(r"""["'](\d+(?:\.\d+){4,})["']""")


@pytest.mark.parametrize(
    ("oid", "openssl_name"),
    [
        (oids.SM2_CURVE, "sm2"),
        (oids.SM2_WITH_SM3, "SM2-with-SM3"),
        (oids.SM4_CBC, "sm4-cbc"),
        (oids.EC_PUBLIC_KEY, "id-ecPublicKey"),
    ],
)
def test_openssl_names_each_oid(openssl, oid, openssl_name):
    out = subprocess.run(
        [openssl, "asn1parse", "-genstr", f"OID:{oid}"], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().endswith(f":{openssl_name}")


def test_no_oid_literal_is_defined_in_two_files():
    places: dict[str, set[str]] = defaultdict(set)
    for path in APP.rglob("*.py"):
        for oid in OID_LITERAL.findall(path.read_text(encoding="utf-8")):
            places[oid].add(str(path.relative_to(APP)))
    assert places[oids.SM2_WITH_SM3] == {"core/gm/oids.py"}
    assert {oid: files for oid, files in places.items() if len(files) > 1} == {}
