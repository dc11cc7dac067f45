"""SM2 backends, used only by :mod:`app.core.gm.sm2`, which validates every input first.

- ``gmssl-pyx``: GmSSL's C implementation (~0.3 ms per signature). Wheels exist for Linux x86-64
  and Windows; preferred wherever it imports.
- ``gmalg``: pure Python (~12 ms per signature), everywhere else, and the reference for the
  fixed-nonce test vectors. Its scalar multiplications with a secret (public key, nonce,
  decryption) go through :mod:`.sm2_ladder` (blinded, fixed operation count; *not* constant
  time — see there); verification, which handles public values only, keeps gmalg's.

Public keys (k·G for a stored private key, every time the keystore opens one) are derived in C
with the ``gmssl-pyx`` backend (:mod:`.sm2_native`, GmSSL's own k·G), else by the ladder.

Select one with ``EBID_SM2_BACKEND=gmssl-pyx|gmalg``; the default is the fastest available.
Backends speak integers and bytes; range and curve checks live in ``sm2``, the DER codecs (which
GmSSL's output is read with) in ``sm2_der``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
import threading
from typing import Callable, Iterator, Optional, Protocol

from gmalg.ellipticcurve import ECDLP

from ..errors import DecryptionFailed, InvalidInput
from . import sm2_ladder, sm2_native
from .sm2_curve import GX, GY, A, B, N, P, be32
from .sm2_der import Ciphertext, decode_signature, encode_signature
from .sm3 import sm2_kdf, sm3

_EC = ECDLP(P, A, B, (GX, GY), N)
_INF = _EC.ec.INF

# A raw ciphertext as the backends see it: (x1, y1, c3, c2).
RawCiphertext = tuple[int, int, bytes, bytes]


def random_scalar() -> int:
    """Uniform in [1, n-2]: valid as a nonce and as a private key (1 + d must be invertible)."""
    return secrets.randbelow(N - 2) + 1


def xor(a: bytes, b: bytes) -> bytes:
    return (int.from_bytes(a, "big") ^ int.from_bytes(b, "big")).to_bytes(len(a), "big")


def sign_with_k(d: int, e: int, k: int) -> Optional[tuple[int, int]]:
    """GB/T 32918.2 §6.1 steps A4–A6 for one nonce; None when k must be redrawn."""
    x1 = sm2_ladder.multiply_base(k)[0]
    r = (e + x1) % N
    if r == 0 or r + k == N:
        return None
    s = pow(1 + d, -1, N) * (k - r * d) % N
    return None if s == 0 else (r, s)


def encrypt_with_k(x: int, y: int, message: bytes, k: int) -> Optional[RawCiphertext]:
    """GB/T 32918.4 §6.1 for one nonce; None when k must be redrawn (all-zero mask)."""
    x1, y1 = sm2_ladder.multiply_base(k)
    x2, y2 = (be32(v) for v in sm2_ladder.multiply(k, (x, y)))
    mask = sm2_kdf(x2 + y2, len(message))
    if not any(mask):
        return None
    return x1, y1, sm3(x2 + message + y2), xor(message, mask)


class Backend(Protocol):
    name: str

    def public_point(self, d: int) -> tuple[int, int]: ...
    def matches(self, d: int, x: int, y: int) -> bool: ...
    def generate(self) -> tuple[int, tuple[int, int]]: ...
    def sign(self, d: int, e: bytes) -> tuple[int, int]: ...
    def verify(self, x: int, y: int, e: bytes, r: int, s: int) -> bool: ...
    def encrypt(self, x: int, y: int, message: bytes) -> RawCiphertext: ...
    def decrypt(self, d: int, ct: RawCiphertext, der: Callable[[], bytes]) -> bytes: ...


class GmalgBackend:
    name = "gmalg"

    def public_point(self, d: int) -> tuple[int, int]:
        return sm2_ladder.multiply_base(d)

    def matches(self, d: int, x: int, y: int) -> bool:
        return self.public_point(d) == (x, y)

    def generate(self) -> tuple[int, tuple[int, int]]:
        d = random_scalar()
        return d, self.public_point(d)

    def sign(self, d: int, e: bytes) -> tuple[int, int]:
        e_int = int.from_bytes(e, "big")
        while (rs := sign_with_k(d, e_int, random_scalar())) is None:
            pass
        return rs

    def verify(self, x: int, y: int, e: bytes, r: int, s: int) -> bool:
        t = (r + s) % N
        if t == 0:
            return False
        point = _EC.ec.add(_EC.kG(s), _EC.ec.mul(t, (x, y)))
        return point != _INF and (int.from_bytes(e, "big") + point[0]) % N == r

    def encrypt(self, x: int, y: int, message: bytes) -> RawCiphertext:
        while (ct := encrypt_with_k(x, y, message, random_scalar())) is None:
            pass
        return ct

    def decrypt(self, d: int, ct: RawCiphertext, der: Callable[[], bytes]) -> bytes:
        x1, y1, c3, c2 = ct
        try:  # C1 is on the curve (checked by sm2), and the curve's cofactor is 1
            shared = sm2_ladder.multiply(d, (x1, y1))
        except ArithmeticError:
            raise DecryptionFailed("The SM2 ciphertext is not valid") from None
        x2, y2 = be32(shared[0]), be32(shared[1])
        mask = sm2_kdf(x2 + y2, len(c2))
        if not any(mask):
            raise DecryptionFailed("The SM2 ciphertext is not valid")
        message = xor(c2, mask)
        if not secrets.compare_digest(sm3(x2 + message + y2), c3):
            raise DecryptionFailed("The SM2 ciphertext failed its check (wrong key or tampered data)")
        return message


_stderr_lock = threading.Lock()


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """GmSSL prints a C-level trace to fd 2 whenever a verification or decryption fails, which
    for us is an expected outcome with its own message. Silence fd 2 for the call only."""
    with _stderr_lock:
        try:
            sys.stderr.flush()
            saved = os.dup(2)
        except (OSError, ValueError, AttributeError):
            yield
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(devnull)


class GmsslPyxBackend:
    name = "gmssl-pyx"
    _MAX_PLAIN = 255  # GmSSL's SM2 encryption limits
    _DER_RANGE = (45, 366)

    def __init__(self) -> None:
        import gmssl_pyx  # noqa: F401  (raises ImportError where there is no wheel)

        self._g = gmssl_pyx
        self._pure = GmalgBackend()
        #: GmSSL's k·G through ctypes, None if this wheel's GmSSL fails the known-answer check.
        self.native_base = sm2_native.load()

    def public_point(self, d: int) -> tuple[int, int]:
        if self.native_base is not None:
            return self.native_base(d)
        return sm2_ladder.multiply_base(d)

    def matches(self, d: int, x: int, y: int) -> bool:
        if self.native_base is not None:
            return self.native_base(d) == (x, y)
        # A signature made with d that verifies under (x, y) proves (x, y) = dG, at C speed.
        e = secrets.token_bytes(32)
        r, s = self.sign(d, e)
        return self.verify(x, y, e, r, s)

    def generate(self) -> tuple[int, tuple[int, int]]:
        public, private = self._g.sm2_key_generate()
        return int.from_bytes(private, "big"), (int.from_bytes(public[:32], "big"), int.from_bytes(public[32:], "big"))

    def sign(self, d: int, e: bytes) -> tuple[int, int]:
        return decode_signature(self._g.sm2_sign_sm3_digest(be32(d), e))

    def verify(self, x: int, y: int, e: bytes, r: int, s: int) -> bool:
        with _quiet_stderr():
            try:
                return bool(self._g.sm2_verify_sm3_digest(be32(x) + be32(y), e, encode_signature(r, s)))
            except self._g.GmsslInnerError:
                return False

    def encrypt(self, x: int, y: int, message: bytes) -> RawCiphertext:
        if len(message) > self._MAX_PLAIN:
            return self._pure.encrypt(x, y, message)
        ct = Ciphertext.parse(self._g.sm2_encrypt(be32(x) + be32(y), message))
        return ct.x, ct.y, ct.c3, ct.c2

    def decrypt(self, d: int, ct: RawCiphertext, der: Callable[[], bytes]) -> bytes:
        encoded = der()
        if len(ct[3]) > self._MAX_PLAIN or not self._DER_RANGE[0] <= len(encoded) <= self._DER_RANGE[1]:
            return self._pure.decrypt(d, ct, der)
        with _quiet_stderr():
            try:
                return self._g.sm2_decrypt(be32(d), encoded)
            except self._g.GmsslInnerError:
                raise DecryptionFailed("The SM2 ciphertext failed its check (wrong key or tampered data)") from None


BACKENDS: dict[str, type] = {"gmssl-pyx": GmsslPyxBackend, "gmalg": GmalgBackend}


def select(name: Optional[str] = None) -> Backend:
    """The named backend, or ``$EBID_SM2_BACKEND``, or the fastest that imports."""
    name = name or os.environ.get("EBID_SM2_BACKEND") or ""
    if name:
        if name not in BACKENDS:
            raise InvalidInput("Unknown SM2 backend {name}", name=name)
        return BACKENDS[name]()
    try:
        return GmsslPyxBackend()
    except ImportError:
        return GmalgBackend()
