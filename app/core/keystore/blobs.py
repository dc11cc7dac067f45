"""Encrypted blobs of the keystore: the password-wrapped master key and the data blobs under it.

Key hierarchy (one Argon2id per unlock)::

    password --Argon2id(salt, m, t, p)--> KEK (16 bytes)
    KEK --SM4-GCM--> master key (32 random bytes), stored in meta "master_key"
    master key --HKDF-SM3("EBidDesk keystore data v1")--> data key (16 bytes)
    data key --SM4-GCM--> each private key (32-byte scalar) in its row

Master-key blob, version 1::

    0x01 | kdf 0x01 (Argon2id) | m KiB (u32 BE) | t (u32 BE) | p (u32 BE) | salt len (u8) | salt
    | nonce (12) | SM4-GCM(KEK, master key) || tag (16)
    AAD = "EBidDesk/keystore\\0meta\\0master_key\\0" || every header byte before the nonce

Data blob, version 1::

    0x01 | nonce (12) | SM4-GCM(data key, plaintext) || tag (16)
    AAD = "EBidDesk/keystore\\0" table "\\0" column "\\0" || row id (u64 BE) || 0x01

The AAD binds a data blob to its table, column, row and format version: the same bytes pasted
into another row fail authentication.
"""

from __future__ import annotations

import os
import struct
import threading
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from ..errors import DecryptionFailed, InvalidInput, WrongPassword
from ..gm import hkdf_sm3, sm4_gcm_decrypt, sm4_gcm_encrypt
from .errors import KeystoreError

MASTER_VERSION = 1
DATA_VERSION = 1
KDF_ARGON2ID = 1
MASTER_KEY_SIZE = 32
NONCE_SIZE = 12
SALT_SIZE = 16
_PREFIX = b"EBidDesk/keystore\0"
_HEADER = struct.Struct(">BBIIIB")


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, iterations (t), lanes (p)."""

    memory_kib: int
    iterations: int
    lanes: int

    def at_least(self, floor: KdfParams) -> bool:
        return (
            self.memory_kib >= floor.memory_kib
            and self.iterations >= floor.iterations
            and self.lanes >= floor.lanes
        )


#: Nothing weaker is ever written (ARCHITECTURE §3: m = 64 MiB, t = 3; p = 4).
FLOOR = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
#: What new passwords get. Raise it here: stored blobs keep their own parameters until the
#: password is next changed, which re-wraps with the current policy.
DEFAULT = FLOOR
#: The most a stored record may ask (a later default may rise to it): 4 GiB, t=16, p=16.
CEILING = KdfParams(memory_kib=4 * 1024 * 1024, iterations=16, lanes=16)


#: One Argon2id derivation at a time in this process. cryptography lets OpenSSL run the lanes on
#: its one thread pool, capped at the number of CPUs; two derivations at once (the window's
#: mailbox notices while the user unlocks, two pages at once) each hold part of the pool and wait
#: for the rest forever — on two cores every second concurrent unlock hung. Serialised, each still
#: gets all the cores.
_KDF_LOCK = threading.Lock()


def derive_kek(password: bytes, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=16,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    with _KDF_LOCK:
        return kdf.derive(password)


def data_key(master: bytes) -> bytes:
    return hkdf_sm3(master, length=16, info=b"EBidDesk keystore data v1")


# ---------------------------------------------------------------------------------------------
# Master key, wrapped by the password


def wrap_master(master: bytes, password: bytes, params: KdfParams) -> bytes:
    if not params.at_least(FLOOR):
        raise KeystoreError("Argon2id parameters below the floor (64 MiB, t=3, p=4) are not allowed")
    salt = os.urandom(SALT_SIZE)
    header = _HEADER.pack(MASTER_VERSION, KDF_ARGON2ID, params.memory_kib, params.iterations, params.lanes, len(salt)) + salt
    nonce = os.urandom(NONCE_SIZE)
    kek = derive_kek(password, salt, params)
    return header + nonce + sm4_gcm_encrypt(kek, nonce, master, _master_aad(header))


def master_params(blob: bytes) -> tuple[KdfParams, bytes, bytes, bytes]:
    """Parse a master-key blob: (parameters, salt, header, rest = nonce || ciphertext)."""
    if not isinstance(blob, bytes) or len(blob) < _HEADER.size:  # a cell edited into another type
        raise _damaged_master()
    version, kdf, memory, iterations, lanes, salt_len = _HEADER.unpack_from(blob)
    if version != MASTER_VERSION or kdf != KDF_ARGON2ID:
        raise KeystoreError(
            "The keystore's password record has format {version}, which this version of EBid Desk cannot read",
            version=version,
        )
    end = _HEADER.size + salt_len
    if len(blob) != end + NONCE_SIZE + MASTER_KEY_SIZE + 16:
        raise _damaged_master()
    params = KdfParams(memory, iterations, lanes)
    # Read from the file, so bounded before use: below the floor nothing we wrote, above the
    # ceiling an edit meant to hang or exhaust the machine (and either would otherwise end as
    # a misleading "wrong password", the header being authenticated with the key it derives).
    if not params.at_least(FLOOR) or not CEILING.at_least(params):
        raise KeystoreError(
            "The keystore's password record asks for Argon2id parameters outside what EBid Desk writes "
            "({memory} KiB, t={iterations}, p={lanes}): the file was changed or is damaged",
            memory=memory, iterations=iterations, lanes=lanes)
    return params, blob[_HEADER.size:end], blob[:end], blob[end:]


def unwrap_master(blob: bytes, password: bytes) -> bytes:
    params, salt, header, rest = master_params(blob)
    kek = derive_kek(password, salt, params)
    try:
        return sm4_gcm_decrypt(kek, rest[:NONCE_SIZE], rest[NONCE_SIZE:], _master_aad(header))
    except DecryptionFailed:
        raise WrongPassword("Wrong licence password") from None


def _master_aad(header: bytes) -> bytes:
    return _PREFIX + b"meta\0master_key\0" + header


def _damaged_master() -> KeystoreError:
    return KeystoreError("The keystore's password record is damaged")


# ---------------------------------------------------------------------------------------------
# Data blobs, under a 16-byte key (the data key, or a session key for the unlock cache)


def data_aad(table: str, column: str, row_id: int, version: int = DATA_VERSION) -> bytes:
    # The blob's own version byte, not the constant: the byte is then authenticated by itself,
    # whatever check a later version puts in front of it.
    return _PREFIX + f"{table}\0{column}\0".encode() + struct.pack(">QB", row_id, version)


def seal(key: bytes, plaintext: bytes, *, table: str, column: str, row_id: int) -> bytes:
    nonce = os.urandom(NONCE_SIZE)
    aad = data_aad(table, column, row_id)
    return bytes([DATA_VERSION]) + nonce + sm4_gcm_encrypt(key, nonce, plaintext, aad)


def unseal(key: bytes, blob: bytes, *, table: str, column: str, row_id: int) -> bytes:
    if not isinstance(blob, bytes) or not blob or blob[0] != DATA_VERSION:
        raise KeystoreError(
            "The encrypted {column} of {table} row {row} has an unknown format",
            column=column, table=table, row=row_id,
        )
    nonce, body = blob[1:1 + NONCE_SIZE], blob[1 + NONCE_SIZE:]
    try:
        return sm4_gcm_decrypt(key, nonce, body, data_aad(table, column, row_id, blob[0]))
    except (DecryptionFailed, InvalidInput):  # InvalidInput: truncated below a nonce
        raise DecryptionFailed(
            "The encrypted {column} of {table} row {row} does not authenticate: it was damaged, "
            "or copied from another row",
            column=column, table=table, row=row_id,
        ) from None
