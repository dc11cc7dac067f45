"""Text from outside never reaches a terminal raw: escape sequences and newlines in a
container's codes, a reviewer's reason or an error parameter are printed as visible escapes."""

from __future__ import annotations

import os

import pytest

from app.cli.common import shown
from app.core import bidx, gm

CLEAR_AND_FAKE = "\x1b[2J\nOK"  # clear the screen, then a line of the attacker's choosing


@pytest.mark.parametrize("text, expected", [
    ("ZB-2026-7", "ZB-2026-7"),
    ("投标函.pdf", "投标函.pdf"),
    ("a\x1b[2Jb", "a\\x1b[2Jb"),
    ("line\nSignature OK", "line\\x0aSignature OK"),
    ("bid\u202etxt.exe", "bid\\u202etxt.exe"),
    ("\x7f\x85\u2028\u2066", "\\x7f\\x85\\u2028\\u2066"),
])
def test_shown_escapes_what_a_terminal_would_obey(text, expected):
    assert shown(text) == expected


def test_inspect_prints_a_hostile_project_code_as_escapes(ebid, tmp_path):
    """``bid inspect`` reads the header without any key, so its codes are unauthenticated."""
    source = tmp_path / "bid.pdf"
    source.write_bytes(os.urandom(1000))
    options = bidx.EncryptOptions(project="P" * len(CLEAR_AND_FAKE), section="01")
    container = bidx.encrypt_file(source, tmp_path, [gm.SM2PrivateKey.generate().public_key()],
                                  options=options).container
    data = container.read_bytes().replace(b"P" * len(CLEAR_AND_FAKE), CLEAR_AND_FAKE.encode(), 1)
    container.write_bytes(data)
    done = ebid("bid", "inspect", str(container))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert "Project:        \\x1b[2J\\x0aOK" in done.stdout
    assert not any(line == "OK" for line in done.stdout.splitlines())
