"""Remembering an unlock for a while through the OS keyring (see :mod:`.unlock_cache`).

The keyring keeps a random 16-byte session key; meta ``session_wrap`` keeps the master key and an
expiry time sealed under it (a data blob bound to ``meta/session_wrap/0``). Changing the password
or locking deletes the sealed copy, so a leftover keyring entry opens nothing.
"""

from __future__ import annotations

import os
import struct
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..errors import DecryptionFailed
from .blobs import MASTER_KEY_SIZE, seal, unseal
from .errors import KeystoreError
from .models import Meta
from .session import Unlocked
from .storage import META_MASTER, Storage
from .unlock_cache import UnlockCache

META_SESSION = "session_wrap"
#: How long a remembered unlock stays valid.
SESSION_TTL = timedelta(hours=8)
_WHERE = dict(table="meta", column=META_SESSION, row_id=0)


def drop_remembered(s: Session) -> None:
    """Delete the sealed copy of the master key (in the caller's transaction)."""
    s.execute(delete(Meta).where(Meta.key == META_SESSION))


class QuickUnlock:
    def __init__(self, storage: Storage, unlock_cache: UnlockCache) -> None:
        self._storage = storage
        self.unlock_cache = unlock_cache

    def remember(self, unlocked: Unlocked) -> bool:
        """Keep this unlock for :data:`SESSION_TTL` if a real OS keyring exists; True if kept."""
        if not self.unlock_cache.available:
            return False
        key = os.urandom(16)
        expires = int((self._storage.clock() + SESSION_TTL).timestamp())
        sealed = seal(key, unlocked.master() + struct.pack(">q", expires), **_WHERE)
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            self._storage.set_meta(s, META_SESSION, sealed)
        self.unlock_cache.put(self._storage.store_id(), key)
        return True

    def resume(self) -> Unlocked | None:
        """The remembered unlock, or None (nothing remembered, expired, or password changed)."""
        key = self.unlock_cache.get(self._storage.store_id())
        if key is None:
            return None
        with self._storage.transaction() as s:
            sealed = self._storage.get_meta(s, META_SESSION)
            blob = self._storage.get_meta(s, META_MASTER)
        if sealed is None or blob is None:
            return None
        try:
            plain = unseal(key, sealed, **_WHERE)
        except (DecryptionFailed, KeystoreError):
            return None
        (expires,) = struct.unpack(">q", plain[MASTER_KEY_SIZE:])
        if datetime.fromtimestamp(expires, timezone.utc) <= self._storage.clock():
            self.forget()
            return None
        return Unlocked(blob, plain[:MASTER_KEY_SIZE])

    def forget(self) -> None:
        """Lock: drop any remembered unlock, in the keyring and in the file."""
        self.unlock_cache.clear(self._storage.store_id())
        with self._storage.transaction() as s:
            drop_remembered(s)

    def forget_cached_key(self) -> None:
        """Clear the keyring entry only (after a password change deleted the sealed copy)."""
        self.unlock_cache.clear(self._storage.store_id())
