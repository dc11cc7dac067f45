"""Property tests of the certificate profile: arbitrary terms survive a round trip through
DER, and OpenSSL accepts every certificate, across UTCTime and GeneralizedTime years."""

from __future__ import annotations

import subprocess
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import gm
from app.core.licence import default_catalogue
from app.core.pki import (
    Certificate,
    LicenceTerms,
    Mode,
    Role,
    make_licence,
    make_root,
    parse_licence,
    verify_licence,
)

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
names = st.text(CJK | st.sampled_from("·-()（）ABC abc123"), min_size=1, max_size=40).map(str.strip)
names = names.filter(bool)
DEVICE = gm.SM2PrivateKey.generate().public_key()
ROOT_KEY = gm.SM2PrivateKey.generate()
# A root long-lived enough to cover every drawn window (up to 2061).
ROOT = make_root(
    ROOT_KEY,
    common_name="Property Test Root",
    not_before=datetime(2025, 1, 1, tzinfo=UTC),
    lifetime=timedelta(days=40 * 366),
)


@st.composite
def licence_terms(draw) -> LicenceTerms:
    mode = draw(st.sampled_from(Mode))
    catalogue = list(default_catalogue())
    chosen = draw(st.lists(st.sampled_from(catalogue), min_size=1, max_size=4, unique=True))
    # From 2026 to beyond 2050, where the encoding switches to GeneralizedTime.
    start = draw(st.datetimes(datetime(2026, 1, 1), datetime(2060, 1, 1), timezones=st.just(UTC)))
    length = draw(st.integers(1, 400 * 86400))
    return LicenceTerms(
        credit_code="91350100M000100Y43",
        enterprise_name=draw(names),
        registration_place=draw(names),
        holder_name=draw(names),
        person_id="P-" + draw(st.text("0123456789abcdef", min_size=16, max_size=16)),
        masked_id_number="110105********002X",
        role=draw(st.sampled_from(Role)),
        mode=mode,
        authorisation_id="A-0123456789abcdef",
        granted_by="P-fedcba9876543210",
        matters=() if mode is Mode.ALL_BUSINESS else tuple(m.ref() for m in chosen),
        not_before=start.replace(microsecond=0),
        not_after=start.replace(microsecond=0) + timedelta(seconds=length),
    )


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(terms=licence_terms())
def test_any_terms_round_trip_and_pass_openssl(terms, openssl):
    cert = make_licence(terms, DEVICE, root=ROOT, root_key=ROOT_KEY)
    again = Certificate.load(cert.to_pem())
    assert parse_licence(again).terms == terms
    assert verify_licence(again, ROOT, at=terms.not_after).terms == terms
    with tempfile.TemporaryDirectory() as folder:
        root, leaf = Path(folder, "root.pem"), Path(folder, "leaf.pem")
        root.write_bytes(ROOT.to_pem())
        leaf.write_bytes(again.to_pem())
        result = subprocess.run(
            [
                openssl,
                "verify",
                "-vfyopt",
                "distid:1234567812345678",
                "-attime",
                str(int(terms.not_before.timestamp())),
                "-CAfile",
                str(root),
                str(leaf),
            ],
            capture_output=True,
            text=True,
        )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dates_from_2050_use_generalized_time():
    start = datetime(2049, 12, 31, 23, 59, 59, tzinfo=UTC)
    terms = LicenceTerms(
        "91350100M000100Y43",
        "演示科技有限公司",
        "北京市海淀区",
        "张演示",
        "P-0123456789abcdef",
        "110108********0015",
        Role.LEGAL_REPRESENTATIVE,
        Mode.ALL_BUSINESS,
        "legal-representative",
        "P-0123456789abcdef",
        (),
        start,
        start + timedelta(seconds=1),
    )
    cert = make_licence(terms, DEVICE, root=ROOT, root_key=ROOT_KEY)
    validity = cert.tbs["validity"]
    assert (
        validity["not_before"].name == "utc_time" and validity["not_after"].name == "general_time"
    )
    assert b"\x18\x0f20500101000000Z" in cert.der
    assert parse_licence(cert).not_after == datetime(2050, 1, 1, tzinfo=UTC)
