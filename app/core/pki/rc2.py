"""RC2-CBC decryption (RFC 2268), only to open legacy PKCS#12 files.

OpenSSL's ``pkcs12 -export`` before 3.0, Java keytool and BouncyCastle (ofdrw's key files) put
the certificates in a bag encrypted with pbeWithSHAAnd40BitRC2-CBC. ``cryptography`` offers RC2
with 128-bit keys only, so the 40-bit variant is done here. Never used to encrypt anything.
"""

from __future__ import annotations

from ..errors import InvalidInput

# RFC 2268 section 2: PITABLE, a permutation of 0..255 derived from the digits of pi.
_PI = bytes.fromhex(
    "d978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2"
    "179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82"
    "54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626"
    "6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7"
    "08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec"
    "c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731"
    "2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9"
    "0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad"
)
assert sorted(_PI) == list(range(256))

_SHIFTS = (1, 2, 3, 5)
_MASK = 0xFFFF


def expand_key(key: bytes, effective_bits: int) -> list[int]:
    """The 64 16-bit subkeys K[0..63] for ``key`` (1 to 128 bytes) and ``effective_bits``."""
    if not 1 <= len(key) <= 128 or not 1 <= effective_bits <= 1024:
        raise InvalidInput("An RC2 key must be 1 to 128 bytes")
    t = len(key)
    table = list(key) + [0] * (128 - t)
    for i in range(t, 128):
        table[i] = _PI[(table[i - 1] + table[i - t]) & 0xFF]
    t8 = (effective_bits + 7) // 8
    tm = 0xFF >> (8 * t8 - effective_bits)
    table[128 - t8] = _PI[table[128 - t8] & tm]
    for i in range(127 - t8, -1, -1):
        table[i] = _PI[table[i + 1] ^ table[i + t8]]
    return [table[2 * i] | table[2 * i + 1] << 8 for i in range(64)]


def _decrypt_block(k: list[int], block: bytes) -> bytes:
    r = [block[2 * i] | block[2 * i + 1] << 8 for i in range(4)]
    j = 63

    def unmix() -> None:
        nonlocal j
        for i in (3, 2, 1, 0):
            s = _SHIFTS[i]
            r[i] = ((r[i] >> s) | (r[i] << (16 - s))) & _MASK  # rotate right
            r[i] = (r[i] - k[j] - (r[i - 1] & r[i - 2]) - (~r[i - 1] & r[i - 3])) & _MASK
            j -= 1

    def unmash() -> None:
        for i in (3, 2, 1, 0):
            r[i] = (r[i] - k[r[i - 1] & 63]) & _MASK

    for rounds in (5, None, 6, None, 5):  # the encryption schedule, backwards
        if rounds is None:
            unmash()
        else:
            for _ in range(rounds):
                unmix()
    return b"".join(w.to_bytes(2, "little") for w in r)


def rc2_cbc_decrypt(key: bytes, effective_bits: int, iv: bytes, data: bytes) -> bytes:
    """CBC decryption without removing the padding."""
    if len(iv) != 8 or len(data) % 8:
        raise InvalidInput("RC2-CBC data must be whole 8-byte blocks")
    k = expand_key(key, effective_bits)
    out, previous = bytearray(), iv
    for n in range(0, len(data), 8):
        block = data[n:n + 8]
        out += bytes(a ^ b for a, b in zip(_decrypt_block(k, block), previous))
        previous = block
    return bytes(out)
