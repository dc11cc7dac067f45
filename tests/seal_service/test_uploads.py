"""What the seal office refuses at upload and review, each with its reason — and never a 500."""

from __future__ import annotations

import struct
import zlib

import httpx
import pytest

from app.core.client import ServiceError
from app.core.client.seal import SealClient
from app.server.errors import ApiError
from app.server.seal_office import review as seal_review
from app.server.seal_office.imprints import MAX_IMPRINT_BYTES

from .kit import imprint_png

pytestmark = pytest.mark.slow


def _upload(seals: SealClient, png: bytes, **overrides):
    args = {
        "seal_type": "bidding",
        "shape": "round",
        "width_mm": 40,
        "height_mm": 40,
        "agree_terms": True,
    } | overrides
    return seals.upload_imprint(png, **args)


def _refused(call, status: int, code: str) -> str:
    with pytest.raises(ServiceError) as excinfo:
        call()
    assert (excinfo.value.status, excinfo.value.code) == (status, code), excinfo.value.message
    return excinfo.value.message


def _huge_png(width: int, height: int) -> bytes:
    """A valid-looking PNG header announcing ``width``×``height`` (a decompression bomb's shape)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + chunk + b"\0" * 64


def test_upload_refusals(service, rep_seals, png):
    assert "terms" in _refused(
        lambda: _upload(rep_seals, png, agree_terms=False), 400, "terms_not_accepted"
    )
    _refused(lambda: _upload(rep_seals, b"GIF89a not a png"), 400, "not_png")
    _refused(lambda: _upload(rep_seals, imprint_png(alpha=False)), 400, "imprint_without_alpha")
    _refused(lambda: _upload(rep_seals, _huge_png(60_000, 60_000)), 400, "bad_dimensions")
    _refused(lambda: _upload(rep_seals, png[:200]), 400, "not_png")  # truncated
    _refused(lambda: _upload(rep_seals, png + b"\0" * MAX_IMPRINT_BYTES), 413, "imprint_too_large")
    _refused(lambda: _upload(rep_seals, png, seal_type="tattoo"), 400, "unknown_seal_type")
    _refused(lambda: _upload(rep_seals, png, shape="square"), 400, "shape_not_offered")
    message = _refused(
        lambda: _upload(rep_seals, png, width_mm=41, height_mm=41), 400, "size_not_offered"
    )
    assert "40×40" in message
    assert rep_seals.imprints() == []  # nothing half-stored


def test_precheck_findings_are_stored_for_the_reviewer(service, rep_seals, png):
    # The imprint is drawn 40 mm wide at 400 dpi; declaring 42 mm lowers its resolution.
    imprint = _upload(rep_seals, png, seal_type="official", width_mm=42, height_mm=42)
    view, stored = seal_review.show(service.ctx, imprint.imprint_id)
    assert stored == png and view.dpi == pytest.approx(400, abs=0.01)
    assert view.true_size_mm == pytest.approx((40.0, 40.0), abs=0.01)
    assert imprint.precheck_passed is False and imprint.findings  # too few pixels for 42 mm
    assert imprint.findings == tuple(f.split(": ", 1)[1] for f in view.findings)


def test_only_the_legal_representative_or_a_manager_uploads(
    service, legal_rep, download, demo, png
):
    enterprise, _, others = demo
    legal_rep.authorise(others[0].name, others[0].id_number)
    agent = SealClient(download(others[0], enterprise))
    _refused(lambda: _upload(agent, png), 403, "role_not_permitted")
    _refused(lambda: agent.imprints(), 403, "role_not_permitted")
    legal_rep.add_manager(others[1].name, others[1].id_number)
    manager = SealClient(download(others[1], enterprise))
    assert _upload(manager, png).state == "pending"


def test_unsigned_and_tampered_uploads(service, rep_seals, png):
    path = f"{service.url}/seal-office/enterprises/{rep_seals.holder.credit_code}/imprints"
    query = "?seal_type=bidding&shape=round&width_mm=40&height_mm=40&agree_terms=true"
    answer = httpx.post(path + query, content=png)
    assert (answer.status_code, answer.json()["error"]) == (401, "unsigned_request")
    request = rep_seals.holder._signed(
        "POST", path.removeprefix(service.url) + query, content=png, content_sm3="0" * 64
    )
    answer = rep_seals.holder.service.http.send(request)
    assert (answer.status_code, answer.json()["error"]) == (401, "content_mismatch")


def test_review_decisions(service, rep_seals, png, clock):
    ctx = service.ctx
    first = _upload(rep_seals, png).imprint_id
    with pytest.raises(ApiError) as excinfo:
        seal_review.reject(ctx, first, reviewer="r", reason="   ")
    assert excinfo.value.code == "reason_required"
    seal_review.approve(ctx, first, reviewer="r")
    for decide in (
        lambda: seal_review.approve(ctx, first, reviewer="r"),
        lambda: seal_review.reject(ctx, first, reviewer="r", reason="late"),
    ):
        with pytest.raises(ApiError) as excinfo:
            decide()
        assert (excinfo.value.status, excinfo.value.code) == (409, "not_pending")
    with pytest.raises(ApiError) as excinfo:
        seal_review.approve(ctx, "IMP-NONE", reviewer="r")
    assert excinfo.value.status == 404

    # A newer approval supersedes the approved one; both seals stay on record.
    clock.advance(minutes=1)  # records are in time order (ids are random within one second)
    second = _upload(rep_seals, imprint_png(seed=4)).imprint_id
    seal_review.approve(ctx, second, reviewer="r")
    records = rep_seals.seal_records()
    assert [i.imprint_id for i in records.valid] == [second]
    assert [i.imprint_id for i in records.superseded] == [first]
    assert [s.imprint_id for s in records.seal_making] == [first, second]
    assert len(rep_seals.seals()) == 2
