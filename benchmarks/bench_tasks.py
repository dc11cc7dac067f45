"""Benchmark of the QR task flows, measured the way users meet them.

    python benchmarks/bench_tasks.py                # the QR flows (headless Chromium) and the opening hall
    python benchmarks/bench_tasks.py --size 256     # MiB, quick check
    python benchmarks/bench_tasks.py --skip-opening # the QR flows only (login, sign, encrypt, decrypt)
    python benchmarks/bench_tasks.py --skip-opening --login-runs 1 --sign-runs 7   # mostly signing

**Login** (docs/protocols/qr-tasks.md §10): the embedded service on 127.0.0.1; headless Chromium
(Debian's package) shows ``/platform/login``; from the moment the QR image is on screen: screenshot,
decode with app.core.qr, fetch and verify the signed task, the page showing 已扫描; then (the
holder's reading of the dialog is not timed) sign the response with the licence key and post it,
until the browser shows the enterprise on ``/platform/home``. Each stage is timed, the total is
their sum; median of the runs.

**Sign** (docs/protocols/qr-tasks.md §11): the same, for a 200 kB file uploaded on
``/platform/sign`` by the logged-in browser: from the signing QR on screen to the page showing
签章成功 (after the platform verified the GB/T 38540 signature against the file); the holder's
check of the document and choice of seal is not timed.

**Encrypt QR** (docs/protocols/qr-tasks.md §13): the same service on a settable clock; Chromium,
logged in (not timed), asks the upload page for a section's encryption QR; from the QR on screen:
screenshot, decode, fetch and verify, the page showing 已扫描; then (the holder choosing files is
not timed) encrypt and sign a 1 MiB bid file to the device key (the bid page's
``bidding.encrypt_one``), upload it bound to the task (``bidding.submit``), confirm with the
receipt, until the page shows 加密成功 with it. Median of the runs.

**Decrypt QR** (docs/protocols/qr-tasks.md §12): the same service on a settable clock; per run a
project whose opening has passed and a 1 MiB bid encrypted to the holder's registered device key;
Chromium, logged in by the login page's QR (not timed), shows the opening hall; from the QR on
screen: screenshot, decode, fetch and verify, the page showing 已扫描; then re-wrap from the header,
sign and post (the platform decrypts the stored bid inside that answer), until the page shows
解密成功 with the plaintext's SM3. Median of the runs.

**Opening hall** (docs/formats/bidx.md §11): a bid encrypted to the holder's device key; the
device re-wraps the file key from the header alone (timed: that is what a decrypt QR costs the
holder), then the platform decrypts the stored container with the re-wrapped key in a child
process — the platform's own step, ``app.server.platform.tasks.opening.decrypt_stored`` (the
engine's decryption, written through a temp file and renamed, then the plaintext's SM3 the page
shows) — timed as a whole, against ``openssl enc -d -sm4-ctr`` over a file of the same size in
the same run. Prints MB/s (10^6 bytes of plaintext per second) and the ratio. Ours fsyncs its
output and hashes it, OpenSSL does neither: the fsync'd OpenSSL time is printed too.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_bid import MIB, make_file, run_openssl, settle, warm  # noqa: E402

from app.core import bidx  # noqa: E402
from app.core.gm import SM2PrivateKey, private_key_to_pem  # noqa: E402

# The platform's side in a child: its own opening step with the re-wrapped stanza, timed.
PLATFORM = """
import sys, time
from pathlib import Path
from app.core.bidx.format import Stanza
from app.core.gm import load_private_key
from app.server.platform.tasks.opening import decrypt_stored
container, out, keyfile, kid, wrapped = sys.argv[1:6]
key = load_private_key(Path(keyfile).read_bytes())
stanza = Stanza(bytes.fromhex(kid), bytes.fromhex(wrapped))
start = time.perf_counter()
decrypt_stored(Path(container), key, stanza, Path(out))
print(time.perf_counter() - start)
"""


def opening(folder: Path, size: int, runs: int) -> dict:
    device, opening_key = SM2PrivateKey.generate(), SM2PrivateKey.generate()
    source = folder / "bid.pdf"
    make_file(source, size)
    container = bidx.encrypt_file(source, folder, [device.public_key()]).container
    source.unlink()
    keyfile = folder / "opening.pem"
    keyfile.write_bytes(private_key_to_pem(opening_key))
    header = bidx.inspect_container(container).to_bytes()
    rewraps = []
    for _ in range(runs):
        start = time.perf_counter()
        stanza = bidx.rewrap_for_opening(header, device, opening_key.public_key())
        rewraps.append(time.perf_counter() - start)
    ours = []
    for n in range(runs):
        out = folder / f"plain{n}"
        out.mkdir()
        warm(container)
        settle()
        result = subprocess.run(
            [sys.executable, "-c", PLATFORM, str(container), str(out), str(keyfile),
             stanza.key_id.hex(), stanza.wrapped.hex()],
            cwd=ROOT, capture_output=True, text=True, check=True)
        ours.append(float(result.stdout))
        shutil.rmtree(out)
    plain, cipher = folder / "openssl.pt", folder / "openssl.ct"
    make_file(plain, size)
    run_openssl("sm4", False, plain, cipher)
    plain.unlink()
    theirs, synced = [], []
    for _ in range(runs):
        warm(cipher)
        seconds, with_fsync = run_openssl("sm4", True, cipher, plain)
        theirs.append(seconds)
        synced.append(with_fsync)
        plain.unlink()
    return dict(size=size, header=len(header), rewrap=statistics.median(rewraps),
                ours=statistics.median(ours), openssl=statistics.median(theirs),
                synced=statistics.median(synced))


def legal_representative_licence(client):
    """A licence of the first DEMO enterprise's legal representative: (key, licence, certificate)."""
    from app.core import gm
    from app.core.licence.demo import DEMO_ENTERPRISES
    from app.core.pki import Certificate

    enterprise = DEMO_ENTERPRISES[0].enterprise
    person = enterprise.legal_representative
    key = gm.SM2PrivateKey.generate()
    licence = client.request_licence(
        key, place=enterprise.registration_place, credit_code=enterprise.credit_code,
        name=person.name, id_number=person.id_number, phone=person.mobile)
    return key, licence, Certificate.load(licence.certificate)


def scan_off_screen(browser, tasks, folder: Path):
    """From a task QR on screen (its image loaded) to the page showing 已扫描: the task, and the
    seconds of the screenshot, the decode, the fetch and verify, and the page's update."""
    from app.core import qr

    browser.wait_for("document.getElementById('qr').complete")
    t0 = time.perf_counter()
    png = folder / "screen.png"
    png.write_bytes(browser.screenshot_png())
    t1 = time.perf_counter()
    (code,) = qr.decode(qr.load_image(png))
    t2 = time.perf_counter()
    task = tasks.fetch(code.text)
    t3 = time.perf_counter()
    browser.wait_for("document.getElementById('status').dataset.state === 'scanned'",
                     timeout=30, every=0.02)
    t4 = time.perf_counter()
    return task, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)


def login(folder: Path, runs: int) -> dict[str, float]:
    from app.core.client import ServiceClient
    from app.core.client.tasks import TaskClient
    from app.server.embedded import serve_in_thread
    from app.server.provision import init_service
    from app.server.settings import Settings
    from tests.seal_service.chromium import Browser

    stages: dict[str, list[float]] = {k: [] for k in (
        "screenshot", "decode", "fetch+verify", "page: scanned", "sign+post", "page: logged in", "total")}
    with serve_in_thread(init_service(Settings(home=folder / "service"), demo=True)) as running, \
            ServiceClient(running.url) as client:
        key, licence, certificate = legal_representative_licence(client)
        profile = folder / "chromium"
        profile.mkdir()
        browser = Browser(profile)
        try:
            with TaskClient([client.root_certificate()]) as tasks:
                for _ in range(runs):
                    browser.goto(f"{running.url}/platform/login")
                    task, scanning = scan_off_screen(browser, tasks, folder)
                    s0 = time.perf_counter()  # the holder has read the dialog: not timed
                    tasks.confirm(task, key, certificate)
                    s1 = time.perf_counter()
                    browser.wait_for("location.pathname === '/platform/home'"
                                     " && !!document.getElementById('enterprise')", timeout=30, every=0.02)
                    s2 = time.perf_counter()
                    times = (*scanning, s1 - s0, s2 - s1)
                    for name, seconds in zip(stages, (*times, sum(times))):
                        stages[name].append(seconds)
                    browser.submit("document.getElementById('logout').click()")
        finally:
            browser.close()
    return {name: statistics.median(values) for name, values in stages.items()}


def sign(folder: Path, runs: int) -> dict[str, float]:
    """Sign tasks (qr-tasks.md §11), timed like the login: the browser (logged in once) uploads a
    file on /platform/sign; from the signing QR on screen: screenshot, decode, fetch and verify,
    the page showing 已扫描; then (the holder's choice of seal is not timed) seal the stated SM3
    with the collected seal (GB/T 38540) and post it, until the page shows 签章成功 — which it
    does only after the platform verified the signature against the uploaded file."""
    import os

    from app.core import qr
    from app.core.client import ServiceClient
    from app.core.client.seal import SealClient
    from app.core.client.tasks import TaskClient
    from app.core.qrtask.sign import response_details, seal_for_task, sign_details
    from app.server.embedded import serve_in_thread
    from app.server.provision import init_service
    from app.server.settings import Settings
    from tests.seal_service.chromium import Browser
    from tests.seal_service.kit import imprint_png, make_seal

    stages: dict[str, list[float]] = {k: [] for k in (
        "screenshot", "decode", "fetch+verify", "page: scanned", "seal+post", "page: 签章成功", "total")}
    document = folder / "投标函.pdf"
    document.write_bytes(os.urandom(200_000))
    with serve_in_thread(init_service(Settings(home=folder / "sign-service"), demo=True)) as running, \
            ServiceClient(running.url) as client:
        key, licence, certificate = legal_representative_licence(client)
        seals = SealClient(client.holder(licence.certificate, key))
        seal_id = make_seal(seals, running, imprint_png())
        seal = seals.collect_seal(seal_id).der
        profile = folder / "chromium-sign"
        profile.mkdir()
        browser = Browser(profile)
        try:
            with TaskClient([client.root_certificate()]) as tasks:
                browser.goto(f"{running.url}/platform/login")  # logged in once, through its QR
                browser.wait_for("document.getElementById('qr').complete")
                png = folder / "login.png"
                png.write_bytes(browser.screenshot_png())
                tasks.confirm(tasks.fetch(qr.decode(qr.load_image(png))[0].text), key, certificate)
                browser.wait_for("location.pathname === '/platform/home'", timeout=30)
                for _ in range(runs):
                    browser.goto(f"{running.url}/platform/sign")
                    root = browser.call("DOM.getDocument")["root"]["nodeId"]
                    node = browser.call("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
                    browser.call("DOM.setFileInputFiles", files=[str(document)], nodeId=node)
                    browser.submit("document.getElementById('send').click()")
                    task, scanning = scan_off_screen(browser, tasks, folder)
                    s0 = time.perf_counter()  # the holder has checked the document, picked the seal
                    signature = seal_for_task(sign_details(task.document), seal, key, certificate,
                                              clock=tasks.clock)
                    tasks.confirm(task, key, certificate, details=response_details(seal_id, signature))
                    s1 = time.perf_counter()
                    browser.wait_for("document.getElementById('status').textContent === '签章成功'",
                                     timeout=30, every=0.02)
                    s2 = time.perf_counter()
                    times = (*scanning, s1 - s0, s2 - s1)
                    for name, seconds in zip(stages, (*times, sum(times))):
                        stages[name].append(seconds)
        finally:
            browser.close()
    return {name: statistics.median(values) for name, values in stages.items()}


def report_sign(r: dict[str, float], runs: int) -> None:
    print(f"sign: QR on screen -> browser shows 签章成功 (median of {runs} runs)")
    for name, seconds in r.items():
        print(f"  {name:<14} {seconds * 1000:8.0f} ms")


class _BidTaskBench:
    """What the encrypt and decrypt QR runs share: the service on a settable clock, a DEMO licence
    with a registered device key, the device's task client, and Chromium."""

    STAGES = ("screenshot", "decode", "fetch+verify", "page: scanned")

    def __init__(self, folder: Path, name: str) -> None:
        from contextlib import ExitStack
        from datetime import UTC, datetime

        from app.core import gm
        from app.core.client import ServiceClient
        from app.core.client.tasks import TaskClient
        from app.core.licence.demo import DEMO_ENTERPRISES
        from app.core.pki import Certificate, ManualClock
        from app.server.embedded import serve_in_thread
        from app.server.provision import init_service
        from app.server.settings import Settings
        from tests.seal_service.chromium import Browser

        enterprise = DEMO_ENTERPRISES[0].enterprise
        person = enterprise.legal_representative
        self.png = folder / f"{name}.png"
        self.clock = ManualClock(datetime.now(UTC))
        self.ctx = init_service(Settings(home=folder / f"{name}-service", clock=self.clock), demo=True)
        self.stack = ExitStack()
        try:
            self.url = self.stack.enter_context(serve_in_thread(self.ctx)).url
            self.client = self.stack.enter_context(ServiceClient(self.url, clock=self.clock))
            self.tasks = self.stack.enter_context(TaskClient([self.client.root_certificate()], clock=self.clock))
            self.key, self.device = gm.SM2PrivateKey.generate(), gm.SM2PrivateKey.generate()
            licence = self.client.request_licence(
                self.key, place=enterprise.registration_place, credit_code=enterprise.credit_code,
                name=person.name, id_number=person.id_number, phone=person.mobile)
            self.certificate = Certificate.load(licence.certificate)
            self.holder = self.client.holder(licence.certificate, self.key)
            self.holder.register_key(self.device.public_key(), "bench")
            profile = folder / f"chromium-{name}"
            profile.mkdir()
            self.browser = Browser(profile)
            self.stack.callback(self.browser.close)
        except BaseException:
            self.stack.close()
            raise

    def log_in(self) -> None:
        """Chromium logged in through the login page's QR (not timed)."""
        from app.core import qr

        self.browser.goto(f"{self.url}/platform/login")
        self.browser.wait_for("document.getElementById('qr').complete")
        self.png.write_bytes(self.browser.screenshot_png())
        (code,) = qr.decode(qr.load_image(self.png))
        self.tasks.confirm(self.tasks.fetch(code.text), self.key, self.certificate)
        self.browser.wait_for("location.pathname === '/platform/home'", timeout=30, every=0.02)

    def scan(self, state: str):
        """From the QR on screen to the page saying 已扫描: (the verified task, the stage times)."""
        from app.core import qr

        t0 = time.perf_counter()
        self.png.write_bytes(self.browser.screenshot_png())
        t1 = time.perf_counter()
        (found,) = qr.decode(qr.load_image(self.png))
        t2 = time.perf_counter()
        task = self.tasks.fetch(found.text)
        t3 = time.perf_counter()
        self.browser.wait_for(f"{state} === 'scanned'", timeout=30, every=0.02)
        t4 = time.perf_counter()
        return task, [t1 - t0, t2 - t1, t3 - t2, t4 - t3]

    def answered(self, state: str, done: str, answer) -> list[float]:
        """``answer()`` (the holder's side once the dialog is read), then until the page says ``done``."""
        s0 = time.perf_counter()
        answer()
        s1 = time.perf_counter()
        self.browser.wait_for(f"{state} === {done!r}", timeout=30, every=0.02)
        return [s1 - s0, time.perf_counter() - s1]

    def close(self) -> None:
        self.stack.close()


def _medians(names, runs: list[list[float]]) -> dict[str, float]:
    return {name: statistics.median(run[i] for run in runs) for i, name in enumerate((*names, "total"))}


def decrypt(folder: Path, runs: int) -> dict[str, float]:
    from datetime import timedelta

    from app.core.qrtask.bids import decrypt_confirm_details, decrypt_details
    from app.server.provision import ProjectSpec, add_project

    bench = _BidTaskBench(folder, "decrypt")
    measured = []
    try:
        source = folder / "bid-1m.pdf"
        make_file(source, MIB)
        for n in range(runs):  # per run a project whose opening has passed, and a bid in it
            code, now = f"BENCH-OPEN-{n}", bench.clock()
            add_project(bench.ctx, ProjectSpec(code, "bench", "bench", ("1",), now + timedelta(hours=1),
                                               now + timedelta(hours=2)))
            out = folder / f"enc{n}"
            out.mkdir()
            made = bidx.encrypt_file(source, out, [bench.device.public_key()],
                                     options=bidx.EncryptOptions(project=code, section="1", signer=bench.key))
            bench.holder.submit_bid(made.container, made.signature.read_bytes(), project=code, section="1")
            bench.clock.set(now + timedelta(hours=2, minutes=1))
            bench.log_in()  # the browser session ended while the clock moved on
            bench.browser.goto(f"{bench.url}/platform/projects/{code}/opening")
            bench.browser.wait_for("!!document.querySelector('img.qr') && document.querySelector('img.qr').complete")
            status = "document.querySelector('.bid .status').dataset.state"
            task, times = bench.scan(status)  # then the holder reads the dialog: not timed

            def rewrap(task=task):
                details = decrypt_details(task.document)
                stanza = bidx.rewrap_for_opening(details.header_bytes, bench.device, details.opening_key)
                bench.tasks.confirm(task, bench.key, bench.certificate, details=decrypt_confirm_details(stanza))

            times += bench.answered(status, "decrypted", rewrap)
            measured.append([*times, sum(times)])
    finally:
        bench.close()
    return _medians((*_BidTaskBench.STAGES, "rewrap+sign+post", "page: decrypted"), measured)


def encrypt(folder: Path, runs: int) -> dict[str, float]:
    from datetime import timedelta

    from app.core.bidding import encrypt_one, submit
    from app.core.qrtask.bids import encrypt_confirm_details, encrypt_details
    from app.core.tasks import CancelToken
    from app.server.provision import ProjectSpec, add_project

    bench = _BidTaskBench(folder, "encrypt")
    measured = []
    try:
        add_project(bench.ctx, ProjectSpec("BENCH-UPLOAD", "bench", "bench", ("1",),
                                           bench.clock() + timedelta(days=1),
                                           bench.clock() + timedelta(days=1, hours=1)))
        source = folder / "upload-1m.pdf"
        make_file(source, MIB)
        bench.log_in()
        with bidx.worker_pool() as pool:
            for n in range(runs):
                bench.browser.goto(f"{bench.url}/platform/projects/BENCH-UPLOAD/upload")
                bench.browser.wait_for("!!document.getElementById('make-qr')")
                bench.browser.submit("document.getElementById('make-qr').click()")
                bench.browser.wait_for("!!document.getElementById('qr') && document.getElementById('qr').complete")
                status = "document.getElementById('status').dataset.state"
                task, times = bench.scan(status)  # then the holder chooses the files: not timed

                def upload(task=task, n=n):
                    details = encrypt_details(task.document)
                    out = folder / f"up{n}"
                    out.mkdir()
                    options = bidx.EncryptOptions(project=details.project_code, section=details.section,
                                                  signer=bench.key)
                    made = encrypt_one(source, out, bench.device.public_key(), options, pool,
                                       lambda d, t: None, CancelToken())
                    sent = submit(bench.holder, [(made.container, made.signature, details.project_code,
                                                  details.section)], CancelToken(), task=task.document.task)
                    bench.tasks.confirm(task, bench.key, bench.certificate,
                                        details=encrypt_confirm_details([s.receipt for s in sent]))

                times += bench.answered(status, "encrypted", upload)
                measured.append([*times, sum(times)])
    finally:
        bench.close()
    return _medians((*_BidTaskBench.STAGES, "encrypt+upload+post", "page: encrypted"), measured)


def report_encrypt(r: dict[str, float], runs: int) -> None:
    print(f"encrypt QR: QR on screen -> the upload page shows 加密成功 (1 MiB file, median of {runs} runs)")
    for name, seconds in r.items():
        print(f"  {name:<20} {seconds * 1000:8.0f} ms")


def report_decrypt(r: dict[str, float], runs: int) -> None:
    print(f"decrypt QR: QR on screen -> the opening hall shows 解密成功 (1 MiB bid, median of {runs} runs)")
    for name, seconds in r.items():
        print(f"  {name:<17} {seconds * 1000:8.0f} ms")


def report_login(r: dict[str, float], runs: int) -> None:
    print(f"login: QR on screen -> browser shows the enterprise (median of {runs} runs)")
    for name, seconds in r.items():
        print(f"  {name:<14} {seconds * 1000:8.0f} ms")


def report_opening(r: dict) -> None:
    mb = r["size"] / 1e6
    print(f"opening hall, {r['size'] // MIB} MiB bid (median of the runs)")
    print(f"  device: re-wrap from a {r['header']} B header      {r['rewrap'] * 1000:8.1f} ms")
    print(f"  platform decrypts (ours)                 {mb / r['ours']:8.0f} MB/s")
    print(f"  openssl enc -d -sm4-ctr                  {mb / r['openssl']:8.0f} MB/s"
          f"   ours/openssl {r['openssl'] / r['ours']:.2f}")
    print(f"  openssl + fsync                          {mb / r['synced']:8.0f} MB/s"
          f"   ours/that    {r['synced'] / r['ours']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1024, help="bid size in MiB (default 1024)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--login-runs", type=int, default=7)
    parser.add_argument("--skip-opening", action="store_true")
    parser.add_argument("--sign-runs", type=int, default=7)
    parser.add_argument("--skip-sign", action="store_true")
    parser.add_argument("--decrypt-runs", type=int, default=5)
    parser.add_argument("--encrypt-runs", type=int, default=5)
    args = parser.parse_args()
    if not args.skip_opening and shutil.which("openssl") is None:
        raise SystemExit("the openssl command line is needed for the comparison")
    with tempfile.TemporaryDirectory(prefix="bench-tasks-", dir=ROOT) as tmp:
        report_login(login(Path(tmp), args.login_runs), args.login_runs)
        if not args.skip_sign:
            report_sign(sign(Path(tmp), args.sign_runs), args.sign_runs)
        report_encrypt(encrypt(Path(tmp), args.encrypt_runs), args.encrypt_runs)
        report_decrypt(decrypt(Path(tmp), args.decrypt_runs), args.decrypt_runs)
        if not args.skip_opening:
            report_opening(opening(Path(tmp), args.size * MIB, args.runs))


if __name__ == "__main__":
    main()
