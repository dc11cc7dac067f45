"""Issue trust and time §2: a revocation list's freshness is judged at the verifier's clock, not
at the signing time the signer wrote. A signature back-dated into a stale list's window no
longer makes the list count as fresh; a list claiming to be issued in the future is not used."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import gm
from app.core.pki import load_crl, make_crl
from app.core.seal.format import Reason, SealRefused, sign_with_seal, verify_signature
from tests.seal_format.sealkit import T0

DOC = b"tender\n"


def _crl(world, this_update):
    return load_crl(make_crl([], root=world.root, root_key=world.root_key, number=3, this_update=this_update),
                    world.root)


def test_a_stale_list_is_refused_even_for_a_signature_dated_inside_its_window(world, clock, seal):
    crl = _crl(world, T0)  # valid for the default lifetime from T0
    signature = sign_with_seal(seal, world.legal_rep.key, world.legal_rep.cert, gm.sm3(DOC), clock=clock)
    verify_signature(signature, DOC, roots=[world.root], clock=clock, crl=crl)  # fresh now: fine
    clock.advance(timedelta(days=30))  # the list's nextUpdate has passed; the signature's date has not moved
    with pytest.raises(SealRefused) as refused:
        verify_signature(signature, DOC, roots=[world.root], clock=clock, crl=crl)
    assert refused.value.code == Reason.BAD_LICENCE and "expired" in refused.value.message


def test_a_list_issued_in_the_future_is_not_used(world, clock, seal):
    signature = sign_with_seal(seal, world.legal_rep.key, world.legal_rep.cert, gm.sm3(DOC), clock=clock)
    ahead = _crl(world, clock() + timedelta(hours=2))
    with pytest.raises(SealRefused) as refused:
        verify_signature(signature, DOC, roots=[world.root], clock=clock, crl=ahead)
    assert "in the future" in refused.value.message
