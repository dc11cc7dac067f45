"""The EBKB frame of docs/protocols/key-backup.md §2, read back by hand: the layout, the
canonical header, the sealing (SM2 to the recipient, SM4-GCM bound to the header), and the
signature, which OpenSSL checks independently; altered, truncated, expired and re-signed frames
are refused."""

from __future__ import annotations

import dataclasses
import json
import struct
from datetime import UTC, datetime, timedelta, timezone

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


# -- each limit and each refusal of §2 and §5 on its own ----------------------------------------

def _refused_detail(call, *args) -> str:
    with pytest.raises(fr.MessageRefused) as caught:
        call(*args)
    assert caught.value.code == "malformed_message", caught.value.message
    return caught.value.message


def _frame(sender, body=None, *, kind=fr.Kind.BACKUP, lifetime=timedelta(days=1)):
    key, cert = sender
    recipient = gm.SM2PrivateKey.generate()
    header = _header(cert, recipient.public_key(), kind, lifetime=lifetime)
    return fr.build(header, body or {"x": 1}, recipient.public_key(), key), recipient


def _reframe(raw: bytes, *, header_bytes: bytes | None = None, version: int | None = None,
             kind: int | None = None, signature: bytes | None = None) -> bytes:
    """``raw`` with one part replaced and every length field kept consistent (signature unchanged
    unless given: a parse-only check must refuse on its own, before any signature check)."""
    frame = fr.parse(raw)
    hb = frame.header_bytes if header_bytes is None else header_bytes
    sig = frame.signature if signature is None else signature
    return (b"EBKB" + bytes([raw[4] if version is None else version, raw[5] if kind is None else kind])
            + struct.pack(">H", len(hb)) + hb + struct.pack(">I", len(frame.sealed)) + frame.sealed
            + struct.pack(">H", len(sig)) + sig)


def test_a_frame_is_at_most_16_kib_on_reading():
    assert "larger than 16 KiB" in _refused_detail(fr.parse, b"EBKB" + bytes(16 * 1024 - 3))
    assert "not an EBKB" in _refused_detail(fr.parse, b"XBKB" + bytes(16 * 1024 - 4))  # the size passes


def test_a_frame_is_at_most_16_kib_on_building(sender):
    raw, _ = _frame(sender)
    padding = 16 * 1024 + 200 - len(raw)  # a little over the limit, well under 17 KiB
    assert "larger than 16 KiB" in _refused_detail(_frame, sender, {"x": 1, "pad": "p" * padding})
    big, recipient = _frame(sender, {"x": 1, "pad": "p" * (padding - 400)})
    assert 16 * 1024 - 400 < len(big) <= 16 * 1024
    assert fr.parse(big).open(recipient)["pad"] == "p" * (padding - 400)


def test_a_frame_of_exactly_16_kib_is_built_and_read(sender):
    """The padding that lands on 16384 bytes is found by a few tries: the SM2 ciphertext and
    signature DER vary by a byte or two from one build to the next."""
    key, cert = sender
    recipient = gm.SM2PrivateKey.generate()
    header = _header(cert, recipient.public_key())
    padding = 16 * 1024 - len(fr.build(header, {"pad": ""}, recipient.public_key(), key))
    for _ in range(200):
        try:
            raw = fr.build(header, {"pad": "p" * padding}, recipient.public_key(), key)
        except fr.MessageRefused:
            padding -= 1
            continue
        if len(raw) == 16 * 1024:
            break
        padding += 16 * 1024 - len(raw)
    assert len(raw) == 16 * 1024
    assert fr.parse(raw).open(recipient)["pad"] == "p" * padding


def test_the_header_is_at_most_8_kib():
    def raw(hlen: int) -> bytes:
        return b"EBKB\x01\x01" + struct.pack(">H", hlen) + b"{" * hlen + struct.pack(">I", 0) + b"\0\x01s"

    assert "the header is too long" in _refused_detail(fr.parse, raw(8 * 1024 + 1))
    assert "not JSON" in _refused_detail(fr.parse, raw(8 * 1024))


def test_only_version_1_and_the_six_kinds_are_read(sender):
    raw, _ = _frame(sender)
    assert "not an EBKB version 1" in _refused_detail(fr.parse, _reframe(raw, version=2))
    assert "not JSON" in _refused_detail(fr.parse, _reframe(raw, kind=7))
    assert "another kind" in _refused_detail(fr.parse, _reframe(raw, kind=fr.Kind.ACK))  # byte 5 and "kind" differ
    assert [k.label for k in fr.Kind] == ["backup", "ack", "request", "grant", "veto", "withdrawal"]


def test_a_frame_without_a_signature_is_truncated(sender):
    raw, _ = _frame(sender)
    assert "truncated" in _refused_detail(fr.parse, _reframe(raw, signature=b""))


def test_a_header_that_does_not_re_encode_to_itself_is_refused(sender):
    raw, _ = _frame(sender)
    spaced = json.dumps(json.loads(fr.parse(raw).header_bytes), sort_keys=True, ensure_ascii=False).encode()
    assert "canonical form" in _refused_detail(fr.parse, _reframe(raw, header_bytes=spaced))


@pytest.mark.parametrize("change", [{"v": 2}, {"id": "X-" + "0" * 32}, {"id": "M-" + "0" * 31},
                                    {"id": "M-" + "0" * 33}, {"created": "2026-03-02 01:00:00"},
                                    {"sender": {"serial": "1", "certificate": "not base64!"}}],
                         ids=lambda c: json.dumps(c)[:30])
def test_a_header_field_out_of_form_is_refused(sender, change):
    raw, _ = _frame(sender)
    data = {**json.loads(fr.parse(raw).header_bytes), **change}
    _refused_detail(fr.parse, _reframe(raw, header_bytes=fr.canonical(data)))


def test_the_message_id_is_m_and_32_hex_digits():
    made = fr.new_message_id()
    assert made.startswith("M-") and len(made) == 34 and int(made[2:], 16) >= 0


def test_the_header_serial_must_be_its_certificates(sender):
    raw, _ = _frame(sender)
    data = json.loads(fr.parse(raw).header_bytes)
    data["sender"]["serial"] = "1" + data["sender"]["serial"]
    frame = fr.parse(_reframe(raw, header_bytes=fr.canonical(data)))
    assert "serial is not its certificate's" in _refused_detail(frame.header.certificate)


def test_the_body_must_name_the_header_sender(sender):
    key, cert = sender
    recipient = gm.SM2PrivateKey.generate()
    header = _header(cert, recipient.public_key())
    raw = fr.build(header, {"x": 1}, recipient.public_key(), key)
    frame = fr.parse(raw)
    # the same sealed body under a header naming another serial: decrypting needs the same header bytes
    other = dataclasses.replace(frame, header=dataclasses.replace(frame.header, sender_serial="abc"))
    assert "another sender" in _refused_detail(other.open, recipient)
    assert frame.open(recipient) == {"x": 1, "sender_serial": format(cert.serial, "x")}


def test_a_body_sealed_under_another_header_does_not_decrypt(sender):
    raw, recipient = _frame(sender)
    data = json.loads(fr.parse(raw).header_bytes)
    data["subject"] = "K-other"
    frame = fr.parse(_reframe(raw, header_bytes=fr.canonical(data)))
    with pytest.raises(fr.MessageRefused) as caught:
        frame.open(recipient)
    assert caught.value.code == "message_altered"


def test_building_refuses_a_recipient_other_than_the_header_names(sender):
    key, cert = sender
    header = _header(cert, gm.SM2PrivateKey.generate().public_key())
    assert "recipient key" in _refused_detail(fr.build, header, {}, gm.SM2PrivateKey.generate().public_key(), key)


def test_a_message_may_come_from_at_most_5_minutes_in_the_future(sender):
    _, cert = sender
    header = _header(cert, gm.SM2PrivateKey.generate().public_key(), fr.Kind.REQUEST, lifetime=timedelta(hours=1))
    fr.check_times(header, NOW - timedelta(minutes=5))
    with pytest.raises(fr.MessageRefused) as caught:
        fr.check_times(header, NOW - timedelta(minutes=5, seconds=1))
    assert caught.value.code == "message_not_yet_valid"


def test_a_message_is_valid_through_its_expiry_second(sender):
    _, cert = sender
    header = _header(cert, gm.SM2PrivateKey.generate().public_key(), fr.Kind.REQUEST, lifetime=timedelta(hours=1))
    fr.check_times(header, NOW + timedelta(hours=1))
    with pytest.raises(fr.MessageRefused) as caught:
        fr.check_times(header, NOW + timedelta(hours=1, seconds=1))
    assert caught.value.code == "message_expired"


# key-backup.md §4's table: a grant lives its wait (at most 72 h) and 24 h more.
@pytest.mark.parametrize("kind, lifetime", [
    (fr.Kind.BACKUP, timedelta(days=7)), (fr.Kind.ACK, timedelta(days=7)), (fr.Kind.REQUEST, timedelta(days=1)),
    (fr.Kind.GRANT, timedelta(hours=96)), (fr.Kind.VETO, timedelta(days=4)), (fr.Kind.WITHDRAWAL, timedelta(days=7)),
], ids=lambda v: getattr(v, "label", ""))
def test_each_kind_lives_at_most_its_lifetime(sender, kind, lifetime):
    _, cert = sender
    recipient = gm.SM2PrivateKey.generate().public_key()
    fr.check_times(_header(cert, recipient, kind, lifetime=lifetime), NOW)
    assert "lifetime" in _refused_detail(fr.check_times, _header(cert, recipient, kind,
                                                                 lifetime=lifetime + timedelta(seconds=1)), NOW)


def test_a_message_usable_before_it_was_made_is_refused(sender):
    _, cert = sender
    header = _header(cert, gm.SM2PrivateKey.generate().public_key(), fr.Kind.GRANT, lifetime=timedelta(hours=1))
    fr.check_times(dataclasses.replace(header, not_before=NOW + timedelta(hours=1)), NOW)
    early = dataclasses.replace(header, not_before=NOW - timedelta(seconds=1))
    assert "lifetime" in _refused_detail(fr.check_times, early, NOW)


def test_the_proof_signs_the_documented_bytes(sender, tmp_path, openssl):
    key, _ = sender
    expected = b"EBid key backup proof v1\0M-1\0K-0123\0" + b"1f"
    assert fr.proof_bytes("M-1", "K-0123", "1f") == expected
    proof = key.sign(expected)
    assert fr.verify_proof(key.public_key(), proof, "M-1", "K-0123", "1f")
    assert not fr.verify_proof(key.public_key(), proof, "M-2", "K-0123", "1f")
    (tmp_path / "signed").write_bytes(expected)
    (tmp_path / "sig").write_bytes(proof)
    (tmp_path / "pub.pem").write_bytes(gm.public_key_to_pem(key.public_key()))
    check = run([openssl, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey",
                 str(tmp_path / "pub.pem"), "-pkeyopt", DISTID, "-in", str(tmp_path / "signed"), "-sigfile",
                 str(tmp_path / "sig")])
    assert check.returncode == 0, check.stderr + check.stdout


def test_times_and_bytes_are_written_as_documented():
    assert fr.fmt_time(datetime(2026, 3, 2, 9, 0, 5, 500, tzinfo=timezone(timedelta(hours=8)))) == "2026-03-02T01:00:05Z"
    assert fr.parse_time("2026-03-02T01:00:05Z") == datetime(2026, 3, 2, 1, 0, 5, tzinfo=UTC)
    assert fr.b64(b"\xfb\xff") == "+/8=" and fr.unb64("+/8=") == b"\xfb\xff"
    for loose in ("-_8=", "+/8*=", "+/\n8="):  # base64url, or a stray character a lenient decoder skips
        assert "base64" in _refused_detail(fr.unb64, loose)
