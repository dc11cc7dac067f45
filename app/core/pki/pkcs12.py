"""PKCS#12 (RFC 7292) key containers with an SM2 key: ``.p12`` / ``.pfx`` as CAs, ofdrw and
Java ship them, read; and our key with its certificate written for ``openssl pkcs12``.

Read: password integrity (the MAC, with SHA-1, SHA-2 or SM3 through the RFC 7292 appendix B
KDF); bags in plain or encrypted data, encrypted with PBES2 (any PRF and CBC cipher
:mod:`app.core.gm.keys` reads: AES, SM4, HMAC-SHA* or HMAC-SM3) or the legacy PKCS#12 PBEs
(SHA-1 with 3DES or RC2); key bags, shrouded key bags, certificate bags and nested bags. The
GM/T 0010 ``data`` content type is taken as data. Public-key envelopes and PBMAC1 are refused.

Written: the form OpenSSL 3 writes by default: a shrouded key bag and an encrypted certificate
bag, both PBES2 (PBKDF2-HMAC-SHA256 + AES-256-CBC, or on request HMAC-SM3 + SM4-CBC), and a MAC
whose iteration count matches the bags' (a cheaper MAC would be a cheaper password oracle).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from asn1crypto import algos, cms, core, parser, pkcs12
from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, modes

from .. import gm
from ..der import ASN1_ERRORS, load_der
from ..errors import InvalidInput, InvalidKey, WrongPassword
from ..gm.keys import (
    MAX_PBKDF2_ITERATIONS,
    PBKDF2_ITERATIONS,
    SCHEME_AES,
    SCHEME_SM4,
    pbes2_decrypt,
    pbes2_encrypt,
)
from ..gm.oids import SM3
from .certs import Certificate
from .rc2 import rc2_cbc_decrypt

_DATA = {"1.2.840.113549.1.7.1", "1.2.156.10197.6.1.4.2.1"}  # PKCS#7 data, GM/T 0010 data
_ENCRYPTED_DATA = {"1.2.840.113549.1.7.6", "1.2.156.10197.6.1.4.2.5"}
_MAX_NESTING = 4
# Each count is capped; so is their sum over a file, else a file of many bags, each at the cap,
# would hold the CPU for minutes. Three at the cap: the MAC, a key bag, a certificate bag.
_MAX_TOTAL_ITERATIONS = 3 * MAX_PBKDF2_ITERATIONS

# MAC and KDF digests: hashlib name, output and block size in bytes (RFC 7292 B.2: u and v).
_DIGESTS = {
    "1.3.14.3.2.26": ("sha1", 20, 64),
    "2.16.840.1.101.3.4.2.4": ("sha224", 28, 64),
    "2.16.840.1.101.3.4.2.1": ("sha256", 32, 64),
    "2.16.840.1.101.3.4.2.2": ("sha384", 48, 128),
    "2.16.840.1.101.3.4.2.3": ("sha512", 64, 128),
    SM3: ("sm3", 32, 64),
}
_SHA256 = "2.16.840.1.101.3.4.2.1"

# The PKCS#12 PBEs (RFC 7292 appendix C), all over SHA-1: cipher, key bytes, effective bits.
_PKCS12_PBES = {
    "1.2.840.113549.1.12.1.3": ("3des", 24, 0),
    "1.2.840.113549.1.12.1.4": ("3des", 16, 0),
    "1.2.840.113549.1.12.1.5": ("rc2", 16, 128),
    "1.2.840.113549.1.12.1.6": ("rc2", 5, 40),
}
_PBES2 = "1.2.840.113549.1.5.13"


@dataclass(frozen=True)
class Pkcs12:
    """What a PKCS#12 file holds: at most one SM2 private key, and certificates (the key's
    own first when one matches it)."""

    key: gm.SM2PrivateKey | None
    certificates: tuple[Certificate, ...]

    @property
    def key_certificate(self) -> Certificate | None:
        """The certificate whose public key is the private key's, if the file has it."""
        if self.key is None:
            return None
        public = self.key.public_key()
        return next((c for c in self.certificates if _public_key_or_none(c) == public), None)


def _public_key_or_none(cert: Certificate) -> gm.SM2PublicKey | None:
    try:
        return cert.public_key()
    except InvalidKey:
        return None


# ---------------------------------------------------------------------------------------------
# RFC 7292 appendix B.2: the password-to-key function of PKCS#12

def bmp_password(password: bytes) -> bytes:
    """The password as PKCS#12 hashes it: UTF-16BE with a two-byte NUL terminator."""
    try:
        text = password.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("The PKCS#12 password is not UTF-8 text") from None
    return text.encode("utf-16-be") + b"\x00\x00"


def pkcs12_kdf(digest_oid: str, password: bytes, salt: bytes, purpose: int, iterations: int,
               length: int) -> bytes:
    """``length`` bytes for ``purpose`` 1 (key), 2 (IV) or 3 (MAC key); ``password`` is already
    in BMP form (:func:`bmp_password`)."""
    name, u, v = _digest(digest_oid)
    _check_iterations(iterations)
    new = _hash_factory(name)

    d = bytes([purpose]) * v
    i = bytearray(_fill(salt, v) + _fill(password, v))
    out = b""
    while len(out) < length:
        a = new(d + bytes(i))
        for _ in range(iterations - 1):
            a = new(a)
        out += a
        b = int.from_bytes((a * (-(-v // u)))[:v], "big") + 1
        for j in range(0, len(i), v):
            block = (int.from_bytes(i[j:j + v], "big") + b) % (1 << (8 * v))
            i[j:j + v] = block.to_bytes(v, "big")
    return out[:length]


def _fill(data: bytes, v: int) -> bytes:
    """``data`` repeated to the next multiple of ``v`` bytes (nothing when empty)."""
    size = -(-len(data) // v) * v
    return (data * (size // len(data) + 1))[:size] if data else b""


def _hash_factory(name: str):
    try:
        base = hashlib.new(name)
    except ValueError:  # an OpenSSL without SM3 under hashlib: go through cryptography
        return lambda data: gm.sm3(data)

    def digest(data: bytes) -> bytes:
        h = base.copy()  # copying a fresh object is much faster than hashlib.new each time
        h.update(data)
        return h.digest()

    return digest


def _digest(oid: str) -> tuple[str, int, int]:
    if oid not in _DIGESTS:
        raise InvalidInput("Unsupported PKCS#12 digest {name}", name=gm.oids.algorithm_name(oid))
    return _DIGESTS[oid]


def _check_iterations(iterations: object) -> None:
    if not isinstance(iterations, int) or not 1 <= iterations <= MAX_PBKDF2_ITERATIONS:
        raise InvalidInput("The PKCS#12 file asks for {n} password-hash iterations; at most {max} "
                           "are accepted", n=str(iterations), max=str(MAX_PBKDF2_ITERATIONS))


# ---------------------------------------------------------------------------------------------
# Reading

def looks_like_pkcs12(data: bytes) -> bool:
    """A DER PFX: SEQUENCE { INTEGER 3, ContentInfo, ... } (no PEM form exists)."""
    try:
        pfx = pkcs12.Pfx.load(bytes(data))
        return pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].dotted is not None
    except ASN1_ERRORS:
        return False


def load_pkcs12(data: bytes, password: bytes) -> Pkcs12:
    """The key and certificates of a PKCS#12 file; WrongPassword when its MAC does not check."""
    pfx = load_der(pkcs12.Pfx, data, lambda detail: InvalidInput(
        "The PKCS#12 file is malformed: {detail}", detail=detail))
    bmp = bmp_password(password)
    try:
        if pfx["version"].native != "v3":
            raise InvalidInput("The PKCS#12 file is malformed: {detail}",
                               detail=f"version {pfx['version'].native}")
        safe = _data_octets(pfx["auth_safe"])
        infos = list(pkcs12.AuthenticatedSafe.load(safe, strict=True))
        _precheck(pfx["mac_data"], infos)
        budget = _Budget()
        _check_mac(pfx["mac_data"], safe, bmp, budget)
        keys, certs = [], []
        for info in infos:
            bags = _safe_contents(info, bmp, password, budget)
            _read_bags(bags, bmp, password, keys, certs, 0, budget)
    except ASN1_ERRORS as exc:
        raise InvalidInput("The PKCS#12 file is malformed: {detail}", detail=str(exc)) from None
    if len(keys) > 1:
        raise InvalidInput("The PKCS#12 file holds {n} private keys; one is expected", n=str(len(keys)))
    return _ordered(Pkcs12(keys[0] if keys else None, tuple(certs)))


class _Budget:
    """The password-hash iterations a file has spent so far, charged before each hashing."""

    def __init__(self) -> None:
        self.spent = 0

    def charge(self, iterations: object, times: int = 1) -> None:
        if times == 0:
            return
        _check_iterations(iterations)
        self.spent += iterations * times
        if self.spent > _MAX_TOTAL_ITERATIONS:
            raise InvalidInput("The PKCS#12 file asks for more than {max} password-hash iterations "
                               "in all", max=str(_MAX_TOTAL_ITERATIONS))


def _precheck(mac_data, infos: list[cms.ContentInfo]) -> None:
    """Refuse, before any hashing, a file whose MAC and outer encrypted parts alone exceed the
    budget (the bags inside are charged as they are met)."""
    budget = _Budget()
    if not isinstance(mac_data, core.Void):
        budget.charge(mac_data["iterations"].native)
    for info in infos:
        if info["content_type"].dotted in _ENCRYPTED_DATA:
            content = _typed(info["content"], cms.EncryptedData)["encrypted_content_info"]
            budget.charge(*_cost(content["content_encryption_algorithm"]))


def _cost(algorithm: algos.EncryptionAlgorithm) -> tuple[object, int]:
    """(iterations, KDF runs) of a password-based encryption; (0, 0) when it is not one."""
    oid = algorithm["algorithm"].dotted
    if oid == _PBES2:
        kdf = algorithm["parameters"]["key_derivation_func"]
        if kdf["algorithm"].native == "pbkdf2":
            return kdf["parameters"]["iteration_count"].native, 1
    elif oid in _PKCS12_PBES:
        return algorithm["parameters"]["iterations"].native, 2  # the key and the IV
    return 0, 0


def _ordered(found: Pkcs12) -> Pkcs12:
    own = found.key_certificate
    if own is None:
        return found
    return Pkcs12(found.key, (own, *(c for c in found.certificates if c is not own)))


def _data_octets(info: cms.ContentInfo) -> bytes:
    kind = info["content_type"].dotted
    if kind not in _DATA:
        raise InvalidInput("Unsupported PKCS#12 content {kind}: data was expected", kind=kind)
    octets = _typed(info["content"], core.OctetString).native
    if not isinstance(octets, bytes):
        raise InvalidInput("The PKCS#12 file is malformed: {detail}", detail="empty content")
    return octets


def _typed(value: core.Asn1Value, spec: type[core.Asn1Value]):
    """``value`` as ``spec``: asn1crypto leaves the content of a GM/T 0010 type (unknown to it)
    as Any, which keeps its [0] EXPLICIT wrapper."""
    if not isinstance(value, core.Any):
        return value
    class_, _constructed, tag, _header, inner, _trailer = parser.parse(value.dump())
    if (class_, tag) != (2, 0):
        raise InvalidInput("The PKCS#12 file is malformed: {detail}", detail="content without its [0] tag")
    return spec.load(inner)


def _check_mac(mac_data: pkcs12.MacData, safe: bytes, bmp: bytes, budget: _Budget) -> None:
    if isinstance(mac_data, core.Void):
        raise InvalidInput("The PKCS#12 file has no password integrity (MAC): not accepted")
    oid = mac_data["mac"]["digest_algorithm"]["algorithm"].dotted
    if oid == "1.2.840.113549.1.5.14":
        raise InvalidInput("Unsupported PKCS#12 MAC PBMAC1 (OpenSSL 3.4 and later write it)")
    name, u, _v = _digest(oid)
    budget.charge(mac_data["iterations"].native)
    key = pkcs12_kdf(oid, bmp, mac_data["mac_salt"].native, 3, mac_data["iterations"].native, u)
    expected = mac_data["mac"]["digest"].native
    if not hmac.compare_digest(hmac.new(key, safe, _hash_factory_name(name)).digest(), expected or b""):
        raise WrongPassword("Wrong password for the PKCS#12 file (or the file was altered)")


def _hash_factory_name(name: str):
    try:
        hashlib.new(name)
        return name
    except ValueError:
        return lambda data=b"": _Sm3Hash(data)


class _Sm3Hash(gm.SM3):
    """Our SM3 with the two attributes ``hmac`` needs (for a Python whose OpenSSL lacks SM3)."""

    digest_size, block_size = 32, 64


def _safe_contents(info: cms.ContentInfo, bmp: bytes, password: bytes, budget: _Budget
                   ) -> pkcs12.SafeContents:
    kind = info["content_type"].dotted
    if kind in _DATA:
        return pkcs12.SafeContents.load(_data_octets(info), strict=True)
    if kind not in _ENCRYPTED_DATA:
        raise InvalidInput("Unsupported PKCS#12 content {kind} (only password-encrypted bags are "
                           "read)", kind=kind)
    encrypted = _typed(info["content"], cms.EncryptedData)
    content = encrypted["encrypted_content_info"]
    body = content["encrypted_content"].native
    plain = _decrypt(content["content_encryption_algorithm"], body, bmp, password, budget)
    return pkcs12.SafeContents.load(plain, strict=True)


def _decrypt(algorithm: algos.EncryptionAlgorithm, body: bytes, bmp: bytes, password: bytes,
             budget: _Budget) -> bytes:
    oid = algorithm["algorithm"].dotted
    try:
        budget.charge(*_cost(algorithm))
        if oid == _PBES2:
            return pbes2_decrypt(algorithm, body, password)
        if oid in _PKCS12_PBES:
            return _pkcs12_pbe_decrypt(oid, algorithm["parameters"], body, bmp)
    except WrongPassword:  # the MAC checked: the password is right, the bag is damaged
        raise InvalidInput("A PKCS#12 bag does not decrypt under the file's password") from None
    raise InvalidInput("Unsupported PKCS#12 encryption {name}", name=algorithm["algorithm"].native)


def _pkcs12_pbe_decrypt(oid: str, params, body: bytes, bmp: bytes) -> bytes:
    cipher, key_len, bits = _PKCS12_PBES[oid]
    salt, iterations = params["salt"].native, params["iterations"].native
    if not isinstance(body, bytes) or not body or len(body) % 8 or not isinstance(salt, bytes):
        raise InvalidInput("The PKCS#12 file is malformed: {detail}", detail="an encrypted bag")
    key = pkcs12_kdf("1.3.14.3.2.26", bmp, salt, 1, iterations, key_len)
    iv = pkcs12_kdf("1.3.14.3.2.26", bmp, salt, 2, iterations, 8)
    if cipher == "rc2":
        padded = rc2_cbc_decrypt(key, bits, iv, body)
    else:
        dec = Cipher(TripleDES(key), modes.CBC(iv)).decryptor()
        padded = dec.update(body) + dec.finalize()
    unpadder = padding.PKCS7(64).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        raise WrongPassword("Wrong password for the PKCS#12 file (or the file was altered)") from None


def _read_bags(bags: pkcs12.SafeContents, bmp: bytes, password: bytes, keys: list, certs: list,
               depth: int, budget: _Budget) -> None:
    if depth > _MAX_NESTING:
        raise InvalidInput("The PKCS#12 file is malformed: {detail}", detail="bags nested too deep")
    for bag in bags:
        kind = bag["bag_id"].native
        value = bag["bag_value"]
        if kind == "key_bag":
            keys.append(gm.load_private_key(value.dump()))
        elif kind == "pkcs8_shrouded_key_bag":
            algorithm = value["encryption_algorithm"]
            plain = _decrypt(algorithm, value["encrypted_data"].native, bmp, password, budget)
            keys.append(gm.load_private_key(plain))
        elif kind == "cert_bag" and value["cert_id"].native == "x509":
            certs.append(Certificate.load(value["cert_value"].contents))
        elif kind == "safe_contents":
            _read_bags(value, bmp, password, keys, certs, depth + 1, budget)
        # CRL, secret and SDSI certificate bags hold nothing we use: passed over.


# ---------------------------------------------------------------------------------------------
# Writing

def make_pkcs12(key: gm.SM2PrivateKey, certificate: Certificate, password: bytes, *,
                chain: tuple[Certificate, ...] = (), friendly_name: str | None = None,
                scheme: str = SCHEME_AES) -> bytes:
    """DER PFX with ``key``, its ``certificate`` and the ``chain`` (issuers, leaf first)."""
    if certificate.public_key() != key.public_key():
        raise InvalidInput("The certificate is not for this private key")
    bmp = bmp_password(password)
    local_id = gm.sm3(certificate.der)[:20]  # only ties the key to its certificate
    attributes = [{"type": "local_key_id", "values": [local_id]}]
    if friendly_name:
        attributes.append({"type": "friendly_name", "values": [friendly_name]})
    shrouded = gm.keys._encrypt_pkcs8(gm.private_key_to_der(key), password, scheme)
    key_bags = pkcs12.SafeContents([pkcs12.SafeBag({
        "bag_id": "pkcs8_shrouded_key_bag",
        "bag_value": pkcs12.EncryptedPrivateKeyInfo.load(shrouded),
        "bag_attributes": attributes,
    })])
    cert_bags = pkcs12.SafeContents([
        pkcs12.SafeBag({
            "bag_id": "cert_bag",
            "bag_value": pkcs12.CertBag({"cert_id": "x509", "cert_value": cert.asn1}),
            "bag_attributes": attributes if n == 0 else None,
        })
        for n, cert in enumerate((certificate, *chain))
    ])
    algorithm, body = pbes2_encrypt(cert_bags.dump(), password, scheme)
    safe = pkcs12.AuthenticatedSafe([
        {"content_type": "encrypted_data", "content": cms.EncryptedData({
            "version": "v0",
            "encrypted_content_info": {"content_type": "data",
                                       "content_encryption_algorithm": algorithm,
                                       "encrypted_content": body},
        })},
        {"content_type": "data", "content": key_bags.dump()},
    ]).dump()
    digest = SM3 if scheme == SCHEME_SM4 else _SHA256
    name, u, _v = _digest(digest)
    salt = os.urandom(16)
    mac_key = pkcs12_kdf(digest, bmp, salt, 3, PBKDF2_ITERATIONS, u)
    mac = hmac.new(mac_key, safe, _hash_factory_name(name)).digest()
    return pkcs12.Pfx({
        "version": "v3",
        "auth_safe": {"content_type": "data", "content": safe},
        "mac_data": {"mac": {"digest_algorithm": {"algorithm": digest}, "digest": mac},
                     "mac_salt": salt, "iterations": PBKDF2_ITERATIONS},
    }).dump()
