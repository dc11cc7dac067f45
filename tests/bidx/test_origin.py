"""Who sent a container (docs/formats/bidx.md §8): the header names its signer under the MAC, and a
verifier accepts the origin only when the signature verifies and the header names that signer.

The two attacks of issue 16 §8 — a co-recipient who holds the file key forges a container that
claims another sender, and a bidder re-signs a copied container — and the legitimate path, with
OpenSSL as the independent signature checker. Containers written by main before version 2 (the
committed fixture in data/) still decrypt and verify, reported as binding no sender.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from app.core import bidx, gm
from app.core.bidx.format import parse_header
from app.core.bidx.recipients import unwrap_file_key
from app.core.bidx.sealing import seal_chunk
from app.core.bidx.suites import FileKeys
from app.core.errors import InvalidInput, VerificationFailed
from tests.bidx.conftest import SMALL_CHUNK, listing
from tests.support import run

DATA = Path(__file__).parent / "data"
DISTID = "distid:1234567812345678"
PROJECT, SECTION = "ZB-2026-001", "01"


@pytest.fixture
def sent(make_file, outdir, keys, bidders) -> bidx.EncryptResult:
    """Bidder 0's container, encrypted to recipients 0 and 1 and signed with its licence."""
    options = bidx.EncryptOptions(chunk_size=SMALL_CHUNK, project=PROJECT, section=SECTION,
                                  signer=bidders[0].key, signer_certificate=bidders[0].certificate)
    return bidx.encrypt_file(make_file(3 * SMALL_CHUNK + 5), outdir, [k.public_key() for k in keys[:2]],
                             options=options)


def openssl_verifies(openssl: str, tmp_path: Path, public_key: gm.SM2PublicKey, signature: bytes,
                     container: Path) -> bool:
    pub, sig = tmp_path / "signer.pem", tmp_path / "check.sig"
    pub.write_bytes(gm.public_key_to_pem(public_key))
    sig.write_bytes(signature)
    done = run([openssl, "dgst", "-sm3", "-verify", str(pub), "-sigopt", DISTID, "-signature", str(sig),
                str(container)])
    return done.returncode == 0 and "Verified OK" in done.stdout


def test_the_legitimate_path_names_the_signer_and_verifies_as_bound(sent, bidders, openssl, tmp_path) -> None:
    header = bidx.inspect_container(sent.container)
    assert header.version == 2
    assert header.sender == bidx.Sender(bidx.SenderKind.CERTIFICATE, gm.sm3(bidders[0].certificate))
    signature = sent.signature.read_bytes()
    origin = bidx.verify_container(sent.container, signature, bidders[0].identity())
    assert origin == bidx.Origin(2, header.sender, True)
    assert "sent by the signer" in origin.summary()
    assert openssl_verifies(openssl, tmp_path, bidders[0].key.public_key(), signature, sent.container)


def test_a_bidder_who_re_signs_a_copied_container_is_refused_as_another_sender(sent, bidders, openssl,
                                                                                tmp_path) -> None:
    """Bidder 1 copies bidder 0's container and signs it with its own licence key: the signature
    itself is valid (OpenSSL agrees), the origin is not — the header names bidder 0."""
    copy = tmp_path / "copy.bidx"
    shutil.copyfile(sent.container, copy)
    resigned = bidders[1].key.sign(copy.read_bytes())
    assert openssl_verifies(openssl, tmp_path, bidders[1].key.public_key(), resigned, copy)
    with pytest.raises(bidx.SenderMismatch, match="names another sender") as info:
        bidx.verify_container(copy, resigned, bidders[1].identity())
    assert gm.sm3(bidders[0].certificate)[:8].hex() in info.value.message  # the sender it names
    assert gm.sm3(bidders[1].certificate)[:8].hex() in info.value.message  # the signer
    with pytest.raises(bidx.SenderMismatch):  # the engine's own signing refuses to claim it
        bidx.sign_container(copy, bidders[1].key, bidders[1].certificate)


def _forge(container: Path, co_recipient: gm.SM2PrivateKey, plaintext: bytes) -> bytes:
    """What a co-recipient can do with the file key: a new payload under the same header fields
    (the sender still naming the original bidder), the header re-MACed."""
    data = container.read_bytes()
    header = parse_header(data[: int.from_bytes(data[10:14], "big")])
    keys = FileKeys.derive(header.suite, unwrap_file_key(co_recipient, header.stanzas), header.salt)
    forged = dataclasses.replace(header, plaintext_length=len(plaintext))
    count, size = forged.chunk_count, forged.chunk_size
    chunks = [seal_chunk(keys, i, i == count - 1, plaintext[i * size : (i + 1) * size]) for i in range(count)]
    return forged.body() + keys.header_mac(forged.body()) + b"".join(chunks)


def test_a_co_recipient_forgery_claiming_another_sender_is_refused(sent, keys, bidders, tmp_path) -> None:
    forged = tmp_path / "forged.bidx"
    forged.write_bytes(_forge(sent.container, keys[1], b"price: 1 yuan"))
    # The MAC cannot tell: recipient 0 decrypts the forgery, and the header names bidder 0.
    plain = tmp_path / "plain"
    plain.mkdir()
    opened = bidx.decrypt_file(forged, keys[0], plain)
    assert opened.output.read_bytes() == b"price: 1 yuan"
    assert opened.header.sender == bidx.inspect_container(sent.container).sender
    # The origin check can: bidder 0's signature is not over these bytes …
    with pytest.raises(VerificationFailed, match="does not match"):
        bidx.verify_container(forged, sent.signature.read_bytes(), bidders[0].identity())
    # … and the forger's own signature names another sender than the one the header claims.
    forger = bidders[1]
    with pytest.raises(bidx.SenderMismatch, match="names another sender"):
        bidx.verify_container(forged, forger.key.sign(forged.read_bytes()), forger.identity())


def test_a_bare_signing_key_is_named_by_its_key_id(make_file, encrypt, keys, tmp_path) -> None:
    container = encrypt(make_file(100), signer=keys[2])
    header = bidx.inspect_container(container)
    assert header.sender == bidx.Sender(bidx.SenderKind.PUBLIC_KEY, bidx.key_id(keys[2].public_key()))
    signature = Path(str(container) + ".sig").read_bytes()
    assert bidx.verify_container(container, signature, keys[2].public_key()).bound
    with pytest.raises(bidx.SenderMismatch):
        bidx.verify_container(container, keys[1].sign(container.read_bytes()), keys[1].public_key())


def test_a_certificate_digest_is_not_checked_against_a_bare_key(sent, bidders) -> None:
    """A bare key cannot prove which certificate it belongs to: asked, not assumed."""
    with pytest.raises(VerificationFailed, match="check it with the signer's certificate"):
        bidx.verify_container(sent.container, sent.signature.read_bytes(), bidders[0].key.public_key())


def test_a_certificate_of_another_key_is_refused_before_anything_is_written(make_file, outdir, keys,
                                                                            bidders) -> None:
    options = bidx.EncryptOptions(signer=bidders[0].key, signer_certificate=bidders[1].certificate)
    with pytest.raises(InvalidInput, match="not the certificate of the signing key"):
        bidx.encrypt_file(make_file(10), outdir, [keys[0].public_key()], options=options)
    assert listing(outdir) == []


def test_an_unsigned_container_names_no_sender_and_a_later_signature_binds_none(make_file, encrypt,
                                                                                  keys) -> None:
    container = encrypt(make_file(10))
    assert bidx.inspect_container(container).sender is None
    signature = bidx.sign_container(container, keys[2])
    origin = bidx.verify_container(container, signature, keys[2].public_key())
    assert origin == bidx.Origin(2, None, False)
    assert "names no sender" in origin.summary()


# -- version 1: containers main wrote before the sender field -------------------------------------
# data/v1-signed.bidx (+ .sig) was written by main at d6c6f3d: 205 bytes of text in 64-byte chunks,
# project ZB-2026-001 section 01, encrypted to v1-recipient-key.pem, signed by the key of
# v1-signer-pub.pem.

V1_PLAINTEXT_SM3 = "a746b77d9909fb645ab44fa4c8ed716fdf8f68ffb34bf5126e10e9927a490435"


def test_a_version_1_container_from_main_still_decrypts(plaindir) -> None:
    key = gm.load_private_key((DATA / "v1-recipient-key.pem").read_bytes())
    result = bidx.decrypt_file(DATA / "v1-signed.bidx", key, plaindir)
    assert result.header.version == bidx.LEGACY_VERSION and result.header.sender is None
    assert (result.header.project, result.header.section) == (PROJECT, SECTION)
    assert result.metadata.name == "报价-v1.txt"
    assert gm.sm3(result.output.read_bytes()).hex() == V1_PLAINTEXT_SM3
    assert bidx.rehearse(DATA / "v1-signed.bidx", key).metadata == result.metadata


def test_a_version_1_signature_verifies_and_is_reported_as_binding_no_sender(openssl, tmp_path) -> None:
    signer = bidx.load_signer_key((DATA / "v1-signer-pub.pem").read_bytes())
    signature = (DATA / "v1-signed.bidx.sig").read_bytes()
    origin = bidx.verify_container(DATA / "v1-signed.bidx", signature, signer)
    assert origin == bidx.Origin(1, None, False)
    assert origin.summary().startswith("BIDX v1: the header names no sender")
    assert openssl_verifies(openssl, tmp_path, signer, signature, DATA / "v1-signed.bidx")
    with pytest.raises(VerificationFailed, match="does not match"):
        bidx.verify_container(DATA / "v1-signed.bidx", signature, gm.SM2PrivateKey.generate().public_key())
