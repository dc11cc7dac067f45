"""The command line end to end: an administrator sets up and runs a standalone service
(`ebid service …`), a holder scripts licences, managers, agents and a bid against it with
`--server`/EBID_SERVER; and without a server the CLI uses the embedded one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from app.core import gm
from app.core.licence import credit_code_check_char, id_number_check_digit

pytestmark = pytest.mark.slow

REP_ID = "44030519850505123"  # + check digit: a fictitious person for this test
CODE_BODY = "91440300MA0TEXTCL"  # no I, O, S, V or Z in the code alphabet


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def standalone(ebid, tmp_path):
    """`ebid service init/import-enterprises/add-project/run` in a subprocess; its URL."""
    home = str(tmp_path / "svc")
    credit_code = CODE_BODY + credit_code_check_char(CODE_BODY)
    id_number = REP_ID + id_number_check_digit(REP_ID)
    csv = tmp_path / "enterprises.csv"
    csv.write_text(
        "credit_code,name,registration_place,legal_rep_name,legal_rep_id_number,legal_rep_mobile\n"
        f"{credit_code},命令行演示有限公司,广东省深圳市,赵演示,{id_number},13600136001\n",
        encoding="utf-8",
    )
    _ok(ebid("service", "init", "--home", home))
    assert "Registered 1 enterprises" in _ok(ebid("service", "import-enterprises", "--home", home, str(csv)))
    now = datetime.now(UTC)
    _ok(ebid("service", "add-project", "--home", home, "--code", "CLI-001", "--name", "命令行项目",
             "--tenderee", "演示招标人", "--section", "A", "--deadline", (now + timedelta(days=1)).isoformat(),
             "--opening", (now + timedelta(days=2)).isoformat()))
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli.main", "service", "run", "--home", home, "--port", str(port)],
        env=dict(os.environ, EBID_HOME=str(tmp_path / "ebid-home")), cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):  # wait until it answers (bounded), or fail with its stderr
        try:
            httpx.get(url + "/health", timeout=1).raise_for_status()
            break
        except httpx.HTTPError:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
    yield url, credit_code, id_number
    proc.terminate()
    proc.wait(timeout=20)


def test_holder_scripts_a_bid_end_to_end(ebid, standalone, tmp_path, openssl):
    url, credit_code, id_number = standalone
    env = dict(os.environ, EBID_HOME=str(tmp_path / "ebid-home"), EBID_SERVER=url)
    password = tmp_path / "pw"
    password.write_text("correct horse\n")
    env["EBID_PASSWORD_FILE"] = str(password)

    def cli(*args):
        return ebid(*args, env=env)

    _ok(cli("keystore", "init"))
    out = _ok(cli("licence", "download", "--place", "广东省深圳市", "--credit-code", credit_code,
                  "--name", "赵演示", "--id-number", id_number, "--phone", "13600136001"))
    assert "legal_representative of 命令行演示有限公司" in out
    assert "\t赵演示\tlegal_representative\t" in _ok(cli("licence", "list"))
    assert "Role:" in _ok(cli("licence", "show", "1"))
    _ok(cli("licence", "export-cert", "1", "-o", str(tmp_path / "chain.pem"), "--chain"))
    check = subprocess.run([openssl, "verify", "-vfyopt", "distid:1234567812345678", "-CAfile",
                            str(tmp_path / "chain.pem"), str(tmp_path / "chain.pem")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr

    _ok(cli("licence", "managers", "add", "--name", "钱演示", "--id-number", "110108198001010015"))
    assert "钱演示" in _ok(cli("licence", "managers", "list"))
    out = _ok(cli("licence", "authorise", "--name", "孙演示", "--id-number", "110108198503150026",
                  "--matter", "EC-BID-FULL"))
    assert "specific EC-BID-FULL" in out and "(active)" in out
    assert "孙演示" in _ok(cli("licence", "authorisations"))

    recipient = tmp_path / "recipient.pem"
    recipient.write_bytes(gm.public_key_to_pem(gm.SM2PrivateKey.generate().public_key()))
    (tmp_path / "tender.pdf").write_bytes(os.urandom(300_000))
    _ok(cli("bid", "encrypt", str(tmp_path / "tender.pdf"), "-r", str(recipient), "-o", str(tmp_path),
            "--project", "CLI-001", "--section", "A"))
    assert "CLI-001" in _ok(cli("project", "list"))
    out = _ok(cli("bid", "submit", str(tmp_path / "tender.pdf.bidx"), "--project", "CLI-001", "--section", "A"))
    assert "receipt S-" in out and (tmp_path / "tender.pdf.bidx.receipt.json").exists()
    assert "signature OK" in _ok(cli("bid", "receipts"))
    refused = cli("bid", "fetch", out.split("receipt ")[1].split(",")[0], "-o", str(tmp_path / "x.bidx"))
    assert refused.returncode == 1 and "(not_opened)" in refused.stderr

    out = _ok(cli("licence", "revoke"))
    refused = cli("licence", "managers", "list")
    assert refused.returncode == 1 and "revoked" in refused.stderr


def test_without_a_server_the_cli_uses_the_embedded_service(ebid, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("EBID_SERVER", "EBID_SERVICE_HOME", "EBID_SERVICE_DB")}
    env["EBID_HOME"] = str(tmp_path / "home")
    out = _ok(ebid("project", "list", env=env))
    assert "DEMO-ZB-001" in out
    assert (tmp_path / "home" / "service" / "service.sqlite").exists()
    assert not (tmp_path / "home" / "servers.json").exists()  # the embedded service needs no pin


def test_a_newcomer_finds_the_demo_enterprises_by_place(ebid, tmp_path):
    from app.core.licence.demo import DEMO_ENTERPRISES

    env = {k: v for k, v in os.environ.items() if k not in ("EBID_SERVER", "EBID_SERVICE_HOME", "EBID_SERVICE_DB")}
    env["EBID_HOME"] = str(tmp_path / "home")
    first = DEMO_ENTERPRISES[0].enterprise
    assert first.registration_place in _ok(ebid("licence", "places", env=env)).splitlines()
    listed = _ok(ebid("licence", "enterprises", "--place", first.registration_place, env=env))
    assert f"{first.credit_code}\t{first.name}\tDEMO" in listed.splitlines()
    nowhere = ebid("licence", "enterprises", "--place", "火星", env=env)
    assert nowhere.returncode == 1 and "No enterprise is registered at 火星" in nowhere.stdout
