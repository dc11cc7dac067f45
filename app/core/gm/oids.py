"""Object identifiers of the national algorithms, each written once for the whole tree.

The lowest layer that names them is the SM2 key codec (:mod:`.keys`); certificates, CRLs and
seals import them from here.
"""

from __future__ import annotations

#: The SM2 named curve (GB/T 33560), the parameters of an SM2 key's ``id-ecPublicKey``.
SM2_CURVE = "1.2.156.10197.1.301"
#: SM2 signature with SM3 digest (GB/T 33560): certificates, CRLs and seals.
SM2_WITH_SM3 = "1.2.156.10197.1.501"
#: SM4 in CBC mode, as GmSSL writes it in PBES2 key files.
SM4_CBC = "1.2.156.10197.1.104.2"
#: ``id-ecPublicKey`` (RFC 5480): SM2 keys use the EC algorithm with the SM2 curve.
EC_PUBLIC_KEY = "1.2.840.10045.2.1"
#: HMAC-SM3 as the PBKDF2 PRF in PBES2 key files (GmSSL, gmsm: "hmacWithSM3").
HMAC_SM3 = "1.2.156.10197.1.401.2"
#: HMAC-SM3 under the OID newer OpenSSL releases give it; read as the same PRF.
HMAC_SM3_OPENSSL = "1.2.156.10197.1.401.3.1"
#: SM3 as a digest (PKCS#12 MAC of the SM2 variants).
SM3 = "1.2.156.10197.1.401"

# Names for refusals ("not an SM2 key (rsaEncryption)"): the RFC names people search for.
_NAMES = {
    "1.2.840.113549.1.1.1": "rsaEncryption",
    "1.2.840.113549.1.1.10": "RSASSA-PSS",
    "1.2.840.10040.4.1": "DSA",
    "1.2.840.10045.2.1": "id-ecPublicKey",
    "1.3.101.110": "X25519",
    "1.3.101.111": "X448",
    "1.3.101.112": "Ed25519",
    "1.3.101.113": "Ed448",
    "1.2.840.10045.3.1.7": "prime256v1",
    "1.3.132.0.34": "secp384r1",
    "1.3.132.0.35": "secp521r1",
    "1.3.132.0.10": "secp256k1",
    SM2_CURVE: "SM2",
}


def algorithm_name(oid: str) -> str:
    """The usual name of an algorithm or curve OID, else the dotted OID itself."""
    return _NAMES.get(oid, oid)
