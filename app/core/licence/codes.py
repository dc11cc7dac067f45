"""Identifiers of enterprises and persons, with their national check characters.

- Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters over the 31-symbol
  alphabet ``0-9 A-H J-N P-R T-U W-Y`` (no I, O, S, V, Z); characters 3-8 are the administrative
  division code (digits); the 18th is a check character: weights 3^(i-1) mod 31 for positions
  1..17, check = 31 - (sum mod 31), where 31 maps to 0.
- Resident identity number (公民身份号码), GB 11643-1999: 17 digits (region, birth date
  YYYYMMDD, sequence) and a check digit: weights 2^(18-i) mod 11, ``"10X98765432"[sum mod 11]``.
- Mainland mobile numbers: 11 digits beginning 13-19.

Worked examples: docs/licence-rules.md.
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import InvalidInput

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_EARLIEST_BIRTH = date(1800, 1, 1)  # the standard's own example was born in 1880


def credit_code_check_char(first17: str) -> str:
    """The GB 32100-2015 check character of the first 17 characters."""
    if len(first17) != 17 or any(c not in CREDIT_ALPHABET for c in first17):
        raise InvalidInput(
            "A credit code body is 17 characters from the code alphabet: {code}", code=first17
        )
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(code: str) -> str:
    """The code, upper-cased and stripped, or InvalidInput saying what is wrong."""
    text = code.strip().upper()
    if len(text) != 18:
        raise InvalidInput(
            "A unified social credit code has 18 characters, not {n}: {code}",
            n=len(text),
            code=text,
        )
    bad = [c for c in text if c not in CREDIT_ALPHABET]
    if bad:
        raise InvalidInput(
            "The credit code {code} contains {char}, which is not allowed", code=text, char=bad[0]
        )
    if not text[2:8].isdigit():
        raise InvalidInput(
            "Characters 3 to 8 of the credit code {code} must be a region code", code=text
        )
    if credit_code_check_char(text[:17]) != text[17]:
        raise InvalidInput("The check character of the credit code {code} is wrong", code=text)
    return text


def is_valid_credit_code(code: str) -> bool:
    try:
        validate_credit_code(code)
    except InvalidInput:
        return False
    return True


def id_number_check_digit(first17: str) -> str:
    """The GB 11643-1999 check digit of the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise InvalidInput("An ID number body is 17 digits: {number}", number=_mask(first17))
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def validate_id_number(number: str, *, today: date | None = None) -> str:
    """The 18-character ID number (final ``x`` upper-cased), or InvalidInput saying what is wrong.

    The birth date must be a real calendar date from 1800 on and not after ``today``.
    """
    text = number.strip().upper()
    if len(text) != 18 or not text[:17].isascii() or not text[:17].isdigit():
        raise InvalidInput(
            "A resident ID number is 17 digits and a check character: {number}", number=_mask(text)
        )
    born = birth_date(text)
    if born is None or born < _EARLIEST_BIRTH or (today is not None and born > today):
        raise InvalidInput(
            "The birth date in the ID number {number} is not possible", number=_mask(text)
        )
    if id_number_check_digit(text[:17]) != text[17]:
        raise InvalidInput("The check digit of the ID number {number} is wrong", number=_mask(text))
    return text


def is_valid_id_number(number: str, *, today: date | None = None) -> bool:
    try:
        validate_id_number(number, today=today)
    except InvalidInput:
        return False
    return True


def birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def mask_id_number(number: str) -> str:
    """Region (6) and last 4 kept, birth date and sequence hidden: ``110105********002X``."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def _mask(text: str) -> str:
    # Error messages end up in logs; they never carry a full ID number.
    return mask_id_number(text) if len(text) >= 10 else text


def validate_mobile(number: str) -> str:
    text = re.sub(r"[\s-]", "", number.strip())
    if text.startswith("+86"):
        text = text[3:]
    if not _MOBILE.fullmatch(text):
        raise InvalidInput(
            "{number} is not a mainland mobile number (11 digits starting 13-19)", number=number
        )
    return text
