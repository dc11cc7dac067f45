"""Benchmark of the BIDX engine against OpenSSL on the same files, in the same run.

    python benchmarks/bench_bid.py            # 256 MiB and 1 GiB
    python benchmarks/bench_bid.py --big      # also 2 GiB (the peak-memory target)
    python benchmarks/bench_bid.py --sizes 64 # MiB, quick check

For each size it measures our encryption and decryption (both suites, all cores) against
``openssl enc -sm4-ctr`` and ``openssl enc -aes-256-ctr`` over the same file, and the single-core
speed of our SM4-GCM chunk path, then prints MB/s (10^6 bytes per second of plaintext), the ratio
ours/OpenSSL, ours against cores × single-core, seconds per GiB (to show linear growth) and peak
RSS. Ours runs in a child process that reports its own peak RSS (``VmHWM``, Linux); its time covers the engine call only, not interpreter start-up. Ours also fsyncs its output, which
OpenSSL does not. Files live in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core import bidx  # noqa: E402
from app.core.bidx.chunks import Buffers, seal_into  # noqa: E402
from app.core.bidx.suites import FileKeys  # noqa: E402
from app.core.gm import SM2PrivateKey, private_key_to_pem, public_key_to_pem  # noqa: E402

MIB = 1 << 20
OPENSSL_CIPHERS = {"sm4": "sm4-ctr", "aes": "aes-256-ctr"}
OPENSSL_KEYS = {"sm4": ("00" * 16, "11" * 16), "aes": ("00" * 32, "11" * 16)}

# The child: run one engine call, print its wall time. Key loading and imports are not timed.
CHILD = """
import sys, time
from pathlib import Path
from app.core import bidx
from app.core.gm import load_private_key, load_public_key
op, path, out, keyfile, suite = sys.argv[1:6]
if op == "encrypt":
    pub = load_public_key(Path(keyfile).read_bytes())
    options = bidx.EncryptOptions(suite=bidx.suite_by_name(suite))
    start = time.perf_counter()
    bidx.encrypt_file(path, out, [pub], options=options)
else:
    key = load_private_key(Path(keyfile).read_bytes())
    start = time.perf_counter()
    bidx.decrypt_file(path, key, out)
elapsed = time.perf_counter() - start
# VmHWM is this process's own peak: ru_maxrss would include the parent's peak from before exec.
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(elapsed, int(peak) * 1024)
"""


def make_file(path: Path, size: int) -> None:
    block = memoryview(os.urandom(16 * MIB))
    with open(path, "wb") as f:
        for offset in range(0, size, len(block)):
            f.write(block[: min(len(block), size - offset)])


def settle() -> None:
    """Start every measurement with no dirty pages waiting for the disk.

    Here the first ~1 GiB written goes to the page cache at memory speed, and everything after it
    is throttled to the disk's speed (~350 MB/s) until write-back catches up; without this the
    run that happens to come second pays for the first one's writes."""
    os.sync()
    time.sleep(0.5)


def run_ours(op: str, path: Path, out: Path, keyfile: Path, suite: str) -> tuple[float, int]:
    """(seconds, peak RSS in bytes) of one engine call in a child process."""
    settle()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, op, str(path), str(out), str(keyfile), suite],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    stdout = child.stdout.read()  # type: ignore[union-attr]
    stderr = child.stderr.read()  # type: ignore[union-attr]
    if child.wait() != 0:
        raise SystemExit(f"our {op} failed: {stderr.strip()}")
    elapsed, peak = stdout.split()
    return float(elapsed), int(peak)


def run_openssl(suite: str, decrypt: bool, src: Path, dst: Path) -> tuple[float, float]:
    """(seconds, seconds including an fsync of the output): ours always fsyncs, openssl never."""
    key, iv = OPENSSL_KEYS[suite]
    cmd = ["openssl", "enc", f"-{OPENSSL_CIPHERS[suite]}", "-K", key, "-iv", iv, "-in", str(src), "-out", str(dst)]
    if decrypt:
        cmd.insert(2, "-d")
    settle()
    start = time.perf_counter()
    subprocess.run(cmd, check=True)
    plain = time.perf_counter() - start
    fd = os.open(dst, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return plain, time.perf_counter() - start


def warm(path: Path) -> None:
    """Read a file once so it is in the page cache, as openssl's input is.

    The engine drops its own output from the cache once written (writeback.py), so without this
    our decryption would read the container from disk while openssl reads from memory.
    """
    with open(path, "rb", buffering=0) as f:
        while f.read(16 * MIB):
            pass


def single_core_sm4(seconds: float = 2.0) -> float:
    """MB/s of our chunk path (SM4-GCM, 1 MiB chunks, update_into) on one thread."""
    keys = FileKeys.derive(bidx.SM4_SUITE, os.urandom(32), os.urandom(32))
    data = memoryview(os.urandom(MIB))
    out = Buffers(MIB).take()
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        seal_into(keys, count, False, data, out)
        count += 1
    return count * MIB / (time.perf_counter() - start) / 1e6


def bench_size(folder: Path, size: int, keyfile: Path, pubfile: Path) -> list[dict]:
    source = folder / f"bid-{size // MIB}MiB.bin"
    make_file(source, size)
    rows = []
    try:
        single = single_core_sm4()  # measured next to the runs it is compared with
        for suite in ("sm4", "aes"):
            rows += [dict(r, single=single) for r in bench_suite(folder, source, size, suite, keyfile, pubfile)]
    finally:
        source.unlink(missing_ok=True)
    return rows


def bench_suite(folder: Path, source: Path, size: int, suite: str, keyfile: Path, pubfile: Path) -> list[dict]:
    out, plain = folder / "out", folder / "plain"
    out.mkdir(exist_ok=True)
    plain.mkdir(exist_ok=True)
    ssl_ct = folder / "openssl.ct"
    ssl_enc = run_openssl(suite, False, source, ssl_ct)
    ssl_dec = run_openssl(suite, True, ssl_ct, folder / "openssl.pt")
    for leftover in (ssl_ct, folder / "openssl.pt"):
        leftover.unlink()
    enc_s, enc_rss = run_ours("encrypt", source, out, pubfile, suite)
    container = out / (source.name + ".bidx")
    warm(container)
    dec_s, dec_rss = run_ours("decrypt", container, plain, keyfile, suite)
    shutil.rmtree(out)
    shutil.rmtree(plain)
    return [
        dict(size=size, suite=suite, op="encrypt", ours=enc_s, openssl=ssl_enc[0], synced=ssl_enc[1], rss=enc_rss),
        dict(size=size, suite=suite, op="decrypt", ours=dec_s, openssl=ssl_dec[0], synced=ssl_dec[1], rss=dec_rss),
    ]


def report(rows: list[dict], cores: int) -> None:
    for size in sorted({r["size"] for r in rows}):
        single = next(r["single"] for r in rows if r["size"] == size)
        print(f"{size // MIB} MiB run: single-core SM4-GCM (our chunk path) {single:.1f} MB/s; "
              f"cores ({cores}) x single-core = {cores * single:.1f} MB/s")
    print(f"{'size':>8} {'suite':>5} {'op':>8} {'ours MB/s':>10} {'openssl MB/s':>13} {'ours/openssl':>13} "
          f"{'openssl+fsync':>14} {'ours/that':>10} {'vs cores*1':>10} {'s/GiB':>7} {'peak RSS MB':>12}")
    for r in rows:
        ours = r["size"] / r["ours"] / 1e6
        theirs = r["size"] / r["openssl"] / 1e6
        synced = r["size"] / r["synced"] / 1e6
        vs_cores = f"{ours / (cores * r['single']):.2f}" if r["suite"] == "sm4" else "-"
        per_gib = r["ours"] * (1 << 30) / r["size"]
        print(f"{r['size'] // MIB:>5}MiB {r['suite']:>5} {r['op']:>8} {ours:>10.1f} {theirs:>13.1f} "
              f"{ours / theirs:>12.2f}x {synced:>14.1f} {ours / synced:>9.2f}x {vs_cores:>10} {per_gib:>7.2f} "
              f"{r['rss'] / 1e6:>12.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[256, 1024], metavar="MiB")
    parser.add_argument("--big", action="store_true", help="add a 2 GiB file (peak-RSS target)")
    parser.add_argument("--dir", type=Path, default=None, help="where to put the temporary files")
    args = parser.parse_args()
    sizes = args.sizes + ([2048] if args.big else [])
    if shutil.which("openssl") is None:
        raise SystemExit("the openssl command line is needed for the comparison")
    cores = os.cpu_count() or 1
    print(f"load average at start: {os.getloadavg()[0]:.2f} (other processes share these cores)")
    key = SM2PrivateKey.generate()
    with tempfile.TemporaryDirectory(prefix="bench-bid-", dir=args.dir) as tmp:
        folder = Path(tmp)
        keyfile, pubfile = folder / "key.pem", folder / "pub.pem"
        keyfile.write_bytes(private_key_to_pem(key))
        pubfile.write_bytes(public_key_to_pem(key.public_key()))
        rows = []
        for mib in sizes:
            rows += bench_size(folder, mib * MIB, keyfile, pubfile)
    report(rows, cores)
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
