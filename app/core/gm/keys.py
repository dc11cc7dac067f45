"""SM2 key files as OpenSSL 3 writes and reads them.

- Private keys: PKCS#8 ``PrivateKeyInfo`` (PEM ``PRIVATE KEY`` / DER), algorithm id-ecPublicKey with
  the SM2 named curve, inner SEC 1 ``ECPrivateKey`` carrying the public key; or PKCS#8
  ``EncryptedPrivateKeyInfo`` (PEM ``ENCRYPTED PRIVATE KEY``) with PBES2: by default
  PBKDF2-HMAC-SHA256 and AES-256-CBC, which ``openssl pkey -passin`` reads; on request
  (``scheme=SCHEME_SM4``) PBKDF2-HMAC-SM3 (hmacWithSM3, 1.2.156.10197.1.401.2) and SM4-CBC, the
  only scheme GmSSL reads (OpenSSL 3 refuses HMAC-SM3 as a PRF). Both are read, as are the other
  PBKDF2-HMAC-SHA* / AES-CBC combinations OpenSSL writes. SEC 1 ``EC PRIVATE KEY`` is read too.
- Public keys: ``SubjectPublicKeyInfo`` (PEM ``PUBLIC KEY`` / DER) with an uncompressed point.
  We write id-ecPublicKey with the SM2 curve; we also read the SM2 OID itself as the algorithm
  (OpenSSL 3 and gmsm can write that form, in keys and in certificates).

``cryptography`` cannot load SM2 keys, so the structures are built with asn1crypto and the
password-based encryption is done with ``cryptography`` primitives.
"""

from __future__ import annotations

import os

from asn1crypto import algos, core, keys, pem
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from ..der import ASN1_ERRORS, load_der
from ..errors import InvalidInput, InvalidKey, WrongPassword
from .oids import EC_PUBLIC_KEY, HMAC_SM3, HMAC_SM3_OPENSSL, SM4_CBC, algorithm_name
from .oids import SM2_CURVE as CURVE_OID
from .sm2 import SM2PrivateKey, SM2PublicKey

PBKDF2_ITERATIONS = 600_000  # OWASP 2023 figure for PBKDF2-HMAC-SHA256
# A key file names its own iteration count: without a ceiling, a crafted one holds the CPU for
# hours. Ten million (about 17 times ours, 5 s here) is above what any key tool writes.
MAX_PBKDF2_ITERATIONS = 10_000_000

#: PBES2 schemes we write: the OpenSSL default, and the one GmSSL (and gmsm) read and write.
SCHEME_AES = "aes256-cbc"  # PBKDF2-HMAC-SHA256 + AES-256-CBC
SCHEME_SM4 = "sm4-cbc"  # PBKDF2-HMAC-SM3 + SM4-CBC
SCHEMES = (SCHEME_AES, SCHEME_SM4)

try:
    keys.NamedCurve.register("sm2", CURVE_OID, 32)
except ValueError:  # already registered by an earlier import
    pass



def _register_sm2_algorithm() -> None:
    """Let asn1crypto parse an SPKI or PKCS#8 whose algorithm is the SM2 OID (its value an EC
    point / ECPrivateKey, as for id-ecPublicKey), and any other unknown algorithm as opaque
    bytes: without this, a whole certificate fails to parse with a bare KeyError on the OID,
    where the right answer is "not an SM2 key (...)" from :func:`_check_sm2_algorithm`."""
    keys.PublicKeyAlgorithm._oid_specs.setdefault(CURVE_OID, keys.ECDomainParameters)
    keys.PrivateKeyAlgorithm._oid_specs.setdefault(CURVE_OID, keys.ECDomainParameters)
    _wrap_spec_callback(keys.PublicKeyInfo, "public_key", "algorithm",
                        (keys.ECPointBitString, None), (core.OctetBitString, None))
    _wrap_spec_callback(keys.PrivateKeyInfo, "private_key", "private_key_algorithm",
                        keys.ECPrivateKey, (core.OctetString, None))


def _wrap_spec_callback(cls, field: str, algorithm_field: str, sm2_spec, opaque_spec) -> None:
    original = cls._spec_callbacks[field]
    if getattr(original, "_ebid_sm2", False):  # already wrapped (module reloaded)
        return

    def spec(self):
        if self[algorithm_field]["algorithm"].dotted == CURVE_OID:
            return sm2_spec
        try:
            return original(self)
        except KeyError:  # an algorithm asn1crypto does not know
            return opaque_spec

    spec._ebid_sm2 = True
    cls._spec_callbacks = {**cls._spec_callbacks, field: spec}


_register_sm2_algorithm()

# OpenSSL labels SEC 1 SM2 keys "SM2 PRIVATE KEY".
_PEM_ALIASES = {"SM2 PRIVATE KEY": "EC PRIVATE KEY"}

_PRF_HASHES = {
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
    HMAC_SM3: hashes.SM3,
    HMAC_SM3_OPENSSL: hashes.SM3,
}
_CBC_CIPHERS = {
    "aes128_cbc": (algorithms.AES, 16),
    "aes192_cbc": (algorithms.AES, 24),
    "aes256_cbc": (algorithms.AES, 32),
    SM4_CBC: (algorithms.SM4, 16),
}


def _ec_algorithm() -> keys.PrivateKeyAlgorithm:
    return keys.PrivateKeyAlgorithm(
        {"algorithm": "ec", "parameters": keys.ECDomainParameters(name="named", value="sm2")}
    )


# ---------------------------------------------------------------------------------------------
# Public keys

def public_key_to_der(key: SM2PublicKey) -> bytes:
    return keys.PublicKeyInfo(
        {
            "algorithm": keys.PublicKeyAlgorithm(
                {"algorithm": "ec", "parameters": keys.ECDomainParameters(name="named", value="sm2")}
            ),
            "public_key": key.to_bytes(),
        }
    ).dump()


def public_key_to_pem(key: SM2PublicKey) -> bytes:
    return pem.armor("PUBLIC KEY", public_key_to_der(key))


def _check_sm2_algorithm(algorithm: object) -> None:
    """id-ecPublicKey with the SM2 named curve, or the SM2 OID itself as the algorithm (its
    parameters absent, NULL or the SM2 curve); anything else is named in the refusal."""
    try:
        oid = algorithm["algorithm"].dotted
    except ASN1_ERRORS:
        raise InvalidKey("The key's algorithm identifier is malformed") from None
    if oid not in (EC_PUBLIC_KEY, CURVE_OID):
        raise InvalidKey("The key is not an SM2 key ({algorithm})", algorithm=algorithm_name(oid))
    try:
        params = algorithm["parameters"]
        absent = isinstance(params, core.Void) or params.name == "implicit_ca"
        curve = params.chosen.dotted if not absent and params.name == "named" else None
    except ASN1_ERRORS:
        raise InvalidKey("The key's algorithm identifier is malformed") from None
    if oid == CURVE_OID and absent:
        return
    if curve != CURVE_OID:
        shown = algorithm_name(curve) if curve else "explicit or missing curve parameters"
        raise InvalidKey("The key is not an SM2 key (EC, {curve})", curve=shown)


def public_key_from_der(der: bytes) -> SM2PublicKey:
    try:
        info = keys.PublicKeyInfo.load(bytes(der), strict=True)
        algorithm = info["algorithm"]
        point = info["public_key"].native
    except ASN1_ERRORS as exc:
        raise InvalidKey("The public key file is malformed: {detail}", detail=str(exc)) from None
    _check_sm2_algorithm(algorithm)
    return SM2PublicKey.from_bytes(point)


def public_key_from_pem(data: bytes) -> SM2PublicKey:
    return public_key_from_der(_unarmor(data, {"PUBLIC KEY"})[1])


def load_public_key(data: bytes) -> SM2PublicKey:
    """PEM or DER SubjectPublicKeyInfo."""
    return public_key_from_pem(data) if pem.detect(data) else public_key_from_der(data)


# ---------------------------------------------------------------------------------------------
# Private keys

def _ec_private_key(key: SM2PrivateKey, *, with_params: bool) -> keys.ECPrivateKey:
    fields = {"version": "ecPrivkeyVer1", "private_key": int.from_bytes(key.to_bytes(), "big")}
    if with_params:
        fields["parameters"] = keys.ECDomainParameters(name="named", value="sm2")
    fields["public_key"] = key.public_key().to_bytes()
    ec = keys.ECPrivateKey(fields)
    ec["private_key"].set_encoded_width(32)  # fixed width, as OpenSSL writes it
    return ec


def private_key_to_der(
    key: SM2PrivateKey, password: bytes | None = None, *, scheme: str = SCHEME_AES
) -> bytes:
    """PKCS#8 DER; encrypted with PBES2 under ``scheme`` (see the module docstring) when a
    password is given."""
    if scheme not in SCHEMES:
        raise InvalidInput("Unknown key-file encryption {scheme}", scheme=scheme)
    info = keys.PrivateKeyInfo(
        {
            "version": 0,
            "private_key_algorithm": _ec_algorithm(),
            # GmSSL 3 requires the curve inside ECPrivateKey as well; OpenSSL leaves it out.
            "private_key": _ec_private_key(key, with_params=scheme == SCHEME_SM4),
        }
    ).dump()
    return info if password is None else _encrypt_pkcs8(info, password, scheme)


def private_key_to_pem(
    key: SM2PrivateKey, password: bytes | None = None, *, scheme: str = SCHEME_AES
) -> bytes:
    label = "PRIVATE KEY" if password is None else "ENCRYPTED PRIVATE KEY"
    return pem.armor(label, private_key_to_der(key, password, scheme=scheme))


def load_private_key(data: bytes, password: bytes | None = None) -> SM2PrivateKey:
    """Read PEM or DER: PKCS#8 (plain or encrypted) or SEC 1 ``EC PRIVATE KEY``."""
    if pem.detect(data):
        label, der = _unarmor(data, {"PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY"})
    else:
        der, label = bytes(data), _sniff_private_der(bytes(data))
    if label == "ENCRYPTED PRIVATE KEY":
        if password is None:
            raise WrongPassword("The private key is encrypted: a password is required")
        plain = _decrypt_pkcs8(der, password)
        try:
            return _from_pkcs8(plain)
        except InvalidKey:  # padding can pass by chance under a wrong password
            raise WrongPassword("Wrong password for the private key") from None
    if label == "EC PRIVATE KEY":
        return _from_ec_private_key(_load(keys.ECPrivateKey, der, "private key"), check_params=True)
    return _from_pkcs8(der)


def _sniff_private_der(der: bytes) -> str:
    try:
        keys.EncryptedPrivateKeyInfo.load(der, strict=True)["encryption_algorithm"]["algorithm"].native
        return "ENCRYPTED PRIVATE KEY"
    except ASN1_ERRORS:
        pass
    try:
        first = keys.PrivateKeyInfo.load(der, strict=True)["version"].native
        return "PRIVATE KEY" if first == 0 else "EC PRIVATE KEY"
    except ASN1_ERRORS:
        return "EC PRIVATE KEY"


def _from_pkcs8(der: bytes) -> SM2PrivateKey:
    info = _load(keys.PrivateKeyInfo, der, "private key")
    try:
        algorithm = info["private_key_algorithm"]
        inner = info["private_key"].parsed
    except ASN1_ERRORS as exc:
        raise InvalidKey("The private key file is malformed: {detail}", detail=str(exc)) from None
    _check_sm2_algorithm(algorithm)
    return _from_ec_private_key(inner, check_params=False)


def _from_ec_private_key(inner: keys.ECPrivateKey, *, check_params: bool) -> SM2PrivateKey:
    try:
        raw = inner["private_key"].contents
        params = inner["parameters"]
        public = inner["public_key"].native
        version = inner["version"].native
    except ASN1_ERRORS as exc:
        raise InvalidKey("The private key file is malformed: {detail}", detail=str(exc)) from None
    if version != "ecPrivkeyVer1":
        raise InvalidKey("The private key file is malformed: unknown version")
    if check_params and (params.name != "named" or params.chosen.dotted != CURVE_OID):
        curve = algorithm_name(params.chosen.dotted) if params.name == "named" \
            else "explicit or missing curve parameters"
        raise InvalidKey("The key is not an SM2 key (EC, {curve})", curve=curve)
    if len(raw) > 32:
        raise InvalidKey("The private key is out of range for SM2")
    expected = SM2PublicKey.from_bytes(public) if public else None
    return SM2PrivateKey(int.from_bytes(raw, "big"), expected)


# ---------------------------------------------------------------------------------------------
# PBES2

def _pbkdf2(password: bytes, salt: bytes, iterations: int, length: int, prf: str) -> bytes:
    if prf not in _PRF_HASHES:
        raise InvalidKey("Unsupported key-file password hash {prf}", prf=prf)
    if not isinstance(iterations, int) or not 1 <= iterations <= MAX_PBKDF2_ITERATIONS:
        raise InvalidKey("The key file asks for {n} password-hash iterations; at most {max} are accepted",
                         n=str(iterations), max=str(MAX_PBKDF2_ITERATIONS))
    if not isinstance(salt, bytes):
        raise InvalidKey("The encrypted private key is malformed")
    kdf = PBKDF2HMAC(algorithm=_PRF_HASHES[prf](), length=length, salt=salt, iterations=iterations)
    return kdf.derive(password)


def _encrypt_pkcs8(info: bytes, password: bytes, scheme: str = SCHEME_AES) -> bytes:
    algorithm, body = pbes2_encrypt(info, password, scheme)
    return keys.EncryptedPrivateKeyInfo(
        {"encryption_algorithm": algorithm, "encrypted_data": body}
    ).dump()


def pbes2_encrypt(data: bytes, password: bytes, scheme: str = SCHEME_AES
                  ) -> tuple[algos.EncryptionAlgorithm, bytes]:
    """PBES2 (RFC 8018) over ``data``: the AlgorithmIdentifier and the ciphertext. Also the
    encryption of PKCS#12 bags."""
    salt, iv = os.urandom(16), os.urandom(16)
    sm4 = scheme == SCHEME_SM4
    key = _pbkdf2(password, salt, PBKDF2_ITERATIONS, 16 if sm4 else 32, HMAC_SM3 if sm4 else "sha256")
    padder = padding.PKCS7(128).padder()
    cipher = algorithms.SM4(key) if sm4 else algorithms.AES(key)
    enc = Cipher(cipher, modes.CBC(iv)).encryptor()
    body = enc.update(padder.update(data) + padder.finalize()) + enc.finalize()
    kdf_params = {
        "salt": algos.Pbkdf2Salt(name="specified", value=salt),
        "iteration_count": PBKDF2_ITERATIONS,
    }
    if sm4:  # as GmSSL writes it: keyLength 16, the PRF's parameters absent (GmSSL 3 refuses NULL)
        kdf_params["key_length"] = 16
        kdf_params["prf"] = algos.HmacAlgorithm({"algorithm": HMAC_SM3})
        scheme_id = {"algorithm": SM4_CBC, "parameters": core.OctetString(iv)}
    else:
        kdf_params["prf"] = {"algorithm": "sha256", "parameters": None}
        scheme_id = {"algorithm": "aes256_cbc", "parameters": iv}
    algorithm = algos.EncryptionAlgorithm(
        {
            "algorithm": "pbes2",
            "parameters": {
                "key_derivation_func": {"algorithm": "pbkdf2", "parameters": kdf_params},
                "encryption_scheme": scheme_id,
            },
        }
    )
    return algorithm, body


def _decrypt_pkcs8(der: bytes, password: bytes) -> bytes:
    info = _load(keys.EncryptedPrivateKeyInfo, der, "encrypted private key")
    return pbes2_decrypt(info["encryption_algorithm"], info["encrypted_data"].native, password)


def pbes2_decrypt(algorithm: algos.EncryptionAlgorithm, body: bytes, password: bytes) -> bytes:
    """The plaintext of a PBES2 (PBKDF2 + a CBC cipher) ciphertext; raises WrongPassword when
    the padding does not check (also the decryption of PKCS#12 bags)."""
    try:
        if algorithm["algorithm"].native != "pbes2":
            raise InvalidKey("Unsupported key-file encryption {name}", name=algorithm["algorithm"].native)
        params = algorithm["parameters"]
        kdf, scheme = params["key_derivation_func"], params["encryption_scheme"]
        if kdf["algorithm"].native != "pbkdf2":
            raise InvalidKey("Unsupported key-file password hash {name}", name=kdf["algorithm"].native)
        kdf_params = kdf["parameters"]
        salt = kdf_params["salt"].native
        iterations = kdf_params["iteration_count"].native
        key_length = kdf_params["key_length"].native
        prf = kdf_params["prf"]["algorithm"].native
        cipher_name = scheme["algorithm"].dotted if scheme["algorithm"].dotted == SM4_CBC \
            else scheme["algorithm"].native
        iv = scheme["parameters"].native
    except ASN1_ERRORS as exc:
        raise InvalidKey("The encrypted private key is malformed: {detail}", detail=str(exc)) from None
    if cipher_name not in _CBC_CIPHERS:
        raise InvalidKey("Unsupported key-file cipher {name}", name=cipher_name)
    if not isinstance(iv, bytes) or len(iv) != 16 or not isinstance(body, bytes) or not body \
            or len(body) % 16:
        raise InvalidKey("The encrypted private key is malformed")
    algorithm_cls, key_len = _CBC_CIPHERS[cipher_name]
    if key_length is not None and key_length != key_len:
        raise InvalidKey("The encrypted private key is malformed: a {n}-byte key for {name}",
                         n=str(key_length), name=cipher_name)
    key = _pbkdf2(password, salt, iterations, key_len, prf)
    dec = Cipher(algorithm_cls(key), modes.CBC(iv)).decryptor()
    padded = dec.update(body) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        raise WrongPassword("Wrong password for the private key") from None


# ---------------------------------------------------------------------------------------------

def _unarmor(data: bytes, labels: set[str]) -> tuple[str, bytes]:
    """The first PEM block with an acceptable label (``openssl ecparam`` puts parameters first)."""
    found = []
    try:
        for label, _headers, der in pem.unarmor(bytes(data), multiple=True):
            label = _PEM_ALIASES.get(label, label)
            if label in labels:
                return label, der
            found.append(label)
    except ASN1_ERRORS as exc:
        raise InvalidInput("The PEM file is malformed: {detail}", detail=str(exc)) from None
    raise InvalidKey(
        "Expected {expected}, found {found}",
        expected=" or ".join(sorted(labels)),
        found=", ".join(found) or "no PEM block",
    )


def _load(spec, der: bytes, what: str):
    return load_der(spec, der, lambda detail: InvalidKey(
        "The {what} is malformed: {detail}", what=what, detail=detail))
