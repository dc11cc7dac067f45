"""The service's own keys: the authority root (signs licences and CRLs) and the platform key
(signs bid receipts), each with its certificate.

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
from ..core.pki import Certificate, make_root

ROOT_NAME = "EBid Desk reference authority (DEMO)"
PLATFORM_NAME = "EBid Desk reference e-bidding platform (DEMO)"
_FILES = ("authority-root.pem", "authority-key.pem", "platform-cert.pem", "platform-key.pem")


@dataclass(frozen=True)
class ServiceKeys:
    authority: AuthorityKeys
    platform_cert: Certificate
    platform_key: gm.SM2PrivateKey

    @classmethod
    def create(cls, *, not_before: datetime) -> ServiceKeys:
        start = not_before - timedelta(days=1)  # tolerate clients whose clock is a little behind
        platform_key = gm.SM2PrivateKey.generate()
        platform_cert = make_root(platform_key, common_name=PLATFORM_NAME, not_before=start)
        return cls(AuthorityKeys.create(ROOT_NAME, not_before=start), platform_cert, platform_key)


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
    return ServiceKeys(authority, Certificate.load(cert), gm.load_private_key(key))
