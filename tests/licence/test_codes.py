"""Check characters of credit codes (GB 32100-2015) and ID numbers (GB 11643-1999)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import InvalidInput
from app.core.licence import codes
from app.core.licence.codes import (
    CREDIT_ALPHABET,
    credit_code_check_char,
    id_number_check_digit,
    is_valid_credit_code,
    is_valid_id_number,
    mask_id_number,
    validate_credit_code,
    validate_id_number,
    validate_mobile,
)

# The standard's widely published example, and credit codes printed on large companies' licences.
VALID_CREDIT_CODES = [
    "91350100M000100Y43",
    "914403001922038216",
    "9144030071526726XG",
    "91330100716105852F",
]
# The two worked examples of GB 11643-1999.
VALID_ID_NUMBERS = ["11010519491231002X", "440524188001010014"]


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_published_credit_codes_are_valid(code):
    assert validate_credit_code(code) == code
    assert validate_credit_code(" " + code.lower() + " ") == code


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_changed_check_character_is_refused(code):
    for other in CREDIT_ALPHABET.replace(code[-1], ""):
        assert not is_valid_credit_code(code[:-1] + other)


def test_credit_code_worked_example():
    # docs/licence-rules.md works this sum by hand: 1640 mod 31 = 28, 31 - 28 = 3 -> "3".
    body = "91350100M000100Y4"
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(body, codes.CREDIT_WEIGHTS))
    assert total == 1640 and total % 31 == 28 and CREDIT_ALPHABET[31 - 28] == "3"
    assert credit_code_check_char(body) == "3"


@pytest.mark.parametrize(
    "bad, words",
    [
        ("91350100M000100Y4", "18 characters"),
        ("91350100M000100Y433", "18 characters"),
        ("91350100M0001O0Y43", "not allowed"),  # letter O is not in the alphabet
        ("913501I0M000100Y43", "not allowed"),
        ("91AB0100M000100Y43", "region code"),
        ("91350100M000100Y44", "check character"),
    ],
)
def test_malformed_credit_codes(bad, words):
    with pytest.raises(InvalidInput, match=words):
        validate_credit_code(bad)


credit_bodies = st.text(alphabet=CREDIT_ALPHABET, min_size=17, max_size=17).map(
    lambda s: s[:2] + "".join(c if c.isdigit() else "1" for c in s[2:8]) + s[8:]
)


@given(credit_bodies)
def test_generated_credit_codes_are_accepted(body):
    assert is_valid_credit_code(body + credit_code_check_char(body))


@given(credit_bodies, st.integers(0, 17), st.integers(1, 30))
def test_any_single_character_change_is_refused(body, position, shift):
    code = body + credit_code_check_char(body)
    changed = CREDIT_ALPHABET[(CREDIT_ALPHABET.index(code[position]) + shift) % 31]
    # Weights are units mod 31, so any single substitution changes the sum mod 31.
    assert not is_valid_credit_code(code[:position] + changed + code[position + 1 :])


@pytest.mark.parametrize("number", VALID_ID_NUMBERS)
def test_standard_id_number_examples_are_valid(number):
    assert validate_id_number(number) == number
    assert validate_id_number(number.lower()) == number


def test_id_number_worked_example():
    assert id_number_check_digit("11010519491231002") == "X"
    assert id_number_check_digit("44052418800101001") == "4"


@pytest.mark.parametrize(
    "number, words",
    [
        ("110105194912310021", "check digit"),
        ("11010519491231002", "17 digits"),
        ("1101051949123100XX", "17 digits"),
        ("110105194902300027", "birth date"),  # 30 February
        ("110105179912310028", "birth date"),  # 1799
    ],
)
def test_bad_id_numbers(number, words):
    with pytest.raises(InvalidInput, match=words):
        validate_id_number(number)


def test_future_birth_date_is_refused_against_today():
    body = "11010520300101001"
    number = body + id_number_check_digit(body)
    assert is_valid_id_number(number)
    assert not is_valid_id_number(number, today=date(2026, 1, 1))


def test_errors_never_carry_the_full_id_number():
    with pytest.raises(InvalidInput) as info:
        validate_id_number("110105194912310021")
    assert "110105194912310021" not in info.value.message
    assert "110105********0021" in info.value.message


id_bodies = st.tuples(
    st.integers(110000, 829999),
    st.dates(date(1900, 1, 1), date(2020, 12, 31)),
    st.integers(0, 999),
).map(lambda t: f"{t[0]}{t[1]:%Y%m%d}{t[2]:03d}")


@given(id_bodies)
def test_generated_id_numbers_are_accepted(body):
    assert is_valid_id_number(body + id_number_check_digit(body))


@given(id_bodies, st.integers(0, 17), st.integers(1, 9))
def test_any_single_digit_change_is_refused(body, position, shift):
    number = body + id_number_check_digit(body)
    digit = "0123456789X"[
        ("0123456789X".index(number[position]) + shift) % (11 if position == 17 else 10)
    ]
    assert not is_valid_id_number(number[:position] + digit + number[position + 1 :])


def test_mask_keeps_region_and_last_four():
    assert mask_id_number("11010519491231002X") == "110105********002X"


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("13800138000", "13800138000"),
        ("+86 138-0013-8000", "13800138000"),
        ("19912345678", "19912345678"),
    ],
)
def test_mobile_numbers(raw, clean):
    assert validate_mobile(raw) == clean


@pytest.mark.parametrize("raw", ["12800138000", "1380013800", "138001380000", "0755-12345678"])
def test_bad_mobile_numbers(raw):
    with pytest.raises(InvalidInput, match="mobile"):
        validate_mobile(raw)


@pytest.mark.parametrize("body", ["1101051949123100", "110105194912310021", "11010519491231002X"])
def test_the_check_digit_refusal_never_carries_the_whole_number(body):
    with pytest.raises(InvalidInput) as refused:
        id_number_check_digit(body)
    assert body not in refused.value.message and body[6:14] not in refused.value.message


# -- each position's weight against the standards' own formulas ---------------------------------

@pytest.mark.parametrize("position", range(17))
def test_each_credit_code_position_weighs_3_to_its_index_mod_31(position):
    """GB 32100-2015: weight 3^(i-1) mod 31 at position i; check = 31 - (sum mod 31), 31 -> 0.
    A body that is 0 everywhere but a 1 at one position isolates that position's weight."""
    body = "0" * position + "1" + "0" * (16 - position)
    assert credit_code_check_char(body) == codes.CREDIT_ALPHABET[(31 - pow(3, position, 31)) % 31]


@pytest.mark.parametrize("position", range(17))
def test_each_id_number_position_weighs_2_to_18_minus_i_mod_11(position):
    """GB 11643-1999: weight 2^(18-i) mod 11 at position i; check = "10X98765432"[sum mod 11]."""
    body = "0" * position + "1" + "0" * (16 - position)
    assert id_number_check_digit(body) == "10X98765432"[pow(2, 17 - position, 11) % 11]


def test_the_earliest_birth_date_is_1_january_1800():
    def number(born: str) -> str:
        body = "110105" + born + "001"
        return body + id_number_check_digit(body)

    assert codes.is_valid_id_number(number("18000101"))
    assert not codes.is_valid_id_number(number("17991231"))


def test_a_check_character_needs_exactly_17_characters_of_the_alphabet():
    for body in ("0" * 16, "0" * 18, "I" + "0" * 16):
        with pytest.raises(InvalidInput):
            credit_code_check_char(body)


def test_characters_3_to_8_of_a_credit_code_are_digits_each():
    for position in range(2, 8):
        body = "91110108MA001DEMX"
        body = body[:position] + "A" + body[position + 1:]
        with pytest.raises(InvalidInput, match="region code"):
            codes.validate_credit_code(body + credit_code_check_char(body))


def test_a_birth_date_of_today_is_possible():
    body = "110105" + "20260302" + "001"
    number = body + id_number_check_digit(body)
    assert codes.is_valid_id_number(number, today=date(2026, 3, 2))
    assert not codes.is_valid_id_number(number, today=date(2026, 3, 1))
