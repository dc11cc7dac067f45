"""Helpers shared by command modules: reading inputs, passwords, writing outputs, progress."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
import unicodedata
from datetime import datetime
from pathlib import Path

from ..core.errors import InvalidInput
from ..core.fsutil import atomic_write, describe_os_error
from ..core.tasks import Progress, throttled

PASSWORD_ENV = "EBID_PASSWORD_FILE"
MAX_PASSWORD_FILE = 4096  # a password file holds one line; a bigger file is not one

# Inputs read whole, by what they are: a bigger file is not one of them, and reading it would
# cost its size in memory (a 2 GB "key" took 2.1 GB). Data that is hashed or encrypted as a
# stream (bids, documents to sign) has no cap.
_SMALL = 1 << 20
INPUT_LIMITS = {
    "key file": _SMALL, "public key file": _SMALL, "recipient file": _SMALL,
    "signature file": _SMALL, "signature": _SMALL, "certificate file": _SMALL,
    "root certificate file": _SMALL,
    "seal file": 16 << 20, "imprint": 16 << 20, "image": 64 << 20,
    "revocation list": 64 << 20,  # national CAs publish CRLs of tens of megabytes
    "input file": 16 << 20,  # SM2 encryption of a message, not of a bid
}


# Bidi controls reorder what follows them on screen (U+202E shows "bid\u202etxt.exe" as
# "bidexe.txt"); line separators start a line of their own in some terminals.
_INVISIBLE = {"\u061c", "\u200e", "\u200f", "\u2028", "\u2029", *map(chr, range(0x202A, 0x202F)),
              *map(chr, range(0x2066, 0x206A))}


def shown(text: object) -> str:
    """Text from outside (a container, the service, a reviewer) made safe to print on one line:
    control characters (escape sequences, newlines, DEL, C1) and bidi controls are written as
    visible escapes, so nothing can clear the screen, move the cursor or fake a line."""
    return "".join(
        c if c not in _INVISIBLE and unicodedata.category(c) != "Cc"
        else (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        for c in str(text)
    )


def read_bytes(path: str | Path, what: str = "file", *, limit: int | None = None) -> bytes:
    """The file's bytes; refused (before reading it all) when larger than ``limit`` or, by
    default, than the cap for ``what`` in :data:`INPUT_LIMITS`."""
    limit = INPUT_LIMITS.get(what) if limit is None else limit
    try:
        if limit is None:
            return Path(path).read_bytes()
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise InvalidInput("The {what} {path} is larger than {n} bytes", what=what, path=str(path), n=limit)
        return data
    except FileNotFoundError:
        raise InvalidInput("No such {what}: {path}", what=what, path=str(path)) from None
    except IsADirectoryError:
        raise InvalidInput("{path} is a folder, not a {what}", what=what, path=str(path)) from None
    except OSError as exc:
        raise InvalidInput("Cannot read {path}: {reason}", path=str(path), reason=exc.strerror or str(exc)) from None


def write_bytes(path: str | Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise describe_os_error(exc, path) from None


def read_password(password_file: str | None, *, prompt: str = "Password: ", confirm: bool = False,
                  environment: bool = True) -> bytes:
    """From ``--password-file``, else ``$EBID_PASSWORD_FILE`` (the licence password's; not with
    ``environment=False``, for another secret such as a PKCS#12 file's), else a prompt.

    A password file holds the password on its first line (a trailing newline is ignored).
    """
    source = password_file or (os.environ.get(PASSWORD_ENV) if environment else None)
    if source:
        data = read_bytes(source, "password file", limit=MAX_PASSWORD_FILE)
        try:
            text = data.decode("utf-8", "strict").splitlines()
        except UnicodeDecodeError:
            raise InvalidInput("The password file {path} is not UTF-8 text", path=source) from None
        if not text or not text[0]:
            raise InvalidInput("The password file {path} is empty", path=source)
        return text[0].encode("utf-8")
    if not sys.stdin.isatty():
        raise InvalidInput("A password is needed: use --password-file or EBID_PASSWORD_FILE")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat password: ") != first:
        raise InvalidInput("The two passwords differ")
    if not first:
        raise InvalidInput("The password must not be empty")
    return first.encode("utf-8")


def terminal_progress(label: str, *, min_total: int = 4 << 20) -> Progress:
    """``progress(done, total)`` printed on stderr when it is a terminal, at most four times a
    second (core's throttle, which is also what keeps parallel workers' calls in order)."""
    if not sys.stderr.isatty():
        return lambda done, total: None
    start = time.monotonic()

    def show(done: int, total: int) -> None:
        if total < min_total:
            return
        pct = 100.0 * done / total if total else 100.0
        rate = done / max(time.monotonic() - start, 1e-6) / 1e6
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r{label}: {pct:5.1f}%  {rate:7.1f} MB/s{end}")
        sys.stderr.flush()

    return throttled(show, 0.25)


def iso_time(text: str) -> datetime:
    """An argparse ``type``: an ISO 8601 time that names its time zone (``Z`` or ``+08:00``)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text}") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError("give a time zone, e.g. +08:00 or Z")
    return moment


def read_certificates(paths: list[str], what: str) -> list:
    """Every certificate of each file: DER, or PEM with one or more CERTIFICATE blocks (trust
    anchors and intermediates, as CAs ship them)."""
    from asn1crypto import pem

    from ..core.pki import Certificate

    found = []
    for path in paths:
        data = read_bytes(path, what)
        if not pem.detect(data):
            found.append(Certificate.load(data))
            continue
        try:
            blocks = [der for label, _, der in pem.unarmor(data, multiple=True)
                      if label in ("CERTIFICATE", "X509 CERTIFICATE")]
        except ValueError:
            blocks = []
        if not blocks:
            raise InvalidInput("{path} holds no certificate", path=path)
        found.extend(Certificate.load(der) for der in blocks)
    return found


def check_new_password(password: bytes) -> None:
    """The desktop's rule for a new licence password (:mod:`app.core.password_strength`), with
    the reason; then how long a copy of the file would resist, on stderr."""
    from ..core.password_strength import assess, offline_time

    strength = assess(password.decode("utf-8"))
    if not strength.acceptable:
        raise InvalidInput("The new licence password is too weak: {problems}",
                           problems="; ".join(strength.problems))
    print(f"ebid: password strength {strength.score}/4: a copy of the keystore file would take "
          f"{offline_time(strength.guesses)} of one computer core to guess", file=sys.stderr)
