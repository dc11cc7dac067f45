"""`ebid task show|confirm|cancel|history` against the real service over HTTP: a login task made
as the login page makes it, shown with its verified details, confirmed with a licence downloaded
by the CLI into its keystore, and refused when reused; a cancelled task; a plain text refused;
each answer in the device's task history (table and JSON)."""

from __future__ import annotations

import json
import os

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
