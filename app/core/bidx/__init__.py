"""BIDX: the encrypted bid container (docs/formats/bidx.md) and its parallel streaming engine.

Use :func:`encrypt_files` / :func:`encrypt_file`, :func:`decrypt_file`, :func:`rehearse`,
:func:`inspect_container` and, at the opening, :func:`rewrap_for_opening`; all long calls follow the core contract ``progress=…, cancel=…``.
"""

from .decrypt import DecryptResult, decrypt_file, inspect_container, rehearse
from .encrypt import EncryptOptions, EncryptResult, encrypt_file, encrypt_files
from .format import (
    DEFAULT_CHUNK_SIZE,
    LEGACY_VERSION,
    MAGIC,
    VERSION,
    DamagedContainer,
    Header,
    SecretMetadata,
    Sender,
    SenderKind,
    Stanza,
)
from .opening import rewrap_for_opening
from .origin import Origin, SenderMismatch, SignerIdentity, check_sender
from .pipeline import WorkerPool, worker_pool
from .recipients import (
    NoDeviceKey,
    NotARecipient,
    key_id,
    load_recipient,
    load_signer_key,
    short_id,
)
from .sealing import ChunkFailed, FileSecrets, HeaderTampered
from .signing import sign_container, verify_container
from .suites import AES_SUITE, DEFAULT_SUITE, SM4_SUITE, Suite, suite_by_name

__all__ = [
    "AES_SUITE", "ChunkFailed", "DEFAULT_CHUNK_SIZE", "DEFAULT_SUITE", "DamagedContainer", "DecryptResult",
    "EncryptOptions", "EncryptResult", "FileSecrets", "Header", "HeaderTampered", "LEGACY_VERSION", "MAGIC",
    "NoDeviceKey", "NotARecipient", "Origin", "SM4_SUITE", "SecretMetadata", "Sender", "SenderKind", "SenderMismatch",
    "SignerIdentity", "Stanza", "Suite", "VERSION", "check_sender", "WorkerPool", "decrypt_file", "encrypt_file",
    "encrypt_files", "inspect_container", "key_id", "load_recipient", "load_signer_key", "rehearse", "rewrap_for_opening", "short_id",
    "sign_container", "suite_by_name", "verify_container", "worker_pool",
]
