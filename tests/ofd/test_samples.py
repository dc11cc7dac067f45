"""The real OFD files in ../shared/data/interop (MANIFEST.tsv): what verifies with which
anchor, what is refused and why."""

from __future__ import annotations

import pytest

from app.core.ofd import OfdRefused, Reason, verify_ofd
from app.core.pki import Certificate
from app.core.seal.format import MakerSigned
from tests.ofd.ofdkit import independent_check, members, rezip, sample


def test_ride_seam_sample_verifies_with_the_ofdrw_root(ofdrw_root):
    report = verify_ofd(sample("ofdrw_V4RideRight.ofd"), trust=[ofdrw_root])
    (result,) = report.signatures
    assert report.all_verified, result.refusal
    verified = result.verified
    assert result.sign_id == "s001" and verified.seal.seal_id == "51f044b76510434e9bc67a1185c2fba5"
    assert verified.seal.maker_signed is MakerSigned.SEAL_INFO
    assert verified.signer_chain[0].der == Certificate.load(sample("ofdrw_USER.cert.pem")).der
    assert verified.signer_chain[-1].der == ofdrw_root.der
    assert verified.maker_chain[-1].der == ofdrw_root.der
    assert verified.signature.signed_at.isoformat() == "2021-05-19T12:53:44+00:00"
    # a riding-seam stamp: one slice on each of the five pages, page IDs mapped to numbers
    assert [(s.page, s.page_id) for s in verified.stamps] == [
        (1, "1"), (2, "21"), (3, "43"), (4, "63"), (5, "83")]
    assert verified.stamps[0].boundary == (202.0, 40.0, 40.0, 40.0)
    assert verified.stamps[4].clip == "32 0 8 40"
    assert len(verified.file.references) == 9 and not verified.revocation_checked
    assert verified.unprotected == ()  # everything but its own folder


def test_ride_seam_sample_passes_the_independent_checks(openssl, tmp_path):
    (found,) = independent_check(openssl, tmp_path, sample("ofdrw_V4RideRight.ofd"))
    assert "Doc_0/Signs/Signatures.xml" in found["protected"]


def test_tax_invoice_checks_all_but_its_unpublished_tax_ca(ofdrw_root):
    """The Chongqing tax invoice's signer and seal maker were issued by "税务测试CA2(SM2)",
    whose certificate is not among the shared samples: everything before the chain holds
    (references, both signatures, dataHash, seal window — refusal order, docs §3), and the
    chain is refused naming that CA."""
    (result,) = verify_ofd(sample("ofdrw_v4signed.ofd"), trust=[ofdrw_root]).signatures
    assert result.refusal.code == Reason.UNTRUSTED_SIGNER
    assert "税务测试CA2(SM2)" in result.refusal.message


def test_tax_invoice_passes_the_independent_checks(openssl, tmp_path):
    (found,) = independent_check(openssl, tmp_path, sample("ofdrw_v4signed.ofd"))
    assert found["stamps"] == [("1", "90.00 8.00 30.00 20.00")]
    assert len(found["protected"]) == 13


@pytest.mark.parametrize("name", ["ofdrw_V4RideRight.ofd", "ofdrw_v4signed.ofd"])
def test_without_an_anchor_nothing_is_trusted(name):
    (result,) = verify_ofd(sample(name), trust=[]).signatures
    assert not result.ok and result.refusal.code == Reason.UNTRUSTED_SIGNER
    assert "No trust anchor" in result.refusal.message


def test_another_anchor_is_not_the_ofdrw_root(world):
    (result,) = verify_ofd(sample("ofdrw_V4RideRight.ofd"), trust=[world.root]).signatures
    assert result.refusal.code == Reason.UNTRUSTED_SIGNER
    assert "OFD Reader and WriterROOT Certificate" in result.refusal.message


def test_digital_signature_is_named_not_verified(ofdrw_root):
    (result,) = verify_ofd(sample("ofdrw_DigitalSign.ofd"), trust=[ofdrw_root]).signatures
    assert result.refusal.code == Reason.NOT_A_SEAL and "Type Sign" in result.refusal.message


def test_unsigned_document_is_refused(ofdrw_root):
    with pytest.raises(OfdRefused) as refused:
        verify_ofd(sample("ofdrw_helloworld.ofd"), trust=[ofdrw_root])
    assert refused.value.code == Reason.NOT_SIGNED


def test_the_independent_checks_can_fail(openssl, tmp_path):
    """They are evidence only if they refuse: a changed page, and a changed Signature.xml."""
    data = sample("ofdrw_V4RideRight.ofd")
    page = members(data)["Doc_0/Pages/Page_0/Content.xml"]
    with pytest.raises(AssertionError, match="check value"):
        independent_check(openssl, tmp_path, rezip(data, {"Doc_0/Pages/Page_0/Content.xml":
                                                          page + b" "}))
    xml = members(data)["Doc_0/Signs/Sign_0/Signature.xml"]
    with pytest.raises(AssertionError):
        independent_check(openssl, tmp_path, rezip(data, {"Doc_0/Signs/Sign_0/Signature.xml":
                                                          xml.replace(b"202 40", b"201 40")}))
