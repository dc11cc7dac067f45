"""How a command reaches the service: ``--server URL`` / ``EBID_SERVER``, else the embedded
service, started for this command in this process and stopped afterwards."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.client import ServiceClient

# app.server (FastAPI, uvicorn) is imported only when the embedded service starts: most `ebid`
# runs never need it.


@contextmanager
def service_client(args: argparse.Namespace) -> Iterator[ServiceClient]:
    """A client for ``--server`` / ``EBID_SERVER``, else for the embedded service, started for
    this command in this process (SQLite under the data folder) and stopped afterwards."""
    from ..core.client import ServiceClient

    if args.server:
        with ServiceClient(args.server) as client:
            yield client
        return
    from ..server.embedded import start_embedded

    with start_embedded() as running, ServiceClient(running.url) as client:
        yield client
