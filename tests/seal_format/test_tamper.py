"""A flipped byte anywhere in a seal or a seal signature is refused with our error.

Every byte position of a small seal is tried, and every byte of a signature over it except inside
the embedded seal, where every third byte is (the seal's own bytes are covered one by one by the
first test; this keeps the suite fast). Bits 0x01 and 0x80 alternate by position so both low and
high bits are flipped. Truncation and trailing bytes too.
"""

from __future__ import annotations

import pytest

from app.core import gm
from app.core.seal.format import (
    CertListType,
    SealRefused,
    sign_with_seal,
    verify_seal,
    verify_signature,
)
from tests.seal_format.sealkit import seal_for

DOC = b"tender"


@pytest.fixture
def small_seal(world, clock) -> bytes:
    """Digests instead of certificates keep the seal (and the loop) short."""
    return seal_for(world, clock, cert_list_type=CertListType.DIGESTS)


@pytest.fixture
def small_signature(world, clock, small_seal) -> bytes:
    return sign_with_seal(
        small_seal, world.legal_rep.key, world.legal_rep.cert, gm.sm3(DOC), clock=clock
    )


def flipped(data: bytes, position: int) -> bytes:
    mask = 0x01 if position % 2 else 0x80
    return data[:position] + bytes([data[position] ^ mask]) + data[position + 1 :]


def test_every_flipped_byte_of_the_seal_is_refused(world, clock, small_seal):
    verify_seal(small_seal, roots=[world.root], clock=clock)  # the original is fine
    accepted = []
    for position in range(len(small_seal)):
        try:
            verify_seal(flipped(small_seal, position), roots=[world.root], clock=clock)
        except SealRefused:
            continue
        accepted.append(position)
    assert accepted == []


def signature_positions(signature: bytes, seal: bytes) -> list[int]:
    start = signature.index(seal)
    inside = range(start, start + len(seal))
    return [p for p in range(len(signature)) if p not in inside or (p - start) % 3 == 0]


def test_every_flipped_byte_of_the_signature_is_refused(
    world, clock, small_seal, small_signature
):
    verify_signature(small_signature, DOC, roots=[world.root], clock=clock)
    accepted = []
    for position in signature_positions(small_signature, small_seal):
        try:
            verify_signature(
                flipped(small_signature, position), DOC, roots=[world.root], clock=clock
            )
        except SealRefused:
            continue
        accepted.append(position)
    assert accepted == []


@pytest.mark.parametrize("cut", [1, 2, 40, 200])
def test_truncated_or_extended_input_is_refused(world, clock, small_seal, small_signature, cut):
    for bad in (small_seal[:-cut], small_seal + b"\x00" * cut):
        with pytest.raises(SealRefused):
            verify_seal(bad, roots=[world.root], clock=clock)
    for bad in (small_signature[:-cut], small_signature + b"\x00" * cut):
        with pytest.raises(SealRefused):
            verify_signature(bad, DOC, roots=[world.root], clock=clock)


@pytest.mark.parametrize("junk", [b"", b"\x30", b"\x30\x00", b"\x04\x03abc", b"not a seal at all"])
def test_junk_is_refused_as_tampered(world, clock, junk):
    for call in (
        lambda: verify_seal(junk, roots=[world.root], clock=clock),
        lambda: verify_signature(junk, DOC, roots=[world.root], clock=clock),
    ):
        with pytest.raises(SealRefused) as refused:
            call()
        assert refused.value.reason == "tampered_structure"


def test_a_malformed_embedded_certificate_is_refused_in_one_line(world, small_seal):
    """asn1crypto's trace for a bad time inside the maker's certificate is several lines."""
    office_time = world.office.tbs["validity"]["not_before"].contents
    assert small_seal.count(office_time) == 1
    broken = small_seal.replace(office_time, office_time[:3] + b"\x00" + office_time[4:])
    with pytest.raises(SealRefused) as refused:
        verify_seal(broken, roots=[world.root])
    assert refused.value.code == "tampered_structure"
    assert "\n" not in refused.value.message and "asn1crypto" not in refused.value.message
