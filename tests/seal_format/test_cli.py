"""``ebid sealfmt inspect`` and ``verify-signature`` through the real command line."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import gm
from app.core.pki import Revocation, make_crl
from app.core.pki.crl import crl_to_pem
from app.core.seal.format import sign_with_seal
from tests.seal_format.sealkit import T0

DOC = b"bid document body\n"
AT = (T0 + timedelta(days=1)).isoformat()


@pytest.fixture
def files(tmp_path, world, clock, seal):
    def write(name: str, data: bytes) -> None:
        (tmp_path / name).write_bytes(data)

    write("seal.der", seal)
    write("doc.pdf", DOC)
    write("root.pem", world.root.to_pem())
    for name, holder in [("legal", world.legal_rep), ("agent", world.agent)]:
        signature = sign_with_seal(seal, holder.key, holder.cert, gm.sm3(DOC), clock=clock)
        write(f"{name}.sig", signature)
    revoked = [Revocation(world.legal_rep.cert.serial, T0)]
    crl = make_crl(revoked, root=world.root, root_key=world.root_key, number=2, this_update=T0)
    write("revoked.crl", crl_to_pem(crl))
    write("empty.crl", make_crl([], root=world.root, root_key=world.root_key, number=3, this_update=T0))
    return tmp_path


def verify(ebid, *extra: str):
    return ebid("sealfmt", "verify-signature", *extra, "--root", "root.pem", "--at", AT)


def test_inspect_prints_the_seal(ebid, files):
    result = ebid("sealfmt", "inspect", "seal.der")
    assert result.returncode == 0, result.stderr
    assert "ES-0001" in result.stdout and "演示科技有限公司投标专用章" in result.stdout
    assert "91110108MA001DEMXY" in result.stdout and "42 x 42 mm" in result.stdout
    assert "not verified" in result.stdout


def test_inspect_reads_the_seal_inside_a_signature(ebid, files):
    result = ebid("sealfmt", "inspect", "legal.sig")
    assert result.returncode == 0, result.stderr
    assert "Signed at:" in result.stdout and "ES-0001" in result.stdout


def test_inspect_refuses_other_files_as_input_error(ebid, files):
    result = ebid("sealfmt", "inspect", "doc.pdf")
    assert result.returncode == 2 and "neither" in result.stderr


def test_verify_valid_signature(ebid, files):
    result = verify(ebid, "legal.sig", "doc.pdf")
    assert result.returncode == 0, result.stderr
    assert "legal_representative" in result.stdout
    # made without a service: no time stamp, so checked at the verifier's now, and said so
    assert [line.split()[-1] for line in result.stdout.splitlines() if line.startswith("Time stamp:")] == ["none"]
    assert "No trusted time: checked as of now" in result.stdout
    # no --crl: valid, but never a plain OK (the licence may have been revoked since)
    assert "Seal signature OK" not in result.stdout
    assert result.stdout.splitlines()[-1].startswith("Seal signature valid, but revocation NOT CHECKED")


def test_verify_with_a_current_crl_is_ok(ebid, files):
    result = verify(ebid, "legal.sig", "doc.pdf", "--crl", "empty.crl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Seal signature OK"


def test_a_crl_stale_at_the_verifiers_clock_is_refused(ebid, files):
    """Freshness is judged at the verifier's clock (--at here), whatever time the signature claims."""
    late = (T0 + timedelta(days=3)).isoformat()
    result = ebid("sealfmt", "verify-signature", "legal.sig", "doc.pdf", "--root", "root.pem",
                  "--crl", "empty.crl", "--at", late)
    assert result.returncode == 1 and "revocation list expired" in result.stderr


def test_verify_other_document_is_invalid(ebid, files):
    (files / "other.pdf").write_bytes(DOC + b"changed")
    result = verify(ebid, "legal.sig", "other.pdf")
    assert result.returncode == 1 and "(bad_document_hash)" in result.stderr


def test_verify_agent_without_authorisation_is_invalid(ebid, files):
    result = verify(ebid, "agent.sig", "doc.pdf")
    assert result.returncode == 1 and "(missing_seal_authorisation)" in result.stderr


def test_verify_revoked_licence_is_invalid(ebid, files):
    result = verify(ebid, "legal.sig", "doc.pdf", "--crl", "revoked.crl")
    assert result.returncode == 1 and "(revoked_licence)" in result.stderr


def test_verify_tampered_signature_is_invalid(ebid, files):
    data = bytearray((files / "legal.sig").read_bytes())
    data[len(data) // 2] ^= 0x01
    (files / "bad.sig").write_bytes(bytes(data))
    result = verify(ebid, "bad.sig", "doc.pdf")
    assert result.returncode == 1 and "INVALID" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("missing.sig", "doc.pdf"),
        ("legal.sig", "missing.pdf"),
    ],
)
def test_verify_input_errors_exit_2(ebid, files, args):
    result = verify(ebid, *args)
    assert result.returncode == 2 and "No such" in result.stderr


def test_verify_bad_root_is_input_error(ebid, files):
    pem = b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
    (files / "root.pem").write_bytes(pem)
    result = verify(ebid, "legal.sig", "doc.pdf")
    assert result.returncode == 2, result.stderr
