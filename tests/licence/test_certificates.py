"""Certificates against the real OpenSSL, and our own chain verification failing for each reason."""

from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest
from asn1crypto import pem

from app.core.errors import VerificationFailed
from app.core.licence import FULL_BIDDING, AuthorityKeys
from app.core.pki import (
    EBID_ARC,
    Certificate,
    CertificateInvalid,
    Mode,
    Role,
    load_crl,
    parse_licence,
    verify_licence,
)
from app.core.pki.crl import crl_to_pem


@pytest.fixture
def three_licences(authority, demo, download):
    """A legal representative's, a manager's and a specific agent's licence certificates."""
    enterprise, legal_rep, (manager, agent) = demo
    lr, _ = download(legal_rep, enterprise)
    authority.add_manager(enterprise.credit_code, manager, by=lr.serial)
    mg, _ = download(manager, enterprise)
    grant = authority.authorise_agent(
        enterprise.credit_code,
        agent,
        by=mg.serial,
        mode=Mode.SPECIFIC,
        matters=[FULL_BIDDING, "SEAL-COLLECT"],
    )
    ag, _ = download(agent, enterprise, grant.authorisation_id)
    return [Certificate.load(x.certificate_der) for x in (lr, mg, ag)]


def test_every_issued_certificate_passes_openssl_verify(
    authority, three_licences, openssl_verify, clock
):
    assert openssl_verify(authority.root, authority.root, clock()).returncode == 0
    for cert in three_licences:
        result = openssl_verify(authority.root, cert, clock())
        assert result.returncode == 0, result.stdout + result.stderr
        assert ": OK" in result.stdout


def test_openssl_fails_without_the_standard_id(authority, three_licences, openssl_verify, clock):
    # Proves the signature is over ZA with 1234567812345678, not OpenSSL's empty default ID.
    result = openssl_verify(authority.root, three_licences[0], clock(), distid=False)
    assert result.returncode != 0


def _tamper(cert: Certificate, old: bytes, new: bytes) -> bytes:
    assert cert.der.count(old) == 1 and len(old) == len(new)
    return cert.der.replace(old, new)


def test_tampered_certificate_is_refused_by_us_and_openssl(
    authority, three_licences, openssl_verify, clock
):
    leaf = three_licences[2]
    forged = Certificate.load(_tamper(leaf, b"SEAL-COLLECT", b"TAX-DECLARE!"))
    with pytest.raises(CertificateInvalid) as info:
        verify_licence(forged, authority.root, at=clock())
    assert info.value.reason == "bad_signature"
    result = openssl_verify(authority.root, forged, clock())
    assert result.returncode != 0 and "signature failure" in result.stdout + result.stderr


def test_extensions_are_readable_in_openssl_text(three_licences, openssl, tmp_path):
    path = tmp_path / "agent.pem"
    path.write_bytes(three_licences[2].to_pem())
    text = subprocess.run(
        [openssl, "x509", "-in", str(path), "-noout", "-text", "-nameopt", "utf8"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for oid in (".1:", ".2:", ".3:"):
        assert EBID_ARC + oid in text
    for value in (
        "91110108MA001DEMXY",
        "agent",
        "specific",
        FULL_BIDDING,
        "SEAL-COLLECT",
        "110108********0033",
        "演示科技有限公司",
        "王演示",
        "CA:FALSE",
        "SM2-with-SM3",
    ):
        assert value in text, value
    parsed = subprocess.run(
        [openssl, "x509", "-in", str(path), "-noout", "-text", "-certopt", "ext_parse"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "UTF8STRING        :EC-BID-FULL" in parsed


def test_full_id_number_is_not_in_the_certificate(three_licences, demo):
    _enterprise, legal_rep, others = demo
    for cert, person in zip(three_licences, [legal_rep, *others]):
        assert person.id_number.encode() not in cert.der
        assert person.masked_id_number.encode() in cert.der


def test_parse_gives_the_terms_back(three_licences, demo):
    enterprise, _lr, (_manager, agent) = demo
    info = parse_licence(three_licences[2])
    assert (info.credit_code, info.enterprise_name, info.registration_place) == (
        enterprise.credit_code,
        enterprise.name,
        enterprise.registration_place,
    )
    assert (info.holder_name, info.role, info.mode) == (agent.name, Role.AGENT, Mode.SPECIFIC)
    assert [m.code for m in info.matters] == [FULL_BIDDING, "SEAL-COLLECT"]
    assert info.matters[0].name == "电子商务-招投标-全流程投标"
    assert info.covers(FULL_BIDDING) and not info.covers("TAX-DECLARE")
    assert [r.role for r in map(parse_licence, three_licences[:2])] == [
        Role.LEGAL_REPRESENTATIVE,
        Role.MANAGER,
    ]


def test_validity_edges_are_exact_to_the_second(authority, three_licences):
    leaf = three_licences[0]
    verify_licence(leaf, authority.root, at=leaf.not_before)
    verify_licence(leaf, authority.root, at=leaf.not_after)
    cases = [
        (leaf.not_before - timedelta(seconds=1), "not_yet_valid"),
        (leaf.not_after + timedelta(seconds=1), "expired"),
    ]
    for moment, reason in cases:
        with pytest.raises(CertificateInvalid) as info:
            verify_licence(leaf, authority.root, at=moment)
        assert info.value.reason == reason


def test_wrong_root_is_refused(three_licences, clock):
    other = AuthorityKeys.create("EBid Test Authority", not_before=clock() - timedelta(days=1))
    with pytest.raises(CertificateInvalid) as info:
        verify_licence(three_licences[0], other.root, at=clock())
    assert info.value.reason == "wrong_issuer"  # same name, but another key (AKI differs)


def test_a_licence_cannot_serve_as_root(three_licences, clock):
    with pytest.raises(CertificateInvalid) as info:
        verify_licence(three_licences[1], three_licences[0], at=clock())
    assert info.value.reason == "bad_root"


def test_revoked_licence_is_refused(authority, three_licences, clock):
    lr_serial, agent = three_licences[0].serial, three_licences[2]
    authority.revoke_licence(agent.serial, by=lr_serial)
    crl = load_crl(authority.publish_crl(), authority.root)
    verify_licence(three_licences[1], authority.root, at=clock(), revocations=crl)
    with pytest.raises(CertificateInvalid) as info:
        verify_licence(agent, authority.root, at=clock(), revocations=crl)
    assert info.value.reason == "revoked"


def test_crl_is_readable_by_openssl_and_checked_by_us(authority, three_licences, openssl, tmp_path):
    authority.revoke_licence(three_licences[2].serial, by=three_licences[0].serial)
    der = authority.publish_crl()
    path = tmp_path / "crl.pem"
    path.write_bytes(crl_to_pem(der))
    text = subprocess.run(
        [openssl, "crl", "-in", str(path), "-noout", "-text"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (
        f"{three_licences[2].serial:X}" in text and "SM2-with-SM3" in text and "CRL Number" in text
    )
    assert load_crl(pem.armor("X509 CRL", der), authority.root).number == 1
    assert load_crl(der, authority.root).is_revoked(three_licences[2].serial)
    forged = der.replace(three_licences[2].serial.to_bytes(16, "big"), (1).to_bytes(16, "big"))
    with pytest.raises(VerificationFailed):
        load_crl(forged, authority.root)


def test_crl_of_another_authority_is_refused(authority, clock):
    other = AuthorityKeys.create("Another authority", not_before=clock() - timedelta(days=1))
    with pytest.raises(VerificationFailed, match="another authority"):
        load_crl(authority.publish_crl(), other.root)


def test_stale_revocation_list_is_refused(authority, three_licences, clock):
    crl = load_crl(authority.publish_crl(lifetime=timedelta(hours=1)), authority.root)
    leaf = three_licences[0]
    verify_licence(leaf, authority.root, at=clock() + timedelta(hours=1), revocations=crl)
    with pytest.raises(CertificateInvalid) as info:
        verify_licence(
            leaf, authority.root, at=clock() + timedelta(hours=1, seconds=1), revocations=crl
        )
    assert info.value.reason == "stale_revocation_list"


def test_signature_bit_string_with_unused_bits_is_refused():
    """asn1crypto drops BIT STRING padding bits silently; such a re-encoding must not verify."""
    from app.core.pki import CertificateInvalid, Certificate as _Cert, ManualClock, make_licence, make_root, verify_licence
    from app.core import gm as _gm
    import datetime as _dt

    start = _dt.datetime(2026, 1, 1, tzinfo=_dt.timezone.utc)
    # With the last bit already 0, declaring it a padding bit leaves the decoded value unchanged:
    # exactly the re-encoding a lenient verifier accepts.
    while True:
        root = make_root(_gm.SM2PrivateKey.generate(), common_name="Padding Test Root", not_before=start)
        raw = root.asn1["signature_value"].contents
        if raw[-1] & 1 == 0:
            break
    assert root.der.endswith(raw) and raw[0] == 0  # the BIT STRING's unused-bits octet, then the value
    der = bytearray(root.der)
    der[len(der) - len(raw)] = 1
    tampered = _Cert.load(bytes(der))
    assert tampered.der != root.der
    assert tampered.asn1["signature_value"].native == root.asn1["signature_value"].native
    with pytest.raises(CertificateInvalid):
        verify_licence(tampered, tampered, at=start + _dt.timedelta(days=1))
