"""make -> parse round trips, and the inputs make_seal / sign_with_seal refuse."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import gm
from app.core.errors import InvalidInput
from app.core.seal.format import (
    CertListType,
    Reason,
    SealRefused,
    SealType,
    make_seal,
    parse_seal,
    parse_signature,
    sign_with_seal,
    verify_seal,
)
from tests.seal_format.sealkit import CREDIT_A, SEAL_END, SEAL_START, T0, seal_for, tiny_png


def test_seal_round_trip(world, clock, seal):
    info = parse_seal(seal)
    assert (info.seal_id, info.seal_type, info.name) == (
        "ES-0001",
        SealType.BIDDING,
        "演示科技有限公司投标专用章",
    )
    assert info.vendor_id == "EBID-DESK"
    assert info.cert_list_type is CertListType.CERTIFICATES
    assert info.holder_certificates == (world.legal_rep.cert.der,)
    assert info.lists(world.legal_rep.cert) and not info.lists(world.agent.cert)
    assert (info.created_at, info.valid_start, info.valid_end) == (clock(), SEAL_START, SEAL_END)
    assert (info.picture_type, info.picture, info.width_mm, info.height_mm) == (
        "PNG",
        tiny_png(),
        42,
        42,
    )
    assert info.enterprise.credit_code == CREDIT_A
    assert info.enterprise.registration_place == "北京市海淀区"
    assert info.maker_certificate.der == world.office.der
    assert info.der == seal


def test_digest_list_names_holders_by_sm3(world, clock):
    holders = [world.legal_rep.cert, world.manager.cert]
    info = parse_seal(seal_for(world, clock, holders=holders, cert_list_type=CertListType.DIGESTS))
    assert info.cert_list_type is CertListType.DIGESTS
    assert info.holder_certificates == ()
    assert info.holder_digests == tuple(gm.sm3(h.der) for h in holders)
    assert info.lists(world.manager.cert) and not info.lists(world.agent.cert)


def test_signature_round_trip_embeds_the_seal_byte_for_byte(world, clock, seal):
    digest = gm.sm3(b"bid document")
    signature = sign_with_seal(
        seal, world.legal_rep.key, world.legal_rep.cert, digest, clock=clock, property_info="p:1"
    )
    info = parse_signature(signature)
    assert info.seal.der == seal and seal in signature
    assert (info.data_hash, info.property_info, info.signed_at) == (digest, "p:1", clock())
    assert info.signer_certificate.der == world.legal_rep.cert.der
    assert not info.has_time_stamp
    # r and s as a DER SEQUENCE in the BIT STRING, verifiable over TBS_Sign's DER
    world.legal_rep.key.public_key().verify(info.signature, info.asn1["to_sign"].dump())


def test_each_seal_is_signed_afresh(world, clock):
    first, second = seal_for(world, clock), seal_for(world, clock)
    assert parse_seal(first).signed_value != parse_seal(second).signed_value


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"seal_id": "印章-1"}, "seal id"),
        ({"seal_id": ""}, "seal id"),
        ({"seal_type": 0}, "seal type"),
        ({"name": "  "}, "name"),
        ({"valid_end": SEAL_START}, "end after"),
        ({"picture_png": b"GIF89a...."}, "PNG"),
        ({"width_mm": 0}, "mm"),
        ({"height_mm": 420}, "mm"),
        ({"holders": []}, "holder"),
    ],
)
def test_make_seal_refuses_bad_fields(world, clock, overrides, words):
    with pytest.raises(InvalidInput, match=words):
        seal_for(world, clock, **overrides)


def test_make_seal_refuses_holders_of_two_enterprises(world, clock):
    with pytest.raises(InvalidInput, match="several enterprises"):
        seal_for(world, clock, holders=[world.legal_rep.cert, world.outsider.cert])


def test_only_a_seal_office_certificate_makes_seals(world, clock):
    fields = dict(
        seal_id="X",
        seal_type=1,
        name="n",
        holders=[world.legal_rep.cert],
        valid_start=SEAL_START,
        valid_end=SEAL_END,
        picture_png=tiny_png(),
        width_mm=40,
        height_mm=40,
        clock=clock,
    )
    with pytest.raises(InvalidInput, match="may not make seals"):
        make_seal(world.legal_rep.key, world.legal_rep.cert, **fields)
    with pytest.raises(InvalidInput, match="does not match"):
        make_seal(world.legal_rep.key, world.office, **fields)


def test_sign_with_seal_refuses_wrong_key_short_hash_and_expired_seal(world, clock, seal):
    digest = gm.sm3(b"x")
    with pytest.raises(InvalidInput, match="does not match"):
        sign_with_seal(seal, world.agent.key, world.legal_rep.cert, digest, clock=clock)
    with pytest.raises(InvalidInput, match="32 bytes"):
        sign_with_seal(seal, world.legal_rep.key, world.legal_rep.cert, digest[:20], clock=clock)
    clock.set(SEAL_END + timedelta(seconds=1))
    with pytest.raises(SealRefused) as refused:
        sign_with_seal(seal, world.legal_rep.key, world.legal_rep.cert, digest, clock=clock)
    assert refused.value.reason is Reason.SEAL_EXPIRED


def test_seal_window_is_inclusive_to_the_second(world, seal):
    verify_seal(seal, roots=[world.root], at=SEAL_START)
    verify_seal(seal, roots=[world.root], at=SEAL_END)
    for moment, reason in [
        (SEAL_START - timedelta(seconds=1), Reason.SEAL_NOT_YET_VALID),
        (SEAL_END + timedelta(seconds=1), Reason.SEAL_EXPIRED),
    ]:
        with pytest.raises(SealRefused) as refused:
            verify_seal(seal, roots=[world.root], at=moment)
        assert refused.value.reason is reason


def test_created_time_is_the_clock_to_the_second(world, clock):
    clock.set(T0 + timedelta(hours=3, microseconds=0))
    assert parse_seal(seal_for(world, clock)).created_at == T0 + timedelta(hours=3)
