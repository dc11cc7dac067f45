"""The EBKB frame of docs/protocols/key-backup.md §2, read back by hand: the layout, the
canonical header, the sealing (SM2 to the recipient, SM4-GCM bound to the header), and the
signature, which OpenSSL checks independently; altered, truncated, expired and re-signed frames
are refused."""

from __future__ import annotations

import json
import struct
from datetime import UTC, datetime, timedelta

import pytest

from app.core import gm
from app.core.keybackup import frame as fr
from app.core.pki import LicenceTerms, Mode, Role, make_licence, make_root
from tests.support import run

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
DISTID = "distid:1234567812345678"


@pytest.fixture(scope="module")
def sender():
    key, root_key = gm.SM2PrivateKey.generate(), gm.SM2PrivateKey.generate()
    root = make_root(root_key, common_name="Frame Test Root", not_before=NOW)
    terms = LicenceTerms(
        credit_code="91350100M000100Y43", enterprise_name="福建测试科技有限公司",
        registration_place="福州市", holder_name="张三", person_id="P-1",
        masked_id_number="110108********0033", role=Role.LEGAL_REPRESENTATIVE,
        mode=Mode.ALL_BUSINESS, authorisation_id="A-1", granted_by="P-1", matters=(),
        not_before=NOW, not_after=NOW + timedelta(days=3),
    )
    return key, make_licence(terms, key.public_key(), root=root, root_key=root_key)


def _header(cert, recipient, kind=fr.Kind.BACKUP, *, created=NOW, lifetime=timedelta(days=7)):
    return fr.Header(fr.new_message_id(), kind, "91350100M000100Y43", format(cert.serial, "x"),
                     cert.der, "K-0123456789abcdef", fr.key_sm3(recipient), "K-fedcba9876543210",
                     "", created, created + lifetime, created)


def test_the_layout_read_by_hand(sender, tmp_path, openssl):
    key, cert = sender
    recipient = gm.SM2PrivateKey.generate()
    header = _header(cert, recipient.public_key())
    raw = fr.build(header, {"hello": "备份"}, recipient.public_key(), key)

    assert raw[:4] == b"EBKB" and raw[4] == 1 and raw[5] == 1
    (hlen,) = struct.unpack(">H", raw[6:8])
    header_bytes = raw[8 : 8 + hlen]
    as_json = json.loads(header_bytes)
    assert header_bytes == json.dumps(as_json, sort_keys=True, separators=(",", ":"),
                                      ensure_ascii=False).encode()
    assert (as_json["id"], as_json["kind"], as_json["v"]) == (header.message_id, "backup", 1)
    assert as_json["created"] == "2026-03-02T01:00:00Z"
    (slen,) = struct.unpack(">I", raw[8 + hlen : 12 + hlen])
    sealed = raw[12 + hlen : 12 + hlen + slen]
    (glen,) = struct.unpack(">H", raw[12 + hlen + slen : 14 + hlen + slen])
    signature = raw[14 + hlen + slen :]
    assert len(signature) == glen

    (klen,) = struct.unpack(">H", sealed[:2])
    content_key = recipient.decrypt(sealed[2 : 2 + klen])
    nonce = sealed[2 + klen : 14 + klen]
    body = gm.sm4_gcm_decrypt(content_key, nonce, sealed[14 + klen :], header_bytes)
    assert json.loads(body) == {"hello": "备份", "sender_serial": format(cert.serial, "x")}

    signed = tmp_path / "signed"
    signed.write_bytes(b"EBid key backup message v1\0" + raw[: 12 + hlen + slen])
    (tmp_path / "sig").write_bytes(signature)
    (tmp_path / "pub.pem").write_bytes(gm.public_key_to_pem(key.public_key()))
    check = run([openssl, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey",
                 str(tmp_path / "pub.pem"), "-pkeyopt", DISTID, "-in", str(signed), "-sigfile",
                 str(tmp_path / "sig")])
    assert check.returncode == 0, check.stderr + check.stdout

    frame = fr.parse(raw)
    assert frame.verify_signature().serial == cert.serial
    assert frame.open(recipient)["hello"] == "备份"
    refused = pytest.raises(fr.MessageRefused)
    with refused as caught:
        frame.open(gm.SM2PrivateKey.generate())
    assert caught.value.code == "not_addressed_here"


def test_altered_truncated_and_resigned_frames_are_refused(sender):
    key, cert = sender
    recipient = gm.SM2PrivateKey.generate()
    raw = fr.build(_header(cert, recipient.public_key()), {"x": 1}, recipient.public_key(), key)
    for position in range(8, len(raw) - 80, 97):
        altered = bytearray(raw)
        altered[position] ^= 0x40
        with pytest.raises(fr.MessageRefused) as caught:
            fr.parse(bytes(altered)).verify_signature()
        assert caught.value.code in ("bad_message_signature", "malformed_message")
    for cut in (3, 9, len(raw) - 1):
        with pytest.raises(fr.MessageRefused):
            fr.parse(raw[:cut])
    # Someone else's signature over the same sealed body: the body names the first sender.
    other_key = gm.SM2PrivateKey.generate()
    frame = fr.parse(raw)
    forged = raw[: len(raw) - 2 - len(frame.signature)]
    signature = other_key.sign(fr.SIGNED_PREFIX + forged)
    forged_frame = fr.parse(forged + struct.pack(">H", len(signature)) + signature)
    with pytest.raises(fr.MessageRefused) as caught:
        forged_frame.verify_signature()
    assert caught.value.code == "bad_message_signature"


def test_times_are_checked(sender):
    key, cert = sender
    recipient = gm.SM2PrivateKey.generate().public_key()
    header = _header(cert, recipient, fr.Kind.REQUEST, lifetime=timedelta(days=1))
    fr.check_times(header, NOW)
    for now, code in ((NOW + timedelta(days=1, seconds=1), "message_expired"),
                      (NOW - timedelta(minutes=6), "message_not_yet_valid")):
        with pytest.raises(fr.MessageRefused) as caught:
            fr.check_times(header, now)
        assert caught.value.code == code
    too_long = _header(cert, recipient, fr.Kind.REQUEST, lifetime=timedelta(days=2))
    with pytest.raises(fr.MessageRefused) as caught:
        fr.check_times(too_long, NOW)
    assert caught.value.code == "malformed_message"
