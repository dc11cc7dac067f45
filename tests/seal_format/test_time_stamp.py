"""Which time a seal signature is judged at (docs/formats/electronic-seal.md "Which time"): the
RFC 3161 token in ``timeStamp`` when there is one, else the verifier's now — never ``timeInfo``,
which the signer writes. Each refusal of a token, and the back-dating attack of issue 16."""

from __future__ import annotations

from datetime import timedelta

import pytest
from asn1crypto import x509

from app.core import gm
from app.core.pki import make_root
from app.core.pki import timestamp as ts
from app.core.pki.issue import make_role_certificate
from app.core.seal.format import (
    Reason,
    SealAuthorisation,
    SealAuthorisationRule,
    SealRefused,
    parse_signature,
    sign_with_seal,
    verify_signature,
)
from app.core.seal.format.asn1 import OID_KP_SEAL_MAKING, SESSignature
from app.core.seal.format.signature import TIME_INFO_TOLERANCE
from tests.seal_format.sealkit import CREDIT_A, T0, stamper, world_stamper

DOC = b"%PDF-1.7 bid for section 3"


def refused(reason, call, *args, **kwargs):
    with pytest.raises(SealRefused) as caught:
        call(*args, **kwargs)
    assert caught.value.reason is reason, caught.value.message
    return caught.value


def agent_window(start, end):
    """The agent's seal authorisation as the seal office reports it (a revoked one cut at its
    revocation: app/server/seal_office/grants.py ``windows``)."""
    return SealAuthorisationRule([SealAuthorisation("ES-0001", CREDIT_A, "P-agent-a", start, end)])


def signed(world, seal, holder, clock, *, time_stamper=None):
    return sign_with_seal(seal, holder.key, holder.cert, gm.sm3(DOC), clock=clock,
                          time_stamper=time_stamper)


def with_token(signature: bytes, token: bytes | None) -> bytes:
    """The signature with another ``timeStamp`` (the signer's own signature covers toSign only,
    so anyone can swap the token: it must stand on its own)."""
    value = SESSignature.load(signature)
    value["time_stamp"] = token
    return value.dump()


def tsa_certificate(world, *, key, root=None, root_key=None, eku=ts.OID_KP_TIME_STAMPING, critical=True,
                    not_before=None, not_after=None):
    return make_role_certificate(
        key.public_key(), subject=x509.Name.build({"common_name": "Some TSA"}),
        key_usage={"digital_signature"}, extended_key_usage=eku, critical_eku=critical,
        root=root or world.root, root_key=root_key or world.root_key,
        not_before=not_before or T0 - timedelta(days=1), not_after=not_after or T0 + timedelta(days=30),
    )


# --- the trusted time --------------------------------------------------------------------


def test_a_time_stamped_signature_is_judged_at_the_token_time(world, clock, seal):
    signature = signed(world, seal, world.legal_rep, clock, time_stamper=world_stamper(world, clock))
    info = parse_signature(signature)
    assert info.has_time_stamp
    stamped_at = clock()
    clock.advance(days=3)
    result = verify_signature(signature, DOC, roots=[world.root], clock=clock)
    assert result.trusted_time
    assert result.judged_at == stamped_at == result.time_stamp.gen_time
    assert result.time_stamp.authority.der == world.tsa.der
    assert "Trusted time" in result.time_message and stamped_at.isoformat() in result.time_message


def test_the_token_is_over_the_signature_value(world, clock, seal):
    """GB/T 38540: timeStamp is a time stamp of the signature value (the DER SEQUENCE{r, s})."""
    signature = signed(world, seal, world.legal_rep, clock, time_stamper=world_stamper(world, clock))
    info = parse_signature(signature)
    token = bytes(info.asn1["time_stamp"].native)
    stamp = ts.verify_token(token, digest=gm.sm3(info.signature), roots=[world.root])
    assert stamp.digest == gm.sm3(info.signature)


def test_without_a_token_the_result_says_checked_as_of_now(world, clock, seal):
    signature = signed(world, seal, world.legal_rep, clock)
    clock.advance(hours=5)
    result = verify_signature(signature, DOC, roots=[world.root], clock=clock)
    assert not result.trusted_time and result.time_stamp is None
    assert result.judged_at == clock()
    assert result.time_message.startswith("No trusted time: checked as of now")


# --- the attack: a back-dated timeInfo (issue 16, item 1) ---------------------------------


def test_back_dated_signature_by_an_agent_whose_authorisation_ended_is_refused(world, clock, seal):
    """The proof of concept: the agent's authorisation was revoked after two days (the office
    cuts its window there); ten days later the agent sets the device clock back into the old
    window, so timeInfo says day 1. Before the fix the signature verified ("Seal signature
    OK", judged at timeInfo); now, without a token, it is judged at the verifier's now."""
    rule = agent_window(T0, T0 + timedelta(days=2))
    clock.set(T0 + timedelta(days=1))  # the device's clock, set back by the agent
    signature = signed(world, seal, world.agent, clock)
    assert parse_signature(signature).signed_at == T0 + timedelta(days=1)
    clock.set(T0 + timedelta(days=10))  # the verifier, today
    error = refused(Reason.MISSING_AUTHORISATION, verify_signature, signature, DOC,
                    roots=[world.root], clock=clock, authorisation_check=rule)
    assert (T0 + timedelta(days=10)).isoformat() in error.message


def test_back_dated_signature_with_a_token_is_judged_at_the_authority_time(world, seal):
    """The same agent asks the authority for a token: the authority's clock says day 10, so the
    token's time is day 10 and the signature is refused, while timeInfo (day 1) is earlier than
    the token (allowed: it is not what the checks use)."""
    from app.core.pki import ManualClock

    rule = agent_window(T0, T0 + timedelta(days=2))
    device, authority = ManualClock(T0 + timedelta(days=1)), ManualClock(T0 + timedelta(days=10))
    signature = signed(world, seal, world.agent, device, time_stamper=world_stamper(world, authority))
    refused(Reason.MISSING_AUTHORISATION, verify_signature, signature, DOC, roots=[world.root],
            clock=authority, authorisation_check=rule)
    # the same signature made while the authorisation held verifies, at the token's time
    device.set(T0 + timedelta(days=1))
    good = signed(world, seal, world.agent, device, time_stamper=world_stamper(world, device))
    result = verify_signature(good, DOC, roots=[world.root], clock=authority, authorisation_check=rule)
    assert result.judged_at == T0 + timedelta(days=1)


def test_time_info_later_than_the_token_is_refused(world, seal):
    from app.core.pki import ManualClock

    authority = ManualClock(T0 + timedelta(hours=1))
    device = ManualClock(authority() + TIME_INFO_TOLERANCE + timedelta(seconds=1))
    signature = signed(world, seal, world.legal_rep, device, time_stamper=world_stamper(world, authority))
    refused(Reason.SIGNED_AFTER_TIME_STAMP, verify_signature, signature, DOC, roots=[world.root],
            clock=device)
    device.set(authority() + TIME_INFO_TOLERANCE)  # within the tolerance: accepted
    fine = signed(world, seal, world.legal_rep, device, time_stamper=world_stamper(world, authority))
    assert verify_signature(fine, DOC, roots=[world.root], clock=device).judged_at == authority()


# --- tokens that are refused -------------------------------------------------------------


def test_a_token_over_other_bytes_is_refused(world, clock, seal):
    signature = signed(world, seal, world.legal_rep, clock)
    other = world_stamper(world, clock)(b"another signature value")
    refused(Reason.TIME_STAMP_OTHER_DATA, verify_signature, with_token(signature, other), DOC,
            roots=[world.root], clock=clock)


def test_a_token_moved_from_another_signature_is_refused(world, clock, seal):
    first = signed(world, seal, world.legal_rep, clock, time_stamper=world_stamper(world, clock))
    second = signed(world, seal, world.legal_rep, clock)
    token = bytes(parse_signature(first).asn1["time_stamp"].native)
    refused(Reason.TIME_STAMP_OTHER_DATA, verify_signature, with_token(second, token), DOC,
            roots=[world.root], clock=clock)


def test_a_token_from_an_authority_under_another_root_is_refused(world, clock, seal):
    rogue_root_key, key = gm.SM2PrivateKey.generate(), gm.SM2PrivateKey.generate()
    rogue_root = make_root(rogue_root_key, common_name="Rogue Root", not_before=T0 - timedelta(days=5))
    cert = tsa_certificate(world, key=key, root=rogue_root, root_key=rogue_root_key)
    signature = signed(world, seal, world.legal_rep, clock, time_stamper=stamper(key, cert, clock))
    error = refused(Reason.UNTRUSTED_TIME_STAMP_AUTHORITY, verify_signature, signature, DOC,
                    roots=[world.root], clock=clock)
    assert "Rogue Root" in error.message


def test_a_token_whose_certificate_claims_our_root_but_another_key_signed_it(world, clock, seal):
    """Same issuer name as the trusted root, but signed by another key: the chain check refuses."""
    impostor_key, key = gm.SM2PrivateKey.generate(), gm.SM2PrivateKey.generate()
    cert = tsa_certificate(world, key=key, root_key=impostor_key)
    signature = signed(world, seal, world.legal_rep, clock, time_stamper=stamper(key, cert, clock))
    refused(Reason.UNTRUSTED_TIME_STAMP_AUTHORITY, verify_signature, signature, DOC,
            roots=[world.root], clock=clock)


@pytest.mark.parametrize("eku, critical", [
    (ts.OID_KP_TIME_STAMPING, False),  # the EKU, but not critical (RFC 3161 §2.3: must be)
    (OID_KP_SEAL_MAKING, True),  # another role's certificate under the same root
])
def test_a_token_signed_without_the_time_stamping_eku_is_refused(world, clock, seal, eku, critical):
    key = gm.SM2PrivateKey.generate()
    cert = tsa_certificate(world, key=key, eku=eku, critical=critical)
    signature = signed(world, seal, world.legal_rep, clock, time_stamper=stamper(key, cert, clock))
    refused(Reason.NOT_A_TIME_STAMP_AUTHORITY, verify_signature, signature, DOC,
            roots=[world.root], clock=clock)


def test_a_licence_cannot_stamp_time(world, clock, seal):
    """Every licence holder has a key certified by the root: none of them is an authority."""
    holder = world.manager
    signature = signed(world, seal, world.legal_rep, clock,
                       time_stamper=stamper(holder.key, holder.cert, clock))
    refused(Reason.NOT_A_TIME_STAMP_AUTHORITY, verify_signature, signature, DOC,
            roots=[world.root], clock=clock)


@pytest.mark.parametrize("start, end", [
    (T0 + timedelta(days=1), T0 + timedelta(days=30)),  # genTime before the certificate
    (T0 - timedelta(days=30), T0 - timedelta(seconds=1)),  # genTime after it expired
])
def test_a_gen_time_outside_the_authority_certificate_is_refused(world, clock, seal, start, end):
    """The token is stamped at the clock's time (T0 + 1 h), outside the TSA certificate."""
    key = gm.SM2PrivateKey.generate()
    cert = tsa_certificate(world, key=key, not_before=start, not_after=end)
    signature = signed(world, seal, world.legal_rep, clock, time_stamper=stamper(key, cert, clock))
    refused(Reason.TIME_STAMP_OUTSIDE_AUTHORITY_VALIDITY, verify_signature, signature, DOC,
            roots=[world.root], clock=clock)
    inside = tsa_certificate(world, key=key, not_before=start - timedelta(days=60),
                             not_after=end + timedelta(days=60))
    good = signed(world, seal, world.legal_rep, clock, time_stamper=stamper(key, inside, clock))
    assert verify_signature(good, DOC, roots=[world.root], clock=clock).trusted_time


def test_a_token_with_a_changed_byte_is_refused(world, clock, seal):
    signature = signed(world, seal, world.legal_rep, clock, time_stamper=world_stamper(world, clock))
    token = bytearray(parse_signature(signature).asn1["time_stamp"].native)
    token[-5] ^= 0x01  # inside the SM2 signature value of the SignerInfo
    refused(Reason.BAD_TIME_STAMP, verify_signature, with_token(signature, bytes(token)), DOC,
            roots=[world.root], clock=clock)


def test_a_token_with_a_changed_gen_time_is_refused(world, clock, seal):
    """Editing genTime inside the TSTInfo breaks the signed messageDigest."""
    signature = signed(world, seal, world.legal_rep, clock, time_stamper=world_stamper(world, clock))
    token = bytes(parse_signature(signature).asn1["time_stamp"].native)
    earlier = (clock() - timedelta(days=1)).strftime("%Y%m%d%H%M%SZ").encode()
    changed = token.replace(clock().strftime("%Y%m%d%H%M%SZ").encode(), earlier, 1)
    assert changed != token
    refused(Reason.BAD_TIME_STAMP, verify_signature, with_token(signature, changed), DOC,
            roots=[world.root], clock=clock)


def test_garbage_in_the_time_stamp_field_is_refused(world, clock, seal):
    signature = signed(world, seal, world.legal_rep, clock)
    refused(Reason.BAD_TIME_STAMP, verify_signature, with_token(signature, b"\x30\x03\x02\x01\x01"),
            DOC, roots=[world.root], clock=clock)


def test_a_revoked_time_stamping_authority_is_refused(world, clock, seal):
    from app.core.pki import Revocation, load_crl, make_crl

    signature = signed(world, seal, world.legal_rep, clock, time_stamper=world_stamper(world, clock))
    crl_der = make_crl([Revocation(world.tsa.serial, clock())], root=world.root,
                       root_key=world.root_key, number=1, this_update=clock())
    crl = load_crl(crl_der, world.root)
    refused(Reason.BAD_TIME_STAMP, verify_signature, signature, DOC, roots=[world.root],
            clock=clock, crl=crl)


def test_a_token_s_revocation_list_is_judged_at_the_verifier_s_clock_never_at_gen_time(world, clock, seal):
    """Fresh at genTime, stale today: a caller that gives no ``now`` gets the system clock."""
    from app.core.pki import load_crl, make_crl

    signature = signed(world, seal, world.legal_rep, clock, time_stamper=world_stamper(world, clock))
    token = bytes(parse_signature(signature).asn1["time_stamp"].native)
    digest = gm.sm3(parse_signature(signature).signature)
    crl = load_crl(make_crl([], root=world.root, root_key=world.root_key, number=1, this_update=clock()),
                   world.root)  # current for one day after the token's time, long past today
    with pytest.raises(ts.TimeStampRefused, match="revocation list expired"):
        ts.verify_token(token, digest=digest, roots=[world.root], revocations=crl)
    assert ts.verify_token(token, digest=digest, roots=[world.root], revocations=crl, now=clock()).gen_time == clock()


def test_every_changed_byte_of_a_token_is_refused_as_a_seal_refusal(world, clock, seal):
    """No byte of the token can change unnoticed, and none makes the verifier fail in any way
    other than SealRefused (a hostile token must not end a program with a traceback)."""
    signature = signed(world, seal, world.legal_rep, clock, time_stamper=world_stamper(world, clock))
    token = bytes(parse_signature(signature).asn1["time_stamp"].native)
    for position in range(0, len(token), 5):
        for flip in (0x01, 0x80):
            changed = bytearray(token)
            changed[position] ^= flip
            with pytest.raises(SealRefused):
                verify_signature(with_token(signature, bytes(changed)), DOC, roots=[world.root],
                                 clock=clock)
