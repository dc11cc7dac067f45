"""The seal commands end to end: a standalone service (`ebid service init --demo` + `run`), a
legal representative scripting `ebid seal …` against it, and the reviewer using
`ebid service review …` on the server machine."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from app.core.seal.format import parse_signature

from .kit import imprint_png

pytestmark = pytest.mark.slow
REP = ("北京市海淀区", "91110108MA001DEMXY", "张演示", "110108198001010015")


def _ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def standalone(ebid, tmp_path):
    home = str(tmp_path / "svc")
    _ok(ebid("service", "init", "--home", home, "--demo"))
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app.cli.main",
            "service",
            "run",
            "--home",
            home,
            "--port",
            str(port),
        ],
        env=dict(os.environ, EBID_HOME=str(tmp_path / "ebid-home")),
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):  # until it answers (bounded), or fail with its stderr
        try:
            httpx.get(url + "/health", timeout=1).raise_for_status()
            break
        except httpx.HTTPError:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
    yield url, home
    proc.terminate()
    proc.wait(timeout=20)


def test_upload_review_collect_sign_and_verify(ebid, standalone, tmp_path):
    url, home = standalone
    password = tmp_path / "pw"
    password.write_text("correct horse\n")
    env = dict(
        os.environ,
        EBID_HOME=str(tmp_path / "ebid-home"),
        EBID_SERVER=url,
        EBID_PASSWORD_FILE=str(password),
    )

    def cli(*args):
        return ebid(*args, env=env)

    def review(*args):
        return ebid("service", "review", *args, "--home", home)

    _ok(cli("keystore", "init"))
    place, code, name, id_number = REP
    _ok(
        cli(
            "licence",
            "download",
            "--place",
            place,
            "--credit-code",
            code,
            "--name",
            name,
            "--id-number",
            id_number,
        )
    )
    png = tmp_path / "imprint.png"
    png.write_bytes(imprint_png())
    upload = (
        "seal",
        "upload",
        str(png),
        "--type",
        "bidding",
        "--shape",
        "round",
        "--size-mm",
        "40",
    )

    refused = cli(*upload)  # no --agree-terms
    assert refused.returncode == 2 and "agree to the seal office's terms" in refused.stderr
    first = _ok(cli(*upload, "--agree-terms")).split(":")[0]
    assert first in _ok(review("list"))
    shown = _ok(review("show", first, "-o", str(tmp_path / "seen.png")))
    assert (
        "true size 40.0×40.0 mm" in shown
        and (tmp_path / "seen.png").read_bytes() == png.read_bytes()
    )
    # The reviewer's words reach the holder's terminal, escaped: no screen clearing, no fake line.
    _ok(review("reject", first, "--reason", "颜色不正\x1b[2J\nseal OK", "--by", "审核员"))
    listed = _ok(cli("seal", "imprints"))
    assert "rejected   bidding" in listed and "颜色不正\\x1b[2J" in listed
    assert "\x1b" not in listed and "seal OK" not in listed.splitlines()

    second = _ok(cli(*upload, "--agree-terms")).split(":")[0]
    assert f"(replaced by {second})" in _ok(cli("seal", "imprints"))
    out = _ok(review("approve", second, "--by", "审核员"))
    seal_id = out.split("seal ")[1].split(" ")[0]
    assert "No imprint is waiting" in _ok(review("list"))
    assert f"seal {seal_id} made from {second}" in _ok(cli("seal", "imprints"))

    assert "Collected " + seal_id in _ok(cli("seal", "collect", seal_id))
    listed = _ok(cli("seal", "list"))
    assert listed.count(seal_id) == 2  # in the keystore and at the service

    document = tmp_path / "tender.pdf"
    document.write_bytes(os.urandom(50_000))
    sig = tmp_path / "tender.sig.der"
    _ok(cli("seal", "sign-hash", seal_id, str(document), "-o", str(sig)))
    verified = _ok(cli("seal", "verify", str(sig), str(document)))
    # signed with the service at hand: a time stamp from its authority, and judged at it
    assert "VALID" in verified and "Trusted time: checked as of the time stamp" in verified
    assert parse_signature(sig.read_bytes()).has_time_stamp
    tampered = tmp_path / "other.pdf"
    tampered.write_bytes(document.read_bytes()[:-1] + b"\x00")
    bad = cli("seal", "verify", str(sig), str(tampered))
    assert bad.returncode == 1 and "bad_document_hash" in bad.stderr
    missing = cli("seal", "verify", str(tmp_path / "nothing.der"), str(document))
    assert missing.returncode == 2

    token = _ok(review("token", "--name", "审核员")).strip()
    assert token.startswith("rvw.")
