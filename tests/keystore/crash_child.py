"""Child process of test_crash.py: change the password, optionally SIGKILL itself at a step.

    python crash_child.py KEYSTORE OLD NEW KILL_STEP

KILL_STEP 0 runs to the end (the parent may kill it from outside); k > 0 kills the process from
the progress callback after k keys were re-encrypted (k = total: everything written, not
committed). Prints "ready" once the file is open, and the seconds the change took at the end.
"""

from __future__ import annotations

import os
import signal
import sys
import time

from app.core.keystore import Keystore, NullUnlockCache


def main(path: str, old: str, new: str, kill_step: int) -> None:
    store = Keystore.open(path, unlock_cache=NullUnlockCache())
    print("ready", flush=True)

    def progress(done: int, total: int) -> None:
        if done == kill_step:
            os.kill(os.getpid(), signal.SIGKILL)

    start = time.perf_counter()
    store.change_password(old.encode(), new.encode(), progress=progress)
    print(f"{time.perf_counter() - start:.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
