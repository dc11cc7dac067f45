"""``ebid gm``: SM2/SM3 operations on files, interoperable with OpenSSL 3."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...core import gm
from ...core.errors import InvalidInput, VerificationFailed
from ..common import read_bytes, read_password, write_bytes


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("gm", help="national algorithms (SM2, SM3) on files")
    sub = parser.add_subparsers(dest="gm_command", metavar="ACTION")
    sub.required = True

    p = sub.add_parser("keygen", help="generate an SM2 private key (PKCS#8 PEM)")
    p.add_argument("-o", "--output", required=True, metavar="KEY.pem")
    p.add_argument("--password-file", metavar="F", help="encrypt the key with the password in F")
    _key_encryption_option(p)
    p.add_argument("--force", action="store_true", help="replace KEY.pem if it exists (its key is lost)")
    p.set_defaults(func=_keygen)

    p = sub.add_parser("pubkey", help="write the public key of a private key")
    p.add_argument("key", metavar="KEY.pem")
    p.add_argument("-o", "--output", required=True, metavar="PUB.pem")
    _password_option(p)
    p.set_defaults(func=_pubkey)

    p = sub.add_parser("sign", help="sign a file (SM2 with SM3, standard user ID, DER)")
    p.add_argument("key", metavar="KEY.pem")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="SIG")
    _password_option(p)
    p.set_defaults(func=_sign)

    p = sub.add_parser("verify", help="verify a DER signature (exit 0 valid, 1 invalid, 2 error)")
    p.add_argument("pub", metavar="PUB.pem")
    p.add_argument("file", metavar="FILE")
    p.add_argument("signature", metavar="SIG")
    p.set_defaults(func=_verify)

    p = sub.add_parser("encrypt", help="SM2-encrypt a short file (DER SM2Cipher)")
    p.add_argument("pub", metavar="PUB.pem")
    p.add_argument("input", metavar="IN")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.set_defaults(func=_encrypt)

    p = sub.add_parser("decrypt", help="SM2-decrypt a file (DER SM2Cipher, or raw with --layout)")
    p.add_argument("key", metavar="KEY.pem")
    p.add_argument("input", metavar="IN")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.add_argument("--layout", choices=["der", "c1c3c2", "c1c2c3"], default="der")
    _password_option(p)
    p.set_defaults(func=_decrypt)

    p = sub.add_parser("sm3", help="SM3 digest of a file (hex)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=_sm3)


def _key_encryption_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--key-encryption", choices=gm.keys.SCHEMES, default=gm.keys.SCHEME_AES,
        help="how a password-protected key is encrypted: aes256-cbc (PBKDF2-HMAC-SHA256, what "
             "OpenSSL reads; the default) or sm4-cbc (PBKDF2-HMAC-SM3, what GmSSL reads; "
             "OpenSSL 3 cannot)")


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-file", metavar="F", help="password of an encrypted key")


def _load_key(path: str, password_file: str | None) -> gm.SM2PrivateKey:
    data = read_bytes(path, "key file")
    if b"ENCRYPTED PRIVATE KEY" in data or password_file:
        return gm.load_private_key(data, read_password(password_file, prompt="Key password: "))
    return gm.load_private_key(data)


def _keygen(args: argparse.Namespace) -> int:
    if Path(args.output).exists() and not args.force:
        raise InvalidInput("{path} exists: a private key is never replaced without --force", path=args.output)
    key = gm.SM2PrivateKey.generate()
    password = read_password(args.password_file) if args.password_file else None
    if password is None and args.key_encryption != gm.keys.SCHEME_AES:
        raise InvalidInput("--key-encryption needs --password-file: an unencrypted key has none")
    write_bytes(args.output, gm.private_key_to_pem(key, password, scheme=args.key_encryption))
    return 0


def _pubkey(args: argparse.Namespace) -> int:
    key = _load_key(args.key, args.password_file)
    write_bytes(args.output, gm.public_key_to_pem(key.public_key()))
    return 0


def _sign(args: argparse.Namespace) -> int:
    key = _load_key(args.key, args.password_file)
    try:
        with open(args.file, "rb") as stream:
            signature = key.sign_stream(stream)
    except OSError:
        read_bytes(args.file)  # raises the readable error
        raise
    write_bytes(args.output, signature)
    return 0


def _verify(args: argparse.Namespace) -> int:
    pub = gm.load_public_key(read_bytes(args.pub, "public key file"))
    signature = read_bytes(args.signature, "signature file")
    h = pub.message_hash()
    try:
        with open(args.file, "rb") as stream:
            while block := stream.read(1 << 20):
                h.update(block)
    except OSError:
        read_bytes(args.file)
        raise
    try:
        pub.verify_digest(signature, h.digest())
    except VerificationFailed as exc:
        print(f"ebid: {exc.message}", file=sys.stderr)
        return 1
    print("Signature OK")
    return 0


def _encrypt(args: argparse.Namespace) -> int:
    pub = gm.load_public_key(read_bytes(args.pub, "public key file"))
    write_bytes(args.output, pub.encrypt(read_bytes(args.input, "input file")))
    return 0


def _decrypt(args: argparse.Namespace) -> int:
    key = _load_key(args.key, args.password_file)
    write_bytes(args.output, key.decrypt(read_bytes(args.input, "input file"), args.layout))
    return 0


def _sm3(args: argparse.Namespace) -> int:
    try:
        with open(args.file, "rb") as stream:
            digest = gm.sm3_file(stream)
    except OSError:
        read_bytes(args.file)
        raise
    print(digest.hex())
    return 0
