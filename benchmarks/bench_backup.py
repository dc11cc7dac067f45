#!/usr/bin/env python3
"""Key backup over the reference service: backup + verification and recovery end to end, and the
mailbox's throughput with many concurrent devices.

    .venv/bin/python benchmarks/bench_backup.py [--runs 5] [--devices 50] [--messages 20]
        [--db sqlite|postgresql|both] [--pg-url URL]

The service runs as `ebid service run` in its own process (one uvicorn worker; bench_service.py's
set-up), on a fresh SQLite file or PostgreSQL database (default: $EBID_TEST_POSTGRES_URL; without
one PostgreSQL is skipped, saying so).

Part 1, end to end (docs/protocols/key-backup.md), with real keystores and the steps of
app/core/keybackup/flows.py, as `ebid key …` runs them but in one process (no interpreter start
or password unlock per command): **backup + verification** = A builds, seals and posts the
package; B fetches it, checks it against the key registry and a fresh challenge, keeps it in its
keystore, posts the acknowledgement and records the backup state, deletes the package; A takes
the acknowledgement. **Recovery** = the new device A2 posts its request; B checks it and posts the
grant; A2 takes the grant and stores the key. Median (and min / max) of --runs, each with a new
key and a new device A2 (set-up not timed).

Part 2, mailbox throughput: --devices holders, each with its own licence, connection, thread and
registered key, each posting --messages sealed frames (a backup-sized ≈ 3 KB frame, built and
signed before the phase) to the next device's key; then each lists its inbox, fetches and deletes
every message. Reported per phase: messages per second over the phase, and p50 / p95 / max of one
message (one post; or one GET + DELETE). Every request is signed (one SM2 signature per request,
made by the client threads, which share the machine with the service).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_service import reset_postgres, start_service  # noqa: E402

from app.core import gm  # noqa: E402
from app.core.bidding import apply_for_key  # noqa: E402
from app.core.client import ServiceClient  # noqa: E402
from app.core.client.mailbox import MailboxClient  # noqa: E402
from app.core.client.wallet import download_licence, holder_for  # noqa: E402
from app.core.keybackup import flows  # noqa: E402
from app.core.keybackup import frame as fr  # noqa: E402
from app.core.keystore import Keystore, NullUnlockCache  # noqa: E402
from app.core.licence.demo import DEMO_ENTERPRISES  # noqa: E402

PASSWORD = b"bench password"
DEMO = DEMO_ENTERPRISES[0]
ENTERPRISE = DEMO.enterprise
REP = ENTERPRISE.legal_representative
MANAGER = DEMO.others[0]


class Devices:
    """Real keystores in a folder, each with a licence downloaded from the service."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url, self.folder, self.opened, self.count = url, folder, [], 0

    def make(self, person, *, key: bool = True) -> flows.Device:
        self.count += 1
        store = Keystore.open(self.folder / f"d{self.count}.sqlite", unlock_cache=NullUnlockCache())
        unlocked = store.initialise(PASSWORD)
        client = ServiceClient(self.url)
        info = download_licence(client, store, unlocked, place=ENTERPRISE.registration_place,
                                credit_code=ENTERPRISE.credit_code, name=person.name,
                                id_number=person.id_number, phone=person.mobile)
        device = flows.Device(store, unlocked, holder_for(client, store, unlocked, info.id, purpose="bench"), info.id)
        device.key = apply_for_key(device.holder, store, unlocked, info.id, "bench").registry_id if key else None
        self.opened.append((store, client))
        return device

    def close(self) -> None:
        for store, client in self.opened:
            store.close()
            client.close()


def backup_and_verify(a: flows.Device, b: flows.Device) -> float:
    start = time.perf_counter()
    package, _ = flows.send_backup(a, a.key, b.key)
    _, frame = flows.fetch(b, package, fr.Kind.BACKUP)
    flows.verify_backup(b, frame)
    b.mailbox.delete(package)
    (ack,) = flows.inbox(a)
    elapsed = time.perf_counter() - start
    assert ack.status == "backup verified by its holder", ack.status
    return elapsed


def recovery(a2: flows.Device, b: flows.Device, subject: str) -> float:
    start = time.perf_counter()
    request = flows.request_recovery(a2, subject, b.key)
    flows.confirm_recovery(b, request)
    (grant,) = flows.inbox(a2)
    elapsed = time.perf_counter() - start
    assert grant.status == "key recovered on this device", grant.status
    return elapsed


def end_to_end(url: str, folder: Path, runs: int) -> dict[str, list[float]]:
    devices = Devices(url, folder)
    try:
        devices.make(REP).holder.add_manager(MANAGER.name, MANAGER.id_number, MANAGER.mobile)
        b = devices.make(MANAGER)
        times: dict[str, list[float]] = {"backup + verification": [], "recovery": []}
        for _ in range(runs + 1):  # the first run warms the service and the connections up
            a = devices.make(REP)  # a device with one key, as on the first day
            times["backup + verification"].append(backup_and_verify(a, b))
            a2 = devices.make(REP)
            times["recovery"].append(recovery(a2, b, a.key))
        return {name: values[1:] for name, values in times.items()}
    finally:
        devices.close()


# --- part 2: the mailbox under concurrent devices ------------------------------------------------


class Box:
    """One device for the throughput phase: a licence, a registered key, its own connection."""

    def __init__(self, url: str) -> None:
        self.client = ServiceClient(url)
        licence_key = gm.SM2PrivateKey.generate()
        licence = self.client.request_licence(
            licence_key, place=ENTERPRISE.registration_place, credit_code=ENTERPRISE.credit_code,
            name=REP.name, id_number=REP.id_number)
        self.holder = self.client.holder(licence.certificate, licence_key)
        self.key = gm.SM2PrivateKey.generate()
        self.key_id = self.holder.register_key(self.key.public_key(), "bench").key_id
        self.key_sm3 = fr.key_sm3(self.key.public_key())
        self.mailbox = MailboxClient(self.holder)
        self.device = flows.Device(None, None, self.holder, 0)  # for its header(): no keystore used

    def frames_to(self, peer: Box, n: int) -> list[bytes]:
        """``n`` backup-shaped frames sealed to ``peer``'s key, signed by this licence."""
        body = {"key": {"id": self.key_id, "public": fr.b64(gm.public_key_to_der(self.key.public_key())),
                        "private": fr.b64(os.urandom(32))},
                "owner": {"name": REP.name, "person_id": "p", "masked_id": "m", "serial": self.device.serial},
                "enterprise_name": ENTERPRISE.name, "wait_hours": 0}
        out = []
        for _ in range(n):
            header = self.device.header(fr.Kind.BACKUP, to=(peer.key_id, peer.key_sm3), subject=self.key_id)
            out.append(fr.build(header, body, peer.key.public_key(), self.holder.key))
        return out

    def close(self) -> None:
        self.client.close()


def timed_phase(boxes: list[Box], work) -> tuple[int, float, list[float]]:
    start = time.perf_counter()
    with ThreadPoolExecutor(len(boxes)) as pool:
        latencies = [t for result in pool.map(work, boxes) for t in result]
    return len(latencies), time.perf_counter() - start, latencies


def throughput(url: str, n_devices: int, per_device: int) -> list[tuple[str, int, float, list[float]]]:
    with ThreadPoolExecutor(8) as pool:
        boxes = list(pool.map(lambda _: Box(url), range(n_devices)))
    try:
        for box in boxes:  # the certificate goes along once; later requests name the serial
            box.mailbox.inbox(box.key_id)
        frames = {id(box): box.frames_to(boxes[(i + 1) % len(boxes)], per_device) for i, box in enumerate(boxes)}

        def post(box: Box) -> list[float]:
            latencies = []
            for raw in frames[id(box)]:
                start = time.perf_counter()
                box.mailbox.post(raw)
                latencies.append(time.perf_counter() - start)
            return latencies

        def fetch_and_delete(box: Box) -> list[float]:
            latencies = []
            metas = box.mailbox.inbox(box.key_id)  # the list carries the frames already
            assert len(metas) == per_device, len(metas)
            for meta in metas:
                start = time.perf_counter()
                box.mailbox.message(meta.message_id)
                box.mailbox.delete(meta.message_id)
                latencies.append(time.perf_counter() - start)
            return latencies

        def inbox(box: Box) -> list[float]:
            start = time.perf_counter()
            box.mailbox.inbox(box.key_id)
            return [time.perf_counter() - start]

        results = [("post (3 KB sealed frame)", *timed_phase(boxes, post))]
        results.append((f"list inbox ({per_device} waiting)", *timed_phase(boxes, inbox)))
        results.append(("fetch + delete", *timed_phase(boxes, fetch_and_delete)))
        assert all(not box.mailbox.inbox(box.key_id) for box in boxes)
        return results
    finally:
        for box in boxes:
            box.close()


def seconds(values: list[float]) -> str:
    return (f"{statistics.median(values) * 1000:>9.0f} {min(values) * 1000:>9.0f} "
            f"{max(values) * 1000:>9.0f}")


def bench(db: str, db_url: str | None, args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if db_url:
            reset_postgres(db_url)
        proc, url = start_service(folder / "service", db_url, 1)
        try:
            (folder / "devices").mkdir()
            print(f"{'database':<10} {'end to end over the service':<32} {'runs':>6} {'median ms':>9} "
                  f"{'min ms':>9} {'max ms':>9}")
            for name, values in end_to_end(url, folder / "devices", args.runs).items():
                print(f"{db:<10} {name:<32} {len(values):>6} {seconds(values)}")
            print(f"{'database':<10} {f'mailbox, {args.devices} devices':<32} {'msgs':>6} {'msg/s':>9} "
                  f"{'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}")
            rounds = [throughput(url, args.devices, args.messages) for _ in range(args.rounds)]
            for i, (label, *_rest) in enumerate(rounds[0]):
                rates = [count / wall for _, count, wall, _ in (r[i] for r in rounds)]
                median_round = sorted((r[i] for r in rounds), key=lambda r: r[1] / r[2])[len(rounds) // 2]
                _, count, _, latencies = median_round
                q = statistics.quantiles(latencies, n=100, method="inclusive")
                print(f"{db:<10} {label:<32} {count:>6} {statistics.median(rates):>9.1f} "
                      f"{q[49] * 1000:>9.0f} {q[94] * 1000:>9.0f} {max(latencies) * 1000:>9.0f}")
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="end-to-end runs (median reported)")
    parser.add_argument("--devices", type=int, default=50, help="concurrent devices for the mailbox")
    parser.add_argument("--messages", type=int, default=20, help="messages each device posts (at most 100)")
    parser.add_argument("--rounds", type=int, default=3, help="throughput rounds (median reported)")
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--pg-url", default=os.environ.get("EBID_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    assert 1 <= args.messages <= 100, "the relay holds at most 100 messages per key"
    print(f"{os.cpu_count()} CPUs, service: one uvicorn process; end to end: median of {args.runs} runs; "
          f"mailbox: {args.devices} concurrent devices x {args.messages} messages, median of {args.rounds} rounds")
    if args.db in ("sqlite", "both"):
        bench("sqlite", None, args)
    if args.db in ("postgresql", "both"):
        if not args.pg_url:
            print("postgresql: skipped: set EBID_TEST_POSTGRES_URL (or --pg-url) to a database it may wipe")
        else:
            bench("postgresql", args.pg_url, args)


if __name__ == "__main__":
    main()
