"""Two unlocks at once in one process (the window's mailbox notices while the user unlocks):
cryptography runs Argon2id's lanes on OpenSSL's one thread pool, capped at the CPU count, and two
derivations at once waited for each other forever. Run in a child process so that a hang is a
failure of this test, not of the whole run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys, threading, time
    from app.core.keystore.blobs import FLOOR, derive_kek

    done = []

    def unlock(i):
        for n in range(3):
            derive_kek(b"password %d" % i, bytes([i]) * 16, FLOOR)
        done.append(i)

    threads = [threading.Thread(target=unlock, args=(i,), daemon=True) for i in range(3)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 60  # each derivation takes well under a second alone
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    print(sorted(done))
    sys.exit(0 if len(done) == 3 else 1)
""")


def test_three_threads_deriving_at_once_all_finish():
    result = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and result.stdout.strip() == "[0, 1, 2]", (result.stdout, result.stderr)
