"""How strong a new licence password is, and whether we accept it.

The licence password protects every private key on the device (Argon2id slows guessing, it
cannot make ``123456`` safe). zxcvbn estimates the guesses an attacker needs, including
dictionary words, keyboard walks, dates and the user's own details (name, ID number, phone),
which Chinese users often reuse. We accept score ≥ 2 (about 10^6 guesses online-proof; with
Argon2id at ~0.2 s a guess that is weeks of one core) and at least 8 characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import zxcvbn

MIN_LENGTH = 8
MIN_SCORE = 2
MAX_CHECKED = 72  # zxcvbn refuses longer input (it is quadratic in length)


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (very weak) … 4 (very strong)
    acceptable: bool
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
    return Strength(score=score, acceptable=not problems and score >= MIN_SCORE, problems=problems)
