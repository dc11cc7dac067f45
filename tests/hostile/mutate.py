"""Structure-aware mutations of DER (and plain byte mutations of anything).

Random byte flips mostly break a length and stop the parser at its first TLV; the crashes live
deeper, where one field has the wrong type (a REAL where an INTEGER belongs), a length is off by
one, or a field is missing or doubled. So the mutator walks the TLV tree and edits one element.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Universal tags asn1crypto knows, and a few it does not.
TAGS = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x09, 0x0A, 0x0C, 0x13, 0x17, 0x18, 0x1E, 0x30,
        0x31, 0xA0, 0xA1, 0x80, 0x1F, 0x00]


def _length(data: bytes, pos: int) -> tuple[int, int] | None:
    first = data[pos]
    if first < 0x80:
        return first, pos + 1
    n = first & 0x7F
    if n == 0 or n > 4 or pos + 1 + n > len(data):
        return None
    return int.from_bytes(data[pos + 1 : pos + 1 + n], "big"), pos + 1 + n


def elements(data: bytes) -> list[tuple[int, int, int]]:
    """(tag offset, content offset, end) of every TLV reachable from the top, depth first."""
    found: list[tuple[int, int, int]] = []

    def walk(start: int, end: int, depth: int) -> None:
        pos = start
        while pos + 2 <= end and depth < 32:
            parsed = _length(data, pos + 1)
            if parsed is None:
                return
            length, content = parsed
            if content + length > end:
                return
            found.append((pos, content, content + length))
            if data[pos] & 0x20:  # constructed: descend
                walk(content, content + length, depth + 1)
            pos = content + length

    walk(0, len(data), 0)
    return found


def _der_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def apply(data: bytes, element: int, action: str, value: int, filler: bytes) -> bytes:
    tlvs = elements(data)
    if not tlvs:
        return data[:value % (len(data) + 1)]
    tag, content, end = tlvs[element % len(tlvs)]
    body = data[content:end]
    if action == "retag":
        return data[:tag] + bytes([TAGS[value % len(TAGS)]]) + data[tag + 1 :]
    if action == "drop":
        return data[:tag] + data[end:]
    if action == "double":
        return data[:end] + data[tag:end] + data[end:]
    if action == "content":  # same tag, other content, lengths fixed only for this element
        return data[:tag + 1] + _der_length(len(filler)) + filler + data[end:]
    if action == "length":
        return data[:tag + 1] + _der_length(max(0, len(body) + (value % 5) - 2)) + body + data[end:]
    if action == "truncate":
        return data[: content + value % (len(body) + 1)]
    raise ValueError(action)


ACTIONS = ["retag", "drop", "double", "content", "length", "truncate"]


@st.composite
def der_mutants(draw, sample: bytes) -> bytes:
    """``sample`` with one to three structural edits, or a few raw byte edits."""
    data = sample
    if draw(st.booleans()):
        for _ in range(draw(st.integers(1, 3))):
            data = apply(data, draw(st.integers(0, 10_000)), draw(st.sampled_from(ACTIONS)),
                         draw(st.integers(0, 255)), draw(st.binary(max_size=40)))
        return data
    return draw(byte_mutants(sample))


@st.composite
def byte_mutants(draw, sample: bytes) -> bytes:
    data = bytearray(sample)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["set", "delete", "insert"]))
        if kind == "set":
            data[i] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[i]
        else:
            data.insert(i, draw(st.integers(0, 255)))
    return bytes(data)
