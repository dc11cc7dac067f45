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
