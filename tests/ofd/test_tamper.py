"""Tampered OFD files, made here from the real sample and from a document we sealed twice:
each refused with its own reason."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.ofd import Reason, StampRequest, sign_ofd, verify_ofd
from tests.ofd.ofdkit import members, rezip, sample

RIDE = "ofdrw_V4RideRight.ofd"
SIG = "Doc_0/Signs/Sign_0/Signature.xml"


def refusal(data: bytes, anchors):
    (result,) = verify_ofd(data, trust=anchors).signatures
    assert not result.ok
    return result.refusal


def test_a_changed_page_fails_its_check_value(ofdrw_root):
    page = members(sample(RIDE))["Doc_0/Pages/Page_2/Content.xml"]
    changed = rezip(sample(RIDE), {"Doc_0/Pages/Page_2/Content.xml": page.replace(b"</", b" </", 1)})
    refused = refusal(changed, [ofdrw_root])
    assert refused.code == Reason.BAD_CHECK_VALUE
    assert "/Doc_0/Pages/Page_2/Content.xml" in refused.message


def test_a_removed_page_file_is_missing(ofdrw_root):
    removed = rezip(sample(RIDE), {"Doc_0/Pages/Page_4/Content.xml": None})
    assert refusal(removed, [ofdrw_root]).code == Reason.MISSING_FILE


def _edit_signature_xml(old: bytes, new: bytes) -> bytes:
    xml = members(sample(RIDE))[SIG]
    assert old in xml
    return rezip(sample(RIDE), {"Doc_0/Signs/Sign_0/Signature.xml": xml.replace(old, new, 1)})


def test_a_removed_reference_changes_what_was_signed(ofdrw_root):
    """Dropping the Reference of page 3 (so the page could be swapped) changes Signature.xml,
    whose SM3 is the seal signature's dataHash."""
    xml = members(sample(RIDE))[SIG]
    start = xml.index(b'<ofd:Reference FileRef="/Doc_0/Pages/Page_2/Content.xml">')
    end = xml.index(b"</ofd:Reference>", start) + len(b"</ofd:Reference>")
    edited = rezip(sample(RIDE), {"Doc_0/Signs/Sign_0/Signature.xml": xml[:start] + xml[end:]})
    assert refusal(edited, [ofdrw_root]).code == Reason.SIGNATURE_FILE_CHANGED


def test_a_moved_stamp_changes_what_was_signed(ofdrw_root):
    edited = _edit_signature_xml(b'Boundary="202 40 40 40"', b'Boundary="20 40 40 40"')
    assert refusal(edited, [ofdrw_root]).code == Reason.SIGNATURE_FILE_CHANGED


def test_a_stamp_on_a_page_the_document_lacks(ofdrw_root):
    edited = _edit_signature_xml(b'PageRef="83"', b'PageRef="84"')
    refused = refusal(edited, [ofdrw_root])
    assert refused.code == Reason.BAD_STAMP and "84" in refused.message


def test_a_replaced_seal_file_is_caught(ofdrw_root):
    """Seal.esl is protected by a Reference, and must be the seal inside SignedValue.dat."""
    other = sample("ofdrw_UserV1.esl")
    swapped = rezip(sample(RIDE), {"Doc_0/Signs/Sign_0/Seal.esl": other})
    assert refusal(swapped, [ofdrw_root]).code == Reason.BAD_CHECK_VALUE


def test_a_signed_value_from_another_document(ofdrw_root):
    foreign = members(sample("ofdrw_v4signed.ofd"))["Doc_0/Signs/Sign_0/SignedValue.dat"]
    swapped = rezip(sample(RIDE), {"Doc_0/Signs/Sign_0/SignedValue.dat": foreign})
    assert refusal(swapped, [ofdrw_root]).code == Reason.SIGNATURE_FILE_CHANGED


def test_a_flipped_byte_in_the_signed_value(ofdrw_root):
    value = bytearray(members(sample(RIDE))["Doc_0/Signs/Sign_0/SignedValue.dat"])
    value[-10] ^= 0x01  # inside the signer's signature value
    flipped = rezip(sample(RIDE), {"Doc_0/Signs/Sign_0/SignedValue.dat": bytes(value)})
    assert refusal(flipped, [ofdrw_root]).code == "bad_signature"


@pytest.fixture
def sealed_twice(world, clock, seal):
    clock.set(clock() + timedelta(minutes=5))
    once = sign_ofd(sample("ofdrw_helloworld.ofd"), seal_der=seal, signer_key=world.legal_rep.key,
                    signer_cert=world.legal_rep.cert, stamp=StampRequest(1, 10, 10), clock=clock)
    return sign_ofd(once, seal_der=seal, signer_key=world.manager.key,
                    signer_cert=world.manager.cert, stamp=StampRequest(1, 100, 10), clock=clock)


def test_signed_values_swapped_between_two_signatures(world, clock, sealed_twice):
    report = verify_ofd(sealed_twice, trust=[world.root], clock=clock)
    assert report.all_verified, [r.refusal for r in report.signatures]
    files = members(sealed_twice)
    first, second = (files[f"Doc_0/Signs/Sign_{k}/SignedValue.dat"] for k in (0, 1))
    swapped = rezip(sealed_twice, {"Doc_0/Signs/Sign_0/SignedValue.dat": second,
                    "Doc_0/Signs/Sign_1/SignedValue.dat": first})
    report = verify_ofd(swapped, trust=[world.root], clock=clock)
    codes = [r.refusal.code if r.refusal else None for r in report.signatures]
    # the second signature protects the first one's files, so it fails on a check value first
    assert codes == [Reason.SIGNATURE_FILE_CHANGED, Reason.BAD_CHECK_VALUE]


def test_an_edited_earlier_signature_breaks_the_later_one_too(world, clock, sealed_twice):
    files = members(sealed_twice)
    xml = files["Doc_0/Signs/Sign_0/Signature.xml"]
    edited = rezip(sealed_twice, {"Doc_0/Signs/Sign_0/Signature.xml": xml.replace(
        b'Boundary="10 10 42 42"', b'Boundary="11 10 42 42"')})
    report = verify_ofd(edited, trust=[world.root], clock=clock)
    assert [r.refusal.code for r in report.signatures] == [
        Reason.SIGNATURE_FILE_CHANGED, Reason.BAD_CHECK_VALUE]
