"""The published revocation list: stable between changes, a new number only when revocations
change or its nextUpdate nears, always signed by the root."""

from __future__ import annotations

from app.core.pki import load_crl
from app.server.authority.crl import LIFETIME, REFRESH_BEFORE, CrlPublisher


def _crl(client):
    return load_crl(client.crl_pem(), client.root_certificate())  # checks the root's signature


def test_crl_is_stable_until_revocations_change(client, legal_rep, clock):
    first = _crl(client)
    assert first.revoked == {}
    assert first.this_update == clock() and first.next_update == clock() + LIFETIME
    clock.advance(minutes=30)
    again = _crl(client)
    assert (again.number, again.this_update, again.revoked) == (first.number, first.this_update, {})

    legal_rep.revoke_licence()
    revoked = _crl(client)
    assert revoked.number > first.number
    assert set(revoked.revoked) == {legal_rep.certificate.serial}
    assert revoked.this_update == clock()
    assert _crl(client).number == revoked.number


def test_crl_is_renewed_as_next_update_nears(client, clock):
    first = _crl(client)
    clock.advance(seconds=int((LIFETIME - REFRESH_BEFORE).total_seconds()) - 1)
    assert _crl(client).number == first.number
    clock.advance(seconds=1)
    renewed = _crl(client)
    assert renewed.number == first.number + 1
    assert renewed.next_update == clock() + LIFETIME
    clock.advance(hours=1)
    assert _crl(client).number == renewed.number


def test_another_worker_serves_the_same_crl(service, client, legal_rep):
    legal_rep.revoke_licence()
    served = _crl(client)
    # A second process starts with nothing signed: it re-signs the same number and content.
    other = CrlPublisher(service.ctx.keys.authority)
    with service.ctx.session() as s:
        der = other.current(s, service.ctx.now())
    theirs = load_crl(der, service.ctx.keys.authority.root)
    assert (theirs.number, theirs.this_update, theirs.next_update, theirs.revoked) == (
        served.number, served.this_update, served.next_update, served.revoked,
    )
