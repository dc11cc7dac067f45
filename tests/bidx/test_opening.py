"""Opening by re-wrap (docs/formats/bidx.md §11): the device sees only the header and answers with
the file key wrapped to the platform's one-time key; the platform decrypts the stored container."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.core import bidx
from app.core.bidx.format import parse_header
from app.core.gm import SM2PrivateKey
from tests.bidx.conftest import SMALL_CHUNK, listing


@pytest.fixture(scope="module")
def opening_key() -> SM2PrivateKey:
    return SM2PrivateKey.generate()


def _header_bytes(container: Path) -> bytes:
    return bidx.inspect_container(container).to_bytes()


@pytest.mark.parametrize("suite", [bidx.SM4_SUITE, bidx.AES_SUITE], ids=["sm4", "aes"])
def test_the_platform_decrypts_with_the_rewrapped_key(make_file, encrypt, keys, opening_key, plaindir,
                                                      suite):
    source = make_file(5 * SMALL_CHUNK + 3)
    container = encrypt(source, keys[:2], suite=suite)
    header = _header_bytes(container)
    for device in keys[:2]:  # either recipient's device can open it
        stanza = bidx.rewrap_for_opening(header, device, opening_key.public_key())
        assert stanza.key_id == bidx.key_id(opening_key.public_key())
        folder = plaindir / str(keys.index(device))
        folder.mkdir()
        result = bidx.decrypt_file(container, opening_key, folder, stanza=stanza)
        assert result.output.read_bytes() == source.read_bytes()
        assert bidx.rehearse(container, opening_key, stanza=stanza).output is None


def test_without_the_stanza_the_opening_key_opens_nothing(make_file, encrypt, opening_key, plaindir):
    container = encrypt(make_file(100))
    with pytest.raises(bidx.NotARecipient):
        bidx.decrypt_file(container, opening_key, plaindir)
    assert listing(plaindir) == []


def test_a_device_that_is_no_recipient_says_which_keys_are(make_file, encrypt, keys, opening_key):
    container = encrypt(make_file(100), keys[:1])
    with pytest.raises(bidx.NotARecipient) as refused:
        bidx.rewrap_for_opening(_header_bytes(container), keys[2], opening_key.public_key())
    assert refused.value.params["ids"] == bidx.short_id(bidx.key_id(keys[0].public_key()))


def test_the_device_gives_no_key_for_an_altered_header(make_file, encrypt, key, opening_key):
    container = encrypt(make_file(100))
    header = parse_header(_header_bytes(container))
    for altered in (replace(header, project="OTHER-PROJECT"), replace(header, plaintext_length=1),
                    replace(header, salt=bytes(len(header.salt)))):
        with pytest.raises(bidx.HeaderTampered):
            bidx.rewrap_for_opening(altered, key, opening_key.public_key())


def test_the_platform_refuses_a_stanza_for_another_opening_or_another_file(make_file, encrypt, key,
                                                                            opening_key, plaindir):
    container = encrypt(make_file(100, "a.pdf"))
    other_opening = SM2PrivateKey.generate()
    stanza = bidx.rewrap_for_opening(_header_bytes(container), key, other_opening.public_key())
    with pytest.raises(bidx.NotARecipient):
        bidx.decrypt_file(container, opening_key, plaindir, stanza=stanza)
    other_file = encrypt(make_file(100, "b.pdf"))
    stanza = bidx.rewrap_for_opening(_header_bytes(other_file), key, opening_key.public_key())
    with pytest.raises(bidx.HeaderTampered):  # another file's key does not open this header
        bidx.decrypt_file(container, opening_key, plaindir, stanza=stanza)
    assert listing(plaindir) == []
