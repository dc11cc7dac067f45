"""Remembering an unlock for a while through the OS keyring (see :mod:`.unlock_cache`).

The keyring keeps a random 16-byte session key; meta ``session_wrap`` keeps the master key and an
expiry time sealed under it (a data blob bound to ``meta/session_wrap/0``). Changing the password
or locking deletes the sealed copy, so a leftover keyring entry opens nothing.
"""

from __future__ import annotations

import os
import struct
from contextlib import AbstractContextManager
from datetime import datetime, timedelta, timezone
from typing import Callable

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..errors import DecryptionFailed
from .blobs import MASTER_KEY_SIZE, seal, unseal
from .errors import KeystoreError
from .models import Meta
from .session import Unlocked
from .unlock_cache import UnlockCache

META_MASTER = "master_key"  # same name as in .store
META_SESSION = "session_wrap"
#: How long a remembered unlock stays valid.
SESSION_TTL = timedelta(hours=8)
_WHERE = dict(table="meta", column=META_SESSION, row_id=0)


class QuickUnlockMixin:
    clock: Callable[[], datetime]
    unlock_cache: UnlockCache

    def transaction(self) -> AbstractContextManager[Session]: ...  # provided by Keystore
    def store_id(self) -> str: ...
    def _check_session(self, s: Session, unlocked: Unlocked) -> None: ...
    def _get_meta(self, s: Session, key: str) -> bytes | None: ...
    def _set_meta(self, s: Session, key: str, value: bytes) -> None: ...

    def remember(self, unlocked: Unlocked) -> bool:
        """Keep this unlock for :data:`SESSION_TTL` if a real OS keyring exists; True if kept."""
        if not self.unlock_cache.available:
            return False
        key = os.urandom(16)
        expires = int((self.clock() + SESSION_TTL).timestamp())
        sealed = seal(key, unlocked.master() + struct.pack(">q", expires), **_WHERE)
        with self.transaction() as s:
            self._check_session(s, unlocked)
            self._set_meta(s, META_SESSION, sealed)
        self.unlock_cache.put(self.store_id(), key)
        return True

    def resume(self) -> Unlocked | None:
        """The remembered unlock, or None (nothing remembered, expired, or password changed)."""
        key = self.unlock_cache.get(self.store_id())
        if key is None:
            return None
        with self.transaction() as s:
            sealed, blob = self._get_meta(s, META_SESSION), self._get_meta(s, META_MASTER)
        if sealed is None or blob is None:
            return None
        try:
            plain = unseal(key, sealed, **_WHERE)
        except (DecryptionFailed, KeystoreError):
            return None
        (expires,) = struct.unpack(">q", plain[MASTER_KEY_SIZE:])
        if datetime.fromtimestamp(expires, timezone.utc) <= self.clock():
            self.forget()
            return None
        return Unlocked(blob, plain[:MASTER_KEY_SIZE])

    def forget(self) -> None:
        """Lock: drop any remembered unlock, in the keyring and in the file."""
        self.unlock_cache.clear(self.store_id())
        with self.transaction() as s:
            s.execute(delete(Meta).where(Meta.key == META_SESSION))

