"""Child process of test_key_backup_crash.py: run one ``ebid`` command and SIGKILL itself at a
chosen point of it.

    python key_backup_crash_child.py MODULE:ATTR WHEN N -- EBID ARGUMENTS…

Wraps the callable ATTR of MODULE (a function, or ``Class.method``) so that the process kills
itself with SIGKILL right before (WHEN=before) or right after (WHEN=after) its Nth call. The
hook exists in this process only; the app's code is the real one, unchanged.
"""

from __future__ import annotations

import functools
import importlib
import os
import signal
import sys


def _die() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def install(target: str, when: str, n: int) -> None:
    assert when in ("before", "after"), when
    module_name, attr = target.split(":")
    owner = importlib.import_module(module_name)
    *path, name = attr.split(".")
    for part in path:
        owner = getattr(owner, part)
    original = getattr(owner, name)
    calls = 0

    @functools.wraps(original)
    def hooked(*args, **kwargs):
        nonlocal calls
        calls += 1
        if when == "before" and calls == n:
            _die()
        result = original(*args, **kwargs)
        if when == "after" and calls == n:
            _die()
        return result

    setattr(owner, name, hooked)


def main(argv: list[str]) -> int:
    target, when, n, separator, *args = argv
    assert separator == "--", argv
    install(target, when, int(n))
    from app.cli.main import main as ebid

    return ebid(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
