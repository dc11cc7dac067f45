#!/usr/bin/env python3
"""The reference service under concurrent holders: signed requests and bid uploads.

    .venv/bin/python benchmarks/bench_service.py [--clients 50] [--requests 20] [--uploads 2]
        [--size-mb 3] [--db sqlite|postgresql|both] [--pg-url URL]

The service runs as `ebid service run` in its own process (one uvicorn worker), on a fresh
SQLite file or PostgreSQL database (default: $EBID_TEST_POSTGRES_URL). Each client is a thread
with its own licence (a legal representative's copy with its own device key) and connection:
phase 1 sends signed GET requests (auth: chain, signature, replay nonce in the database, window);
phase 2 uploads a BIDX container of --size-mb, signed, and gets a signed receipt. Reported:
requests per second over the phase, latency percentiles per request, and the service
process's own CPU time per request (from /proc: user + system, all its threads), which does not
depend on how fast the clients are. The clients share the machine with the service: signing
(one SM2 signature per request) and HTTP in 50 Python threads cost CPU the service then lacks.
--presign signs every GET before the phase starts (all within the 5-minute window), so the
phase measures sending and serving only.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from app.core import bidx, gm  # noqa: E402
from app.core.client import ServiceClient  # noqa: E402
from app.core.licence.demo import DEMO_ENTERPRISES  # noqa: E402
from app.server.provision import ProjectSpec, add_project, init_service  # noqa: E402
from app.server.settings import Settings  # noqa: E402

PROJECT = "BENCH-001"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def start_service(home: Path, db_url: str | None, limit_mb: int) -> tuple[subprocess.Popen, str]:
    settings = Settings(home=home, db_url=db_url, max_upload_bytes=limit_mb << 20)
    ctx = init_service(settings, demo=True)
    now = datetime.now(UTC)
    add_project(ctx, ProjectSpec(PROJECT, "Benchmark", "Bench", ("1",), now + timedelta(days=1),
                                 now + timedelta(days=2)))
    ctx.close()
    port = free_port()
    cmd = [sys.executable, "-m", "app.cli.main", "service", "run", "--home", str(home), "--port", str(port)]
    if db_url:
        cmd += ["--db", db_url]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            cwd=Path(__file__).resolve().parents[1])
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(url + "/health", timeout=1).raise_for_status()
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("the service did not start")


def holders(url: str, n: int) -> list:
    enterprise = DEMO_ENTERPRISES[0].enterprise
    rep = enterprise.legal_representative
    result = []
    for _ in range(n):
        client = ServiceClient(url)
        key = gm.SM2PrivateKey.generate()
        licence = client.request_licence(key, place=enterprise.registration_place,
                                         credit_code=enterprise.credit_code, name=rep.name,
                                         id_number=rep.id_number)
        result.append(client.holder(licence.certificate, key))
    return result


def make_container(folder: Path, size_mb: int) -> Path:
    source = folder / "bid.pdf"
    source.write_bytes(os.urandom(size_mb << 20))
    options = bidx.EncryptOptions(project=PROJECT, section="1")
    recipient = gm.SM2PrivateKey.generate().public_key()
    return Path(bidx.encrypt_file(source, folder, [recipient], options=options).container)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def managers_path(holder) -> str:
    return f"/authority/enterprises/{holder.credit_code}/managers"


def presigned_gets(holders_, per_client: int) -> dict[int, list]:
    """Every GET of the phase signed in advance (fresh nonce each), per holder."""
    signed = {}
    for h in holders_:
        path = managers_path(h)
        signed[id(h)] = [h._signed("GET", path) for _ in range(per_client)]
    return signed


def send_presigned(holder, queue: list) -> None:
    response = holder.service.http.send(queue.pop())
    if response.status_code != 200:
        raise SystemExit(f"presigned GET refused: {response.status_code} {response.text[:200]}")


class HealthProbe:
    """GET /health every 20 ms from one more thread while a phase runs: how long a request that
    does no work waits shows whether the event loop is kept busy (e.g. by file writes)."""

    def __init__(self, url: str) -> None:
        self.url, self.latencies, self._stop = url, [], threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=60) as http:
            while not self._stop.wait(0.02):
                start = time.perf_counter()
                http.get("/health").raise_for_status()
                self.latencies.append(time.perf_counter() - start)

    def __enter__(self) -> HealthProbe:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def run_phase(holders_, per_client: int, action) -> tuple[int, float, list[float]]:
    def work(holder):
        latencies = []
        for _ in range(per_client):
            start = time.perf_counter()
            action(holder)
            latencies.append(time.perf_counter() - start)
        return latencies

    start = time.perf_counter()
    with ThreadPoolExecutor(len(holders_)) as pool:
        latencies = [t for result in pool.map(work, holders_) for t in result]
    return len(latencies), time.perf_counter() - start, latencies


def report(db: str, phase: str, count: int, wall: float, latencies: list[float], cpu: float) -> None:
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    print(f"{db:<10} {phase:<24} {count:>6} {count / wall:>9.1f} "
          f"{q[49] * 1000:>9.1f} {q[94] * 1000:>9.1f} {max(latencies) * 1000:>9.1f}"
          f" {cpu / count * 1000:>12.2f}")


def bench(db: str, db_url: str | None, args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if db_url:
            reset_postgres(db_url)
        proc, url = start_service(folder / "service", db_url, args.size_mb + 1)
        try:
            clients = holders(url, args.clients)
            for h in clients:  # the certificate goes along once; later requests name the serial
                h.managers()
            if args.presign:
                queues = presigned_gets(clients, args.requests)
                action, label = (lambda h: send_presigned(h, queues[id(h)])), "presigned GET (managers)"
            else:
                action, label = (lambda h: h.managers()), "signed GET (managers)"
            cpu = cpu_seconds(proc.pid)
            n, wall, lat = run_phase(clients, args.requests, action)
            report(db, label, n, wall, lat, cpu_seconds(proc.pid) - cpu)
            container = make_container(folder, args.size_mb)
            signatures = {id(h): bidx.sign_container(container, h.key) for h in clients}
            cpu = cpu_seconds(proc.pid)
            with HealthProbe(url) as probe:
                n, wall, lat = run_phase(clients, args.uploads, lambda h: h.submit_bid(
                    container, signatures[id(h)], project=PROJECT, section="1"))
            report(db, f"upload {args.size_mb} MB bid", n, wall, lat, cpu_seconds(proc.pid) - cpu)
            q = statistics.quantiles(probe.latencies, n=100, method="inclusive")
            print(f"{db:<10} {'':<24} GET /health meanwhile ({len(probe.latencies)}): p50 "
                  f"{q[49] * 1000:.1f} ms, p95 {q[94] * 1000:.1f} ms, max {max(probe.latencies) * 1000:.1f} ms")
            mb = n * container.stat().st_size / 1e6
            print(f"{db:<10} {'':<24} upload throughput {mb / wall:.1f} MB/s")
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20, help="signed GETs per client")
    parser.add_argument("--uploads", type=int, default=2, help="bid uploads per client")
    parser.add_argument("--size-mb", type=int, default=3)
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--pg-url", default=os.environ.get("EBID_TEST_POSTGRES_URL"))
    parser.add_argument("--presign", action="store_true",
                        help="sign all GETs before the phase (client signing off the clock)")
    args = parser.parse_args()
    print(f"{args.clients} concurrent clients, {os.cpu_count()} CPUs, service: one uvicorn process")
    print(f"{'database':<10} {'phase':<24} {'reqs':>6} {'req/s':>9} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}"
          f" {'srv CPU ms/req':>14}")
    if args.db in ("sqlite", "both"):
        bench("sqlite", None, args)
    if args.db in ("postgresql", "both"):
        if not args.pg_url:
            print("postgresql: skipped (no --pg-url / EBID_TEST_POSTGRES_URL)")
        else:
            bench("postgresql", args.pg_url, args)


if __name__ == "__main__":
    main()
