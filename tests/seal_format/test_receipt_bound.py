"""A bid receipt bounds the time of the documents sealed for that bid (issue trust and time §1,
docs/formats/electronic-seal.md "Which time"): verified with the platform's signed receipt time,
a sealed document whose ``timeInfo`` is after it, or whose time stamp is, is refused — it was
sealed after the platform had received the bid. The receipt itself counts only when signed by a
certificate the root issued for receipts."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest

from app.core import gm
from app.core.errors import VerificationFailed
from app.core.pki import ManualClock, make_root
from app.core.pki.receipts import make_receipt_certificate, received_at, verify_receipt
from app.core.seal.format import Reason, SealRefused, sign_with_seal, verify_signature
from app.server.platform.rules import RECEIPT_TYPE, canonical_json
from tests.seal_format.sealkit import T0, stamper

DOC = b"%PDF-1.7 technical bid, section 2"


@pytest.fixture(scope="module")
def platform(world):
    key = gm.SM2PrivateKey.generate()
    cert = make_receipt_certificate(key.public_key(), name="Test platform", root=world.root,
                                    root_key=world.root_key, not_before=T0 - timedelta(days=1),
                                    not_after=T0 + timedelta(days=365))
    return key, cert


def receipt_at(platform, when) -> tuple[str, bytes]:
    """A receipt as the platform signs it (app/server/platform/rules.py), received at ``when``."""
    key, _ = platform
    text = canonical_json({
        "type": RECEIPT_TYPE, "version": 1, "submission_id": "S-1", "project": "ZB-1", "section": "2",
        "credit_code": "91110108MA001DEMXY", "licence_serial": "1f", "file_name": "bid.bidx", "size": 10,
        "sm3": "00" * 32, "bidder_signature": base64.b64encode(b"sig").decode(),
        "received_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
    })
    return text.decode(), key.sign(text)


def sealed(world, seal, clock, *, stamped_by=None) -> bytes:
    holder = world.legal_rep
    return sign_with_seal(seal, holder.key, holder.cert, gm.sm3(DOC), clock=clock, time_stamper=stamped_by)


def verify(world, signature, clock, received_by):
    return verify_signature(signature, DOC, roots=[world.root], clock=clock, received_by=received_by)


def test_a_document_sealed_after_the_receipt_is_refused(world, seal, clock):
    signature = sealed(world, seal, clock)  # timeInfo = clock()
    signed_at = clock()
    clock.advance(days=1)
    with pytest.raises(SealRefused) as refused:
        verify(world, signature, clock, signed_at - timedelta(hours=1))
    assert refused.value.reason is Reason.SIGNED_AFTER_RECEIPT
    assert verify(world, signature, clock, signed_at + timedelta(minutes=1)).licence
    # the signer's clock may be a little ahead of the platform's: the time-stamp tolerance
    assert verify(world, signature, clock, signed_at - timedelta(minutes=4)).licence


def test_a_signature_stamped_after_the_receipt_is_refused(world, seal, clock):
    """timeInfo before the receipt, but the authority stamped it after: sealed after the upload."""
    authority_clock = ManualClock(clock() + timedelta(minutes=30))
    signature = sealed(world, seal, clock, stamped_by=stamper(world.tsa_key, world.tsa, authority_clock))
    signed_at = clock()
    clock.advance(days=1)
    with pytest.raises(SealRefused) as refused:
        verify(world, signature, clock, signed_at + timedelta(minutes=10))
    assert refused.value.reason is Reason.STAMPED_AFTER_RECEIPT
    assert verify(world, signature, clock, authority_clock()).trusted_time


def test_a_receipt_counts_only_from_a_receipt_certificate_of_the_root(world, platform):
    text, signature = receipt_at(platform, T0)
    signed = verify_receipt(text, signature, platform[1], world.root, at=T0)
    assert received_at(signed) == T0 and signed["submission_id"] == "S-1"
    with pytest.raises(VerificationFailed):  # the displayed time changed after signing
        verify_receipt(text.replace(T0.strftime("%Y-%m-%d"), "2027-01-01"), signature, platform[1], world.root, at=T0)
    self_signed = make_root(platform[0], common_name="Test platform", not_before=T0 - timedelta(days=1))
    with pytest.raises(VerificationFailed, match="not one the authority issued for receipts"):
        verify_receipt(text, signature, self_signed, world.root, at=T0)


def _save(path, receipt: tuple[str, bytes]) -> None:
    text, signature = receipt
    path.write_text(json.dumps({"receipt": text, "signature": signature.hex()}), encoding="utf-8")


def test_cli_verifies_with_the_receipt(ebid, world, seal, clock, platform, tmp_path):
    (tmp_path / "doc.pdf").write_bytes(DOC)
    (tmp_path / "doc.sig").write_bytes(sealed(world, seal, clock))
    (tmp_path / "root.pem").write_bytes(world.root.to_pem())
    (tmp_path / "platform.pem").write_bytes(platform[1].to_pem())
    _save(tmp_path / "early.receipt.json", receipt_at(platform, clock() - timedelta(hours=2)))
    _save(tmp_path / "late.receipt.json", receipt_at(platform, clock() + timedelta(hours=2)))

    def run(receipt: str):
        return ebid("sealfmt", "verify-signature", "doc.sig", "doc.pdf", "--root", "root.pem",
                    "--at", (clock() + timedelta(hours=3)).isoformat(), "--receipt", receipt,
                    "--platform-cert", "platform.pem")

    early = run("early.receipt.json")
    assert early.returncode == 1 and "(signing_time_after_receipt)" in early.stderr
    late = run("late.receipt.json")
    assert late.returncode == 0, late.stderr
    assert "Sealed before the platform received the bid" in late.stdout
    alone = ebid("sealfmt", "verify-signature", "doc.sig", "doc.pdf", "--root", "root.pem",
                 "--receipt", "late.receipt.json")
    assert alone.returncode == 2 and "go together" in alone.stderr
