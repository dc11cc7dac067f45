"""The client trusts only what it pinned (issue trust and time §5): the platform's receipt
certificate is issued by the authority root for receipts and chain-checked against the root the
client holds — the one it fetched (and checked against the pin) once; a rogue service that serves
a self-signed or other-purpose receipt certificate, or a different root on a later fetch, is
refused. The rogue services are real HTTP servers on 127.0.0.1 serving fixed files."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.core import gm
from app.core.client import ServiceClient
from app.core.client.client import ROOT_CHANGED
from app.core.errors import VerificationFailed
from app.core.licence import AuthorityKeys
from app.core.pki import make_root
from app.core.pki.receipts import OID_KP_BID_RECEIPT, is_receipt_signer, make_receipt_certificate
from app.core.pki.timestamp import make_tsa_certificate
from app.server.keys import PLATFORM_NAME, load_keys
from tests.service.conftest import PROJECT

NOW = datetime.now(UTC)


@contextmanager
def serving(files: dict[str, list[bytes]]) -> Iterator[str]:
    """An HTTP server answering GET path with the next of its bodies (the last one repeats)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802  (http.server's name)
            bodies = files.get(self.path)
            if not bodies:
                self.send_error(404)
                return
            body = bodies.pop(0) if len(bodies) > 1 else bodies[0]
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def authority() -> AuthorityKeys:
    return AuthorityKeys.create("Pinned authority (TEST)", not_before=NOW - timedelta(days=2))


def _receipt_cert(authority: AuthorityKeys, key: gm.SM2PrivateKey | None = None):
    key = key or gm.SM2PrivateKey.generate()
    return make_receipt_certificate(key.public_key(), name=PLATFORM_NAME, root=authority.root,
                                    root_key=authority.key, not_before=NOW - timedelta(days=1),
                                    not_after=NOW + timedelta(days=30))


def test_the_service_receipt_certificate_chains_to_the_pinned_root(service, client, legal_rep, bid_file):
    root = client.root_certificate()
    cert = client.platform_certificate()
    assert cert.tbs["issuer"] == root.tbs["subject"] and cert.tbs["subject"] != root.tbs["subject"]
    assert is_receipt_signer(cert) and not is_receipt_signer(root)
    assert cert.public_key() == service.ctx.keys.platform_key.public_key()
    container, signature = bid_file(legal_rep)
    receipt = legal_rep.submit_bid(container, signature, project=PROJECT, section="1")
    assert receipt.verify(cert)["sm3"] == receipt.sm3


def _rogue_certificates(authority: AuthorityKeys) -> dict[str, bytes]:
    key = gm.SM2PrivateKey.generate()
    other = AuthorityKeys.create("Another authority (TEST)", not_before=NOW - timedelta(days=2))
    from asn1crypto import x509

    tsa = make_tsa_certificate(key.public_key(), subject=x509.Name.build({"common_name": "TSA"}),
                               root=authority.root, root_key=authority.key,
                               not_before=NOW - timedelta(days=1), not_after=NOW + timedelta(days=30))
    return {
        "self-signed": make_root(key, common_name=PLATFORM_NAME, not_before=NOW - timedelta(days=1)).to_pem(),
        "wrong purpose": tsa.to_pem(),  # the pinned root's, but for time stamps
        "another root": _receipt_cert(other, key).to_pem(),
    }


@pytest.mark.parametrize("kind", ["self-signed", "wrong purpose", "another root"])
def test_a_rogue_receipt_certificate_is_refused(authority, kind):
    rogue = _rogue_certificates(authority)[kind]
    files = {"/authority/root.pem": [authority.root.to_pem()], "/platform/certificate.pem": [rogue]}
    with serving(files) as url, ServiceClient(url, root_fingerprint=authority.root.fingerprint()) as client:
        with pytest.raises(VerificationFailed) as refused:
            client.platform_certificate()
    assert "not one the authority issued for receipts" in refused.value.message


def test_a_different_root_on_a_later_fetch_is_never_used(authority):
    """The root is fetched and checked against the pin once; a later switch changes nothing in
    this client (chains are still checked against the pinned root) and refuses a new one."""
    impostor = AuthorityKeys.create("Impostor (TEST)", not_before=NOW - timedelta(days=2))
    files = {"/authority/root.pem": [authority.root.to_pem(), impostor.root.to_pem()],
             "/platform/certificate.pem": [_receipt_cert(impostor).to_pem(), _receipt_cert(authority).to_pem()]}
    pin = authority.root.fingerprint()
    with serving(files) as url:
        with ServiceClient(url, root_fingerprint=pin) as client:
            assert client.root_certificate().fingerprint() == pin
            with pytest.raises(VerificationFailed):  # the impostor's receipt key, not the pinned root's
                client.platform_certificate()
            assert client.platform_certificate().tbs["issuer"] == authority.root.tbs["subject"]
            assert client.root_certificate().fingerprint() == pin
        with ServiceClient(url, root_fingerprint=pin) as again, pytest.raises(VerificationFailed) as refused:
            again.platform_certificate()
        assert refused.value.template == ROOT_CHANGED


def test_a_home_with_a_self_signed_platform_certificate_gets_one_under_the_root(tmp_path):
    """Homes made before the receipt certificate chained: the same key, now certified by the root."""
    from app.server.keys import ServiceKeys, save_keys

    made = ServiceKeys.create(not_before=NOW)
    legacy = make_root(made.platform_key, common_name=PLATFORM_NAME, not_before=NOW - timedelta(days=1))
    save_keys(ServiceKeys(made.authority, legacy, made.platform_key), tmp_path / "keys")
    loaded = load_keys(tmp_path / "keys")
    assert is_receipt_signer(loaded.platform_cert)
    assert loaded.platform_cert.tbs["issuer"] == made.authority.root.tbs["subject"]
    assert loaded.platform_cert.public_key() == made.platform_key.public_key()
    assert load_keys(tmp_path / "keys").platform_cert.der == loaded.platform_cert.der  # written once
    assert OID_KP_BID_RECEIPT in {p.dotted for p in loaded.platform_cert.extension_value("extended_key_usage")}
