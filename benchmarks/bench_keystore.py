#!/usr/bin/env python3
"""Keystore costs: password unlock, add / list / get-private-key, and change-password with N keys.

    .venv/bin/python benchmarks/bench_keystore.py [--keys 100] [--repeat 3]

Runs on a real SQLite file (WAL, synchronous=FULL) in a temporary folder. Unlock is reported at
the stored Argon2id parameters (the default policy) and, for comparison, at 256 MiB.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.gm import SM2PrivateKey  # noqa: E402
from app.core.keystore import DEFAULT, KdfParams, Keystore, NullUnlockCache  # noqa: E402
from app.core.keystore.blobs import master_params  # noqa: E402

PASSWORD = b"benchmark password"


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median seconds of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def add_licences(store: Keystore, unlocked, keys: list[SM2PrivateKey]) -> list[int]:
    now = datetime.now(timezone.utc)
    return [
        store.add_licence(
            unlocked, certificate=b"\x30" * 600, private_key=key, enterprise_code="91350100M000100Y43",
            enterprise_name="福建测试科技有限公司", holder_name="张三", role="agent",
            not_before=now, not_after=now + timedelta(days=3),
        ).id
        for key in keys
    ]


def bench_unlock(folder: Path, kdf: KdfParams, repeat: int) -> float:
    with Keystore.open(folder / f"unlock-{kdf.memory_kib}.sqlite", kdf=kdf, unlock_cache=NullUnlockCache()) as ks:
        ks.initialise(PASSWORD)
        seconds, _ = timed(lambda: ks.unlock(PASSWORD), repeat)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.keys
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Keystore.open(folder / "keystore.sqlite", unlock_cache=NullUnlockCache()) as ks:
            unlocked = ks.initialise(PASSWORD)
            params, _, _, _ = master_params(unlocked.master_blob)
            keys = [SM2PrivateKey.generate() for _ in range(n)]
            start = time.perf_counter()
            ids = add_licences(ks, unlocked, keys)
            add_each = (time.perf_counter() - start) / n
            list_s, _ = timed(ks.list_licences, args.repeat)
            get_s, _ = timed(lambda: ks.private_key(ids[n // 2], unlocked, purpose="bench"), args.repeat * 5)
            old, new = PASSWORD, b"another password"
            start = time.perf_counter()
            ks.change_password(old, new)
            change_s = time.perf_counter() - start
            verify_s, report = timed(ks.verify_audit, args.repeat)
        unlock_default = bench_unlock(folder, DEFAULT, args.repeat)
        unlock_256 = bench_unlock(folder, KdfParams(256 * 1024, 3, 4), args.repeat)

    rows = [
        ("Argon2id stored parameters", f"m={params.memory_kib // 1024} MiB, t={params.iterations}, p={params.lanes}"),
        ("unlock, stored parameters (Argon2id + unwrap)", f"{unlock_default * 1000:8.1f} ms"),
        ("unlock at m=256 MiB, t=3, p=4 (comparison)", f"{unlock_256 * 1000:8.1f} ms"),
        ("add licence (one fsync'd transaction), per key", f"{add_each * 1000:8.2f} ms"),
        (f"list licences ({n} rows)", f"{list_s * 1000:8.2f} ms"),
        ("get private key (decrypt, SM2 key, audit entry)", f"{get_s * 1000:8.2f} ms"),
        (f"change password, {n} keys (2 Argon2id + re-encrypt)", f"{change_s * 1000:8.1f} ms"),
        (f"verify audit log ({report.count} entries)", f"{verify_s * 1000:8.2f} ms"),
    ]
    for label, value in rows:
        print(f"{label:<52} {value}")


if __name__ == "__main__":
    main()
