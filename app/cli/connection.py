"""How a command reaches the service: ``--server URL`` / ``EBID_SERVER``, pinned to the authority
root that server presents, else the embedded service, started for this command in this process.

The pin (trust on first use, as ``ssh`` does with host keys), for a remote server only:

1. ``--root-fingerprint FP`` / ``EBID_ROOT_FINGERPRINT`` (SHA-256 of the root's DER, plain hex or
   OpenSSL's ``AA:BB:…``) if given; once the server has presented that root it is stored as
   the pin for the URL;
2. else the pin stored for the URL in ``servers.json`` (data folder, :class:`PinStore`);
3. else, on the first connection, the root the server presents now: one line on stderr names
   its fingerprint, and it is stored.

The client then refuses every request to a server that presents another root
(:data:`ROOT_CHANGED`, a VerificationFailed: exit code 1). The embedded service needs no pin.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.client import ServiceClient
    from ..core.client.pins import PinStore

# app.server (FastAPI, uvicorn) is imported only when the embedded service starts: most `ebid`
# runs never need it.

FINGERPRINT_ENV = "EBID_ROOT_FINGERPRINT"
TRUSTING = (
    "ebid: trusting the server's root certificate, SHA-256 {fp}; check it with your administrator"
)


@contextmanager
def service_client(args: argparse.Namespace) -> Iterator[ServiceClient]:
    """A client for ``--server`` / ``EBID_SERVER`` (pinned, see above), else for the embedded
    service, started for this command in this process (SQLite under the data folder) and
    stopped afterwards."""
    from ..core.client import ServiceClient

    if args.server:
        with _pinned_client(args.server, args.root_fingerprint) as client:
            yield client
        return
    from ..server.embedded import start_embedded

    with start_embedded() as running, ServiceClient(running.url) as client:
        yield client


@contextmanager
def _pinned_client(url: str, given: str | None) -> Iterator[ServiceClient]:
    from ..core.client import ServiceClient
    from ..core.client.pins import PinStore, normalise

    pins = PinStore()
    if given:
        pin = normalise(given)
    else:
        pin = pins.get(url)
        if pin is None:
            pin = _trust_on_first_use(url)
            _store(pins, url, pin)
    with ServiceClient(url, root_fingerprint=pin) as client:
        if given and pins.get(url) != pin:
            client.root_certificate()  # refuses (ROOT_CHANGED) unless the server presents it
            _store(pins, url, pin)
        yield client


def _trust_on_first_use(url: str) -> str:
    from ..core.client import ServiceClient

    with ServiceClient(url) as probe:
        fingerprint = probe.root_certificate().fingerprint()
    print(TRUSTING.format(fp=fingerprint), file=sys.stderr)
    return fingerprint


def _store(pins: PinStore, url: str, fingerprint: str) -> None:
    from ..core.fsutil import describe_os_error

    try:
        pins.set(url, fingerprint)
    except OSError as exc:
        raise describe_os_error(exc, pins.path) from None
