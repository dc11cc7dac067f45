"""Format rules that were only caught later, by a signature (issue "hostile inputs" §15): a
seal whose header is not "ES" version 4 is refused by the header check itself — here the maker
re-signs the edited seal, so no signature check can be what refuses it — and ``der_length``
agrees with a reference DER encoder (asn1crypto) at every length-form boundary."""

from __future__ import annotations

from datetime import timedelta

import pytest
from asn1crypto import parser

from app.core.pki import ManualClock
from app.core.seal.format import SealRefused, parse_seal, verify_seal
from app.core.seal.format.asn1 import SESeal
from app.core.seal.format.der import der_length
from app.core.seal.format.errors import Reason
from app.core.seal.format.parse import seal_from_asn1
from app.core.seal.format.seal import seal_tbs
from tests.seal_format.sealkit import T0, build_world, seal_for

WORLD = build_world()
CLOCK = ManualClock(T0 + timedelta(hours=1))
SEAL = seal_for(WORLD, CLOCK)


def _resigned(ident: str, version: int) -> tuple[bytes, SESeal]:
    """The real seal with another SES_Header ID or version, validly re-signed by its maker."""
    seal = SESeal.load(SEAL)
    header = seal["e_seal_info"]["header"]
    header["id"], header["version"] = ident, version
    seal["signed_value"] = WORLD.office_key.sign(seal_tbs(seal))
    der = seal.dump(force=True)
    return der, SESeal.load(der)


def test_the_resigned_original_still_parses_so_the_edit_alone_decides():
    der, _ = _resigned("ES", 4)
    assert verify_seal(der, roots=[WORLD.root], clock=CLOCK).seal_id == "ES-0001"


@pytest.mark.parametrize("ident", ["EX", "es", ""])
def test_a_seal_whose_header_id_is_not_es_is_refused(ident):
    der, asn1 = _resigned(ident, 4)
    with pytest.raises(SealRefused) as info:
        parse_seal(der)
    assert info.value.reason is Reason.TAMPERED_STRUCTURE and "header ID" in info.value.message
    with pytest.raises(SealRefused, match="not a GB/T 38540 version 4 seal header"):
        seal_from_asn1(asn1, der)  # the second check, behind the first
    with pytest.raises(SealRefused):
        verify_seal(der, roots=[WORLD.root], clock=CLOCK)


@pytest.mark.parametrize("version", [2, 3, 6, -4])
def test_a_seal_of_another_header_version_is_refused(version):
    der, asn1 = _resigned("ES", version)
    with pytest.raises(SealRefused) as info:
        parse_seal(der)
    assert info.value.reason is Reason.UNSUPPORTED_VERSION
    assert f"version {version}" in info.value.message
    with pytest.raises(SealRefused, match="not a GB/T 38540 version 4 seal header"):
        seal_from_asn1(asn1, der)


@pytest.mark.parametrize("length", [0, 1, 127, 128, 129, 255, 256, 257, 65535, 65536, 65537, 1 << 24])
def test_der_length_matches_asn1crypto(length):
    contents = b"\0" * length
    encoded = parser.emit(0, 0, 4, contents)  # universal, primitive, OCTET STRING
    assert der_length(length) == encoded[1:len(encoded) - length]
    assert parser.parse(b"\x04" + der_length(length) + contents)[4] == contents
