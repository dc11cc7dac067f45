"""Benchmark of the QR task flows, measured the way users meet them.

    python benchmarks/bench_tasks.py                # login (headless Chromium) and the opening hall
    python benchmarks/bench_tasks.py --size 256     # MiB, quick check
    python benchmarks/bench_tasks.py --skip-opening # the login and sign flows only
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

**Opening hall** (docs/formats/bidx.md §11): a bid encrypted to the holder's device key; the
device re-wraps the file key from the header alone (timed: that is what a decrypt QR costs the
holder), then the platform decrypts the stored container with the re-wrapped key in a child
process (timed: the engine call only), against ``openssl enc -d -sm4-ctr`` over a file of the
same size in the same run. Prints MB/s (10^6 bytes of plaintext per second) and the ratio.
Ours fsyncs its output, OpenSSL does not: the fsync'd OpenSSL time is printed too.
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

# The platform's side in a child: decrypt with the re-wrapped stanza, print the engine's time.
PLATFORM = """
import sys, time
from pathlib import Path
from app.core import bidx
from app.core.bidx.format import Stanza
from app.core.gm import load_private_key
container, out, keyfile, kid, wrapped = sys.argv[1:6]
key = load_private_key(Path(keyfile).read_bytes())
stanza = Stanza(bytes.fromhex(kid), bytes.fromhex(wrapped))
start = time.perf_counter()
bidx.decrypt_file(container, key, out, stanza=stanza)
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
    args = parser.parse_args()
    if not args.skip_opening and shutil.which("openssl") is None:
        raise SystemExit("the openssl command line is needed for the comparison")
    with tempfile.TemporaryDirectory(prefix="bench-tasks-", dir=ROOT) as tmp:
        report_login(login(Path(tmp), args.login_runs), args.login_runs)
        if not args.skip_sign:
            report_sign(sign(Path(tmp), args.sign_runs), args.sign_runs)
        if not args.skip_opening:
            report_opening(opening(Path(tmp), args.size * MIB, args.runs))


if __name__ == "__main__":
    main()
