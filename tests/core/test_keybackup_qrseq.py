"""A key-backup file as a sequence of QR codes (docs/protocols/key-backup.md §2.4): the codes are
real symbols, read back by our decoder, in any order and with repeats; a part of another file
starts the collection again, and parts that do not make up the file they name are refused."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import qr
from app.core.errors import InvalidInput
from app.core.keybackup import qrseq
from app.core.qr.make import make_image


def read_back(text: str) -> str:
    """The text as our decoder reads the rendered symbol (what a camera frame gives)."""
    (code,) = qr.decode(make_image(text, scale=3))
    return code.text


def test_a_file_survives_rendering_and_reading_in_any_order_with_repeats():
    data = os.urandom(3 * qrseq.PART_BYTES + 17)
    texts = qrseq.split(data)
    assert len(texts) == 4 and all(len(t) < 720 for t in texts)
    shown = [read_back(t) for t in texts]
    assert shown == texts
    order = shown + shown[:2]
    random.Random(7).shuffle(order)
    collector = qrseq.Collector()
    seen, results = set(), []
    for text in order:
        collector.add(text)
        seen.add(text)
        results.append((len(seen) == len(texts), collector.result()))
    assert all((result == data) if whole else result is None for whole, result in results)


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=1, max_size=5000), st.integers(64, 2048), st.randoms())
def test_split_and_collect_give_the_bytes_back(data, part_bytes, rnd):
    texts = qrseq.split(data, part_bytes=part_bytes)
    rnd.shuffle(texts)
    collector = qrseq.Collector()
    for text in texts[:-1]:
        assert collector.add(text).have <= len(texts)
        assert collector.result() is None
    progress = collector.add(texts[-1])
    assert (progress.have, progress.total, progress.restarted) == (len(texts), len(texts), False)
    assert collector.result() == data


def test_a_part_of_another_file_starts_again():
    first, second = qrseq.split(os.urandom(1200)), qrseq.split(os.urandom(900))
    collector = qrseq.Collector()
    collector.add(first[0])
    progress = collector.add(second[0])
    assert progress.restarted and progress.have == 1 and collector.missing() == [2]
    collector.add(second[1])
    assert collector.result() is not None


def test_parts_that_do_not_make_up_their_file_are_refused():
    a, b = os.urandom(1000), os.urandom(1000)
    texts_a, texts_b = qrseq.split(a), qrseq.split(b)
    # Part 2 of b relabelled as part 2 of a: every part parses, but the whole is not a's.
    forged = texts_a[1].rsplit("/", 1)[0] + "/" + texts_b[1].rsplit("/", 1)[1]
    collector = qrseq.Collector()
    collector.add(texts_a[0])
    collector.add(forged)
    with pytest.raises(InvalidInput, match="SM3"):
        collector.result()
    assert collector.result() is None  # dropped: read them again


@pytest.mark.parametrize("text", [
    "EBKQ1/0123456789abcdef/0/2/AAAA",  # parts count from 1
    "EBKQ1/0123456789abcdef/3/2/AAAA",  # beyond the total
    "EBKQ1/0123456789abcdef/1/2/",  # nothing carried
    "EBKQ1/0123456789ABCDEF/1/2/AAAA",  # the set is lower-case hex
    "EBKQ1/0123456789abcdef/1/2/AA+A",  # base64url only
    "EBKQ1/0123456789abcdef/1/99999/AAAA",  # more parts than any file needs
    "EBKQ2/0123456789abcdef/1/2/AAAA",
    "https://example.com/",
])
def test_a_malformed_part_is_refused(text):
    with pytest.raises(InvalidInput):
        qrseq.Collector().add(text)


def test_a_part_read_twice_differently_is_refused():
    texts = qrseq.split(os.urandom(700))
    other = texts[0].rsplit("/", 1)[0] + "/" + "QUFB"
    collector = qrseq.Collector()
    collector.add(texts[0])
    with pytest.raises(InvalidInput, match="twice"):
        collector.add(other)


def test_limits():
    with pytest.raises(InvalidInput):
        qrseq.split(b"")
    with pytest.raises(InvalidInput):
        qrseq.split(b"x" * 100, part_bytes=10)


def test_a_code_carries_64_to_2048_bytes_of_the_file():
    data = os.urandom(5000)
    for part_bytes in (64, 2048):
        texts = qrseq.split(data, part_bytes=part_bytes)
        assert len(qrseq.parse_part(texts[0]).data) == part_bytes and len(texts) == -(-5000 // part_bytes)
    for part_bytes in (63, 2049):
        with pytest.raises(InvalidInput, match="64 to 2048"):
            qrseq.split(data, part_bytes=part_bytes)


def test_the_largest_file_in_the_smallest_parts_is_still_read():
    """However small the parts a sender chose, the reader accepts as many as the largest file needs."""
    from app.core.keybackup.card import MAX_BUNDLE

    texts = qrseq.split(b"b" * MAX_BUNDLE, part_bytes=64)
    assert len(texts) == qrseq.MAX_PARTS
    collector = qrseq.Collector()
    for text in texts:
        collector.add(text)
    assert collector.result() == b"b" * MAX_BUNDLE
    last = qrseq.parse_part(texts[-1])
    assert (last.index, last.total) == (qrseq.MAX_PARTS, qrseq.MAX_PARTS)
    with pytest.raises(InvalidInput, match="out of range"):
        qrseq.parse_part(f"EBKQ1/{last.set_id}/1/{qrseq.MAX_PARTS + 1}/AAAA")


def test_a_part_is_read_without_surrounding_white_space():
    (text,) = qrseq.split(b"one part")
    part = qrseq.parse_part(f"  {text}\r\n")
    assert (part.index, part.total, part.data, part.set_id) == (1, 1, b"one part", qrseq.set_id(b"one part"))
    assert qrseq.is_part(text) and not qrseq.is_part("EBKQ1" + text[5:].replace("/", "-", 1))


def test_parts_are_500_bytes_the_last_shorter():
    """key-backup.md §2.4: parts are 500 bytes (the last shorter)."""
    texts = qrseq.split(os.urandom(1201))
    assert [len(qrseq.parse_part(t).data) for t in texts] == [500, 500, 201]


@pytest.mark.parametrize("data", [b"\x00\x01\x17", b"\x00\x01\x17\x00\x01\x17", b"\xff\xff\xff\x00\x01\x17"],
                         ids=["ends in X", "twice", "after /"])
def test_only_the_padding_is_dropped_from_a_part(data):
    (text,) = qrseq.split(data)
    assert text.endswith("AAEX") and qrseq.parse_part(text).data == data


def test_a_part_of_another_file_with_as_many_parts_also_starts_again():
    first, second = qrseq.split(os.urandom(900)), qrseq.split(os.urandom(900))
    collector = qrseq.Collector()
    assert not collector.add(first[0]).restarted
    progress = collector.add(second[0])
    assert progress.restarted and (progress.have, progress.total) == (1, 2)
    assert not collector.add(second[1]).restarted and collector.result() is not None


def test_the_missing_parts_are_listed_from_the_first():
    collector = qrseq.Collector()
    assert collector.missing() == [] and collector.result() is None
    texts = qrseq.split(os.urandom(1400))
    progress = collector.add(texts[1])
    assert (progress.have, progress.total, progress.restarted) == (1, 3, False)
    assert collector.missing() == [1, 3]
    assert collector.add(texts[1]).have == 1  # the same part again counts once
