"""One guarded way to read outside DER with asn1crypto.

asn1crypto parses lazily and, on bytes that do not fit the declared structure, raises whatever
the failing line raises: ``ValueError`` mostly, but also ``TypeError``, ``KeyError``,
``IndexError``, ``OverflowError`` and ``AttributeError`` (a REAL where an INTEGER belongs has no
``.native``). A parser that catches only some of them lets a crafted file end a program with a
traceback, so every parser of outside data catches :data:`ASN1_ERRORS` (or reads through
:func:`load_der`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from asn1crypto import core

ASN1_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
               RecursionError)

S = TypeVar("S", bound=core.Asn1Value)


def load_der(spec: type[S], data: bytes, refuse: Callable[[str], Exception]) -> S:
    """``spec`` parsed strictly from ``data``, every inner field included (asn1crypto is lazy:
    without the full parse a malformed field would fail later, wherever it is first read);
    anything asn1crypto raises becomes ``refuse(detail)``."""
    try:
        value = spec.load(bytes(data), strict=True)
        value.native  # noqa: B018 - forces the full parse here
    except ASN1_ERRORS as exc:
        raise refuse(str(exc) or type(exc).__name__) from None
    return value
