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
