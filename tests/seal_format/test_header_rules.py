"""The first look at a seal file (app/core/seal/format/header.py) and the small DER helpers under
it (der.py), each rule on its own and checked against asn1crypto as the reference encoder: which
element shapes are a seal, a signature over a seal, or a bare SM2 signature; the DER length
forms the header reader accepts; strict BIT STRINGs, IA5 text and GeneralizedTime."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from asn1crypto import core, parser

from app.core.pki import ManualClock
from app.core.seal.format.der import (
    der_sequence,
    generalized_time,
    is_ia5,
    octets_of,
    tlv,
    tlv_children,
)
from app.core.seal.format.header import Header, describe, is_bare_sm2_signature, read_header
from tests.seal_format.sealkit import T0, build_world, seal_for


def seq(*children: bytes) -> bytes:
    return parser.emit(0, 1, 16, b"".join(children))


def integer(value: int) -> bytes:
    return core.Integer(value).dump()


def ia5(text: str) -> bytes:
    return core.IA5String(text).dump()


def seal_shape(ident="ES", version=4, vendor="EBid", header=None) -> bytes:
    """SESeal { SES_SealInfo { SES_Header {ID, version, Vid}, … }, … } with filler after."""
    header = header if header is not None else seq(ia5(ident), integer(version), ia5(vendor))
    return seq(seq(header, ia5("ES-1")), core.OctetString(b"sig").dump())


# -- read_header --------------------------------------------------------------------------------

def test_a_seal_is_read_from_its_header():
    assert read_header(seal_shape()) == Header("seal", "ES", 4, "EBid")
    assert read_header(seal_shape()).signature_version is None  # a seal has no TBS_Sign version
    assert read_header(seal_shape("XX", 1, "other")) == Header("seal", "XX", 1, "other")


def test_a_signature_over_a_seal_is_read_from_the_seal_inside_it():
    signature = seq(seq(integer(2), seal_shape(version=3)), core.OctetString(b"s").dump())
    assert read_header(signature) == Header("signature", "ES", 3, "EBid", signature_version=2)


def test_a_real_seal_and_signature_have_the_version_4_header():
    world = build_world()
    seal = seal_for(world, ManualClock(T0 + timedelta(hours=1)))
    found = read_header(seal)
    assert (found.kind, found.id, found.version) == ("seal", "ES", 4)


@pytest.mark.parametrize("der", [
    b"", b"\x30", b"\x02\x01\x01",                       # nothing, a cut tag, not a SEQUENCE
    seq(),                                                # an empty SEQUENCE
    seq(integer(1)),                                      # no SES_SealInfo
    seq(seq()),                                           # an empty SES_SealInfo
    seq(seq(integer(1))),                                 # SES_SealInfo without SES_Header
    seal_shape(header=seq(ia5("ES"), integer(4))),        # a header of two fields
    seal_shape(header=seq(ia5("ES"), ia5("4"), ia5("v"))),  # version not an INTEGER
    seal_shape(header=seq(integer(4), integer(4), ia5("v"))),
    seal_shape(header=seq(ia5("ES"), integer(4), integer(1))),
    seq(seq(integer(2))),                                 # toSign without its seal
    seq(seq(ia5("x"), seal_shape())),                     # toSign whose version is not an INTEGER
    seq(seq(integer(2), integer(3))),                     # toSign whose eseal is not a SEQUENCE
    seq(seq(integer(2), seq(integer(1)))),                # … nor a seal
], ids=lambda d: d.hex()[:24] or "empty")
def test_anything_else_has_no_header(der):
    assert read_header(der) is None


def test_bytes_after_the_seal_mean_no_header():
    assert read_header(seal_shape() + b"\0") is None
    assert read_header(seal_shape()[:-1]) is None


def test_the_version_is_a_signed_integer_and_text_is_ascii():
    found = read_header(seal_shape(header=seq(ia5("ES"), integer(-1), b"\x16\x02\xc3\xa9")))
    assert found.version == -1 and found.vendor == "\ufffd\ufffd"
    assert read_header(seal_shape(version=256)).version == 256


def test_the_refusal_names_the_kind_and_version():
    assert describe(Header("seal", "ES", 1, "GMT0031")) == "a seal of SES_Header version 1 (vendor GMT0031)"
    assert describe(Header("signature", "ES", 3, "v", 1)) == (
        "a signature over a seal of SES_Header version 3 (vendor v)")


def test_a_bare_sm2_signature_is_a_sequence_of_two_integers_and_nothing_more():
    assert is_bare_sm2_signature(seq(integer(5), integer(7)))
    for der in (seq(integer(5)), seq(integer(5), integer(7), integer(9)), seq(integer(5), ia5("7")),
                seq(integer(5), integer(7)) + b"\0", parser.emit(0, 1, 17, integer(5) + integer(7)), b"\x30", b""):
        assert not is_bare_sm2_signature(der), der.hex()


# -- tlv: the DER the header reader accepts -----------------------------------------------------

@pytest.mark.parametrize("length", [0, 1, 127, 128, 255, 256, 65535, 65536, 1 << 24])
def test_tlv_reads_every_definite_length_form_as_asn1crypto_writes_it(length):
    encoded = parser.emit(0, 0, 4, b"\x01" * length)
    assert tlv(encoded) == (0x04, b"\x01" * length, len(encoded))
    assert tlv(b"\xff" + encoded, 1) == (0x04, b"\x01" * length, len(encoded) + 1)


def test_tlv_reads_a_four_byte_length_and_no_longer():
    assert tlv(b"\x04\x84\x00\x00\x00\x02ab") == (0x04, b"ab", 8)
    with pytest.raises(ValueError, match="length"):
        tlv(b"\x04\x85\x00\x00\x00\x00\x02ab")


def test_tlv_refuses_an_indefinite_length_a_long_tag_and_a_cut_element():
    with pytest.raises(ValueError, match="length"):
        tlv(b"\x30\x80\x00\x00")
    with pytest.raises(ValueError, match="not a DER element"):
        tlv(b"\x1f\x01\x00")  # high-tag-number form
    with pytest.raises(ValueError, match="not a DER element"):
        tlv(b"\x04")
    with pytest.raises(ValueError, match="not a DER element"):
        tlv(b"\x04\x00", 1)
    with pytest.raises(ValueError, match="truncated"):
        tlv(b"\x04\x03ab")
    assert tlv(b"\x04\x00") == (0x04, b"", 2) and tlv(b"\x3e\x00") == (0x3E, b"", 2)


def test_tlv_children_lists_each_element_in_order():
    assert tlv_children(integer(1) + ia5("a") + seq()) == [(0x02, b"\x01"), (0x16, b"a"), (0x30, b"")]
    assert tlv_children(b"") == []
    with pytest.raises(ValueError):
        tlv_children(integer(1) + b"\x02")


# -- the other helpers --------------------------------------------------------------------------

def test_der_sequence_wraps_the_given_bytes_unchanged():
    body = [integer(1), b"\x04\x01\xff", ia5("x" * 200)]
    assert der_sequence(*body) == seq(*body)
    assert der_sequence() == b"\x30\x00"


def test_a_bit_string_must_hold_whole_octets():
    assert octets_of(core.OctetBitString(b"\x01\x02")) == b"\x01\x02"
    assert octets_of(core.OctetBitString.load(b"\x03\x01\x00")) == b""
    for der in (b"\x03\x02\x01\x80", b"\x03\x00"):  # one unused bit; no unused-bits byte at all
        with pytest.raises(ValueError):
            octets_of(core.OctetBitString.load(der))


def test_ia5_text_is_printable_ascii():
    assert is_ia5("") and is_ia5(" ~ES-1")
    for text in ("\x1f", "\x7f", "é", "中", "a\nb"):
        assert not is_ia5(text), repr(text)


def test_generalized_time_is_utc_whole_seconds():
    moment = datetime(2026, 3, 2, 9, 0, 5, 700_000, tzinfo=timezone(timedelta(hours=8)))
    assert generalized_time(moment).dump() == b"\x18\x0f20260302010005Z"
    assert generalized_time(moment).native == datetime(2026, 3, 2, 1, 0, 5, tzinfo=UTC)
