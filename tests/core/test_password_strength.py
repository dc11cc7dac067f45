from __future__ import annotations

import pytest

from app.core.password_strength import assess


@pytest.mark.parametrize("weak", ["", "123456", "password", "qwertyui", "11111111", "abc12345", "Aa123456"])
def test_common_passwords_are_refused(weak):
    assert not assess(weak).acceptable


def test_short_password_is_refused_with_the_reason():
    result = assess("x9$Lk")
    assert not result.acceptable
    assert "Use at least 8 characters" in result.problems


def test_personal_details_are_refused():
    result = assess("zhangwei0011X", personal=("zhangwei", "11010519491231002X", "13800138000"))
    assert not result.acceptable
    assert "Do not use your name, ID number or phone number" in result.problems


@pytest.mark.parametrize("strong", ["correct horse battery staple", "Tender!Open-Day 2026 lotus", "q7#Vd9!mZ2kw"])
def test_strong_passwords_are_accepted(strong):
    result = assess(strong)
    assert result.acceptable and result.score >= 3 and not result.problems


def test_long_passwords_are_scored_on_their_first_72_characters():
    import random

    rng = random.Random(7)
    long_one = "".join(rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%") for _ in range(3000))
    assert assess(long_one).acceptable
    assert not assess("a" * 3000).acceptable


def test_a_password_only_online_guessing_would_take_long_is_refused_now():
    """Issue trust and time §6: score 2 starts at 10^6 guesses, under two days of one core against
    a copy of the file at Argon2id's cost; the floor is score 3 (10^8, about half a year)."""
    from app.core.password_strength import offline_time

    middling = assess("bidding2026")
    assert middling.score == 2 and not middling.acceptable
    good = assess("correct horse")
    assert good.score == 3 and good.acceptable and good.guesses >= 1e8
    assert (offline_time(1e6), offline_time(1e8), offline_time(1e10)) == (
        "about 2 days", "about 174 days", "about 48 years")
