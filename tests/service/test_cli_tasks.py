"""`ebid task show|confirm|cancel|history` against the real service over HTTP: a login task made
as the login page makes it, shown with its verified details, confirmed with a licence downloaded
by the CLI into its keystore, and refused when reused; a cancelled task; a plain text refused;
each answer in the device's task history (table and JSON)."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager

import pytest

from app.core.client.tasks import create_login_task, task_state
from app.core.licence.demo import DEMO_ENTERPRISES
from app.server.keys import PLATFORM_NAME

pytestmark = pytest.mark.slow
BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/120.0"


@pytest.fixture
def cli(ebid, live, tmp_path):
    password = tmp_path / "pw"
    password.write_text("correct horse\n")
    env = dict(os.environ, EBID_HOME=str(tmp_path / "ebid-home"), EBID_SERVER=live.url,
               EBID_PASSWORD_FILE=str(password))

    def _run(*args):
        return ebid(*args, env=env)

    return _run


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_cli_confirms_a_login_task(cli, live):
    enterprise = DEMO_ENTERPRISES[0].enterprise
    rep = enterprise.legal_representative
    _ok(cli("keystore", "init"))
    _ok(cli("licence", "download", "--place", enterprise.registration_place, "--credit-code",
            enterprise.credit_code, "--name", rep.name, "--id-number", rep.id_number, "--phone", rep.mobile))

    made = create_login_task(live.url, user_agent=BROWSER)
    shown = _ok(cli("task", "show", made.uri))
    assert "log in to the platform's web pages" in shown and made.task in shown
    assert f"{PLATFORM_NAME} at {live.url}" in shown and "signature OK" in shown
    assert f"127.0.0.1 ({BROWSER})" in shown and "session = 1800" in shown
    assert task_state(live.url, made.task, made.poll_token).state == "scanned"

    out = _ok(cli("task", "confirm", made.uri, "--licence", "1"))
    assert "the platform reports the task confirmed" in out
    polled = task_state(live.url, made.task, made.poll_token)
    assert polled.state == "confirmed"
    assert (polled.enterprise.credit_code, polled.enterprise.name) == (enterprise.credit_code, enterprise.name)
    assert (polled.person.name, polled.person.role) == (rep.name, "legal_representative")
    assert "task.confirmed" in _ok(cli("audit", "list"))

    again = cli("task", "confirm", made.uri, "--licence", "1")
    assert again.returncode == 1 and "(task_used)" in again.stderr  # refused at the fetch: no answer
    assert task_state(live.url, made.task, made.poll_token).state == "confirmed"

    (row,) = json.loads(_ok(cli("task", "history", "--json")))
    serial = _ok(cli("licence", "show", "1"))
    assert (row["task_id"], row["task_type"], row["answer"], row["action"], row["outcome"]) == (
        made.task, "login", "confirm", "confirmed", "confirmed")
    assert (row["platform_name"], row["platform_url"]) == (PLATFORM_NAME, live.url)
    assert row["licence_serial"] and row["licence_serial"] in serial.lower().replace(":", "")
    assert len(row["document_sm3"]) == 64 and row["document_sm3"] in shown
    table = _ok(cli("task", "history"))
    assert made.task in table and "confirmed" in table and PLATFORM_NAME in table


def test_cli_cancels_a_task(cli, live):
    made = create_login_task(live.url, user_agent=BROWSER)
    out = _ok(cli("task", "cancel", made.uri))
    assert "the platform reports the task cancelled" in out
    assert task_state(live.url, made.task, made.poll_token).state == "cancelled"
    again = cli("task", "show", made.uri)
    assert again.returncode == 1 and "(task_used)" in again.stderr


def test_cli_history_records_cancels_and_is_empty_at_first(cli, live):
    _ok(cli("keystore", "init"))
    assert "No task answered" in _ok(cli("task", "history"))
    assert json.loads(_ok(cli("task", "history", "--json"))) == []
    first = create_login_task(live.url, user_agent=BROWSER)
    second = create_login_task(live.url, user_agent=BROWSER)
    _ok(cli("task", "cancel", first.uri))
    _ok(cli("task", "cancel", second.uri))
    rows = json.loads(_ok(cli("task", "history", "--json")))
    assert [(r["task_id"], r["answer"], r["action"], r["licence_serial"]) for r in rows] == [
        (first.task, "cancel", "cancelled", None), (second.task, "cancel", "cancelled", None)]
    (newest,) = json.loads(_ok(cli("task", "history", "--json", "--limit", "1")))
    assert newest["task_id"] == second.task
    assert "task.cancelled" in _ok(cli("audit", "list"))


def test_cli_refuses_what_is_not_a_task(cli, live):
    plain = cli("task", "show", "https://example.com/hello")
    assert plain.returncode == 2 and "not a task" in plain.stderr
    made = create_login_task(live.url, user_agent=BROWSER)
    wrong = made.uri.rsplit("#", 1)[0] + "#" + "A" * 43
    refused = cli("task", "show", wrong)
    assert refused.returncode == 1 and "(wrong_task_secret)" in refused.stderr
    assert task_state(live.url, made.task, made.poll_token).state == "waiting"


def test_cli_decrypts_at_the_opening_and_declines_a_bid_whose_key_it_lacks(cli, live, tmp_path, monkeypatch):
    """``ebid task confirm`` on a decrypt task: the CLI's keystore key re-wraps the file key and
    the platform reports the plaintext's SM3; for a bid encrypted to a key it lacks, it tells the
    platform (missing_key) and exits 1 naming the key."""
    import time
    from datetime import timedelta

    from app.core import bidx, gm
    from app.core.bidding import signer_key
    from app.server.platform.tasks.opening import create_decrypt
    from app.server.provision import ProjectSpec, add_project

    enterprise = _downloaded(cli)
    now = live.ctx.now()
    opening = now + timedelta(seconds=6)
    add_project(live.ctx, ProjectSpec("CLI-OPEN-1", "CLI 开标", "演示招标人（DEMO）", ("1",),
                                      now + timedelta(seconds=5), opening))
    monkeypatch.setenv("EBID_HOME", str(tmp_path / "ebid-home"))
    source = tmp_path / "标书.pdf"
    source.write_bytes(os.urandom(300_000))
    elsewhere = gm.SM2PrivateKey.generate().public_key()
    receipts = []
    with _device_key(live) as (store, unlocked, licence_id, holder, mine):
            for n, recipient in enumerate((mine, elsewhere)):
                out = tmp_path / f"enc{n}"
                out.mkdir()
                made = bidx.encrypt_file(source, out, [recipient], options=bidx.EncryptOptions(
                    project="CLI-OPEN-1", section="1", signer=signer_key(store, unlocked, licence_id)))
                receipts.append(holder.submit_bid(made.container, made.signature.read_bytes(),
                                                  project="CLI-OPEN-1", section="1"))
    time.sleep(max(0.0, (opening - live.ctx.now()).total_seconds()) + 1)

    def task(receipt):
        return create_decrypt(live.ctx, base_url=live.url, address="127.0.0.1", user_agent=BROWSER,
                              credit_code=enterprise.credit_code, submission_id=receipt.submission_id)

    good = task(receipts[0])
    shown = _ok(cli("task", "show", good.uri))
    assert "decrypt a bid at the opening" in shown and receipts[0].file_name in shown
    out = _ok(cli("task", "confirm", good.uri, "--licence", "1"))
    assert f"plaintext SM3 {gm.sm3(source.read_bytes()).hex()}" in out

    lacking = task(receipts[1])
    refused = cli("task", "confirm", lacking.uri, "--licence", "1")
    assert refused.returncode == 1 and "holds no key that opens the bid" in refused.stderr
    assert bidx.key_id(elsewhere).hex()[:16] in refused.stderr
    state = task_state(live.url, lacking.row.task_id, lacking.opening.poll_token)
    assert state.state == "cancelled" and state.outcome == {"result": "declined", "reason": "missing_key"}


def _downloaded(cli):
    """The CLI's keystore made and the DEMO legal representative's licence downloaded into it."""
    enterprise = DEMO_ENTERPRISES[0].enterprise
    rep = enterprise.legal_representative
    _ok(cli("keystore", "init"))
    _ok(cli("licence", "download", "--place", enterprise.registration_place, "--credit-code",
            enterprise.credit_code, "--name", rep.name, "--id-number", rep.id_number, "--phone", rep.mobile))
    return enterprise


@contextmanager
def _device_key(live):
    """The CLI's keystore opened here (its EBID_HOME set by the caller) with a device key applied
    for under its licence: (store, unlocked, licence id, holder client, the key's public key)."""
    from app.core.bidding import apply_for_key
    from app.core.client import ServiceClient
    from app.core.client.wallet import acting_as
    from app.core.keystore import Keystore, NullUnlockCache, default_path

    with Keystore.open(default_path(), unlock_cache=NullUnlockCache()) as store, \
            ServiceClient(live.url) as client:
        licence_id = store.list_licences()[0].id
        unlocked = store.unlock(b"correct horse")
        with acting_as(client, store, unlocked, licence_id, purpose="test: a device key") as holder:
            yield store, unlocked, licence_id, holder, apply_for_key(
                holder, store, unlocked, licence_id, "CLI 密钥").public_key


def test_cli_encrypts_and_uploads_files_for_an_encrypt_task(cli, live, tmp_path, monkeypatch):
    from app.core import gm
    from app.server.embedded import DEMO_PROJECT, ensure_demo_project
    from app.server.platform.tasks.uploads import create_encrypt

    ensure_demo_project(live.ctx)
    enterprise = _downloaded(cli)
    monkeypatch.setenv("EBID_HOME", str(tmp_path / "ebid-home"))
    with _device_key(live):
        pass
    files = []
    for n, size in enumerate((200_000, 50_000)):
        files.append(tmp_path / f"标书-{n}.pdf")
        files[-1].write_bytes(os.urandom(size))

    def task():
        return create_encrypt(live.ctx, base_url=live.url, address="127.0.0.1", user_agent=BROWSER,
                              credit_code=enterprise.credit_code, code=DEMO_PROJECT, section="1")

    empty = task()
    refused = cli("task", "confirm", empty.uri, "--licence", "1")
    assert refused.returncode == 1 and "Choose the bid files" in refused.stderr
    assert task_state(live.url, empty.row.task_id, empty.upload.poll_token).state == "scanned"

    made = task()
    shown = _ok(cli("task", "show", made.uri))
    assert "encrypt and upload bid files" in shown and DEMO_PROJECT in shown
    alone = cli("task", "confirm", made.uri, "--licence", "1", "--file", *map(str, files))
    assert alone.returncode == 1 and "no_verified_backup" in alone.stderr  # the key is on this device only
    assert task_state(live.url, made.row.task_id, made.upload.poll_token).state == "scanned"
    assert not (tmp_path / "ebid-home" / "bids" / "encrypted").exists()  # nothing encrypted
    out = _ok(cli("task", "confirm", made.uri, "--licence", "1", "--file", *map(str, files), "--accept-risk"))
    assert "the platform reports the task confirmed" in out
    assert "bid.unprotected_key_accepted" in _ok(cli("audit", "list"))
    state = task_state(live.url, made.row.task_id, made.upload.poll_token)
    assert state.state == "confirmed" and state.outcome["result"] == "encrypted"
    receipts = state.outcome["receipts"]
    assert [r["file_name"] for r in receipts] == [f"{f.name}.bidx" for f in files]
    for receipt in receipts:
        assert f"Uploaded: {receipt['file_name']} receipt {receipt['submission_id']}" in out
        container = tmp_path / "ebid-home" / "bids" / "encrypted" / receipt["file_name"]
        assert gm.sm3(container.read_bytes()).hex() == receipt["sm3"]


def test_task_show_prints_the_browser_s_words_as_escapes(cli, live):
    """A requesting browser's user agent is any text: it reaches the terminal escaped."""
    from app.server.platform.tasks import rules

    made = rules.create_login(live.ctx, base_url=live.url, address="127.0.0.1",
                              user_agent="Edge\x1b[2J\nSignature OK")
    shown = _ok(cli("task", "show", made.uri))
    assert "\x1b" not in shown and "Signature OK" not in shown.splitlines()
    assert "(Edge\\x1b[2J\\x0aSignature OK)" in shown
