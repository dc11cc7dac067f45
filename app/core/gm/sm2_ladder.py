"""Scalar multiplication for the pure-Python SM2 fallback: a blinded Montgomery ladder with a
fixed operation count.

gmalg's ``kG`` (the fallback before) is double-and-add over the scalar's own bits: its time
follows the scalar's bit length and Hamming weight, so signing time leaked the nonce's length —
exactly what lattice attacks on (EC)DSA-like signatures need. Here, for a secret scalar k:

1. **Blinding and fixed length**: k' = k + (m0 + r)·n, with r a fresh random 64-bit number and
   m0 = ⌈2^321 / n⌉ (k'·P = k·P, since nP = O). The bits walked change on every call, so
   repeated operations with one key do not repeat, and k' always lies in [2^321, 2^322): every
   call walks exactly 321 bits below a set top bit, whatever k is.
2. **Ladder**: per bit one conditional swap (by masks, no branch on the bit), one point addition,
   one doubling, one swap back, in Jacobian coordinates; one inversion at the end.

What this does **not** give: constant time. Python integers are variable-length and their
arithmetic takes time that depends on the values (a product of two small numbers is faster), the
interpreter allocates, and nothing stops the garbage collector or the cache from showing the
pattern of memory use. The operation *sequence* no longer depends on the secret; the time of each
operation still does, a little. The C backend (GmSSL, ``sm2_backends.GmsslPyxBackend``) is the
one meant for real keys: docs/formats/key-files.md, "Side channels".
"""

from __future__ import annotations

import secrets

from .sm2_curve import GX, GY, A, N, P

_BITS = 321  # k' has bit 321 set; the ladder walks bits 320 … 0
_M0 = -(-(1 << _BITS) // N)  # ⌈2^321 / n⌉
_Jacobian = tuple[int, int, int]


def _double(p: _Jacobian) -> _Jacobian:
    x, y, z = p
    xx, yy, zz = x * x % P, y * y % P, z * z % P
    s = 4 * x * yy % P
    m = (3 * xx + A * zz * zz) % P
    x3 = (m * m - 2 * s) % P
    return x3, (m * (s - x3) - 8 * yy * yy) % P, 2 * y * z % P


def _add(p: _Jacobian, q: _Jacobian) -> _Jacobian:
    """P + Q for P ≠ Q (in the ladder Q − P is the base point). P = −Q gives the point at
    infinity (Z = 0) by the formula itself; either input at infinity is taken care of by a
    masked selection, not a branch: a prefix of k' that is a multiple of n makes one (for a small
    scalar such as 1 the blinded one has such prefixes often)."""
    return _select(p[2] == 0, q, _select(q[2] == 0, p, _add_finite(p, q)))


def _select(flag: bool, a: _Jacobian, b: _Jacobian) -> _Jacobian:
    """``a`` if ``flag`` else ``b``, by masks."""
    mask = -int(flag)
    return (b[0] ^ (mask & (a[0] ^ b[0])), b[1] ^ (mask & (a[1] ^ b[1])), b[2] ^ (mask & (a[2] ^ b[2])))


def _add_finite(p: _Jacobian, q: _Jacobian) -> _Jacobian:
    x1, y1, z1 = p
    x2, y2, z2 = q
    z1z1, z2z2 = z1 * z1 % P, z2 * z2 % P
    u1, u2 = x1 * z2z2 % P, x2 * z1z1 % P
    s1, s2 = y1 * z2 * z2z2 % P, y2 * z1 * z1z1 % P
    h, r = (u2 - u1) % P, (s2 - s1) % P
    hh = h * h % P
    hhh, v = h * hh % P, u1 * hh % P
    x3 = (r * r - hhh - 2 * v) % P
    return x3, (r * (v - x3) - s1 * hhh) % P, z1 * z2 * h % P


def _cswap(bit: int, a: _Jacobian, b: _Jacobian) -> tuple[_Jacobian, _Jacobian]:
    mask = -bit  # 0 or …111 (Python ints are two's complement without end)
    out_a, out_b = [], []
    for u, v in zip(a, b):
        t = mask & (u ^ v)
        out_a.append(u ^ t)
        out_b.append(v ^ t)
    return (out_a[0], out_a[1], out_a[2]), (out_b[0], out_b[1], out_b[2])


def _fixed_length(k: int) -> int:
    # ≥ m0·n ≥ 2^321, and < 2^321 + (2^64 + 1)·n < 2^322 for every k < n
    return k + (_M0 + secrets.randbits(64)) * N


def multiply(k: int, point: tuple[int, int]) -> tuple[int, int]:
    """k·point for 1 ≤ k < n and a point of order n on the curve (checked by the callers)."""
    scalar = _fixed_length(k)
    base: _Jacobian = (point[0], point[1], 1)
    r0, r1 = base, _double(base)  # the top bit (2^321) is set by construction
    for i in range(_BITS - 1, -1, -1):
        bit = (scalar >> i) & 1
        r0, r1 = _cswap(bit, r0, r1)
        r0, r1 = _double(r0), _add(r0, r1)
        r0, r1 = _cswap(bit, r0, r1)
    x, y, z = r0
    if z == 0:
        raise ArithmeticError("scalar multiplication reached the point at infinity")
    z_inv = pow(z, -1, P)
    z_inv2 = z_inv * z_inv % P
    return x * z_inv2 % P, y * z_inv2 * z_inv % P


def multiply_base(k: int) -> tuple[int, int]:
    return multiply(k, (GX, GY))
