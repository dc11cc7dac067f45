"""GB/T 38540 only, against the trust anchors the user gives (issue 11 item 10): ``ebid seal
verify SIG FILE --trust CA.pem`` checks a bare seal signature without the service or our licence
profile — our own seal with our root as the anchor, ofdrw's with ofdrw's root — and refuses the
wrong anchor and an altered document; ``ebid gm verify`` takes the signer's certificate."""

from __future__ import annotations

from tests.ofd.ofdkit import INTEROP
from tests.seal_format.test_cli import files  # noqa: F401  (the fixture: a seal, signatures, our root)


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_our_seal_signature_verifies_against_our_root_given_as_an_anchor(ebid, files):  # noqa: F811
    out = _ok(ebid("seal", "verify", "legal.sig", "doc.pdf", "--trust", "root.pem"))
    assert out.startswith("VALID (GB/T 38540, chained to") and "revocation not checked" in out

    (files / "altered.pdf").write_bytes(b"another document\n")
    altered = ebid("seal", "verify", "legal.sig", "altered.pdf", "--trust", "root.pem")
    assert altered.returncode == 1 and "INVALID (bad_document_hash)" in altered.stderr

    stranger = ebid("seal", "verify", "legal.sig", "doc.pdf", "--trust", str(INTEROP / "ofdrw_ROOT.cert.pem"))
    assert stranger.returncode == 1 and "INVALID (untrusted_signer)" in stranger.stderr

    alone = ebid("seal", "verify", "legal.sig", "doc.pdf", "--intermediate", "root.pem")
    assert alone.returncode == 2 and "--trust" in alone.stderr


def test_ofdrw_s_seal_signature_verifies_against_ofdrw_s_root(ebid):
    signed = INTEROP / "ofdrw_V4RideRight_SignedValue.dat"
    data = INTEROP / "ofdrw_V4RideRight_Signature.xml"  # what it signs: dataHash = SM3(Signature.xml)
    assert signed.is_file() and data.is_file(), "shared samples missing (see ../shared/data/interop)"
    out = _ok(ebid("seal", "verify", str(signed), str(data), "--trust", str(INTEROP / "ofdrw_ROOT.cert.pem")))
    assert out.startswith("VALID (GB/T 38540")


def test_gm_verify_takes_the_signer_s_certificate(ebid, tmp_path):
    document = tmp_path / "doc.txt"
    document.write_bytes(b"signed with ofdrw's USER key\n")
    _ok(ebid("gm", "sign", str(INTEROP / "ofdrw_USER.key.pem"), str(document), "-o", str(tmp_path / "doc.sig")))
    _ok(ebid("gm", "verify", str(INTEROP / "ofdrw_USER.cert.pem"), str(document), str(tmp_path / "doc.sig")))
    other = ebid("gm", "verify", str(INTEROP / "ofdrw_sign_cert.pem"), str(document), str(tmp_path / "doc.sig"))
    assert other.returncode == 1
