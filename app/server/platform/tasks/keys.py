"""The platform's QR-task certificate (``<home>/keys/platform-task-cert.pem``): the platform key
(the one that signs receipts), certified by the authority root for signing task documents.

``ebid service init`` makes it when missing; a service home made before QR tasks existed gets it
the first time a task is made (one file, written atomically; concurrent makers each write a valid
certificate for the same key)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

from ....core.fsutil import atomic_write
from ....core.pki import Certificate
from ....core.qrtask import is_task_signer, make_task_certificate
from ...keys import PLATFORM_NAME, ServiceKeys

CERT_FILE = "platform-task-cert.pem"
YEARS = 10
_cache: dict[Path, Certificate] = {}
_lock = threading.Lock()


def task_certificate(folder: Path, keys: ServiceKeys, *, now: datetime) -> Certificate:
    """The task certificate for ``keys.platform_key``, made (under the authority root) if absent."""
    folder = folder.resolve()
    with _lock:
        cert = _cache.get(folder) or _load(folder / CERT_FILE, keys)
        if cert is None:
            start = now - timedelta(days=1)  # like the other service keys: tolerate slow clocks
            root = keys.authority.root
            cert = make_task_certificate(
                keys.platform_key.public_key(), name=PLATFORM_NAME, root=root,
                root_key=keys.authority.key, not_before=start,
                not_after=min(start + timedelta(days=365 * YEARS), root.not_after),
            )
            atomic_write(folder / CERT_FILE, cert.to_pem())
        _cache[folder] = cert
        return cert


def _load(path: Path, keys: ServiceKeys) -> Certificate | None:
    if not path.exists():
        return None
    cert = Certificate.load(path.read_bytes())
    if not is_task_signer(cert) or cert.public_key() != keys.platform_key.public_key():
        return None  # another key's or not a task certificate: make a proper one
    return cert
