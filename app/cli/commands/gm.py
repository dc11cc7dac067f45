"""``ebid gm``: SM2/SM3 operations on files, interoperable with OpenSSL 3.

Wherever a private key is read (KEY.pem), a PKCS#12 file (``.p12`` / ``.pfx``) holding one is
accepted too; its password comes from ``--password-file`` like a key file's."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...core import gm
from ...core.errors import InvalidInput, VerificationFailed
from ...core.pki import Certificate, pkcs12
from ..common import read_bytes, read_password, shown, write_bytes


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
    p.add_argument("pub", metavar="PUB.pem", help="the signer's SM2 public key, or its certificate (PEM or DER)")
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

    p = sub.add_parser("p12-export", help="write a key and its certificate as PKCS#12 (.p12)")
    p.add_argument("key", metavar="KEY.pem")
    p.add_argument("certificate", metavar="CERT.pem")
    p.add_argument("-o", "--output", required=True, metavar="OUT.p12")
    p.add_argument("--chain", nargs="+", default=[], metavar="CA.pem",
                   help="issuer certificates to include, the leaf's issuer first")
    p.add_argument("--name", help="friendly name shown by the importing program")
    _password_option(p)
    p.add_argument("--p12-password-file", metavar="F",
                   help="password that protects OUT.p12 (default: ask)")
    _key_encryption_option(p)
    p.add_argument("--force", action="store_true", help="replace OUT.p12 if it exists")
    p.set_defaults(func=_p12_export)

    p = sub.add_parser("p12-info", help="show what a PKCS#12 file holds; optionally write its certificate")
    p.add_argument("file", metavar="FILE.p12")
    p.add_argument("--cert-out", metavar="CERT.pem", help="write the key's certificate (else the first) as PEM")
    _password_option(p, what="the PKCS#12 file")
    p.set_defaults(func=_p12_info)

    p = sub.add_parser("sm3", help="SM3 digest of a file (hex)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=_sm3)


def _key_encryption_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--key-encryption", choices=gm.keys.SCHEMES, default=gm.keys.SCHEME_AES,
        help="how a password-protected key is encrypted: aes256-cbc (PBKDF2-HMAC-SHA256, what "
             "OpenSSL reads; the default) or sm4-cbc (PBKDF2-HMAC-SM3, what GmSSL reads; "
             "OpenSSL 3 cannot)")


def _password_option(parser: argparse.ArgumentParser, what: str = "an encrypted key or .p12") -> None:
    parser.add_argument("--password-file", metavar="F", help=f"password of {what}")


def _load_key(path: str, password_file: str | None) -> gm.SM2PrivateKey:
    data = read_bytes(path, "key file")
    if pkcs12.looks_like_pkcs12(data):
        found = pkcs12.load_pkcs12(data, read_password(password_file, prompt="PKCS#12 password: "))
        if found.key is None:
            raise InvalidInput("The PKCS#12 file {path} holds no private key", path=path)
        return found.key
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
    from ...core.bidx import load_signer_key

    pub = load_signer_key(read_bytes(args.pub, "public key or certificate file"))  # a bare key, or the signer's certificate
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


def _p12_export(args: argparse.Namespace) -> int:
    if Path(args.output).exists() and not args.force:
        raise InvalidInput("{path} exists: use --force to replace it", path=args.output)
    key = _load_key(args.key, args.password_file)
    cert = Certificate.load(read_bytes(args.certificate, "certificate file"))
    chain = tuple(Certificate.load(read_bytes(c, "certificate file")) for c in args.chain)
    password = read_password(args.p12_password_file, prompt="PKCS#12 password: ", confirm=True)
    write_bytes(args.output, pkcs12.make_pkcs12(key, cert, password, chain=chain,
                                                friendly_name=args.name, scheme=args.key_encryption))
    print(f"PKCS#12 with the key and {1 + len(chain)} certificate(s) written to {args.output}")
    return 0


def _p12_info(args: argparse.Namespace) -> int:
    data = read_bytes(args.file, "key file")
    if not pkcs12.looks_like_pkcs12(data):
        raise InvalidInput("{path} is not a PKCS#12 file", path=args.file)
    found = pkcs12.load_pkcs12(data, read_password(args.password_file, prompt="PKCS#12 password: "))
    if found.key is not None:
        own = "its certificate is included" if found.key_certificate else "no certificate for it"
        print(f"Private key: SM2, public key {found.key.public_key().to_bytes().hex()} ({own})")
    else:
        print("Private key: none")
    for n, cert in enumerate(found.certificates, 1):
        print(f"Certificate {n}:")
        for label, value in (("Subject", cert.tbs["subject"].human_friendly),
                             ("Issuer", cert.tbs["issuer"].human_friendly),
                             ("Serial", f"{cert.serial:x}"),
                             ("Valid", f"{cert.not_before.isoformat()} to {cert.not_after.isoformat()}"),
                             ("SHA-256", cert.fingerprint())):
            print(f"  {label}: {shown(value)}")
    if args.cert_out:
        cert = found.key_certificate or (found.certificates[0] if found.certificates else None)
        if cert is None:
            raise InvalidInput("The PKCS#12 file holds no certificate to write")
        write_bytes(args.cert_out, cert.to_pem())
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
