"""An unlocked keystore: the master key in memory, and what it derives.

Python cannot reliably wipe memory; :meth:`Unlocked.lock` drops the references so the key is
collected, which is as far as an interpreter lets us go.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..gm import hkdf_sm3
from .blobs import data_key
from .errors import Locked


@dataclass(eq=False)
class Unlocked:
    """Proof that the licence password was given. Pass it to the keystore's key operations."""

    #: The master-key blob this session was opened from: if the password changes (here or in
    #: another process), the session no longer matches and is refused with a clear error.
    master_blob: bytes
    _master: bytes | None = field(repr=False)

    @property
    def is_locked(self) -> bool:
        return self._master is None

    def lock(self) -> None:
        self._master = None

    def master(self) -> bytes:
        if self._master is None:
            raise Locked("The keystore is locked: enter the licence password again")
        return self._master

    def data_key(self) -> bytes:
        return data_key(self.master())

    def audit_key(self) -> bytes:
        """Key of the MAC over the audit log's anchored head (see :mod:`app.core.audit`)."""
        return hkdf_sm3(self.master(), length=32, info=b"EBidDesk audit anchor v1")
