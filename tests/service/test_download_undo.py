"""A licence the authority issued but the device could not store is revoked again at once, so
no active licence is left whose private key nobody has (issue: hostile inputs, item 9)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from app.core.keystore import Keystore, NullUnlockCache
from app.core.pki.crl import load_crl

PASSWORD = "Tender!Open-Day 2026 lotus"

CHILD = textwrap.dedent("""
    import resource, signal, sys
    from app.core.client import ServiceClient
    from app.core.client.wallet import download_licence
    from app.core.errors import EbidError
    from app.core.keystore import Keystore, NullUnlockCache
    from datetime import datetime
    url, path, password, place, code, name, id_number, now = sys.argv[1:]
    store = Keystore.open(path, unlock_cache=NullUnlockCache())
    unlocked = store.unlock(password.encode())
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (1, resource.RLIM_INFINITY))  # as a full disk
    with ServiceClient(url, clock=lambda: datetime.fromisoformat(now)) as client:
        try:
            download_licence(client, store, unlocked, place=place, credit_code=code, name=name,
                             id_number=id_number)
        except EbidError as exc:
            print(exc.message)
            sys.exit(1)
    print("stored")
""")


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_licence_that_cannot_be_stored_is_revoked_again(service, client, clock, demo, tmp_path):
    enterprise, rep, _ = demo
    path = tmp_path / "device" / "keystore.sqlite"
    path.parent.mkdir()
    with Keystore.open(path, unlock_cache=NullUnlockCache()) as store:
        store.initialise(PASSWORD.encode())
    done = subprocess.run([sys.executable, "-c", CHILD, service.url, str(path), PASSWORD,
                           enterprise.registration_place, enterprise.credit_code, rep.name,
                           rep.id_number, clock().isoformat()], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "could not be stored on this device" in done.stdout and "revoked again" in done.stdout
    serial = int(done.stdout.split("(serial ")[1].split(")")[0], 16)
    assert load_crl(client.crl_pem(), client.root_certificate()).is_revoked(serial)
    with Keystore.open(path, unlock_cache=NullUnlockCache()) as store:
        assert store.list_licences() == []
