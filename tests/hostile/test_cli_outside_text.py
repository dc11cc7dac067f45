"""What the command line does with what comes from outside: text never reaches a terminal raw
(escape sequences and newlines in a container's codes are printed as visible escapes), and a
"container" that is a FIFO is refused instead of waited on forever."""

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


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
@pytest.mark.parametrize("command", [("inspect",), ("rehearse", "--key", "k.pem"),
                                     ("decrypt", "--key", "k.pem", "-o", "out")])
def test_a_fifo_given_as_a_container_is_refused_instead_of_waited_on(ebid, tmp_path, command):
    (tmp_path / "k.pem").write_bytes(gm.private_key_to_pem(gm.SM2PrivateKey.generate()))
    (tmp_path / "out").mkdir()
    os.mkfifo(tmp_path / "bid.bidx")  # nobody ever writes to it: reading it would never return
    done = ebid("bid", command[0], "bid.bidx", *command[1:], timeout=60)
    assert done.returncode == 2 and "not a regular file" in done.stderr


@pytest.mark.parametrize("url, code, words", [
    ("http://[::1", 2, "is not a service address"),  # was an internal error (InvalidURL)
    ("htp:/typo", 2, "is not a service address"),
    ("ftp://host", 2, "is not a service address"),
    ("http://127.0.0.1:1", 3, "Cannot reach the service"),
    ("http://[::1]:1", 3, "Cannot reach the service"),
    ("http://bid.example.cn:8470", 2, "only https:// is used over a network"),  # ID numbers in clear
    ("http://192.168.1.20", 2, "only https:// is used over a network"),
])
def test_a_bad_or_unreachable_server_address_has_its_own_exit_code(ebid, url, code, words):
    done = ebid("--server", url, "project", "list", timeout=60)
    assert (done.returncode, done.stderr.count("\n")) == (code, 1) and words in done.stderr


@pytest.mark.parametrize("command", [
    ("gm", "pubkey", "-o", "pub.pem", "huge"),
    ("bid", "encrypt", "doc.pdf", "-r", "huge", "-o", "."),
    ("licence", "verify", "huge", "--root", "huge"),
])
def test_a_two_gigabyte_key_or_certificate_is_refused_without_reading_it(ebid, tmp_path, command):
    """Sparse: the test costs no disk; reading it whole cost 2.1 GB of memory before the caps."""
    with open(tmp_path / "huge", "wb") as f:
        f.truncate(2 << 30)
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.7")
    done = ebid(*command, timeout=120)
    assert done.returncode == 2 and "is larger than" in done.stderr, done.stderr


def test_a_broken_image_is_one_line_not_opencv_s_own_log(ebid, tmp_path):
    # A PNG cut inside its IHDR chunk: OpenCV logged two WARN/ERROR lines of its own for it.
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    done = ebid("seal", "precheck", "broken.png", timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
