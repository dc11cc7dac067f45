"""The test vectors of docs/formats/bidx.md §8, built from fixed inputs.

SM2 encryption is randomised; the vectors fix its nonce k (and the file key, salt and clock) so the
container is reproducible. The version 2 vector names its sender by key: the Annex A key signs too
(the signature itself is randomised and not part of the vector). Running this module prints the
values quoted in the document.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.core import bidx
from app.core.gm import SM2PrivateKey, SM2PublicKey
from app.core.gm.sm2 import _encrypt_with_k

# GB/T 32918.5 Annex A/C key and nonce (also in shared/design/CRYPTO-FACTS.md)
RECIPIENT_D = bytes.fromhex("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8")
SM2_K = 0x59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21
FILE_KEY = bytes(range(0x00, 0x20))
SALT = bytes(range(0x20, 0x40))
PLAINTEXT = b"EBid Desk BIDX test vector: three chunks"  # 40 bytes
NAME = "bid.txt"
MODIFIED = 1767225600  # 2026-01-01T00:00:00Z
CREATED = 1767229200  # 2026-01-01T01:00:00Z
CHUNK_SIZE = 16
PROJECT = "ZB-2026-001"
SECTION = "01"


def recipient_key() -> SM2PrivateKey:
    return SM2PrivateKey.from_bytes(RECIPIENT_D)


def fixed_wrap(public_key: SM2PublicKey, file_key: bytes) -> bidx.format.Stanza:
    ciphertext = _encrypt_with_k(public_key, file_key, SM2_K)
    assert ciphertext is not None
    return bidx.format.Stanza(bidx.key_id(public_key), ciphertext.to_der())


def secrets() -> bidx.FileSecrets:
    return bidx.FileSecrets(FILE_KEY, SALT, wrap=fixed_wrap, created=CREATED)


def build(folder: Path, suite: bidx.Suite) -> bytes:
    """Encrypt the vector plaintext with the real engine; return the container bytes."""
    source = folder / NAME
    source.write_bytes(PLAINTEXT)
    os.utime(source, (MODIFIED, MODIFIED))
    out = folder / f"out-{suite.short}"
    out.mkdir()
    options = bidx.EncryptOptions(suite=suite, chunk_size=CHUNK_SIZE, project=PROJECT, section=SECTION,
                                  signer=recipient_key())
    result = bidx.encrypt_file(source, out, [recipient_key().public_key()], options=options, secrets=secrets())
    return result.container.read_bytes()


if __name__ == "__main__":
    import tempfile

    from app.core.bidx.suites import FileKeys

    pub = recipient_key().public_key()
    print("key id", bidx.key_id(pub).hex())
    print("wrapped", fixed_wrap(pub, FILE_KEY).wrapped.hex())
    for suite in (bidx.SM4_SUITE, bidx.AES_SUITE):
        keys = FileKeys.derive(suite, FILE_KEY, SALT)
        print(suite.name, "mac", keys.mac_key.hex(), "meta", keys.metadata_key.hex(), "payload", keys.payload_key.hex())
        with tempfile.TemporaryDirectory() as tmp:
            data = build(Path(tmp), suite)
        header = bidx.format.parse_header(data[: int.from_bytes(data[10:14], "big")])
        print(suite.name, "header", header.size, "MAC", header.mac.hex(), "sealed meta", header.sealed_metadata.hex())
        print(suite.name, "container", len(data), data.hex())
