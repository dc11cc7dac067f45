"""Who sent a container (docs/formats/bidx.md §8, "Origin"): the sender a v2 header names, the
signer a signature is checked against, and the rule that binds the two.

The header MAC proves only that someone holding the file key wrote the header, and every
recipient holds it. So a v2 header names its sender (the digest of the signer's certificate, or
of a bare signing key), and the container's signature covers that name together with the
project and section codes and every other byte. A verifier accepts the origin only when the
signature verifies *and* the header names the very signer it was checked against.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InvalidInput, VerificationFailed
from ..gm import SM2PublicKey, sm3
from .format import LEGACY_VERSION, Header, Sender, SenderKind
from .recipients import certificate_der, key_id, load_signer_key


class SenderMismatch(VerificationFailed):
    """The signature is valid, but the header names another sender: re-signed or forged."""


@dataclass(frozen=True)
class SignerIdentity:
    """What a signature is checked against: the key, and the certificate naming it if known."""

    public_key: SM2PublicKey
    certificate: bytes | None = None  # DER

    @classmethod
    def load(cls, data: bytes) -> SignerIdentity:
        """A PEM or DER public key or certificate (a certificate is kept for the sender check)."""
        return cls(load_signer_key(data), certificate_der(data))

    @classmethod
    def of(cls, signer: SM2PublicKey | SignerIdentity) -> SignerIdentity:
        return signer if isinstance(signer, SignerIdentity) else cls(signer)

    def sender(self) -> Sender:
        """How a header made by this signer names it: by certificate when there is one."""
        if self.certificate is not None:
            return Sender(SenderKind.CERTIFICATE, sm3(self.certificate))
        return Sender(SenderKind.PUBLIC_KEY, key_id(self.public_key))


def signer_identity(public_key: SM2PublicKey, certificate: bytes | None) -> SignerIdentity:
    """The identity a writer names; its certificate must carry the signing key."""
    if certificate is not None and load_signer_key(certificate) != public_key:
        raise InvalidInput("The signer's certificate is not the certificate of the signing key")
    return SignerIdentity(public_key, certificate)


@dataclass(frozen=True)
class Origin:
    """What a valid signature proved about a container's origin."""

    version: int
    sender: Sender | None  # as the header names it
    bound: bool  # the header names this signer: it made the container, for these codes

    def summary(self) -> str:
        if self.bound:
            return f"sent by the signer ({self.sender.describe()}), bound in the header"  # type: ignore[union-attr]
        if self.version == LEGACY_VERSION:
            return "BIDX v1: the header names no sender; the signature proves only who signed these bytes"
        return "the header names no sender; the signature proves only who signed these bytes"


def check_sender(header: Header, signer: SignerIdentity) -> Origin:
    """The origin of ``header`` once a signature by ``signer`` over its container verified;
    :class:`SenderMismatch` when the header names someone else."""
    named = header.sender
    if named is None:
        return Origin(header.version, None, False)
    if named.kind is SenderKind.PUBLIC_KEY:
        same = named.digest == key_id(signer.public_key)
    elif signer.certificate is None:  # a certificate digest cannot be checked against a bare key
        raise VerificationFailed(
            "The container names its sender by certificate ({named}): check it with the signer's "
            "certificate, not a bare public key", named=named.describe(),
        )
    else:
        same = named.digest == sm3(signer.certificate)
    if not same:
        raise SenderMismatch(
            "The container names another sender ({named}) than its signer ({signer}): it was re-signed "
            "or forged by someone else", named=named.describe(), signer=signer.sender().describe(),
        )
    return Origin(header.version, named, True)
