"""The seal office's key and certificate (制章者证书), issued under the authority root.

Stored beside the other service keys in ``<home>/keys`` (``seal-office-cert.pem`` and
``seal-office-key.pem``, the key unencrypted PKCS#8 with mode 0600, for the same reason as the
others: the service starts unattended). ``ebid service init`` creates them when missing, so a
service home made before the seal office existed gets them on its next ``init``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ...core import gm
from ...core.fsutil import atomic_write
from ...core.licence import AuthorityKeys
from ...core.pki import Certificate
from ...core.seal.format import is_seal_maker, make_office_certificate
from ..errors import ApiError

OFFICE_ORGANISATION = "EBid Desk reference seal office (DEMO)"
OFFICE_NAME = "EBid Desk reference seal office (DEMO)"
CERT_FILE, KEY_FILE = "seal-office-cert.pem", "seal-office-key.pem"
OFFICE_YEARS = 10


@dataclass(frozen=True)
class OfficeKeys:
    certificate: Certificate
    key: gm.SM2PrivateKey


def ensure_office_keys(folder: Path, authority: AuthorityKeys, *, now: datetime) -> OfficeKeys:
    """Load the office keys, or make them (signed by ``authority``'s root) if absent."""
    if (folder / CERT_FILE).exists() and (folder / KEY_FILE).exists():
        return load_office_keys(folder)
    key = gm.SM2PrivateKey.generate()
    start = now - timedelta(days=1)  # like the other service keys: tolerate slow client clocks
    end = min(start + timedelta(days=365 * OFFICE_YEARS), authority.root.not_after)
    cert = make_office_certificate(
        key.public_key(),
        organisation=OFFICE_ORGANISATION,
        common_name=OFFICE_NAME,
        root=authority.root,
        root_key=authority.key,
        not_before=start,
        not_after=end,
    )
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write(folder / CERT_FILE, cert.to_pem())
    atomic_write(folder / KEY_FILE, gm.private_key_to_pem(key))
    os.chmod(folder / KEY_FILE, 0o600)
    return OfficeKeys(cert, key)


_cache: dict[Path, OfficeKeys] = {}


def load_office_keys(folder: Path) -> OfficeKeys:
    """The office keys from ``folder`` (cached per folder: they never change once made)."""
    folder = folder.resolve()
    if folder in _cache:
        return _cache[folder]
    try:
        cert = Certificate.load((folder / CERT_FILE).read_bytes())
        key = gm.load_private_key((folder / KEY_FILE).read_bytes())
    except FileNotFoundError:
        raise ApiError("seal_office_not_provisioned",
            "The seal office has no key yet: run `ebid service init` on the server",
        ) from None
    if not is_seal_maker(cert) or cert.public_key() != key.public_key():
        raise ApiError("seal_office_not_provisioned", "The seal office's key files do not match"
        )
    _cache[folder] = OfficeKeys(cert, key)
    return _cache[folder]
