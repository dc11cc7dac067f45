"""The keystore: one file, and the facade callers use over its repositories.

:class:`Keystore` owns one :class:`~.storage.Storage` (engine, transactions, clock) and the small
repositories that share it — the password, licences, device identity, encryption keys, seals,
quick unlock, the QR task history and the audit log — and delegates each public method to one of them. Every
repository appends its audit entries through the same :class:`~.audit_log.AuditLog`, in the
transaction of the change it records.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ..audit import Anchor, CountersignedHead, Entry, Report
from ..errors import EbidError
from ..gm import SM2PrivateKey, SM2PublicKey
from ..paths import data_dir
from . import db
from .attempts import DelaySchedule, default_delay
from .audit_log import AuditLog
from .blobs import DEFAULT, KdfParams
from .device_identity import DeviceIdentityInfo, DeviceIdentityKey
from .encryption_keys import EncryptionKeyInfo, EncryptionKeys
from .errors import KeystoreError
from .key_backups import KeyBackups
from .licences import LicenceInfo, Licences
from .password import Password
from .peers import PeerCards
from .quick_unlock import QuickUnlock
from .seals import Seals, StoredSeal
from .session import Unlocked
from .signer import LicenceSigner
from .storage import Storage
from .task_history import TaskHistory, TaskRecord
from .unlock_cache import UnlockCache, select_unlock_cache

FILE_NAME = "keystore.sqlite"

Progress = Callable[[int, int], None]
Clock = Callable[[], datetime]


def default_path() -> Path:
    return data_dir() / FILE_NAME


class Keystore:
    """One keystore file. Open it with :meth:`open`; it upgrades its schema on open."""

    def __init__(
        self,
        engine: Engine,
        path: Path,
        *,
        clock: Clock = db.utcnow,
        delay_schedule: DelaySchedule = default_delay,
        kdf: KdfParams = DEFAULT,
        unlock_cache: UnlockCache | None = None,
    ) -> None:
        cache = unlock_cache if unlock_cache is not None else select_unlock_cache()
        self._storage = Storage(engine, path, clock)
        self._audit = AuditLog(self._storage)
        self._quick_unlock = QuickUnlock(self._storage, cache)
        self._password = Password(
            self._storage, self._audit, self._quick_unlock, kdf=kdf, delay_schedule=delay_schedule
        )
        self._licences = Licences(self._storage, self._audit)
        self._device = DeviceIdentityKey(self._storage, self._audit)
        self._encryption_keys = EncryptionKeys(self._storage, self._audit)
        self._seals = Seals(self._storage, self._audit)
        self._tasks = TaskHistory(self._storage, self._audit)
        self._backups = KeyBackups(self._storage, self._audit)
        self._peers = PeerCards(self._storage, self._audit)

    @classmethod
    def open(cls, path: str | Path | None = None, **options) -> Keystore:
        """Open (creating if needed) the keystore at ``path``, by default
        ``data_dir()/keystore.sqlite``."""
        target = Path(path) if path is not None else default_path()
        if target.is_dir():
            raise KeystoreError("{path} is a folder, not a keystore file", path=str(target))
        engine = db.make_engine(target)
        try:
            db.upgrade(engine, target)
        except EbidError:
            engine.dispose()
            raise
        return cls(engine, target, **options)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Keystore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -----------------------------------------------------------------------------------------
    # the file

    @property
    def engine(self) -> Engine:
        return self._storage.engine

    @property
    def path(self) -> Path:
        return self._storage.path

    @property
    def clock(self) -> Clock:
        return self._storage.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self._storage.clock = clock

    @property
    def kdf(self) -> KdfParams:
        return self._password.kdf

    @property
    def delay_schedule(self) -> DelaySchedule:
        return self._password.delay_schedule

    @property
    def unlock_cache(self) -> UnlockCache:
        return self._quick_unlock.unlock_cache

    def transaction(self) -> AbstractContextManager[Session]:
        """One SQLite transaction (``BEGIN IMMEDIATE``): all or nothing, even under SIGKILL."""
        return self._storage.transaction()

    def store_id(self) -> str:
        """A random id of this keystore (names its keyring entry)."""
        return self._storage.store_id()

    # -----------------------------------------------------------------------------------------
    # the password

    def is_initialised(self) -> bool:
        return self._password.is_initialised()

    def initialise(self, password: bytes) -> Unlocked:
        """Set the licence password on a new keystore; returns an unlocked session."""
        return self._password.initialise(password)

    def failed_attempts(self) -> int:
        return self._password.failed_attempts()

    def unlock_wait(self) -> int:
        """Seconds before the next password attempt is accepted (0 = now)."""
        return self._password.unlock_wait()

    def unlock(self, password: bytes) -> Unlocked:
        """Check the licence password.

        Wrong: :class:`WrongPassword`; too soon: :class:`TooManyAttempts`.
        """
        return self._password.unlock(password)

    def change_password(
        self, old: bytes, new: bytes, *, progress: Progress | None = None
    ) -> Unlocked:
        """Re-encrypt every private key under a new master key wrapped by ``new``, in one
        transaction.

        A fresh master key (not just a re-wrapped one) means an old copy of the file together with
        the old password opens nothing written after the change. ``progress(done, total)`` is
        called after each key, and with ``done == total`` once the new password record is written
        and only the commit remains.
        """
        return self._password.change(old, new, progress=progress)

    # -----------------------------------------------------------------------------------------
    # remembering an unlock (OS keyring)

    def remember(self, unlocked: Unlocked) -> bool:
        """Keep this unlock for a while if a real OS keyring exists; True if kept."""
        return self._quick_unlock.remember(unlocked)

    def resume(self) -> Unlocked | None:
        """The remembered unlock, or None (nothing remembered, expired, or password changed)."""
        return self._quick_unlock.resume()

    def forget(self) -> None:
        """Lock: drop any remembered unlock, in the keyring and in the file."""
        self._quick_unlock.forget()

    # -----------------------------------------------------------------------------------------
    # licences

    def check_ready(self, unlocked: Unlocked) -> None:
        """Raise now what storing would raise later: a locked session, a password changed
        meanwhile, a keystore that cannot take its write lock. Run before something that cannot
        be undone (a licence issued by the authority) whose result must then be stored."""
        with self.transaction() as s:
            self._storage.check_session(s, unlocked)

    def add_licence(
        self, unlocked: Unlocked, *, certificate: bytes, private_key: SM2PrivateKey,
        enterprise_code: str, enterprise_name: str, holder_name: str, role: str,
        not_before: datetime, not_after: datetime,
    ) -> LicenceInfo:
        return self._licences.add(
            unlocked, certificate=certificate, private_key=private_key,
            enterprise_code=enterprise_code, enterprise_name=enterprise_name,
            holder_name=holder_name, role=role, not_before=not_before, not_after=not_after,
        )

    def list_licences(self) -> list[LicenceInfo]:
        return self._licences.list_all()

    def get_licence(self, licence_id: int) -> LicenceInfo:
        return self._licences.get(licence_id)

    def remove_licence(self, unlocked: Unlocked, licence_id: int) -> None:
        self._licences.remove(unlocked, licence_id)

    def private_key(self, licence_id: int, unlocked: Unlocked, *, purpose: str) -> SM2PrivateKey:
        """The licence's private key; ``purpose`` (e.g. ``"sign"``) is written to the audit log."""
        return self._licences.private_key(licence_id, unlocked, purpose=purpose)

    def licence_signer(self, unlocked: Unlocked, licence_id: int, *, purpose: str) -> LicenceSigner:
        """A handle that signs with the licence's key while ``unlocked`` stays unlocked.

        The key use is audited with ``purpose`` once, here, as :meth:`private_key` audits it.
        """
        return self._licences.signer(unlocked, licence_id, purpose=purpose)

    # -----------------------------------------------------------------------------------------
    # the device identity key

    def create_device_identity(self, unlocked: Unlocked) -> DeviceIdentityInfo:
        return self._device.create(unlocked)

    def device_identity(self) -> DeviceIdentityInfo | None:
        return self._device.info()

    def device_private_key(self, unlocked: Unlocked, *, purpose: str) -> SM2PrivateKey:
        return self._device.private_key(unlocked, purpose=purpose)

    # -----------------------------------------------------------------------------------------
    # encryption keys

    def add_encryption_key(
        self, unlocked: Unlocked, *, label: str, private_key: SM2PrivateKey | None = None,
        licence_id: int | None = None, certificate: bytes | None = None,
        registry_id: str | None = None,
    ) -> EncryptionKeyInfo:
        """Store (or, without ``private_key``, generate) a key pair for bid-file encryption;
        ``registry_id`` is the key registry's id once the public key is registered."""
        return self._encryption_keys.add(
            unlocked, label=label, private_key=private_key, licence_id=licence_id,
            certificate=certificate, registry_id=registry_id,
        )

    def list_encryption_keys(self) -> list[EncryptionKeyInfo]:
        return self._encryption_keys.list_all()

    def get_encryption_key(self, key_id: int) -> EncryptionKeyInfo:
        return self._encryption_keys.get(key_id)

    def encryption_private_key(
        self, key_id: int, unlocked: Unlocked, *, purpose: str
    ) -> SM2PrivateKey:
        return self._encryption_keys.private_key(key_id, unlocked, purpose=purpose)

    def encryption_public_key(self, key_id: int, unlocked: Unlocked) -> SM2PublicKey:
        """The public key a bid is encrypted to: derived from the sealed private key, refused
        (:class:`TamperedKey`) if the stored public half was swapped."""
        return self._encryption_keys.checked_public_key(key_id, unlocked)

    # -----------------------------------------------------------------------------------------
    # key backup (docs/protocols/key-backup.md): held keys, sent backups, recoveries, seen ids

    @property
    def backups(self) -> KeyBackups:
        """The key-backup records; their rules are in :mod:`app.core.keybackup`."""
        return self._backups

    @property
    def peers(self) -> PeerCards:
        """Pinned authority roots and peer cards (the offline transport between authorities)."""
        return self._peers

    # -----------------------------------------------------------------------------------------
    # collected seals

    def add_seal(
        self,
        unlocked: Unlocked,
        *,
        seal_id: str,
        enterprise_code: str,
        seal_type: str,
        name: str,
        valid_start: datetime,
        valid_end: datetime,
        seal: bytes,
        picture: bytes,
        licence_id: int | None = None,
    ) -> StoredSeal:
        """Store a collected seal (replacing an earlier copy of the same seal id)."""
        return self._seals.add(
            unlocked, seal_id=seal_id, enterprise_code=enterprise_code, seal_type=seal_type,
            name=name, valid_start=valid_start, valid_end=valid_end, seal=seal, picture=picture,
            licence_id=licence_id,
        )

    def list_seals(self) -> list[StoredSeal]:
        return self._seals.list_all()

    def get_seal(self, seal_id: str) -> StoredSeal:
        return self._seals.get(seal_id)

    def remove_seal(self, unlocked: Unlocked, seal_id: str) -> None:
        self._seals.remove(unlocked, seal_id)

    # -----------------------------------------------------------------------------------------
    # QR task history

    def record_task(
        self, unlocked: Unlocked | None, *, task_id: str, task_type: str, platform_name: str,
        platform_url: str, answer: str, action: str, outcome: str, document_sm3: str,
        licence_serial: str | None = None, licence_id: int | None = None,
    ) -> TaskRecord:
        """Record an answer to a QR task (and its ``task.<action>`` audit entry, in one transaction)."""
        return self._tasks.add(
            unlocked, task_id=task_id, task_type=task_type, platform_name=platform_name,
            platform_url=platform_url, answer=answer, action=action, outcome=outcome,
            document_sm3=document_sm3, licence_serial=licence_serial, licence_id=licence_id,
        )

    def task_history(self, *, limit: int | None = None) -> list[TaskRecord]:
        """The answers given to QR tasks on this device, oldest first."""
        return self._tasks.list_all(limit=limit)

    # -----------------------------------------------------------------------------------------
    # the audit log (stored in this file; see app.core.audit)

    def log_event(self, event: str, unlocked: Unlocked | None = None, **details: object) -> Entry:
        """Record a security event (e.g. ``"authorisation.created"``); details are JSON, never
        secrets.

        With ``unlocked`` the entry is also anchored (see :mod:`app.core.audit.anchor`).
        """
        return self._audit.log_event(event, unlocked, **details)

    def audit_entries(self, *, since: int = 0, limit: int | None = None) -> list[Entry]:
        return self._audit.entries(since=since, limit=limit)

    def verify_audit(self, unlocked: Unlocked | None = None) -> Report:
        """Check the chain; with ``unlocked``, also the anchored head (catches a cut or a
        rewritten tail, a removed anchor) and the heads the service countersigned (catches an
        older anchor put back after a cut)."""
        return self._audit.verify(unlocked)

    def audit_head(self, unlocked: Unlocked) -> Anchor:
        """The anchored head to have countersigned, once the whole log verified."""
        return self._audit.head_to_countersign(unlocked)

    def record_countersigned(self, unlocked: Unlocked, head: CountersignedHead) -> None:
        """Keep a head the service countersigned (check its signature first)."""
        self._audit.record_countersigned(unlocked, head)

    def countersigned_heads(self) -> list[CountersignedHead]:
        return self._audit.countersigned_heads()
