"""A bidder's work with a licence: apply for a key, encrypt and submit, fetch and decrypt, rehearse.

Plain functions over the keystore, the BIDX engine and a holder client, called off the GUI thread
by the bid page and the home page (each inside an op that unlocked the keystore and made the
holder client). None of them locks or keeps a session.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from . import bidx
from .bidx import WorkerPool
from .bidx.naming import free_name, safe_file_name
from .client import HolderClient, Project, Receipt
from .gm import SM2PrivateKey, SM2PublicKey
from .keystore import EncryptionKeyInfo, Keystore, LicenceSigner, Unlocked
from .tasks import CancelToken, Progress, check


@dataclass(frozen=True)
class Submitted:
    receipt: Receipt
    verified: bool  # the platform's signature checked against its certificate
    container: Path
    key_ids: tuple[str, ...]  # the container's recipient key ids (hex), for the home page


class Phase(Enum):
    """Where a project stands: bids accepted, deadline passed (已截止), opened (已开标)."""

    OPEN = "open"
    CLOSED = "closed"
    OPENED = "opened"


def phase(project: Project, now: datetime) -> Phase:
    """The platform refuses a bid after ``bid_deadline`` and decrypts from ``opening_time``."""
    if now >= project.opening_time:
        return Phase.OPENED
    return Phase.CLOSED if now > project.bid_deadline else Phase.OPEN


def device_keys_for(store: Keystore, licence_id: int | None) -> list[EncryptionKeyInfo]:
    """This device's encryption keys applied for under ``licence_id``."""
    return [k for k in store.list_encryption_keys() if k.licence_id == licence_id]


def bid_key(store: Keystore, licence_id: int | None, holder: HolderClient | None = None):
    """The key a new bid of ``licence_id`` is encrypted to, with its backup standing (the
    service's when ``holder`` is given, else the keystore's): the newest protected key of the
    licence on this device, else its newest. (key, :class:`~.keybackup.guard.Protection`), or
    None when the licence has no key here."""
    from .keybackup import guard

    def standing(key: EncryptionKeyInfo) -> guard.Protection:
        return guard.online_protection(holder, store, key) if holder is not None else guard.protection(store, key)

    return guard.bid_key(device_keys_for(store, licence_id), standing)


def key_hex(public_key: SM2PublicKey) -> str:
    return bidx.key_id(public_key).hex()


def device_key_matching(store: Keystore, key_ids: Sequence[str]) -> EncryptionKeyInfo | None:
    """The device key whose id is among a container's recipient ids (hex), if this device has one."""
    wanted = set(key_ids)
    return next((k for k in store.list_encryption_keys() if key_hex(k.public_key) in wanted), None)


def recipient_ids(container: Path) -> list[str]:
    return [s.key_id.hex() for s in bidx.inspect_container(container).stanzas]


def apply_for_key(
    holder: HolderClient, store: Keystore, unlocked: Unlocked, licence_id: int, label: str
) -> EncryptionKeyInfo:
    """申请密钥: generate on this device, register the public key, then keep the private key."""
    key = SM2PrivateKey.generate()
    registered = holder.register_key(key.public_key(), label)
    return store.add_encryption_key(
        unlocked, label=label, private_key=key, licence_id=licence_id, registry_id=registered.key_id
    )


def signer_key(store: Keystore, unlocked: Unlocked, licence_id: int) -> LicenceSigner:
    """The licence's signer handle: it signs while the batch's session is kept unlocked."""
    return store.licence_signer(unlocked, licence_id, purpose="sign bid files")


def encrypt_one(
    source: Path,
    outdir: Path,
    recipient: SM2PublicKey,
    options: bidx.EncryptOptions,
    pool: WorkerPool,
    progress: Progress,
    cancel: CancelToken,
) -> bidx.EncryptResult:
    progress(0, max(1, source.stat().st_size))  # tells the page this file has started
    return bidx.encrypt_file(
        source, outdir, [recipient], options=options, pool=pool, progress=progress, cancel=cancel
    )


def submit(
    holder: HolderClient, items: Sequence[tuple[Path, Path, str, str]], cancel: CancelToken,
    *, task: str | None = None,
) -> list[Submitted]:
    """Upload each (container, signature, project, section); check every receipt. ``task``: the
    encrypt task (upload page QR) the uploads answer."""
    platform = holder.service.platform_certificate()
    results = []
    for container, signature, project, section in items:
        check(cancel)
        receipt = holder.submit_bid(
            container, signature.read_bytes(), project=project, section=section, task=task
        )
        receipt.verify(
            platform
        )  # raises VerificationFailed: never show an unverified receipt as good
        results.append(Submitted(receipt, True, container, tuple(recipient_ids(container))))
    return results


def submissions(holder: HolderClient) -> list[Receipt]:
    """The enterprise's submissions, each receipt verified against the platform certificate."""
    receipts = holder.submissions()
    platform = holder.service.platform_certificate()
    for receipt in receipts:
        receipt.verify(platform)
    return receipts


def fetch_and_decrypt(
    holder: HolderClient,
    store: Keystore,
    unlocked: Unlocked,
    receipt: Receipt,
    outdir: Path,
    pool: WorkerPool,
    progress: Progress,
    cancel: CancelToken,
) -> bidx.DecryptResult:
    """After the opening: download the submitted file, then decrypt it with this device's key."""
    outdir.mkdir(parents=True, exist_ok=True)
    # The name is the uploader's (or a hostile platform's) choice: reduced to a plain file name.
    # So is the submission id it falls back on.
    name = safe_file_name(receipt.file_name, f"{receipt.submission_id}.bidx") or "submission.bidx"
    fetched = free_name(outdir, name)
    holder.fetch_bid(receipt.submission_id, fetched)
    return decrypt_with_device_key(store, unlocked, fetched, outdir, pool, progress, cancel)


def device_key_for(
    store: Keystore, unlocked: Unlocked, container: Path, purpose: str
) -> tuple[SM2PrivateKey, str]:
    """The key this device holds for the container — own, recovered, or a backup held for its
    owner (docs/protocols/key-backup.md) — and a line naming which one."""
    from .errors import Refused
    from .keybackup.flows import find_decryption_key

    try:
        return find_decryption_key(store, unlocked, recipient_ids(container), purpose=purpose)
    except Refused:
        raise bidx.NoDeviceKey("This device holds no key that opens {name}", name=container.name) from None


def _device_private_key(
    store: Keystore, unlocked: Unlocked, container: Path, purpose: str
) -> SM2PrivateKey:
    return device_key_for(store, unlocked, container, purpose)[0]


def decrypt_with_device_key(
    store: Keystore,
    unlocked: Unlocked,
    container: Path,
    outdir: Path,
    pool: WorkerPool,
    progress: Progress,
    cancel: CancelToken,
) -> bidx.DecryptResult:
    key = _device_private_key(store, unlocked, container, "decrypt bid")
    return bidx.decrypt_file(container, key, outdir, pool=pool, progress=progress, cancel=cancel)


def rehearse(
    store: Keystore,
    unlocked: Unlocked,
    container: Path,
    pool: WorkerPool,
    progress: Progress,
    cancel: CancelToken,
) -> tuple[bidx.DecryptResult, float]:
    """Every check of a decryption, writing nothing; (result, seconds taken)."""
    key = _device_private_key(store, unlocked, container, "rehearse decryption")
    start = time.monotonic()
    result = bidx.rehearse(container, key, pool=pool, progress=progress, cancel=cancel)
    return result, time.monotonic() - start
