"""SM2 (GB/T 32918) signatures and public-key encryption.

This is the only module callers use for SM2; the backend behind it (GmSSL's C code through
``gmssl-pyx`` where a wheel exists, pure-Python ``gmalg`` elsewhere, see ``sm2_backends``) can be
swapped without changing them. Everything a caller could get wrong is checked here, before any
backend sees it: public points, ciphertext points, ``r``/``s`` and private scalars are range- and
curve-checked; DER is parsed strictly (``sm2_der``: canonical encoding, no trailing bytes); nonces
come from a CSPRNG (``secrets`` or GmSSL's ``rand_bytes``); the C3 check of decryption is always
made. ``e = SM3(Z_A ‖ M)`` is computed here with OpenSSL's SM3, so signing a large file streams.
"""

from __future__ import annotations

from typing import BinaryIO, Iterable

from ..errors import InvalidInput, InvalidKey, VerificationFailed
from . import sm2_backends
from .oids import SM2_CURVE as CURVE_OID
from .sm2_curve import COORD_SIZE, GX, GY, A, B, N, P, is_on_curve
from .sm2_curve import be32 as _be32
from .sm2_der import Ciphertext, Layout, decode_signature, encode_signature
from .sm3 import SM3, sm3

# Re-exported: callers (and tests) read the curve, the DER codecs and the OID through this module.
__all__ = [
    "COORD_SIZE",
    "CURVE_OID",
    "DEFAULT_ID",
    "GX",
    "GY",
    "MAX_ID_BYTES",
    "A",
    "B",
    "Ciphertext",
    "Layout",
    "N",
    "P",
    "SM2PrivateKey",
    "SM2PublicKey",
    "backend_name",
    "decode_signature",
    "encode_signature",
    "is_on_curve",
    "use_backend",
]

DEFAULT_ID = b"1234567812345678"
MAX_ID_BYTES = 8191  # ENTL is a 16-bit count of bits

_READ_SIZE = 1 << 20
_backend: sm2_backends.Backend = sm2_backends.select()


def backend_name() -> str:
    return _backend.name


def use_backend(name: str | None = None) -> str:
    """Switch backend (tests and benchmarks); returns the name in use."""
    global _backend
    _backend = sm2_backends.select(name)
    return _backend.name


# ---------------------------------------------------------------------------------------------
# Keys

class SM2PublicKey:
    """A validated point on the SM2 curve."""

    __slots__ = ("x", "y", "_za")

    def __init__(self, x: int, y: int) -> None:
        if not is_on_curve(x, y):
            raise InvalidKey("The public key is not a point on the SM2 curve")
        self.x, self.y = x, y
        self._za: dict[bytes, bytes] = {}

    @classmethod
    def from_bytes(cls, point: bytes) -> SM2PublicKey:
        """SEC 1 uncompressed (04‖x‖y) or compressed (02/03‖x) point."""
        if not isinstance(point, bytes | bytearray | memoryview):  # bytes(n) of a number would allocate n
            raise InvalidKey("The public key must be a 65-byte uncompressed or 33-byte compressed point")
        point = bytes(point)
        if len(point) == 65 and point[0] == 4:
            return cls(int.from_bytes(point[1:33], "big"), int.from_bytes(point[33:], "big"))
        if len(point) == 33 and point[0] in (2, 3):
            x = int.from_bytes(point[1:], "big")
            if x >= P:
                raise InvalidKey("The public key is not a point on the SM2 curve")
            y = pow((x * x * x + A * x + B) % P, (P + 1) // 4, P)  # P ≡ 3 (mod 4)
            if y & 1 != point[0] & 1:
                y = P - y
            return cls(x, y)
        raise InvalidKey("The public key must be a 65-byte uncompressed or 33-byte compressed point")

    def to_bytes(self) -> bytes:
        return b"\x04" + _be32(self.x) + _be32(self.y)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SM2PublicKey) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self) -> int:
        return hash((self.x, self.y))

    def __repr__(self) -> str:
        return f"SM2PublicKey({self.to_bytes()[:9].hex()}…)"

    def za(self, uid: bytes = DEFAULT_ID) -> bytes:
        """Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), ENTL in bits."""
        if uid not in self._za:
            if len(uid) > MAX_ID_BYTES:
                raise InvalidInput("The SM2 user ID is too long")
            entl = (len(uid) * 8).to_bytes(2, "big")
            parts = (A, B, GX, GY, self.x, self.y)
            self._za[uid] = sm3(entl + uid + b"".join(_be32(v) for v in parts))
        return self._za[uid]

    def message_hash(self, uid: bytes = DEFAULT_ID) -> SM3:
        """An SM3 context primed with Z_A: feed it the message, its digest is ``e``."""
        return SM3(self.za(uid))

    def digest(self, message: bytes, uid: bytes = DEFAULT_ID) -> bytes:
        return self.message_hash(uid).update(message).digest()

    def verify_digest(self, signature: bytes, e: bytes) -> None:
        """Check a DER signature over ``e = SM3(Z_A ‖ M)``; raises :class:`VerificationFailed`."""
        r, s = decode_signature(signature)
        if not (1 <= r < N and 1 <= s < N):
            raise VerificationFailed("The signature is not valid (r or s out of range)")
        if len(e) != 32 or (r + s) % N == 0 or not _backend.verify(self.x, self.y, e, r, s):
            raise VerificationFailed("The signature is not valid")

    def verify(self, signature: bytes, message: bytes, uid: bytes = DEFAULT_ID) -> None:
        self.verify_digest(signature, self.digest(message, uid))

    def is_valid_signature(self, signature: bytes, message: bytes, uid: bytes = DEFAULT_ID) -> bool:
        try:
            self.verify(signature, message, uid)
        except (VerificationFailed, InvalidInput):
            return False
        return True

    def encrypt(self, message: bytes) -> bytes:
        """Encrypt a short secret; returns DER SM2Cipher (C1, C3, C2)."""
        return self.encrypt_to(message).to_der()

    def encrypt_to(self, message: bytes) -> Ciphertext:
        if not message:
            raise InvalidInput("There is nothing to encrypt (empty message)")
        return Ciphertext(*_backend.encrypt(self.x, self.y, message))


class SM2PrivateKey:
    """A private scalar d in [1, n-2] and its public point."""

    __slots__ = ("_d", "_public")

    def __init__(self, d: int, public_key: SM2PublicKey | None = None) -> None:
        if not 1 <= d <= N - 2:
            raise InvalidKey("The private key is out of range for SM2")
        self._d = d
        if public_key is None:
            public_key = SM2PublicKey(*_backend.public_point(d))
        elif not _backend.matches(d, public_key.x, public_key.y):
            raise InvalidKey("The private key does not match its stored public key")
        self._public = public_key

    @classmethod
    def generate(cls) -> SM2PrivateKey:
        d, (x, y) = _backend.generate()
        return cls(d, SM2PublicKey(x, y))

    @classmethod
    def from_bytes(cls, raw: bytes) -> SM2PrivateKey:
        if len(raw) != COORD_SIZE:
            raise InvalidKey("An SM2 private key is 32 bytes, got {got}", got=len(raw))
        return cls(int.from_bytes(raw, "big"))

    def to_bytes(self) -> bytes:
        return _be32(self._d)

    def public_key(self) -> SM2PublicKey:
        return self._public

    def __repr__(self) -> str:  # never print the scalar
        return f"SM2PrivateKey(public={self._public!r})"

    def sign_digest(self, e: bytes) -> bytes:
        """Sign ``e = SM3(Z_A ‖ M)`` (see :meth:`SM2PublicKey.message_hash`); DER output."""
        if len(e) != 32:
            raise InvalidInput("An SM2 signature is made over a 32-byte SM3 digest")
        return encode_signature(*_backend.sign(self._d, e))

    def sign(self, message: bytes, uid: bytes = DEFAULT_ID) -> bytes:
        return self.sign_digest(self._public.digest(message, uid))

    def sign_chunks(self, chunks: Iterable[bytes], uid: bytes = DEFAULT_ID) -> bytes:
        h = self._public.message_hash(uid)
        for chunk in chunks:
            h.update(chunk)
        return self.sign_digest(h.digest())

    def sign_stream(self, stream: BinaryIO, uid: bytes = DEFAULT_ID) -> bytes:
        return self.sign_chunks(iter(lambda: stream.read(_READ_SIZE), b""), uid)

    def decrypt(self, ciphertext: bytes, layout: Layout = "der") -> bytes:
        return self.decrypt_from(Ciphertext.parse(ciphertext, layout))

    def decrypt_from(self, ct: Ciphertext) -> bytes:
        return _backend.decrypt(self._d, (ct.x, ct.y, ct.c3, ct.c2), ct.to_der)


def _sign_with_k(d: int, e: int, k: int) -> tuple[int, int] | None:
    """Deterministic signing with a given nonce: for the standard's test vectors only."""
    return sm2_backends.sign_with_k(d, e, k)


def _encrypt_with_k(pub: SM2PublicKey, message: bytes, k: int) -> Ciphertext | None:
    """Deterministic encryption with a given nonce: for test vectors only."""
    raw = sm2_backends.encrypt_with_k(pub.x, pub.y, message, k)
    return None if raw is None else Ciphertext(*raw)
