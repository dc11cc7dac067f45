"""The peer card and the bundled file of docs/protocols/key-backup.md §2.2, §2.3, read back by
hand: the layout, the canonical body, the signature over the prefix; an altered card, a card
whose holder is not its licence's, and truncated files are refused. (Trust, times and the
revocation list are the directory's: tests/service/test_key_backup_offline.py.)"""

from __future__ import annotations

import json
import struct
from datetime import UTC, datetime, timedelta

import pytest

from app.core import gm
from app.core.keybackup import card as cards
from app.core.keybackup import frame as fr
from app.core.pki import LicenceTerms, Mode, Role, make_crl, make_licence, make_root

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def holder():
    key, root_key = gm.SM2PrivateKey.generate(), gm.SM2PrivateKey.generate()
    root = make_root(root_key, common_name="Card Test Root", not_before=NOW)
    terms = LicenceTerms(
        credit_code="91350100M000100Y43", enterprise_name="福建测试科技有限公司",
        registration_place="福州市", holder_name="李四", person_id="P-2",
        masked_id_number="110108********0033", role=Role.MANAGER,
        mode=Mode.ALL_BUSINESS, authorisation_id="A-1", granted_by="P-1", matters=(),
        not_before=NOW, not_after=NOW + timedelta(days=3),
    )
    licence = make_licence(terms, key.public_key(), root=root, root_key=root_key)
    crl = make_crl([], root=root, root_key=root_key, number=7, this_update=NOW)
    return key, licence, root, crl


def _card(holder, device_key, **changes) -> bytes:
    key, licence, root, crl = holder
    options = dict(record_id="K-0123456789abcdef", public_key=device_key.public_key(), label="办公室电脑",
                   licence=licence, root=root, crl=crl, created=NOW, expires=NOW + timedelta(days=7), signer=key)
    return cards.build_card(**{**options, **changes})


def _split(raw: bytes) -> tuple[bytes, bytes]:
    (blen,) = struct.unpack(">I", raw[5:9])
    (glen,) = struct.unpack(">H", raw[9 + blen : 11 + blen])
    assert len(raw) == 11 + blen + glen
    return raw[9 : 9 + blen], raw[11 + blen :]


def test_the_layout_read_by_hand(holder):
    key, licence, root, crl = holder
    device_key = gm.SM2PrivateKey.generate()
    raw = _card(holder, device_key)

    assert raw[:4] == b"EBKC" and raw[4] == 1
    body, signature = _split(raw)
    data = json.loads(body)
    assert body == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert data["holder"] == {"name": "李四", "role": "manager", "person_id": "P-2",
                              "serial": format(licence.serial, "x")}
    assert data["key"]["key_sm3"] == fr.key_sm3(device_key.public_key())
    assert fr.unb64(data["root"]) == root.der and fr.unb64(data["crl"]) == crl
    assert (data["created"], data["expires"], data["enterprise"]) == (
        "2026-03-02T01:00:00Z", "2026-03-09T01:00:00Z", "91350100M000100Y43")
    assert licence.public_key().is_valid_signature(signature, b"EBid peer card v1\0" + raw[: 9 + len(body)])

    card = cards.parse_card(raw)
    assert (card.record_id, card.holder_name, card.label) == ("K-0123456789abcdef", "李四", "办公室电脑")
    assert card.root_fingerprint == root.fingerprint()
    assert gm.load_public_key(card.public_key) == device_key.public_key()


def test_an_altered_card_is_refused(holder):
    raw = _card(holder, gm.SM2PrivateKey.generate())
    later = raw.replace(b'"expires":"2026-03-09', b'"expires":"2099-03-09')
    assert later != raw
    with pytest.raises(fr.MessageRefused) as refused:
        cards.parse_card(later)
    assert refused.value.code == "card_altered"


def test_a_card_that_names_another_holder_than_its_licence_is_refused(holder):
    key = holder[0]
    raw = _card(holder, gm.SM2PrivateKey.generate())
    body, _ = _split(raw)
    data = json.loads(body)
    data["holder"]["person_id"] = "P-1"  # the legal representative's, signed by the manager's key
    new = fr.canonical(data)
    unsigned = b"EBKC\x01" + struct.pack(">I", len(new)) + new
    signature = key.sign(cards.CARD_PREFIX + unsigned)
    with pytest.raises(fr.MessageRefused) as refused:
        cards.parse_card(unsigned + struct.pack(">H", len(signature)) + signature)
    assert refused.value.code == "malformed_card"


def test_a_bundle_carries_card_and_frame_unchanged_and_a_truncated_one_is_refused(holder):
    raw_card = _card(holder, gm.SM2PrivateKey.generate())
    frame = b"EBKB\x01\x01" + bytes(range(200))
    raw = cards.bundle(raw_card, frame)
    assert raw[:5] == b"EBKF\x01" and cards.is_bundle(raw) and not cards.is_bundle(frame)
    assert cards.unbundle(raw) == (raw_card, frame)
    for cut in (raw[:-1], raw[:20], raw + b"\0"):
        with pytest.raises(fr.MessageRefused) as refused:
            cards.unbundle(cut)
        assert refused.value.code == "malformed_card"


# -- each limit and each refusal of §2.2, §2.3 on its own ---------------------------------------

def _signed(holder, data: dict | bytes, *, version: int = 1) -> bytes:
    """A card with ``data`` as its body, correctly signed by the holder's licence key."""
    body = data if isinstance(data, bytes) else fr.canonical(data)
    unsigned = b"EBKC" + bytes([version]) + struct.pack(">I", len(body)) + body
    signature = holder[0].sign(cards.CARD_PREFIX + unsigned)
    return unsigned + struct.pack(">H", len(signature)) + signature


def _body(holder) -> dict:
    return json.loads(_split(_card(holder, gm.SM2PrivateKey.generate()))[0])


def _malformed(raw: bytes) -> str:
    with pytest.raises(fr.MessageRefused) as refused:
        cards.parse_card(raw)
    assert refused.value.code == "malformed_card", refused.value.message
    return refused.value.message


def test_a_card_is_at_most_64_kib(holder):
    assert "larger than 64 KiB" in _malformed(b"EBKC" + bytes(64 * 1024 - 3))
    assert "not an EBKC" in _malformed(b"EBKX" + bytes(64 * 1024 - 4))  # the size passes
    small = _card(holder, gm.SM2PrivateKey.generate())
    over = 64 * 1024 + 100 - len(small)  # a little over, well under 65 KiB
    with pytest.raises(fr.MessageRefused, match="larger than 64 KiB"):
        _card(holder, gm.SM2PrivateKey.generate(), label="x" * over)
    big = _card(holder, gm.SM2PrivateKey.generate(), label="x" * (over - 300))
    assert 64 * 1024 - 300 < len(big) <= 64 * 1024 and cards.parse_card(big).label == "x" * (over - 300)


def test_a_card_of_another_version_or_without_a_signature_is_refused(holder):
    body = _body(holder)
    assert cards.parse_card(_signed(holder, body)).record_id == "K-0123456789abcdef"
    assert "not an EBKC version 1" in _malformed(_signed(holder, body, version=2))
    assert "not canonical JSON of version 1" in _malformed(_signed(holder, {**body, "v": 2}))
    raw = _card(holder, gm.SM2PrivateKey.generate())
    blen = struct.unpack(">I", raw[5:9])[0]
    assert "truncated" in _malformed(raw[: 9 + blen] + b"\0\0")


def test_a_card_body_that_does_not_re_encode_to_itself_is_refused(holder):
    spaced = json.dumps(_body(holder), sort_keys=True, ensure_ascii=False).encode()
    assert "not canonical JSON" in _malformed(_signed(holder, spaced))


@pytest.mark.parametrize("where, value", [
    (("holder", "name"), "张三"), (("holder", "role"), "legal_representative"), (("holder", "person_id"), "P-1"),
    (("holder", "serial"), "1"), (("enterprise",), "91110108MA001DEMXY"),
], ids=lambda v: "/".join(v) if isinstance(v, tuple) else "")
def test_each_holder_field_must_be_the_licences(holder, where, value):
    body = _body(holder)
    target = body
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    assert "the holder is not the licence's" in _malformed(_signed(holder, body))


def test_the_key_id_must_be_the_keys(holder):
    body = _body(holder)
    body["key"]["key_sm3"] = fr.key_sm3(gm.SM2PrivateKey.generate().public_key())
    assert "the key id is not the key's" in _malformed(_signed(holder, body))


@pytest.mark.parametrize("record_id", ["X-0123456789abcdef", "K-0123456789abcde", "K-0123456789abcdef0"])
def test_the_key_record_id_is_k_and_16_characters(holder, record_id):
    assert "the key record id" in _malformed(_card(holder, gm.SM2PrivateKey.generate(), record_id=record_id))


def test_a_card_may_not_expire_before_it_was_made(holder):
    device = gm.SM2PrivateKey.generate()
    assert cards.parse_card(_card(holder, device, expires=NOW)).expires == NOW
    assert "expires before" in _malformed(_card(holder, device, expires=NOW - timedelta(seconds=1)))


def test_a_revocation_list_given_as_pem_is_carried_as_der(holder):
    from asn1crypto import pem

    crl = holder[3]
    assert cards.crl_der(pem.armor("X509 CRL", crl)) == crl and cards.crl_der(crl) == crl
    raw = _card(holder, gm.SM2PrivateKey.generate(), crl=pem.armor("X509 CRL", crl))
    assert cards.parse_card(raw).crl == crl


def test_a_bundle_holds_a_card_of_at_most_64_kib_and_a_frame_of_at_most_16_kib():
    def bundled(card_length: int, frame_length: int) -> bytes:
        return cards.bundle(b"c" * card_length, b"f" * frame_length)

    assert cards.unbundle(bundled(64 * 1024, 16 * 1024)) == (b"c" * 64 * 1024, b"f" * 16 * 1024)
    for raw in (bundled(64 * 1024 + 1, 10), bundled(10, 16 * 1024 + 1)):
        with pytest.raises(fr.MessageRefused, match="too long"):
            cards.unbundle(raw)
    with pytest.raises(fr.MessageRefused, match="not an EBKF version 1"):
        cards.unbundle(b"EBKF\x02" + bundled(1, 1)[5:])


def test_the_largest_bundle_fits_the_cap_its_readers_apply():
    """Readers of a bundled file (CLI, desktop, the QR sequence) stop at MAX_BUNDLE: the largest
    bundle `unbundle` accepts — 13 bytes of framing, a 64 KiB card, a 16 KiB frame — must fit."""
    from app.core.errors import InvalidInput
    from app.core.keybackup import qrseq

    largest = cards.bundle(b"c" * 64 * 1024, b"f" * 16 * 1024)
    assert len(largest) == cards.MAX_BUNDLE
    collector = qrseq.Collector()
    for text in qrseq.split(largest):
        collector.add(text)
    assert cards.unbundle(collector.result()) == (b"c" * 64 * 1024, b"f" * 16 * 1024)
    with pytest.raises(InvalidInput):
        qrseq.split(largest + b"x")


def test_a_card_carrying_a_certificate_that_is_not_a_licence_is_refused(holder):
    """Signed by the key of the certificate it carries, but that certificate is a root, not a licence."""
    root_key = gm.SM2PrivateKey.generate()
    root = make_root(root_key, common_name="Not A Licence", not_before=NOW)
    body = _body(holder)
    body["licence"] = fr.b64(root.der)
    data = fr.canonical(body)
    unsigned = b"EBKC\x01" + struct.pack(">I", len(data)) + data
    signature = root_key.sign(cards.CARD_PREFIX + unsigned)
    assert "not a licence" in _malformed(unsigned + struct.pack(">H", len(signature)) + signature)


def test_a_card_of_exactly_64_kib_is_built_and_read(holder):
    """The label that lands on 65536 bytes is found by a few tries (signature DER varies)."""
    device = gm.SM2PrivateKey.generate()
    label = 64 * 1024 - len(_card(holder, device, label=""))
    for _ in range(200):
        try:
            raw = _card(holder, device, label="x" * label)
        except fr.MessageRefused:
            label -= 1
            continue
        if len(raw) == 64 * 1024:
            break
        label += 64 * 1024 - len(raw)
    assert len(raw) == 64 * 1024 and cards.parse_card(raw).label == "x" * label


def test_a_card_with_a_byte_after_its_signature_is_truncated_not_altered(holder):
    raw = _card(holder, gm.SM2PrivateKey.generate())
    assert "truncated" in _malformed(raw + b"\0")
