#!/usr/bin/env python3
"""National-algorithm speed: our backend next to OpenSSL measured in the same run.

    .venv/bin/python benchmarks/bench_gm.py [--seconds 1.0]

SM2: ms per keygen / sign / verify / encrypt / decrypt (ours), against ``openssl speed sm2``
(sign/verify; OpenSSL's speed tool has no SM2 encryption figure) and against the
``openssl pkeyutl`` command per call (process start-up included, which is what a shell script pays).
SM4-GCM and SM3: MB/s on 1 MiB buffers (ours, through cryptography) against ``openssl speed -evp``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core import gm  # noqa: E402


def per_call_ms(fn, seconds: float) -> float:
    fn()  # warm-up
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        fn()
        n += 1
    return (time.perf_counter() - start) / n * 1000


def mb_per_s(fn, size: int, seconds: float) -> float:
    fn()
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        fn()
        n += 1
    return n * size / (time.perf_counter() - start) / 1e6


def openssl_speed_sm2(openssl: str, seconds: float) -> tuple[float, float] | None:
    out = subprocess.run([openssl, "speed", "-seconds", str(max(1, round(seconds))), "sm2"],
                         capture_output=True, text=True).stdout
    m = re.search(r"SM2 \(CurveSM2\)\s+([\d.]+)s\s+([\d.]+)s", out)
    return (float(m.group(1)) * 1000, float(m.group(2)) * 1000) if m else None


def openssl_speed_evp(openssl: str, name: str, seconds: float) -> float | None:
    out = subprocess.run([openssl, "speed", "-seconds", str(max(1, round(seconds))), "-bytes", "1048576",
                          "-evp", name], capture_output=True, text=True).stdout
    m = re.search(rf"^{re.escape(name)}\s+([\d.]+)k", out, re.M | re.I)
    return float(m.group(1)) * 1000 / 1e6 if m else None


def openssl_cli_ms(cmd: list[str], runs: int = 20) -> float:
    start = time.perf_counter()
    for _ in range(runs):
        subprocess.run(cmd, check=True, capture_output=True)
    return (time.perf_counter() - start) / runs * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    parser.add_argument("--backend", choices=["gmssl-pyx", "gmalg"], help="SM2 backend (default: fastest)")
    args = parser.parse_args()
    if args.backend:
        gm.sm2.use_backend(args.backend)
    s = args.seconds
    openssl = shutil.which("openssl")
    if not openssl:
        sys.exit("openssl command line not found")
    version = subprocess.run([openssl, "version"], capture_output=True, text=True).stdout.strip()
    print(f"# {version}; Python {sys.version.split()[0]}; {os.cpu_count()} cores; SM2 backend {gm.sm2.backend_name()}")

    key = gm.SM2PrivateKey.generate()
    pub = key.public_key()
    msg = os.urandom(1024)
    sig = key.sign(msg)
    secret = os.urandom(32)
    ct = pub.encrypt(secret)
    ours = {
        "keygen": per_call_ms(gm.SM2PrivateKey.generate, s),
        "sign": per_call_ms(lambda: key.sign(msg), s),
        "verify": per_call_ms(lambda: pub.verify(sig, msg), s),
        "encrypt": per_call_ms(lambda: pub.encrypt(secret), s),
        "decrypt": per_call_ms(lambda: key.decrypt(ct), s),
    }
    speed = openssl_speed_sm2(openssl, s)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        (t / "k.pem").write_bytes(gm.private_key_to_pem(key))
        (t / "p.pem").write_bytes(gm.public_key_to_pem(pub))
        (t / "m").write_bytes(msg)
        (t / "s").write_bytes(secret)
        (t / "c").write_bytes(ct)
        (t / "sig").write_bytes(sig)
        dist = ["-pkeyopt", "distid:1234567812345678"]
        cli = {
            "keygen": openssl_cli_ms([openssl, "genpkey", "-algorithm", "SM2", "-out", str(t / "g.pem")]),
            "sign": openssl_cli_ms([openssl, "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", str(t / "k.pem"),
                                    *dist, "-in", str(t / "m"), "-out", str(t / "o")]),
            "verify": openssl_cli_ms([openssl, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey",
                                      str(t / "p.pem"), *dist, "-in", str(t / "m"), "-sigfile", str(t / "sig")]),
            "encrypt": openssl_cli_ms([openssl, "pkeyutl", "-encrypt", "-pubin", "-inkey", str(t / "p.pem"),
                                       "-in", str(t / "s"), "-out", str(t / "o")]),
            "decrypt": openssl_cli_ms([openssl, "pkeyutl", "-decrypt", "-inkey", str(t / "k.pem"), "-in", str(t / "c"),
                                       "-out", str(t / "o")]),
        }
    print("\nSM2 (ms per operation; lower is better)")
    print(f"{'op':<8} {'ours':>8} {'openssl speed':>14} {'ours/speed':>11} {'openssl CLI':>12} {'ours/CLI':>9}")
    for op, ms in ours.items():
        ref = None if speed is None else {"sign": speed[0], "verify": speed[1]}.get(op)
        ref_txt = f"{ref:14.3f}" if ref else f"{'n/a':>14}"
        ratio = f"{ms / ref:11.1f}" if ref else f"{'':>11}"
        print(f"{op:<8} {ms:8.2f} {ref_txt} {ratio} {cli[op]:12.2f} {ms / cli[op]:9.2f}")

    size = 1 << 20
    buf = os.urandom(size)
    k16, k32, nonce = os.urandom(16), os.urandom(32), os.urandom(12)
    rows = [
        ("SM4-GCM", mb_per_s(lambda: gm.sm4_gcm_encrypt(k16, nonce, buf), size, s), openssl_speed_evp(openssl, "sm4-ctr", s), "sm4-ctr"),
        ("AES-256-GCM", mb_per_s(lambda: gm.aes256_gcm_encrypt(k32, nonce, buf), size, s), openssl_speed_evp(openssl, "aes-256-gcm", s), "aes-256-gcm"),
        ("SM3", mb_per_s(lambda: gm.sm3(buf), size, s), openssl_speed_evp(openssl, "sm3", s), "sm3"),
    ]
    print("\nBulk (MB/s on 1 MiB buffers, one core; higher is better)")
    print(f"{'algorithm':<12} {'ours':>8} {'openssl speed':>14} {'(as)':<12} {'ours/openssl':>12}")
    for name, ours_mb, ref, ref_name in rows:
        ratio = f"{ours_mb / ref:12.2f}" if ref else f"{'n/a':>12}"
        ref_txt = f"{ref:14.1f}" if ref else f"{'n/a':>14}"
        print(f"{name:<12} {ours_mb:8.1f} {ref_txt} {ref_name:<12} {ratio}")


if __name__ == "__main__":
    main()
