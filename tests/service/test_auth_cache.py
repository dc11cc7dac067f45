"""The per-process cache of parsed, root-checked licence certificates (app/server/certcache.py):
it saves the parsing and the root's signature check, never a check that depends on time or on the
authority's records."""

from __future__ import annotations

import hashlib

import pytest
from asn1crypto import x509
from sqlalchemy import update

from app.core import gm
from app.core.client import ServiceError
from app.core.pki import CertificateInvalid
from app.core.pki.certs import sign_tbs
from app.server.authority.models import LicenceRow
from app.server.authority.repository import serial_hex
from app.server.certcache import CertificateCache
from app.server.errors import ApiError


def _cached(ctx, holder) -> bool:
    cert = holder.certificate
    key = (cert.serial, hashlib.sha256(cert.der).digest())
    entry = ctx.certificates._entries.get(key)
    return entry is not None and entry.chained


def _refused(call) -> tuple[int, str]:
    with pytest.raises(ServiceError) as excinfo:
        call()
    return excinfo.value.status, excinfo.value.code


def test_revocation_applies_on_the_very_next_request_despite_the_cache(service, legal_rep):
    assert legal_rep.managers() == []
    assert _cached(service.ctx, legal_rep)
    # Revoked in the database only, as another worker or the CLI would: nothing tells the cache.
    serial = legal_rep.certificate.serial
    with service.ctx.unit() as u:
        assert u.authority.revoke_where(lambda lic: lic.serial == serial, "key_compromise") == [serial]
    assert _cached(service.ctx, legal_rep)
    assert _refused(legal_rep.managers) == (403, "revoked")


def test_same_serial_with_other_bytes_is_checked_afresh_and_refused(service, legal_rep):
    assert legal_rep.managers() == []
    assert _cached(service.ctx, legal_rep)
    original = legal_rep.certificate.der
    # The same TBSCertificate (serial, issuer name, key identifiers, the holder's own key, so the
    # request signature still verifies) signed by a key that is not the authority's.
    tbs = x509.Certificate.load(original)["tbs_certificate"]
    forged = sign_tbs(tbs, gm.SM2PrivateKey.generate()).dump()
    assert forged != original
    row = serial_hex(legal_rep.certificate.serial)
    with service.ctx.session() as s:
        s.execute(update(LicenceRow).where(LicenceRow.serial == row).values(certificate=forged))
    assert _refused(legal_rep.managers) == (401, "bad_signature")
    with service.ctx.session() as s:
        s.execute(update(LicenceRow).where(LicenceRow.serial == row).values(certificate=original))
    assert legal_rep.managers() == []


def test_cache_is_bounded_and_keyed_by_the_bytes(service, legal_rep, download, demo):
    enterprise, _, others = demo
    legal_rep.authorise(others[0].name, others[0].id_number)
    agent = download(others[0], enterprise)
    cache = CertificateCache(service.ctx.keys.authority.root, size=1)
    first = cache.verified(legal_rep.certificate.serial, legal_rep.certificate.der)
    assert cache.verified(legal_rep.certificate.serial, legal_rep.certificate.der) is first
    cache.verified(agent.certificate.serial, agent.certificate.der)
    assert len(cache) == 1
    # The agent's certificate presented under the legal representative's serial is not theirs.
    with pytest.raises(ApiError) as excinfo:
        cache.verified(legal_rep.certificate.serial, agent.certificate.der)
    assert excinfo.value.code == "certificate_mismatch"


def test_unusable_root_refuses_every_request(service, legal_rep):
    # A root that is not a CA (the holder's own certificate stands in for it).
    cache = CertificateCache(legal_rep.certificate)
    with pytest.raises(CertificateInvalid) as excinfo:
        cache.check_root_at(service.ctx.now())
    assert excinfo.value.reason == "bad_root"
