"""A licence's signing key as a handle: it signs while its session is unlocked and never hands
out the key itself.

Callers that only need signatures (QR task responses, bid-file signatures, mailbox messages)
take a :class:`LicenceSigner` from :meth:`Keystore.licence_signer` instead of the raw
:class:`~app.core.gm.SM2PrivateKey`; locking the session they were given disarms the handle too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..gm import SM2PrivateKey, SM2PublicKey
from .errors import Locked
from .session import Unlocked


@dataclass(frozen=True, eq=False)
class LicenceSigner:
    licence_id: int
    #: The licence certificate (DER) the signatures verify under.
    certificate: bytes = field(repr=False)
    _key: SM2PrivateKey = field(repr=False)
    _session: Unlocked = field(repr=False)

    def public_key(self) -> SM2PublicKey:
        return self._key.public_key()

    def sign(self, message: bytes) -> bytes:
        """SM2 with SM3 over ``message``, standard user ID, DER ``SEQUENCE{r, s}``."""
        self._check()
        return self._key.sign(message)

    def sign_digest(self, digest: bytes) -> bytes:
        """Over an SM3 ``e`` already computed with ``public_key().message_hash()`` (streamed
        files: the bid container's signature)."""
        self._check()
        return self._key.sign_digest(digest)

    def _check(self) -> None:
        if self._session.is_locked:
            raise Locked("The keystore is locked: enter the licence password again")
