"""The GB/T 38540-only chain rule (app/core/seal/chain.py): multi-level chains through given
intermediates, and each way a path is refused. Certificates are built here with asn1crypto."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import x509

from app.core import gm
from app.core.pki import Certificate
from app.core.pki import verify as pki_verify
from app.core.pki.certs import (
    asn1_time,
    extension,
    key_identifier,
    new_serial,
    public_key_info,
    sign_tbs,
    signature_algorithm,
)
from app.core.seal.chain import ChainError, chain_to_anchor
from tests.ofd.ofdkit import sample

T = datetime(2026, 6, 1, tzinfo=UTC)


def cert(name: str, key: gm.SM2PrivateKey, issuer: Certificate | None,
         issuer_key: gm.SM2PrivateKey | None, *, ca: bool | None = True,
         usage: set[str] | None = None, path_len: int | None = None, aki: bytes | None = None,
         start: datetime = T - timedelta(days=30), days: int = 365) -> Certificate:
    subject = x509.Name.build({"country_name": "CN", "common_name": name})
    extensions = [extension("key_identifier", key_identifier(key.public_key()))]
    if ca is not None:
        extensions.append(extension("basic_constraints",
                                    {"ca": ca, "path_len_constraint": path_len}, critical=True))
    if usage is not None:
        extensions.append(extension("key_usage", usage, critical=True))
    if issuer is not None:
        key_id = aki if aki is not None else issuer.extension_value("key_identifier").native
        extensions.append(extension("authority_key_identifier", {"key_identifier": key_id}))
    tbs = x509.TbsCertificate({
        "version": "v3", "serial_number": new_serial(), "signature": signature_algorithm(),
        "issuer": issuer.tbs["subject"] if issuer is not None else subject,
        "validity": {"not_before": asn1_time(start),
                     "not_after": asn1_time(start + timedelta(days=days))},
        "subject": subject, "subject_public_key_info": public_key_info(key.public_key()),
        "extensions": extensions,
    })
    return Certificate.from_asn1(sign_tbs(tbs, issuer_key or key))


KEYS = [gm.SM2PrivateKey.generate() for _ in range(5)]
ROOT = cert("Root CA", KEYS[0], None, None, usage={"key_cert_sign", "crl_sign"})
MIDDLE = cert("Provincial CA", KEYS[1], ROOT, KEYS[0], usage={"key_cert_sign"})
ISSUING = cert("Issuing CA", KEYS[2], MIDDLE, KEYS[1], usage={"key_cert_sign"})
LEAF = cert("Signer", KEYS[3], ISSUING, KEYS[2], ca=False, usage={"digital_signature"})


def refused(leaf=LEAF, anchors=(ROOT,), intermediates=(MIDDLE, ISSUING), at=T) -> str:
    with pytest.raises(ChainError) as caught:
        chain_to_anchor(leaf, list(anchors), at=at, intermediates=list(intermediates))
    return str(caught.value)


def test_a_four_level_chain_through_given_intermediates():
    path = chain_to_anchor(LEAF, [ROOT], at=T, intermediates=[ISSUING, MIDDLE])
    assert [c.tbs["subject"].native["common_name"] for c in path] == [
        "Signer", "Issuing CA", "Provincial CA", "Root CA"]
    assert "not trusted: Common Name: Provincial CA" in refused(
        intermediates=[ISSUING])


def test_an_intermediate_may_be_the_anchor():
    assert chain_to_anchor(LEAF, [ISSUING], at=T)[-1].der == ISSUING.der


def test_an_intermediate_that_is_no_ca():
    not_ca = cert("Issuing CA", KEYS[2], MIDDLE, KEYS[1], ca=False)
    leaf = cert("Signer", KEYS[3], not_ca, KEYS[2], ca=False)
    assert "is not a certificate authority" in refused(leaf, intermediates=[MIDDLE, not_ca])


def test_an_intermediate_without_key_cert_sign():
    no_sign = cert("Issuing CA", KEYS[2], MIDDLE, KEYS[1], usage={"digital_signature"})
    leaf = cert("Signer", KEYS[3], no_sign, KEYS[2], ca=False)
    assert "may not sign certificates" in refused(leaf, intermediates=[MIDDLE, no_sign])


def test_a_path_length_constraint():
    strict = cert("Provincial CA", KEYS[1], ROOT, KEYS[0], usage={"key_cert_sign"}, path_len=0)
    assert "this many CAs below it" in refused(intermediates=[strict, ISSUING])
    loose = cert("Provincial CA", KEYS[1], ROOT, KEYS[0], usage={"key_cert_sign"}, path_len=1)
    assert len(chain_to_anchor(LEAF, [ROOT], at=T, intermediates=[loose, ISSUING])) == 4


def test_an_anchor_that_says_it_is_no_ca():
    leaf_anchor = cert("Root CA", KEYS[0], None, None, ca=False)
    other = cert("Signer", KEYS[3], leaf_anchor, KEYS[0], ca=False)
    assert "is not a certificate authority" in refused(other, anchors=[leaf_anchor],
                                                       intermediates=[])


def test_every_certificate_is_valid_at_the_time_given():
    short = cert("Issuing CA", KEYS[2], MIDDLE, KEYS[1], usage={"key_cert_sign"},
                 start=T - timedelta(days=30), days=10)
    assert "intermediate CA certificate expired" in refused(intermediates=[MIDDLE, short])
    assert len(chain_to_anchor(LEAF, [ROOT], at=T - timedelta(days=25),
                               intermediates=[MIDDLE, short])) == 4
    assert "not valid until" in refused(at=T - timedelta(days=31))


def test_a_forged_issuer_name_does_not_verify():
    impostor = cert("Issuing CA", KEYS[4], MIDDLE, KEYS[1], usage={"key_cert_sign"})
    assert "is not signed by the key of" in refused(intermediates=[MIDDLE, impostor])


def test_a_wrong_authority_key_identifier():
    leaf = cert("Signer", KEYS[3], ISSUING, KEYS[2], ca=False, aki=b"\x01" * 20)
    assert "is not signed by the key of" in refused(leaf)


def test_an_end_certificate_that_may_not_sign():
    leaf = cert("Signer", KEYS[3], ISSUING, KEYS[2], ca=False, usage={"key_encipherment"})
    assert "may not sign" in refused(leaf)


def test_no_anchor_no_trust():
    assert "No trust anchor" in refused(anchors=[])


def test_ofdrw_root_is_an_anchor_that_pki_would_refuse():
    """ofdrw's root: CA, but keyUsage digitalSignature + nonRepudiation only, no key
    identifiers. pki's licence check refuses it as a root; as an anchor it is accepted."""
    root = Certificate.load(sample("ofdrw_ROOT.cert.pem"))
    user = Certificate.load(sample("ofdrw_USER.cert.pem"))
    with pytest.raises(pki_verify.CertificateInvalid):
        pki_verify.check_root(root)
    path = chain_to_anchor(user, [root], at=datetime(2021, 5, 19, tzinfo=UTC))
    assert path[-1].der == root.der
    with pytest.raises(ChainError, match="expired"):  # USER ended 2022-04-21
        chain_to_anchor(user, [root], at=datetime(2022, 5, 1, tzinfo=UTC))
