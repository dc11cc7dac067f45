"""The platform at upload (docs/formats/bidx.md §8, "The reference service at upload"): a bidder
who copies another bidder's container and signs it with its own licence is refused — the
signature verifies, but the header names the other bidder as sender — and nothing is stored;
the container's own bidder submits it."""

from __future__ import annotations

import pytest

from app.core import gm
from app.core.client import ServiceError
from app.core.licence.demo import DEMO_ENTERPRISES

from .conftest import PROJECT


@pytest.fixture
def rival(download):
    """The legal representative of another DEMO enterprise."""
    other = DEMO_ENTERPRISES[1].enterprise
    return download(other.legal_representative, other)


def test_a_copied_container_re_signed_by_another_bidder_is_refused(legal_rep, rival, bid_file, service):
    container, signature = bid_file(legal_rep)
    resigned = rival.key.sign(container.read_bytes())  # a valid signature by the rival's licence
    with pytest.raises(ServiceError) as excinfo:
        rival.submit_bid(container, resigned, project=PROJECT, section="1")
    assert (excinfo.value.status, excinfo.value.code) == (400, "wrong_sender")
    assert gm.sm3(legal_rep.certificate.der)[:8].hex() in excinfo.value.message  # the sender it names
    with pytest.raises(ServiceError) as excinfo:  # to another section: the codes say so first
        rival.submit_bid(container, resigned, project=PROJECT, section="2")
    assert (excinfo.value.status, excinfo.value.code) == (400, "wrong_project")
    assert rival.submissions() == []
    assert list(service.ctx.settings.bids_dir.glob("*.bidx")) == []
    assert list(service.ctx.settings.incoming_dir.iterdir()) == []

    receipt = legal_rep.submit_bid(container, signature, project=PROJECT, section="1")
    assert [r.submission_id for r in legal_rep.submissions()] == [receipt.submission_id]
