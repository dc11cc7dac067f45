"""Our seal over a real OFD file: sealed by core and by ``ebid ofd sign``, verified by
``verify_ofd`` / ``ebid ofd verify`` and by the independent checks of ofdkit (ofdrw's steps)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from app.core import gm
from app.core.errors import InvalidInput
from app.core.keystore import Keystore
from app.core.ofd import Reason, StampRequest, sign_ofd, verify_ofd
from app.core.pki import (
    Certificate,
    CertificateInvalid,
    LicenceTerms,
    Mode,
    Role,
    make_licence,
    make_root,
    to_utc_second,
)
from app.core.seal.format import SealType, make_office_certificate, make_seal, parse_seal
from tests.ofd.ofdkit import independent_check, members, rezip, sample, zip_of
from tests.seal_format.sealkit import CREDIT_A, build_world, seal_for, tiny_png
from tests.seal_format.test_interop import whole

HELLO = "ofdrw_helloworld.ofd"


def sealed(world, clock, seal, **stamp) -> bytes:
    return sign_ofd(sample(HELLO), seal_der=seal, signer_key=world.legal_rep.key,
                    signer_cert=world.legal_rep.cert, stamp=StampRequest(**stamp), clock=clock)


def test_core_seals_and_verifies(openssl, tmp_path, world, clock, seal):
    signed = sealed(world, clock, seal, page=1, x_mm=120, y_mm=230, width_mm=40)
    (result,) = verify_ofd(signed, trust=[world.root], clock=clock).signatures
    assert result.ok, result.refusal
    assert result.verified.seal.seal_id == "ES-0001" and result.verified.unprotected == ()
    (stamp,) = result.verified.stamps
    assert (stamp.page, stamp.page_id, stamp.boundary) == (1, "1", (120.0, 230.0, 40.0, 40.0))
    (found,) = independent_check(openssl, tmp_path, signed)
    assert found["signer"] == world.legal_rep.cert.der
    assert found["stamps"] == [("1", "120 230 40 40")]
    # everything of the original is protected, and the seal file; Signatures.xml stays open
    assert {"Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml", "Doc_0/PublicRes.xml",
            "OFD.xml", "Doc_0/Signs/Sign_0/Seal.esl"} == set(found["protected"])


def test_what_we_write(world, clock, seal):
    files = members(sealed(world, clock, seal, x_mm=10, y_mm=10))
    original = members(sample(HELLO))
    assert all(files[n] == original[n] for n in original if n != "OFD.xml")
    assert b"<ofd:Signatures>/Doc_0/Signs/Signatures.xml</ofd:Signatures>" in files["OFD.xml"]
    listing = files["Doc_0/Signs/Signatures.xml"]
    assert b"<ofd:MaxSignId>s002</ofd:MaxSignId>" in listing
    assert b'ID="s001" Type="Seal" BaseLoc="/Doc_0/Signs/Sign_0/Signature.xml"' in listing
    assert files["Doc_0/Signs/Sign_0/Seal.esl"] == seal
    xml = files["Doc_0/Signs/Sign_0/Signature.xml"]
    order = [b"<ofd:Provider", b"<ofd:SignatureMethod>1.2.156.10197.1.501<",
             b"<ofd:SignatureDateTime>", b'<ofd:References CheckMethod="SM3">',
             b'<ofd:StampAnnot ID="s002" PageRef="1" Boundary="10 10 42 42"', b"<ofd:Seal>",
             b"</ofd:SignedInfo><ofd:SignedValue>/Doc_0/Signs/Sign_0/SignedValue.dat<"]
    positions = [xml.index(part) for part in order]
    assert positions == sorted(positions)  # GB/T 33190's element order
    time_info = whole(files["Doc_0/Signs/Sign_0/SignedValue.dat"]).children[0].children[2]
    assert b"<ofd:SignatureDateTime>" + time_info.contents + b"<" in xml  # one moment


def test_the_stamp_must_fit_the_page(world, clock, seal):
    with pytest.raises(InvalidInput, match="does not fit"):
        sealed(world, clock, seal, x_mm=190, y_mm=10)  # 42 mm wide on a 210 mm page
    with pytest.raises(InvalidInput, match="no page 2"):
        sealed(world, clock, seal, page=2)


def test_a_signer_the_seal_does_not_name_cannot_seal(world, clock, seal):
    with pytest.raises(Exception) as refused:
        sign_ofd(sample(HELLO), seal_der=seal, signer_key=world.outsider.key,
                 signer_cert=world.outsider.cert, clock=clock)
    assert getattr(refused.value, "code", None) == Reason.SIGNER_NOT_IN_SEAL


def test_an_expired_licence_cannot_seal(world, clock, seal):
    clock.set(world.legal_rep.cert.not_after + timedelta(seconds=1))
    with pytest.raises(CertificateInvalid) as refused:
        sealed(world, clock, seal)
    assert refused.value.code == "expired" and "signer's certificate" in refused.value.message


def test_a_closed_document_takes_no_further_signature(world, clock, seal):
    """ofdrw's rule: once a signature protects Signatures.xml, nothing may be added."""
    with pytest.raises(InvalidInput, match="takes no further signature"):
        sign_ofd(sample("ofdrw_V4RideRight.ofd"), seal_der=seal, signer_key=world.legal_rep.key,
                 signer_cert=world.legal_rep.cert, clock=clock)


def test_our_seal_next_to_the_tax_signature(openssl, tmp_path, world, clock, seal):
    """The tax invoice's signature list is open: ours is added, numbered after its "1"."""
    signed = sign_ofd(sample("ofdrw_v4signed.ofd"), seal_der=seal, signer_key=world.legal_rep.key,
                      signer_cert=world.legal_rep.cert, stamp=StampRequest(1, 150, 90), clock=clock)
    report = verify_ofd(signed, trust=[world.root], clock=clock)
    assert [r.sign_id for r in report.signatures] == ["1", "2"]
    assert report.signatures[0].refusal.code == Reason.UNTRUSTED_SIGNER  # the tax CA, not given
    assert report.signatures[1].ok, report.signatures[1].refusal
    assert len(independent_check(openssl, tmp_path, signed)) == 2


def test_files_added_after_signing_are_shown(world, clock, seal):
    files = members(sealed(world, clock, seal))
    files["Doc_0/Res/later.png"] = b"\x89PNG later"
    (result,) = verify_ofd(zip_of(files), trust=[world.root], clock=clock).signatures
    assert result.ok and result.verified.unprotected == ("Doc_0/Res/later.png",)


def test_a_seal_maker_of_another_authority(world, clock):
    """Signer trusted, maker not: the maker's chain is checked on its own."""
    other = build_world()
    foreign_seal = seal_for(other, clock, holders=[world.legal_rep.cert])
    signed = sealed(world, clock, foreign_seal)
    (result,) = verify_ofd(signed, trust=[world.root], clock=clock).signatures
    assert result.refusal.code == Reason.UNTRUSTED_SEAL_MAKER
    (result,) = verify_ofd(signed, trust=[world.root, other.root], clock=clock).signatures
    assert result.ok, result.refusal


def test_the_seal_window_is_checked_at_the_signing_time(world, clock, seal):
    """Verified years later, when seal and licence have long expired: still valid."""
    signed = sealed(world, clock, seal)
    clock.set(clock() + timedelta(days=3 * 365))
    (result,) = verify_ofd(signed, trust=[world.root], clock=clock).signatures
    assert result.ok, result.refusal


# --- the command line -----------------------------------------------------------------------


@dataclass(frozen=True)
class Live:
    """An authority, office, licence and seal valid around the real time: the CLI signs now."""

    root: Certificate
    key: gm.SM2PrivateKey
    licence: Certificate
    seal: bytes


@pytest.fixture(scope="module")
def live() -> Live:
    now = to_utc_second(datetime.now(UTC))
    root_key, office_key, key = (gm.SM2PrivateKey.generate() for _ in range(3))
    root = make_root(root_key, common_name="EBid OFD Test Authority",
                     not_before=now - timedelta(days=60))
    office = make_office_certificate(
        office_key.public_key(), organisation="演示电子印章制作中心", common_name="OFD Test Office",
        root=root, root_key=root_key, not_before=now - timedelta(days=30),
        not_after=now + timedelta(days=365))
    terms = LicenceTerms(
        credit_code=CREDIT_A, enterprise_name="演示科技有限公司", registration_place="北京市海淀区",
        holder_name="王演示", person_id="P-legal-a", masked_id_number="110108********0033",
        role=Role.LEGAL_REPRESENTATIVE, mode=Mode.ALL_BUSINESS, authorisation_id="A-P-legal-a",
        granted_by="P-legal-a", matters=(), not_before=now - timedelta(days=1),
        not_after=now + timedelta(days=30))
    licence = make_licence(terms, key.public_key(), root=root, root_key=root_key)
    seal = make_seal(office_key, office, seal_id="ES-OFD-1", seal_type=SealType.BIDDING,
                     name="演示科技有限公司投标专用章", holders=[licence],
                     valid_start=now - timedelta(hours=1), valid_end=now + timedelta(days=300),
                     picture_png=tiny_png(), width_mm=40, height_mm=40)
    return Live(root, key, licence, seal)


@pytest.fixture
def keystore_with_seal(ebid, tmp_path, live):
    """A keystore holding the licence and the seal, as after `ebid licence download` and
    `ebid seal collect`."""
    password = tmp_path / "pw"
    password.write_text("correct horse battery\n")
    created = ebid("keystore", "init", "--password-file", str(password))
    assert created.returncode == 0, created.stderr
    path = created.stdout.split("Keystore created: ")[1].strip()
    info = parse_seal(live.seal)
    with Keystore.open(path) as store:
        unlocked = store.unlock(b"correct horse battery")
        licence = store.add_licence(
            unlocked, certificate=live.licence.der, private_key=live.key,
            enterprise_code=CREDIT_A, enterprise_name="演示科技有限公司", holder_name="王演示",
            role="legal_representative", not_before=live.licence.not_before,
            not_after=live.licence.not_after)
        store.add_seal(unlocked, seal_id=info.seal_id, enterprise_code=CREDIT_A,
                       seal_type="bidding", name=info.name, valid_start=info.valid_start,
                       valid_end=info.valid_end, seal=live.seal, picture=info.picture,
                       licence_id=licence.id)
        unlocked.lock()
    (tmp_path / "hello.ofd").write_bytes(sample(HELLO))
    (tmp_path / "root.pem").write_bytes(live.root.to_pem())
    (tmp_path / "ofdrw-root.pem").write_bytes(sample("ofdrw_ROOT.cert.pem"))
    return password


def sign_cli(ebid, password, *extra):
    return ebid("ofd", "sign", "hello.ofd", "--seal", "ES-OFD-1", "-o", "signed.ofd",
                "--password-file", str(password), *extra)


def test_cli_sign_then_verify(ebid, tmp_path, openssl, keystore_with_seal, live):
    done = sign_cli(ebid, keystore_with_seal, "--page", "1", "--x", "20", "--y", "30",
                    "--width", "30")
    assert done.returncode == 0, done.stderr
    assert "sealed with ES-OFD-1" in done.stdout
    verified = ebid("ofd", "verify", "signed.ofd", "--trust", "root.pem")
    assert verified.returncode == 0, verified.stderr
    # GB/T 38540-only trust (--trust): no revocation list, so never a plain OK
    assert "Signature s001 (Doc_0/Signs/Sign_0/Signature.xml): VALID, revocation NOT CHECKED" in verified.stdout
    assert "Stamp: page 1 at x 20 mm, y 30 mm, 30 x 30 mm" in verified.stdout
    (found,) = independent_check(openssl, tmp_path, (tmp_path / "signed.ofd").read_bytes())
    assert found["signer"] == live.licence.der and found["stamps"] == [("1", "20 30 30 30")]


def test_cli_verify_refusals_and_input_errors(ebid, tmp_path, keystore_with_seal):
    assert sign_cli(ebid, keystore_with_seal).returncode == 0
    other = ebid("ofd", "verify", "signed.ofd", "--trust", "ofdrw-root.pem")
    assert other.returncode == 1 and "INVALID (untrusted_signer)" in other.stderr
    bundle = tmp_path / "bundle.pem"  # several anchors in one file: each counts
    bundle.write_bytes((tmp_path / "ofdrw-root.pem").read_bytes() + (tmp_path / "root.pem").read_bytes())
    assert ebid("ofd", "verify", "signed.ofd", "--trust", "bundle.pem").returncode == 0
    (tmp_path / "empty.pem").write_bytes(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
    assert ebid("ofd", "verify", "signed.ofd", "--trust", "empty.pem").returncode == 2
    none = ebid("ofd", "verify", "signed.ofd")
    assert none.returncode == 1 and "no --trust given" in none.stderr
    data = (tmp_path / "signed.ofd").read_bytes()
    page = members(data)["Doc_0/Pages/Page_0/Content.xml"]
    (tmp_path / "bad.ofd").write_bytes(
        rezip(data, {"Doc_0/Pages/Page_0/Content.xml": page + b" "}))
    bad = ebid("ofd", "verify", "bad.ofd", "--trust", "root.pem")
    assert bad.returncode == 1 and "INVALID (bad_check_value)" in bad.stderr
    assert "/Doc_0/Pages/Page_0/Content.xml" in bad.stderr
    assert ebid("ofd", "verify", "missing.ofd", "--trust", "root.pem").returncode == 2
    unsigned = ebid("ofd", "verify", "hello.ofd", "--trust", "root.pem")
    assert unsigned.returncode == 1 and "(ofd_not_signed)" in unsigned.stderr
    (tmp_path / "evil.ofd").write_bytes(zip_of({"../evil.xml": b"<x/>"}))
    evil = ebid("ofd", "verify", "evil.ofd", "--trust", "root.pem")
    assert evil.returncode == 2 and "(unsafe_ofd_package)" in evil.stderr
    assert not (tmp_path.parent / "evil.xml").exists()


def test_cli_sign_input_errors(ebid, keystore_with_seal):
    assert sign_cli(ebid, keystore_with_seal, "--page", "3").returncode == 2
    wrong = ebid("ofd", "sign", "hello.ofd", "--seal", "NO-SUCH", "-o", "x.ofd",
                 "--password-file", str(keystore_with_seal))
    assert wrong.returncode == 2 and "No seal NO-SUCH" in wrong.stderr
    over = ebid("ofd", "sign", "hello.ofd", "--seal", "ES-OFD-1", "-o", "hello.ofd",
                "--password-file", str(keystore_with_seal))
    assert over.returncode == 2 and "new file" in over.stderr


def test_cli_shows_names_from_the_file_escaped(ebid, tmp_path):
    """A signature ID is the file's text: a bidi override in it reaches the terminal escaped."""
    data = sample("ofdrw_V4RideRight.ofd")
    listing = members(data)["Doc_0/Signs/Signatures.xml"]
    evil = listing.replace(b'ID="s001"', 'ID="s001\u202egpj.exe"'.encode())
    (tmp_path / "evil.ofd").write_bytes(rezip(data, {"Doc_0/Signs/Signatures.xml": evil}))
    (tmp_path / "ofdrw-root.pem").write_bytes(sample("ofdrw_ROOT.cert.pem"))
    done = ebid("ofd", "verify", "evil.ofd", "--trust", "ofdrw-root.pem")
    assert done.returncode == 1 and "(bad_check_value)" in done.stderr  # Signatures.xml is protected
    assert "s001\\u202egpj.exe" in done.stderr and "\u202e" not in done.stderr


# --- the licence-aware mode -----------------------------------------------------------------


def test_licence_rules_mode(world, clock, seal):
    from app.core.ofd import LicenceRules
    from app.core.pki import Revocation, load_crl, make_crl

    signed = sealed(world, clock, seal)
    rules = LicenceRules([world.root])
    (result,) = verify_ofd(signed, licence_rules=rules, clock=clock).signatures
    assert result.ok and result.verified.licence.holder_name == "王演示"
    assert result.verified.stamps[0].page == 1 and not result.verified.revocation_checked
    agent = sign_ofd(sample(HELLO), seal_der=seal, signer_key=world.agent.key,
                     signer_cert=world.agent.cert, clock=clock)
    (result,) = verify_ofd(agent, licence_rules=rules, clock=clock).signatures
    assert result.refusal.code == "missing_seal_authorisation"  # none on record
    crl = load_crl(make_crl([Revocation(world.legal_rep.cert.serial, clock())], root=world.root,
                            root_key=world.root_key, number=2, this_update=clock()), world.root)
    (result,) = verify_ofd(signed, licence_rules=LicenceRules([world.root], crl=crl),
                           clock=clock).signatures
    assert result.refusal.code == "revoked_licence"
    with pytest.raises(InvalidInput):
        verify_ofd(signed, trust=[world.root], licence_rules=rules)


def test_cli_licence_rules_mode(ebid, keystore_with_seal):
    assert sign_cli(ebid, keystore_with_seal).returncode == 0
    done = ebid("ofd", "verify", "signed.ofd", "--root", "root.pem")
    assert done.returncode == 0, done.stderr
    assert "Licence: 王演示 (legal_representative) of 演示科技有限公司" in done.stdout
    # signed offline: no time stamp, so the licence rules were applied at the verifier's now
    assert "No trusted time: checked as of now" in done.stdout
    assert ": VALID, revocation NOT CHECKED" in done.stdout  # --root without --crl
    both = ebid("ofd", "verify", "signed.ofd", "--root", "root.pem", "--trust", "root.pem")
    assert both.returncode == 2
