"""What a licence certificate must be for (issue trust and time §9, RFC 5280 §4.2): a key for
signing as a holder — keyUsage digitalSignature, no CA or CRL signing, no extendedKeyUsage (a
time-stamping or role certificate of the same authority is not a licence) — and no extension
this verifier does not process marked critical, in the leaf or the root. Each certificate below
is re-signed by the real authority key, so only the rule under test can refuse it."""

from __future__ import annotations

import pytest
from asn1crypto import x509

from app.core.pki import Certificate, CertificateInvalid, verify_licence
from app.core.pki.certs import extension, sign_tbs

UNKNOWN = "1.2.156.999.1"


@pytest.fixture
def licence(authority, demo, download):
    enterprise, legal_rep, _ = demo
    issued, _ = download(legal_rep, enterprise)
    return Certificate.load(issued.certificate_der)


def resigned(cert: Certificate, key, change) -> Certificate:
    tbs = x509.TbsCertificate.load(cert.tbs.dump())
    extensions = [x509.Extension.load(e.dump()) for e in tbs["extensions"]]
    tbs["extensions"] = change(extensions)
    return Certificate.from_asn1(sign_tbs(tbs, key))


def with_usage(usage: set[str]):
    def change(extensions):
        return [extension("key_usage", usage, critical=True) if e["extn_id"].native == "key_usage" else e
                for e in extensions]
    return change


def test_the_issued_licence_passes_and_a_resigned_copy_too(authority, licence, clock):
    verify_licence(licence, authority.root, at=clock())
    same = resigned(licence, authority.keys.key, lambda extensions: extensions)
    verify_licence(same, authority.root, at=clock())  # the re-signing itself changes nothing


@pytest.mark.parametrize("usage", [{"non_repudiation"}, {"digital_signature", "key_cert_sign"},
                                   {"digital_signature", "crl_sign"}, {"key_agreement"}])
def test_a_key_not_for_signing_as_a_holder_is_refused(authority, licence, clock, usage):
    cert = resigned(licence, authority.keys.key, with_usage(usage))
    with pytest.raises(CertificateInvalid) as caught:
        verify_licence(cert, authority.root, at=clock())
    assert caught.value.code == "wrong_key_usage"


def test_no_key_usage_at_all_is_refused(authority, licence, clock):
    cert = resigned(licence, authority.keys.key,
                    lambda extensions: [e for e in extensions if e["extn_id"].native != "key_usage"])
    with pytest.raises(CertificateInvalid) as caught:
        verify_licence(cert, authority.root, at=clock())
    assert caught.value.code == "wrong_key_usage"


@pytest.mark.parametrize("critical", [True, False])
def test_a_certificate_for_another_purpose_is_not_a_licence(authority, licence, clock, critical):
    cert = resigned(licence, authority.keys.key, lambda extensions: extensions + [
        extension("extended_key_usage", ["time_stamping"], critical=critical)])
    with pytest.raises(CertificateInvalid) as caught:
        verify_licence(cert, authority.root, at=clock())
    assert caught.value.code == "wrong_key_usage" and "1.3.6.1.5.5.7.3.8" in caught.value.message


def test_an_unknown_critical_extension_is_refused_and_the_same_not_critical_is_not(authority, licence, clock):
    def unknown(critical):
        return lambda extensions: extensions + [x509.Extension(
            {"extn_id": UNKNOWN, "critical": critical, "extn_value": b"\x05\x00"})]

    verify_licence(resigned(licence, authority.keys.key, unknown(False)), authority.root, at=clock())
    with pytest.raises(CertificateInvalid) as caught:
        verify_licence(resigned(licence, authority.keys.key, unknown(True)), authority.root, at=clock())
    assert caught.value.code == "unknown_critical_extension" and UNKNOWN in caught.value.message


def test_a_root_with_an_unknown_critical_extension_is_refused(authority, licence, clock):
    root = resigned(authority.root, authority.keys.key, lambda extensions: extensions + [x509.Extension(
        {"extn_id": UNKNOWN, "critical": True, "extn_value": b"\x05\x00"})])
    with pytest.raises(CertificateInvalid) as caught:
        verify_licence(licence, root, at=clock())
    assert caught.value.code == "unknown_critical_extension" and "root" in caught.value.message
