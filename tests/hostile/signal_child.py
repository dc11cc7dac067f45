"""Child process of test_signals.py: run ``ebid`` and send itself a signal at a chosen point.

    python -m tests.hostile.signal_child SIGNAL POINT N EBID-ARGS...

POINT names a call inside the work; the signal is sent to this process (a real signal, handled
by ebid's own handlers) just after the N-th such call starts:

* ``temp``    — AtomicFile.__enter__ returned: a temporary output file exists, nothing written;
* ``replace`` — before os.replace: a batch is being committed (N-1 renames done);
* ``derive``  — before an Argon2id derivation (1: unlocking with the old password, 2: wrapping
  the new master key);
* ``seal``    — before the N-th key is re-encrypted inside the password change's transaction;
* ``done``    — after the password change committed (the old session is being locked).

Prints "armed" on stderr when the point is reached, so the parent knows the signal was sent
from there.
"""

from __future__ import annotations

import os
import signal
import sys

from app.cli.main import main
from app.core import fsutil
from app.core.keystore import blobs, password, quick_unlock


def _fire(sig: int) -> None:
    print("armed", file=sys.stderr, flush=True)
    os.kill(os.getpid(), sig)


def _after(owner, name: str, nth: int, sig: int, *, before: bool) -> None:
    real = getattr(owner, name)
    calls = 0

    def hooked(*args, **kwargs):
        nonlocal calls
        calls += 1
        if before and calls == nth:
            _fire(sig)
        result = real(*args, **kwargs)
        if not before and calls == nth:
            _fire(sig)
        return result

    setattr(owner, name, hooked)


def arm(sig: int, point: str, nth: int) -> None:
    if point == "temp":
        _after(fsutil.AtomicFile, "__enter__", nth, sig, before=False)
    elif point == "replace":
        _after(os, "replace", nth, sig, before=True)
    elif point == "derive":
        _after(blobs, "derive_kek", nth, sig, before=True)
    elif point == "seal":
        _after(password, "seal", nth, sig, before=True)
    elif point == "done":
        _after(quick_unlock.QuickUnlock, "forget_cached_key", nth, sig, before=True)
    else:
        raise SystemExit(f"unknown point {point}")


if __name__ == "__main__":
    arm(getattr(signal, sys.argv[1]), sys.argv[2], int(sys.argv[3]))
    sys.exit(main(sys.argv[4:]))
