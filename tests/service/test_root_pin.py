"""The root pin lives in the client: a pinned client refuses every request to a server that
presents another authority root, before the request leaves; the CLI's pins persist per URL."""

from __future__ import annotations

import subprocess

import pytest

from app.core.client import ServiceClient
from app.core.client.client import ROOT_CHANGED
from app.core.client.pins import PinStore
from app.core.errors import InvalidInput, VerificationFailed


def _openssl_fingerprint(pem: bytes) -> str:
    out = subprocess.run(["openssl", "x509", "-noout", "-fingerprint", "-sha256"], input=pem,
                         capture_output=True, check=True).stdout.decode()
    return out.strip().split("=", 1)[1]  # AA:BB:… as an administrator would read it out


def test_the_right_pin_in_openssl_notation_is_accepted(service, clock, client, legal_rep):
    pem = client.http.get("/authority/root.pem").content
    with ServiceClient(service.url, clock=clock, root_fingerprint=_openssl_fingerprint(pem)) as pinned:
        assert pinned.projects()
        holder = pinned.holder(legal_rep.certificate.der, legal_rep.key)
        assert holder.managers() == []


def test_a_wrong_pin_refuses_public_and_signed_calls_alike(service, clock, legal_rep, bid_file):
    with ServiceClient(service.url, clock=clock, root_fingerprint="ab" * 32) as pinned:
        holder = pinned.holder(legal_rep.certificate.der, legal_rep.key)
        container, signature = bid_file(legal_rep)
        calls = [pinned.projects, pinned.registration_places, pinned.root_certificate,
                 holder.keys, holder.submissions,
                 lambda: holder.submit_bid(container, signature, project="DEMO", section="1")]
        for call in calls:
            with pytest.raises(VerificationFailed) as refused:
                call()
            assert refused.value.template == ROOT_CHANGED
    assert legal_rep.submissions() == []  # nothing reached the platform


def test_pins_persist_per_server_and_reject_garbage(tmp_path):
    pins = PinStore(tmp_path / "servers.json")
    assert pins.get("https://a.example") is None
    pins.set("https://a.example/", "AB:" * 31 + "AB")
    assert pins.get("https://a.example") == "ab" * 32
    assert PinStore(tmp_path / "servers.json").get("https://a.example/") == "ab" * 32
    with pytest.raises(InvalidInput):
        pins.set("https://b.example", "not a fingerprint")
