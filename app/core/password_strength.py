"""How strong a new licence password is, and whether we accept it.

The licence password protects every private key on the device (Argon2id slows guessing, it
cannot make ``123456`` safe). zxcvbn estimates the guesses an attacker needs, including
dictionary words, keyboard walks, dates and the user's own details (name, ID number, phone),
which Chinese users often reuse. We accept score ≥ 3 (at least 10^8 guesses) and at least 8
characters: the password must hold against someone with a copy of the keystore file, not only
against online guessing. At Argon2id's ~0.15 s per guess and core, score 2's lower end (10^6
guesses) falls in under two days of one core; score 3's (10^8) takes about half a year of one
core — weeks on a many-core machine, which is why the strength is shown (:func:`offline_time`)
and stronger is asked for in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import zxcvbn

MIN_LENGTH = 8
MIN_SCORE = 3
SECONDS_PER_GUESS = 0.15  # Argon2id at the floor (64 MiB, t=3, p=4) on one core of a 2026 PC
MAX_CHECKED = 72  # zxcvbn refuses longer input (it is quadratic in length)


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (very weak) … 4 (very strong)
    acceptable: bool
    guesses: float = 0.0  # zxcvbn's estimate of the guesses an attacker needs
    problems: list[str] = field(default_factory=list)  # English templates, translated by the UI


def assess(password: str, *, personal: tuple[str, ...] = ()) -> Strength:
    """Score ``password``; ``personal`` holds the user's name, ID number, phone and the like."""
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append("Use at least 8 characters")
    hints = [p for p in personal if p]
    hints += [p[-6:] for p in personal if p and len(p) > 6]  # ID-number and phone tails
    result = zxcvbn.zxcvbn(password[:MAX_CHECKED], user_inputs=hints) if password else {"score": 0, "sequence": []}
    score = int(result["score"])
    if any(m.get("dictionary_name") == "user_inputs" for m in result.get("sequence", [])):
        problems.append("Do not use your name, ID number or phone number")
    if password and score < MIN_SCORE:
        problems.append("Too easy to guess: add words or characters that are not common patterns")
    return Strength(score=score, acceptable=not problems and score >= MIN_SCORE, problems=problems,
                    guesses=float(result.get("guesses", 0)))


def offline_time(guesses: float, cores: int = 1) -> str:
    """About how long ``guesses`` take against a copy of the keystore file, in words (English:
    the command line's; the desktop shows the strength meter)."""
    seconds = guesses * SECONDS_PER_GUESS / max(1, cores)
    for unit, size in (("years", 365 * 86400), ("days", 86400), ("hours", 3600), ("minutes", 60)):
        if seconds >= size:
            amount = seconds / size
            return f"about {amount:,.0f} {unit}" if amount < 1e6 else f"more than a million {unit}"
    return "seconds"
