"""DER codecs of SM2: the signature ``SEQUENCE{r, s}`` and GM/T 0009 ``SM2Cipher``.

Parsing is strict — canonical DER only, no BER, no non-minimal integers, no trailing bytes — so
one signature or ciphertext has exactly one encoding. Both :mod:`.sm2` and the backends use these
codecs; they depend on nothing above the curve.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from asn1crypto import core

from ..der import ASN1_ERRORS
from ..errors import InvalidInput
from .sm2_curve import be32, is_on_curve

Layout = Literal["der", "c1c3c2", "c1c2c3"]


class SM2Signature(core.Sequence):
    _fields = [("r", core.Integer), ("s", core.Integer)]


class SM2Cipher(core.Sequence):
    """GM/T 0009 SM2Cipher: SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING,
    ciphertext OCTET STRING }."""

    _fields = [
        ("x", core.Integer),
        ("y", core.Integer),
        ("hash", core.OctetString),
        ("ciphertext", core.OctetString),
    ]


def load_strict(spec: type[core.Sequence], data: bytes, what: str) -> dict:
    """Parse DER, rejecting BER, non-minimal encodings and trailing bytes."""
    try:
        value = spec.load(bytes(data), strict=True)
        native = dict(value.native)
        canonical = spec(native).dump()
    except ASN1_ERRORS as exc:
        raise InvalidInput("Malformed {what}: {detail}", what=what, detail=str(exc)) from None
    if canonical != bytes(data):
        raise InvalidInput("Malformed {what}: not canonical DER", what=what)
    return native


def encode_signature(r: int, s: int) -> bytes:
    return SM2Signature({"r": r, "s": s}).dump()


def decode_signature(der: bytes) -> tuple[int, int]:
    """DER ``SEQUENCE{r, s}`` → ``(r, s)``; raises :class:`InvalidInput` if malformed."""
    native = load_strict(SM2Signature, der, "SM2 signature")
    return native["r"], native["s"]


@dataclass(frozen=True)
class Ciphertext:
    """An SM2 ciphertext: C1 = (x, y), C3 = SM3 check value, C2 = masked message."""

    x: int
    y: int
    c3: bytes
    c2: bytes

    def to_der(self) -> bytes:
        fields = {"x": self.x, "y": self.y, "hash": self.c3, "ciphertext": self.c2}
        return SM2Cipher(fields).dump()

    def to_raw(self, layout: Layout = "c1c3c2", *, prefix: bool = True) -> bytes:
        c1 = (b"\x04" if prefix else b"") + be32(self.x) + be32(self.y)
        if layout == "c1c3c2":
            return c1 + self.c3 + self.c2
        if layout == "c1c2c3":
            return c1 + self.c2 + self.c3
        raise InvalidInput("Unknown SM2 ciphertext layout {layout}", layout=layout)

    @classmethod
    def parse(cls, data: bytes, layout: Layout = "der") -> Ciphertext:
        """Read DER SM2Cipher, or raw C1C3C2 / C1C2C3 with or without the 04 prefix of C1."""
        if layout == "der":
            native = load_strict(SM2Cipher, data, "SM2 ciphertext")
            ct = cls(native["x"], native["y"], native["hash"], native["ciphertext"])
        elif layout in ("c1c3c2", "c1c2c3"):
            ct = cls._parse_raw(bytes(data), layout)
        else:
            raise InvalidInput("Unknown SM2 ciphertext layout {layout}", layout=layout)
        if len(ct.c3) != 32:
            raise InvalidInput("Malformed SM2 ciphertext: C3 must be 32 bytes")
        if not ct.c2:
            raise InvalidInput("Malformed SM2 ciphertext: empty C2")
        if not is_on_curve(ct.x, ct.y):
            raise InvalidInput("Malformed SM2 ciphertext: C1 is not a point on the SM2 curve")
        return ct

    @classmethod
    def _parse_raw(cls, data: bytes, layout: str) -> Ciphertext:
        # The prefix is optional in the wild; the curve check tells the two readings apart.
        for prefix in (1, 0) if data[:1] == b"\x04" else (0,):
            body = data[prefix:]
            if len(body) < 64 + 32 + 1:
                continue
            x = int.from_bytes(body[:32], "big")
            y = int.from_bytes(body[32:64], "big")
            if not is_on_curve(x, y):
                continue
            rest = body[64:]
            if layout == "c1c3c2":
                return cls(x, y, rest[:32], rest[32:])
            return cls(x, y, rest[-32:], rest[:-32])
        raise InvalidInput("Malformed SM2 ciphertext: no valid C1 point at the start")
