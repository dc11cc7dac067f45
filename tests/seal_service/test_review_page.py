"""The review page in headless Chromium: signed out it shows only the sign-in form; with a
reviewer token it lists the pending imprint at true size (CSS millimetres from the PNG's dpi),
and approving through the form makes the seal. Forged or token-less POSTs change nothing."""

from __future__ import annotations

import httpx
import pytest

from app.server.seal_office import review as seal_review
from app.server.seal_office.review_auth import create_token

from . import chromium

pytestmark = pytest.mark.slow
browser = chromium.browser  # the fixture
CSS_PX_PER_MM = 96 / 25.4



@pytest.fixture
def pending(service, rep_seals, png):
    return rep_seals.upload_imprint(
        png, seal_type="bidding", shape="round", width_mm=40, height_mm=40, agree_terms=True
    ).imprint_id


def test_reviewer_sees_true_size_and_approves_in_the_browser(
    service, browser, pending, rep_seals, tmp_path
):
    page = f"{service.url}/seal-office/review"
    browser.goto(page)
    assert browser.js("!!document.getElementById('token')")  # the sign-in form, nothing else
    assert pending not in browser.js("document.documentElement.outerHTML")

    token = create_token(service.ctx, "审核员丙")
    browser.submit(
        f"document.getElementById('token').value = {token!r};"
        "document.querySelector('form').submit()"
    )
    assert browser.js("document.getElementById('reviewer').textContent") == "审核员丙"
    card = f"document.getElementById('imprint-{pending}')"
    assert browser.js(f"!!{card}")
    size = browser.js(
        f"(async () => {{ const img = {card}.querySelector('img.imprint'); await img.decode();"
        " const r = img.getBoundingClientRect();"
        " return [img.naturalWidth, r.width, r.height]; })()"
    )
    assert size[0] == 630  # 40 mm at 400 dpi
    assert size[1] == pytest.approx(40 * CSS_PX_PER_MM, abs=0.5)
    assert size[2] == pytest.approx(40 * CSS_PX_PER_MM, abs=0.5)
    browser.screenshot(tmp_path / "review.png")
    assert (tmp_path / "review.png").read_bytes().startswith(b"\x89PNG")

    browser.submit(f"{card}.querySelector('button.approve').click()")
    assert f"Imprint {pending} approved" in browser.js(
        "document.getElementById('message').textContent"
    )
    assert browser.js("!!document.getElementById('empty')")
    [made] = rep_seals.seal_records().seal_making
    assert (made.imprint_id, made.made_by) == (pending, "审核员丙 (review page)")


def test_signed_out_and_forged_requests_change_nothing(service, pending):
    base = f"{service.url}/seal-office/review"
    with httpx.Client(follow_redirects=False) as http:
        assert http.get(base).status_code == 401
        assert http.get(f"{base}/imprints/{pending}/image.png").status_code == 401
        assert (
            http.post(f"{base}/imprints/{pending}/approve", data={"csrf": "x"}).status_code == 401
        )
        assert (
            http.post(f"{base}/login", data={"token": "rvw.000000000000.guess"}).status_code == 401
        )

        token = create_token(service.ctx, "审核员丁")
        signed_in = http.post(f"{base}/login", data={"token": token})
        assert signed_in.status_code == 303 and "ebid_review" in http.cookies
        assert "HttpOnly" in signed_in.headers["set-cookie"]
        assert "samesite=strict" in signed_in.headers["set-cookie"].lower()
        page = http.get(base)
        assert page.status_code == 200 and pending in page.text
        assert "default-src 'none'" in page.headers["content-security-policy"]
        image = http.get(f"{base}/imprints/{pending}/image.png")
        assert image.headers["content-type"] == "image/png" and image.content.startswith(b"\x89PNG")

        for fields in ({}, {"csrf": "forged"}):  # no CSRF token, or a wrong one
            answer = http.post(f"{base}/imprints/{pending}/approve", data=fields)
            assert answer.status_code == 303 and "note=bad_csrf" in answer.headers["location"]
        csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
        answer = http.post(f"{base}/imprints/{pending}/reject", data={"csrf": csrf, "reason": "  "})
        assert "note=reason_required" in answer.headers["location"]
    assert [v.imprint_id for v in seal_review.pending(service.ctx)] == [pending]


def test_a_link_cannot_put_its_own_text_on_the_review_page(service, pending):
    base = f"{service.url}/seal-office/review"
    with httpx.Client(follow_redirects=False) as http:
        http.post(f"{base}/login", data={"token": create_token(service.ctx, "审核员丁")})
        forged = http.get(base, params={"note": "approved", "id": "CALL-0800-FAKE"})
        assert forged.status_code == 200 and "CALL-0800-FAKE" not in forged.text
        real = http.get(base, params={"note": "not_pending", "id": pending})
        assert f"Imprint {pending} was already reviewed." in real.text
        fixed = http.get(base, params={"note": "bad_csrf"})  # a note without an id still shows
        assert "The form had expired" in fixed.text


def test_a_flooded_or_oversized_form_is_refused_not_a_server_error(service, pending):
    base = f"{service.url}/seal-office/review"
    with httpx.Client(follow_redirects=False) as http:
        http.post(f"{base}/login", data={"token": create_token(service.ctx, "审核员丁")})
        crowded = {f"f{i}": "x" for i in range(20)}
        for fields in (crowded, {"csrf": "x" * (20 << 10)}):
            answer = http.post(f"{base}/imprints/{pending}/approve", data=fields)
            assert answer.status_code == 303 and "note=bad_csrf" in answer.headers["location"]
        assert http.post(f"{base}/login", data=crowded).status_code == 401
    assert [v.imprint_id for v in seal_review.pending(service.ctx)] == [pending]
