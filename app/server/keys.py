"""The service's own keys: the authority root (signs licences and CRLs) and the platform key
(signs bid receipts), each with its certificate — the platform's issued by the root, with the
receipt extended key usage (``app.core.pki.receipts``; clients refuse any other).

Stored as PEM files in ``<home>/keys``: certificates world-readable, private keys as unencrypted
PKCS#8 with mode 0600 in a 0700 folder. They are protected by file permissions, not by a
password: the service must start unattended (and embedded, without asking the user anything).
An operator who needs more keeps the folder on an encrypted volume.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..core import gm
from ..core.errors import EbidError
from ..core.fsutil import atomic_write
from ..core.licence import AuthorityKeys
from ..core.pki import Certificate
from ..core.pki.receipts import is_receipt_signer, make_receipt_certificate

ROOT_NAME = "EBid Desk reference authority (DEMO)"
PLATFORM_NAME = "EBid Desk reference e-bidding platform (DEMO)"
_FILES = ("authority-root.pem", "authority-key.pem", "platform-cert.pem", "platform-key.pem")
RECEIPT_YEARS = 10


@dataclass(frozen=True)
class ServiceKeys:
    authority: AuthorityKeys
    platform_cert: Certificate
    platform_key: gm.SM2PrivateKey

    @classmethod
    def create(cls, *, not_before: datetime) -> ServiceKeys:
        start = not_before - timedelta(days=1)  # tolerate clients whose clock is a little behind
        authority = AuthorityKeys.create(ROOT_NAME, not_before=start)
        platform_key = gm.SM2PrivateKey.generate()
        return cls(authority, receipt_certificate(authority, platform_key, start), platform_key)


def receipt_certificate(authority: AuthorityKeys, platform_key: gm.SM2PrivateKey, start: datetime) -> Certificate:
    """The platform key's receipt-signing certificate under the authority root (clients refuse
    any other: docs/pki/certificate-profile.md §6b)."""
    root = authority.root
    return make_receipt_certificate(
        platform_key.public_key(), name=PLATFORM_NAME, root=root, root_key=authority.key, not_before=start,
        not_after=min(start + timedelta(days=365 * RECEIPT_YEARS), root.not_after),
    )


def keys_exist(folder: Path) -> bool:
    return all((folder / name).exists() for name in _FILES)


def save_keys(keys: ServiceKeys, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    root, root_key, cert, key = (folder / name for name in _FILES)
    atomic_write(root, keys.authority.root.to_pem())
    atomic_write(cert, keys.platform_cert.to_pem())
    for path, private in ((root_key, keys.authority.key), (key, keys.platform_key)):
        atomic_write(path, gm.private_key_to_pem(private))
        os.chmod(path, 0o600)


def load_keys(folder: Path) -> ServiceKeys:
    if not keys_exist(folder):
        raise EbidError(
            "The service has no keys in {folder}: run `ebid service init` first", folder=str(folder)
        )
    root, root_key, cert, key = ((folder / name).read_bytes() for name in _FILES)
    authority = AuthorityKeys(Certificate.load(root), gm.load_private_key(root_key))
    platform_key, platform_cert = gm.load_private_key(key), Certificate.load(cert)
    if not _receipt_signer_of(platform_cert, authority, platform_key):
        # A home made when the platform certificate was self-signed (clients now refuse that):
        # the same key and window start, certified by the root from now on.
        platform_cert = receipt_certificate(authority, platform_key, max(platform_cert.not_before,
                                                                         authority.root.not_before))
        try:
            atomic_write(folder / _FILES[2], platform_cert.to_pem())
        except OSError:
            pass  # a read-only home: certified again on each start, same key and root
    return ServiceKeys(authority, platform_cert, platform_key)


def _receipt_signer_of(cert: Certificate, authority: AuthorityKeys, key: gm.SM2PrivateKey) -> bool:
    return (is_receipt_signer(cert) and cert.tbs["issuer"] == authority.root.tbs["subject"]
            and cert.public_key() == key.public_key())
