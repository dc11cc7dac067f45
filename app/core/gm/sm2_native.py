"""k·G in C: GmSSL's ``sm2_z256_point_mul_generator``, reached through the ``gmssl-pyx`` wheel.

gmssl-pyx exposes no scalar multiplication to Python, but its extension module is GmSSL itself
linked in, with GmSSL's symbols exported; ctypes calls three of them::

    void sm2_z256_from_bytes(uint64_t r[4], const uint8_t in[32]);
    void sm2_z256_point_mul_generator(SM2_Z256_POINT *R, const uint64_t k[4]);
    void sm2_z256_point_to_bytes(const SM2_Z256_POINT *P, uint8_t out[64]);   /* x ‖ y */

``SM2_Z256_POINT`` is three ``uint64_t[4]`` (Jacobian X, Y, Z). That layout is GmSSL's, not a
published ABI: :func:`load` checks the result on the GB/T 32918 vector (CRYPTO-FACTS.md) before
anything uses it, and gives None — so the caller falls back to Python — when the symbols are
missing or the answer is wrong (another GmSSL inside a later wheel).

GmSSL computes k·G with a fixed-window comb over a precomputed table: a fixed sequence of point
operations, no branch on the scalar's bits; whether its table lookups are cache-timing safe is
GmSSL's to say (we have not audited it). Either way it is C, far from the interpreter's
value-dependent big-integer arithmetic (see :mod:`.sm2_ladder`).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

_D = bytes.fromhex("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8")
_XY = bytes.fromhex(
    "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
    "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13"
)
_Z256 = ctypes.c_uint64 * 4


class _Point(ctypes.Structure):
    _fields_ = [("X", _Z256), ("Y", _Z256), ("Z", _Z256)]


def load() -> Callable[[int], tuple[int, int]] | None:
    """``multiply_base(d) -> (x, y)`` in C, or None where gmssl-pyx or the symbols are missing
    or fail the known-answer check."""
    try:
        from gmssl_pyx import gmsslext

        lib = ctypes.CDLL(gmsslext.__file__)
        from_bytes, mul, to_bytes = (lib.sm2_z256_from_bytes, lib.sm2_z256_point_mul_generator,
                                     lib.sm2_z256_point_to_bytes)
    except (ImportError, OSError, AttributeError):
        return None
    from_bytes.argtypes, from_bytes.restype = [ctypes.POINTER(ctypes.c_uint64), ctypes.c_char_p], None
    mul.argtypes, mul.restype = [ctypes.POINTER(_Point), ctypes.POINTER(ctypes.c_uint64)], None
    to_bytes.argtypes, to_bytes.restype = [ctypes.POINTER(_Point), ctypes.c_char_p], None

    def multiply_base(d: int) -> tuple[int, int]:
        scalar, point, out = _Z256(), _Point(), ctypes.create_string_buffer(64)
        from_bytes(scalar, d.to_bytes(32, "big"))
        mul(ctypes.byref(point), scalar)
        to_bytes(ctypes.byref(point), out)
        raw = out.raw
        ctypes.memset(scalar, 0, ctypes.sizeof(scalar))  # as far as Python lets us wipe
        return int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")

    try:
        ok = multiply_base(int.from_bytes(_D, "big")) == (
            int.from_bytes(_XY[:32], "big"), int.from_bytes(_XY[32:], "big"))
    except (OSError, ValueError):
        ok = False
    return multiply_base if ok else None
