"""``ebid licence verify`` and ``inspect`` through the real command line in a subprocess."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.pki import Certificate
from app.core.pki.crl import crl_to_pem


@pytest.fixture
def files(authority, demo, download, tmp_path):
    enterprise, legal_rep, _ = demo
    issued, _ = download(legal_rep, enterprise)
    cert = Certificate.load(issued.certificate_der)
    (tmp_path / "root.pem").write_bytes(authority.root.to_pem())
    (tmp_path / "leaf.pem").write_bytes(cert.to_pem())
    (tmp_path / "empty.crl").write_bytes(crl_to_pem(authority.publish_crl()))
    authority.revoke_licence(issued.serial, by=issued.serial)
    (tmp_path / "revoked.crl").write_bytes(authority.publish_crl())  # DER
    return cert


def _at(moment) -> str:
    return moment.isoformat()


def test_verify_valid_prints_the_licence(ebid, files, clock):
    result = ebid(
        "licence",
        "verify",
        "leaf.pem",
        "--root",
        "root.pem",
        "--crl",
        "empty.crl",
        "--at",
        _at(clock()),
    )
    assert result.returncode == 0, result.stderr
    assert "Licence OK" in result.stdout
    assert "演示科技有限公司 (91110108MA001DEMXY)" in result.stdout
    assert "legal_representative" in result.stdout and "110108********0015" in result.stdout


def test_verify_without_a_crl_says_revocation_not_checked(ebid, files, clock):
    result = ebid("licence", "verify", "leaf.pem", "--root", "root.pem", "--at", _at(clock()))
    assert result.returncode == 0, result.stderr
    assert "Licence OK" not in result.stdout
    assert "revocation NOT CHECKED (no --crl given)" in result.stdout


@pytest.mark.parametrize(
    "crl, shift, reason",
    [
        ("revoked.crl", timedelta(0), "revoked"),
        ("empty.crl", timedelta(days=400), "expired"),
        ("empty.crl", timedelta(days=-1), "not_yet_valid"),
    ],
)
def test_verify_invalid_exits_1_with_the_reason(ebid, files, clock, crl, shift, reason):
    result = ebid(
        "licence",
        "verify",
        "leaf.pem",
        "--root",
        "root.pem",
        "--crl",
        crl,
        "--at",
        _at(clock() + shift),
    )
    assert result.returncode == 1
    assert f"INVALID ({reason})" in result.stderr


def test_verify_with_the_wrong_root_exits_1(ebid, files, clock):
    result = ebid("licence", "verify", "leaf.pem", "--root", "leaf.pem", "--at", _at(clock()))
    assert result.returncode == 1 and "bad_root" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["missing.pem", "--root", "root.pem"],
        ["root.pem", "--root", "missing.pem"],
        ["leaf.pem", "--root", "root.pem", "--at", "2026-03-02T09:00:00"],  # no zone
    ],
)
def test_verify_input_errors_exit_2(ebid, files, args):
    result = ebid("licence", "verify", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_verify_garbage_certificate_exits_2(ebid, files, tmp_path):
    (tmp_path / "junk.pem").write_bytes(
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
    )
    result = ebid("licence", "verify", "junk.pem", "--root", "root.pem")
    assert result.returncode == 2 and "malformed" in result.stderr


def test_inspect(ebid, files):
    result = ebid("licence", "inspect", "leaf.pem")
    assert result.returncode == 0, result.stderr
    assert (
        "Role:" in result.stdout
        and "all_business" in result.stdout
        and "not verified" in result.stdout
    )
    result = ebid("licence", "inspect", "root.pem")
    assert result.returncode == 2 and "not a licence" in result.stderr
