"""The matter catalogue in app/resources/ and the DEMO data."""

from __future__ import annotations

import json

import pytest

from app.core.errors import InvalidInput
from app.core.licence import (
    FULL_BIDDING,
    Enterprise,
    MatterCatalogue,
    Person,
    default_catalogue,
    is_valid_credit_code,
)
from app.core.licence.demo import DEMO_ENTERPRISES, load_demo
from app.core.licence.matters import CATALOGUE_PATH


def test_catalogue_has_full_bidding_and_stable_codes():
    catalogue = default_catalogue()
    assert catalogue.get(FULL_BIDDING).zh == "电子商务-招投标-全流程投标"
    assert len(catalogue) >= 8
    for matter in catalogue:
        assert matter.code.isascii() and matter.code == matter.code.upper()
        assert matter.zh and matter.en.isascii()


def test_resolve_keeps_catalogue_order_and_refuses_unknown_codes():
    catalogue = default_catalogue()
    resolved = catalogue.resolve(["SEAL-COLLECT", FULL_BIDDING, FULL_BIDDING])
    assert [m.code for m in resolved] == [FULL_BIDDING, "SEAL-COLLECT"]
    with pytest.raises(InvalidInput, match="Unknown matter"):
        catalogue.resolve(["NOPE"])


def test_a_catalogue_with_a_duplicate_code_is_refused(tmp_path):
    data = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    data["matters"].append(dict(data["matters"][0]))
    path = tmp_path / "matters.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidInput, match="twice"):
        MatterCatalogue.from_file(path)


def test_demo_data_is_valid_and_clearly_marked():
    for demo in DEMO_ENTERPRISES:
        enterprise = demo.enterprise
        assert is_valid_credit_code(enterprise.credit_code) and "DEM" in enterprise.credit_code
        assert "演示" in enterprise.name
        for person in (enterprise.legal_representative, *demo.others):
            assert "演示" in person.name and person.mobile


def test_load_demo_is_idempotent(authority):
    assert load_demo(authority) == []  # the fixture loaded it already
    assert {e.credit_code for e in authority.repo.list_enterprises()} == {
        d.enterprise.credit_code for d in DEMO_ENTERPRISES
    }


@pytest.mark.parametrize("name", ["", "   ", "演" * 129])
def test_names_must_be_present_and_bounded(name):
    with pytest.raises(InvalidInput):
        Person(name, "11010519491231002X")
    with pytest.raises(InvalidInput):
        Enterprise("91350100M000100Y43", name, "福建省福州市", Person("张三", "11010519491231002X"))
