"""The same container sent twice (a retry after the answer was lost) is one submission: the
platform answers with the first receipt and keeps one file (docs/service.md, "Submissions")."""

from __future__ import annotations

from .conftest import PROJECT


def test_the_same_container_twice_is_one_submission_with_the_first_receipt(service, legal_rep, bid_file):
    container, signature = bid_file(legal_rep)
    first = legal_rep.submit_bid(container, signature, project=PROJECT, section="1")
    again = legal_rep.submit_bid(container, signature, project=PROJECT, section="1", name="重发.bidx")
    assert again == first
    other, other_signature = bid_file(legal_rep, size=5_000)
    second = legal_rep.submit_bid(other, other_signature, project=PROJECT, section="1")
    assert second.submission_id != first.submission_id
    # (the service's clock stands still here: both were received at the same instant)
    assert sorted(r.submission_id for r in legal_rep.submissions()) == sorted(
        [first.submission_id, second.submission_id])
    stored = sorted(p.name for p in (service.ctx.settings.bids_dir).rglob("*") if p.is_file())
    assert len(stored) == 2
