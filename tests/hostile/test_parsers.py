"""Every parser of outside data either parses or raises the project's error — nothing else.

Each parser gets structure-aware mutants of a valid sample (tests/hostile/mutate.py): a field
with another type, a wrong length, a field dropped or doubled, a truncation, or raw byte edits.
Every single edit of every element is tried (a few thousand per parser, deterministic), then
hypothesis draws combinations of edits.
A crash here is what a malicious server, a colleague's file or a stranger's upload could do to
the CLI, the desktop app or the service.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import subprocess
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import pkcs12 as asn1_pkcs12
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import gm
from app.core.bidx import load_recipient
from app.core.errors import EbidError
from app.core.gm.sm2_der import decode_signature
from app.core.licence import AuthorityKeys
from app.core.licence.request import LicenceRequest, open_signed_request
from app.core.pki import Certificate, ManualClock
from app.core.pki.crl import Revocation, load_crl, make_crl
from app.core.pki.pkcs12 import bmp_password, load_pkcs12, pkcs12_kdf
from app.core.qrtask.response import parse_response
from app.core.seal.format import (
    CertListType,
    parse_signature,
    sign_with_seal,
    verify_seal,
    verify_signature,
)
from tests.hostile.mutate import ACTIONS, TAGS, apply, der_mutants, elements
from tests.seal_format.sealkit import T0, build_world, seal_for

EXAMPLES = 300

NOW = datetime.now(UTC).replace(microsecond=0)
AUTHORITY = AuthorityKeys.create("Hostile test root", not_before=NOW - timedelta(days=1))
KEY = gm.SM2PrivateKey.generate()
PUBLIC_DER = gm.public_key_to_der(KEY.public_key())
SIGNATURE = KEY.sign(b"bid")
CIPHERTEXT = KEY.public_key().encrypt(b"file key " * 4)
CRL = make_crl([Revocation(n, NOW) for n in (3, 5, 8)], root=AUTHORITY.root,
               root_key=AUTHORITY.key, number=4, this_update=NOW)
REQUEST = LicenceRequest(credit_code="91110108MA01ABCD2X", registration_place="北京市海淀区",
                         holder_name="王演示", id_number="110108199001010033",
                         device_public_key=KEY.public_key(), requested_at=NOW).sign(KEY)

WORLD = build_world()
CLOCK = ManualClock(T0 + timedelta(hours=1))
SEAL = seal_for(WORLD, CLOCK, cert_list_type=CertListType.DIGESTS)
SEAL_SIGNATURE = sign_with_seal(SEAL, WORLD.legal_rep.key, WORLD.legal_rep.cert, gm.sm3(b"bid"),
                                clock=CLOCK)


@functools.cache
def openssl_encrypted_key() -> bytes:
    """An encrypted PKCS#8 with one PBKDF2 iteration (made by OpenSSL, so mutants are cheap)."""
    return subprocess.run(
        ["openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-iter", "1", "-passout", "pass:pw",
         "-outform", "DER"], input=gm.private_key_to_pem(KEY), capture_output=True, check=True,
    ).stdout


@functools.cache
def openssl_pkcs12() -> bytes:
    """A PKCS#12 with one KDF iteration (made by OpenSSL: PBES2 AES bags, SHA-256 MAC)."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "k.pem").write_bytes(gm.private_key_to_pem(AUTHORITY.key))
        (Path(folder) / "c.pem").write_bytes(AUTHORITY.root.to_pem())
        return subprocess.run(
            ["openssl", "pkcs12", "-export", "-iter", "1", "-passout", "pass:pw", "-inkey", "k.pem",
             "-in", "c.pem"], cwd=folder, capture_output=True, check=True,
        ).stdout


def _pkcs12_inside(safe: bytes) -> None:
    """The bags behind the MAC: ``safe`` (the authenticated safe) wrapped with a valid MAC."""
    sha256 = "2.16.840.1.101.3.4.2.1"
    key = pkcs12_kdf(sha256, bmp_password(b"pw"), b"salt", 3, 1, 32)
    pfx = asn1_pkcs12.Pfx({
        "version": "v3",
        "auth_safe": {"content_type": "data", "content": safe},
        "mac_data": {"mac": {"digest_algorithm": {"algorithm": sha256},
                             "digest": hmac.new(key, safe, hashlib.sha256).digest()},
                     "mac_salt": b"salt", "iterations": 1},
    })
    load_pkcs12(pfx.dump(), b"pw")


def _authenticated_safe() -> bytes:
    return asn1_pkcs12.Pfx.load(openssl_pkcs12())["auth_safe"]["content"].native


def _seal_signature(data: bytes) -> None:
    parse_signature(data)
    verify_signature(data, b"bid", roots=[WORLD.root], clock=CLOCK)


def _sm2_signature(data: bytes) -> None:
    decode_signature(data)
    KEY.public_key().verify(data, b"bid")


# name: (valid sample, parse) — parse must return or raise EbidError, whatever the bytes.
PARSERS = {
    "revocation list": (lambda: CRL, lambda d: load_crl(d, AUTHORITY.root)),
    "certificate": (lambda: AUTHORITY.root.der, Certificate.load),
    "licence certificate as recipient": (lambda: WORLD.legal_rep.cert.der, load_recipient),
    "public key": (lambda: PUBLIC_DER, gm.load_public_key),
    "private key": (lambda: gm.private_key_to_der(KEY), gm.load_private_key),
    "encrypted private key": (openssl_encrypted_key, lambda d: gm.load_private_key(d, b"pw")),
    "SM2 signature": (lambda: SIGNATURE, _sm2_signature),
    "SM2 ciphertext": (lambda: CIPHERTEXT, KEY.decrypt),
    "licence request": (lambda: REQUEST, open_signed_request),
    "PKCS#12": (openssl_pkcs12, lambda d: load_pkcs12(d, b"pw")),
    "PKCS#12 bags (behind a valid MAC)": (_authenticated_safe, _pkcs12_inside),
    "seal": (lambda: SEAL, lambda d: verify_seal(d, roots=[WORLD.root], clock=CLOCK)),
    "seal signature": (lambda: SEAL_SIGNATURE, _seal_signature),
}


def escapes(parse, data: bytes) -> Exception | None:
    """What ``parse`` raised that is not the project's error, if anything."""
    try:
        parse(data)
    except EbidError:
        return None
    except Exception as exc:  # noqa: BLE001 - the point of the test
        return exc
    return None


def single_edits(sample: bytes):
    fillers = [b"", b"\x00", b"\xff" * 3, bytes(range(20))]
    for element in range(len(elements(sample))):
        for action in ACTIONS:
            values = range(len(TAGS)) if action == "retag" else range(5)
            for value in values:
                for filler in fillers if action == "content" else [b""]:
                    yield (element, action, value), apply(sample, element, action, value, filler)


@pytest.mark.parametrize("name", PARSERS)
def test_every_single_edit_parses_or_is_refused(name):
    sample, parse = PARSERS[name]
    assert escapes(parse, sample()) is None
    crashes = [(edit, repr(exc)) for edit, data in single_edits(sample())
               if (exc := escapes(parse, data)) is not None]
    assert crashes == []


@pytest.mark.parametrize("name", PARSERS)
def test_combined_edits_parse_or_are_refused(name):
    sample, parse = PARSERS[name]
    original = sample()  # once: a sample with random parts must not change between examples

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.data())
    def run(data):
        mutant = data.draw(der_mutants(original))
        exc = escapes(parse, mutant)
        assert exc is None, f"{mutant.hex()} -> {exc!r}"

    run()


def test_a_key_file_asking_for_billions_of_hash_iterations_is_refused_before_hashing():
    from asn1crypto import keys

    info = keys.EncryptedPrivateKeyInfo.load(openssl_encrypted_key())
    info["encryption_algorithm"]["parameters"]["key_derivation_func"]["parameters"][
        "iteration_count"] = 2**31
    with pytest.raises(EbidError, match="iterations"):
        gm.load_private_key(info.dump(), b"pw")


# -- the JSON-framed formats: QR task URIs, documents and responses; key-backup messages --------

def _task_document() -> bytes:
    from app.core.qrtask.document import login_document

    return login_document(url="http://127.0.0.1:8470", name="Hostile platform", task_id="q3v0cVx1rW3n3dJk2ZbQ-8",
                          created=NOW, expires=NOW + timedelta(seconds=60), address="127.0.0.1",
                          user_agent="Mozilla/5.0", session_seconds=1800).to_bytes()


def _task_response() -> bytes:
    from app.core.qrtask.canonical import canonical

    return canonical({"version": 1, "task": "q3v0cVx1rW3n3dJk2ZbQ-8", "platform": "http://127.0.0.1:8470",
                      "document_sm3": "00" * 32, "secret_sm3": "11" * 32, "action": "confirm",
                      "time": NOW.strftime("%Y-%m-%dT%H:%M:%SZ"), "details": {"seal_id": "ES-1"},
                      "serial": "1f"})


def _backup_frame() -> bytes:
    from app.core.keybackup import frame

    header = frame.Header(frame.new_message_id(), frame.Kind.BACKUP, "91110108MA001DEMXY",
                          format(AUTHORITY.root.serial, "x"), AUTHORITY.root.der, "K-1",
                          frame.key_sm3(KEY.public_key()), "K-2", "", NOW, NOW + timedelta(days=1), NOW)
    return frame.build(header, {"package": "x" * 40}, KEY.public_key(), AUTHORITY.key)


def _open_frame(data: bytes) -> None:
    from app.core.keybackup import frame

    parsed = frame.parse(data)
    parsed.header.certificate()
    parsed.verify_signature()
    parsed.open(KEY)


def _task_document_check(data: bytes) -> None:
    from app.core.qrtask.document import _document  # the device's parse and field checks (§4)

    _document(data)


def _task_uri(data: bytes) -> None:
    from app.core.qrtask.uri import parse_task_uri

    parse_task_uri(data.decode("utf-8", "replace"))


TEXT_PARSERS = {
    "task URI": (lambda: b"http://127.0.0.1:8470/platform/t/q3v0cVx1rW3n3dJk2ZbQ-8#" + b"s" * 43, _task_uri),
    "task document": (_task_document, _task_document_check),
    "task response": (_task_response, parse_response),
    "key-backup frame": (_backup_frame, _open_frame),
}
CHARACTERS = b'{}[]",:\\0 \x00\xff\xe4-1'


@pytest.mark.parametrize("name", TEXT_PARSERS)
def test_every_cut_and_every_replaced_byte_parses_or_is_refused(name):
    sample, parse = TEXT_PARSERS[name]
    data = sample()
    assert escapes(parse, data) is None
    mutants = [data[:n] for n in range(len(data))]
    mutants += [data[:i] + bytes([c]) + data[i + 1:] for i in range(0, len(data), 3) for c in CHARACTERS[::4]]
    crashes = [(m[:60], repr(exc)) for m in mutants if (exc := escapes(parse, m)) is not None]
    assert crashes == []


@pytest.mark.parametrize("name", TEXT_PARSERS)
def test_random_edits_of_the_json_formats_parse_or_are_refused(name):
    from tests.hostile.mutate import byte_mutants

    sample, parse = TEXT_PARSERS[name]
    original = sample()  # once: a frame's id and signature are random

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.data())
    def run(data):
        mutant = data.draw(byte_mutants(original))
        exc = escapes(parse, mutant)
        assert exc is None, f"{mutant[:80]!r} -> {exc!r}"

    run()
