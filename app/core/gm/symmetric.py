"""SM4 (GB/T 32907) and AES-256 helpers over ``cryptography``.

GCM output is ``ciphertext || 16-byte tag``, the layout of ``AESGCM``. OpenSSL releases the GIL
inside these calls, so worker threads encrypt chunks in parallel.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..errors import DecryptionFailed, InvalidInput

TAG_SIZE = 16
NONCE_SIZE = 12
SM4_KEY_SIZE = 16
AES256_KEY_SIZE = 32


def _check(key: bytes, size: int, nonce: bytes, name: str) -> None:
    if len(key) != size:
        raise InvalidInput("{name} key must be {size} bytes, got {got}", name=name, size=size, got=len(key))
    if len(nonce) != NONCE_SIZE:
        raise InvalidInput("GCM nonce must be 12 bytes, got {got}", got=len(nonce))


def sm4_ecb_encrypt_block(key: bytes, block: bytes) -> bytes:
    """One raw SM4 block (for test vectors and key checks; never use ECB on data)."""
    if len(key) != SM4_KEY_SIZE or len(block) != 16:
        raise InvalidInput("SM4 key and block must both be 16 bytes")
    enc = Cipher(algorithms.SM4(key), modes.ECB()).encryptor()
    return enc.update(block) + enc.finalize()


def sm4_gcm_encrypt(key: bytes, nonce: bytes, data: bytes, aad: bytes = b"") -> bytes:
    _check(key, SM4_KEY_SIZE, nonce, "SM4")
    enc = Cipher(algorithms.SM4(key), modes.GCM(nonce)).encryptor()
    if aad:
        enc.authenticate_additional_data(aad)
    return enc.update(data) + enc.finalize() + enc.tag


def sm4_gcm_decrypt(key: bytes, nonce: bytes, data: bytes, aad: bytes = b"") -> bytes:
    _check(key, SM4_KEY_SIZE, nonce, "SM4")
    if len(data) < TAG_SIZE:
        raise DecryptionFailed("Ciphertext is shorter than its authentication tag")
    dec = Cipher(algorithms.SM4(key), modes.GCM(nonce, data[-TAG_SIZE:])).decryptor()
    if aad:
        dec.authenticate_additional_data(aad)
    plain = dec.update(data[:-TAG_SIZE])
    try:
        return plain + dec.finalize()
    except InvalidTag:
        raise DecryptionFailed("Data failed authentication (tampered or wrong key)") from None


def aes256_gcm_encrypt(key: bytes, nonce: bytes, data: bytes, aad: bytes = b"") -> bytes:
    _check(key, AES256_KEY_SIZE, nonce, "AES-256")
    return AESGCM(key).encrypt(nonce, data, aad or None)


def aes256_gcm_decrypt(key: bytes, nonce: bytes, data: bytes, aad: bytes = b"") -> bytes:
    _check(key, AES256_KEY_SIZE, nonce, "AES-256")
    try:
        return AESGCM(key).decrypt(nonce, data, aad or None)
    except InvalidTag:
        raise DecryptionFailed("Data failed authentication (tampered or wrong key)") from None
