"""Detached signatures over a whole container file: SM2 with SM3, standard user ID, DER.

The signature covers the container's bytes exactly as stored — header (version, project and
section codes, the sender it names, recipients) and payload — so ``openssl dgst -sm3 -verify
PUB.pem -sigopt distid:1234567812345678 -signature FILE.bidx.sig FILE.bidx`` checks it
independently. Checking the *origin* takes one step more (origin.py): the header must name the
signer as its sender. The encryption engine signs while it writes (no second pass); these
functions sign or check a file afterwards, in one pass that also reads the header.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InvalidInput, VerificationFailed
from ..gm import SM2PrivateKey, SM2PublicKey
from .format import PREFIX_SIZE, Header, SenderKind, parse_header, parse_prefix
from .origin import Origin, SignerIdentity, check_sender
from .pipeline import open_for_reading, read_exact

_BLOCK = 1 << 20


def _digest(path: Path, public_key: SM2PublicKey) -> tuple[bytes, Header]:
    """The signature digest ``e`` of the file and its parsed header, in one read of the file."""
    h = public_key.message_hash()
    with open_for_reading(path) as stream:
        prefix = read_exact(stream, PREFIX_SIZE, path)
        if not prefix:
            raise InvalidInput("The file is empty, not a BIDX bid container")
        raw = prefix + read_exact(stream, parse_prefix(prefix) - PREFIX_SIZE, path)
        header = parse_header(raw)
        h.update(raw)
        while block := read_exact(stream, _BLOCK, path):
            h.update(block)
    return h.digest(), header


def sign_container(path: Path | str, key: SM2PrivateKey, certificate: bytes | None = None) -> bytes:
    """DER signature over the file at ``path``. Refused when its header names another sender than
    ``key`` (with ``certificate``, when it has one): signing it would claim someone else's bid."""
    identity = SignerIdentity(key.public_key(), certificate or getattr(key, "certificate", None))
    digest, header = _digest(Path(path), identity.public_key)
    named = header.sender
    # A certificate digest cannot be compared without our certificate: then the verifier decides.
    if named is not None and (identity.certificate is not None or named.kind is SenderKind.PUBLIC_KEY):
        check_sender(header, identity)
    return key.sign_digest(digest)


def verify_container(path: Path | str, signature: bytes, signer: SM2PublicKey | SignerIdentity) -> Origin:
    """What a valid signature by ``signer`` proves about the file at ``path`` (:class:`Origin`).

    :class:`VerificationFailed` unless ``signature`` is the signer's over these exact bytes;
    :class:`SenderMismatch` when it is, but the header names another sender."""
    identity = SignerIdentity.of(signer)
    digest, header = _digest(Path(path), identity.public_key)
    try:
        identity.public_key.verify_digest(signature, digest)
    except (VerificationFailed, InvalidInput):  # a malformed signature is simply not valid
        raise VerificationFailed(
            "The signature does not match {path}: the file was changed or signed by another key",
            path=str(path),
        ) from None
    return check_sender(header, identity)
