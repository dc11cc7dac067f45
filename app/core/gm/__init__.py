"""National algorithms: SM2 (GB/T 32918), SM3 (GB/T 32905), SM4 (GB/T 32907), and AES-256-GCM.

Import from here; :mod:`app.core.gm.sm2` is the single module that owns the SM2 backend.
"""

from .keys import (
    load_private_key,
    load_public_key,
    private_key_to_der,
    private_key_to_pem,
    public_key_to_der,
    public_key_to_pem,
)
from .sm2 import DEFAULT_ID, Ciphertext, SM2PrivateKey, SM2PublicKey
from .sm3 import SM3, hkdf_sha256, hkdf_sm3, hmac_sm3, hmac_sm3_verify, sm3, sm3_file
from .symmetric import (
    aes256_gcm_decrypt,
    aes256_gcm_encrypt,
    sm4_ecb_encrypt_block,
    sm4_gcm_decrypt,
    sm4_gcm_encrypt,
)

__all__ = [
    "DEFAULT_ID", "SM2PrivateKey", "SM2PublicKey", "Ciphertext", "SM3", "sm3", "sm3_file",
    "hmac_sm3", "hmac_sm3_verify", "hkdf_sm3", "hkdf_sha256", "sm4_ecb_encrypt_block",
    "sm4_gcm_encrypt", "sm4_gcm_decrypt", "aes256_gcm_encrypt", "aes256_gcm_decrypt",
    "load_private_key", "load_public_key", "private_key_to_der", "private_key_to_pem",
    "public_key_to_der", "public_key_to_pem",
]
