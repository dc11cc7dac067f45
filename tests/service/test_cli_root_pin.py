"""The command line pins a remote server's authority root (app/cli/connection.py): trust on
first use, stored per URL in servers.json in the data folder; an administrator's fingerprint
(``--root-fingerprint`` / EBID_ROOT_FINGERPRINT) in plain hex or OpenSSL's colon notation; a
root that differs from the pin is refused with exit code 1. Real service over HTTP on
127.0.0.1, real ``ebid`` subprocesses."""

from __future__ import annotations

import json
import os
import subprocess

import httpx
import pytest

from app.core.client.client import ROOT_CHANGED

pytestmark = pytest.mark.slow

TRUSTING = "ebid: trusting the server's root certificate, SHA-256 "


@pytest.fixture
def db_url():
    return None  # SQLite: the pin is about the client, not the database


@pytest.fixture
def root_fingerprint(service, openssl) -> str:
    """The root's SHA-256 as an administrator reads it out: ``AA:BB:…`` from OpenSSL."""
    pem = httpx.get(service.url + "/authority/root.pem").content
    out = subprocess.run([openssl, "x509", "-noout", "-fingerprint", "-sha256"], input=pem,
                         capture_output=True, check=True).stdout.decode()
    return out.strip().split("=", 1)[1]


@pytest.fixture
def env(tmp_path):
    drop = ("EBID_SERVER", "EBID_ROOT_FINGERPRINT")
    clean = {k: v for k, v in os.environ.items() if k not in drop}
    return dict(clean, EBID_HOME=str(tmp_path / "ebid-home"))


def _hex(fingerprint: str) -> str:
    return fingerprint.replace(":", "").lower()


def _pins(tmp_path) -> dict:
    return json.loads((tmp_path / "ebid-home" / "servers.json").read_text(encoding="utf-8"))


def _refused(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"ebid: error: {ROOT_CHANGED}\n"


def test_the_first_connection_trusts_the_root_once_and_stores_the_pin(
        ebid, service, env, tmp_path, root_fingerprint):
    first = ebid("--server", service.url, "project", "list", env=env)
    assert first.returncode == 0, first.stderr
    assert "ZB-2026-0001" in first.stdout
    trusted = f"{TRUSTING}{_hex(root_fingerprint)}; check it with your administrator\n"
    assert first.stderr == trusted
    assert _pins(tmp_path) == {service.url: _hex(root_fingerprint)}

    again = ebid("--server", service.url + "/", "project", "list", env=env)  # same server
    assert again.returncode == 0, again.stderr
    assert again.stderr == ""  # once, on first use only
    assert again.stdout == first.stdout


def test_a_root_other_than_the_pin_is_refused(ebid, service, env, tmp_path, root_fingerprint):
    assert ebid("--server", service.url, "project", "list", env=env).returncode == 0

    other = "ab" * 32
    _refused(ebid("--server", service.url, "--root-fingerprint", other, "project", "list", env=env))
    assert _pins(tmp_path) == {service.url: _hex(root_fingerprint)}  # a refused pin is not stored
    by_env = dict(env, EBID_SERVER=service.url, EBID_ROOT_FINGERPRINT="AB:" * 31 + "AB")
    _refused(ebid("project", "list", env=by_env))

    pin_file = tmp_path / "ebid-home" / "servers.json"
    pin_file.write_text(json.dumps({service.url: "cd" * 32}), encoding="utf-8")  # tampered
    _refused(ebid("--server", service.url, "project", "list", env=env))
    _refused(ebid("project", "list", env=dict(env, EBID_SERVER=service.url)))


def test_the_administrators_fingerprint_in_openssl_notation_is_accepted_and_stored(
        ebid, service, env, tmp_path, root_fingerprint):
    assert ":" in root_fingerprint
    pinned = ("--server", service.url, "--root-fingerprint", root_fingerprint)
    given = ebid(*pinned, "project", "list", env=env)
    assert given.returncode == 0, given.stderr
    assert given.stderr == ""  # nothing trusted blindly
    assert _pins(tmp_path) == {service.url: _hex(root_fingerprint)}

    (tmp_path / "ebid-home" / "servers.json").write_text(json.dumps({service.url: "cd" * 32}))
    fixed = ebid(*pinned, "project", "list", env=env)
    assert fixed.returncode == 0, fixed.stderr  # the administrator's word replaces a stale pin
    assert _pins(tmp_path) == {service.url: _hex(root_fingerprint)}
    assert ebid("--server", service.url, "project", "list", env=env).returncode == 0


def test_a_malformed_fingerprint_is_a_usage_error(ebid, service, env, tmp_path):
    bad = ebid("--server", service.url, "--root-fingerprint", "x1", "project", "list", env=env)
    assert bad.returncode == 2
    assert bad.stderr.startswith("ebid: error: A root fingerprint is 64 hexadecimal digits")
    assert not (tmp_path / "ebid-home" / "servers.json").exists()
