"""File commands of ``ebid bid``: encrypt bid files into BIDX containers, decrypt, inspect,
verify and rehearse, all on this machine. Submitting them to the e-bidding platform, listing the
receipts and fetching them back at the opening are in :mod:`.platform`.

Exit codes: 0 success; 1 a signature, MAC or chunk did not verify (or the key is not a recipient);
2 usage or input error; 130 cancelled.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ....core import bidx, gm
from ....core.errors import InvalidInput, VerificationFailed
from ...common import read_bytes, read_password, shown, terminal_progress


def add_commands(sub: argparse._SubParsersAction) -> None:
    _add_encrypt(sub)
    _add_decrypt(sub)

    p = sub.add_parser("inspect", help="show a container's readable header (no key needed)")
    p.add_argument("file", metavar="FILE.bidx")
    p.set_defaults(func=_inspect)

    p = sub.add_parser("verify", help="verify a container's detached signature (exit 0 valid, 1 invalid)")
    p.add_argument("file", metavar="FILE.bidx")
    p.add_argument("--sig", required=True, metavar="FILE.sig")
    p.add_argument("--pub", required=True, metavar="PUB.pem",
                   help="signer's certificate (checks the sender the container names) or public key")
    p.set_defaults(func=_verify)

    p = sub.add_parser("rehearse", help="decrypt and authenticate everything, writing nothing")
    p.add_argument("file", metavar="FILE.bidx")
    _key_options(p)
    p.set_defaults(func=_rehearse)


def _add_encrypt(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("encrypt", help="encrypt files, each into its own FILE.bidx")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-r", "--recipient", action="append", required=True, metavar="RECIPIENT.pem",
                   help="SM2 public key or certificate (PEM) that may decrypt; repeat for more")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR")
    p.add_argument("--suite", choices=["sm4", "aes"], default="sm4",
                   help="sm4: SM2-SM4GCM-SM3 (default); aes: SM2-AES256GCM-SHA256")
    p.add_argument("--sign", metavar="KEY.pem", help="also write FILE.bidx.sig signed with this SM2 key")
    p.add_argument("--cert", metavar="CERT.pem",
                   help="certificate of the --sign key, named in each header as the sender (default: the key)")
    p.add_argument("--password-file", metavar="F", help="password of an encrypted signing key")
    p.add_argument("--project", default="", metavar="CODE", help="project code (readable in the header)")
    p.add_argument("--section", default="", metavar="CODE", help="section code (readable in the header)")
    p.add_argument("--accept-risk", action="store_true",
                   help="a recipient is a key of this device without a verified backup: encrypt anyway — I accept "
                        "that losing this device loses this bid (recorded in the keystore's audit log)")
    _engine_options(p, chunk=True)
    p.set_defaults(func=_encrypt)


def _add_decrypt(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("decrypt", help="decrypt a container into OUTDIR under its original name")
    p.add_argument("file", metavar="FILE.bidx")
    _key_options(p)
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR")
    p.set_defaults(func=_decrypt)


def _key_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--key", metavar="KEY.pem",
                   help="recipient's SM2 private key (default: the keystore's key for the container "
                        "— own, a backup held for its owner, or recovered)")
    p.add_argument("--password-file", metavar="F",
                   help="password of an encrypted key, or the licence password for the keystore")
    _engine_options(p, chunk=False)


def _engine_options(p: argparse.ArgumentParser, *, chunk: bool) -> None:
    p.add_argument("--workers", type=int, default=None, metavar="N", help="worker threads (default: one per core)")
    if chunk:
        p.add_argument("--chunk-size", type=int, default=bidx.DEFAULT_CHUNK_SIZE, metavar="BYTES",
                       help="payload chunk size (default 1 MiB; small values are for tests)")


def _recipient_key(args: argparse.Namespace, purpose: str) -> gm.SM2PrivateKey:
    """``--key``, else the keystore's key whose id the container names (saying which it used)."""
    if args.key:
        return _load_key(args.key, args.password_file)
    from ....core.bidding import device_key_for
    from ..keystore import open_keystore

    bidx.inspect_container(args.file)  # refuse a non-container before asking for the password
    with open_keystore() as store:
        unlocked = store.unlock(read_password(args.password_file, prompt="Licence password: "))
        try:
            key, which = device_key_for(store, unlocked, Path(args.file), purpose)
        finally:
            unlocked.lock()
    print(f"key: {which}")
    return key


def _load_key(path: str, password_file: str | None) -> gm.SM2PrivateKey:
    data = read_bytes(path, "key file")
    if b"ENCRYPTED PRIVATE KEY" in data or password_file:
        return gm.load_private_key(data, read_password(password_file, prompt="Key password: "))
    return gm.load_private_key(data)


def _certificate_der(path: str) -> bytes:
    from ....core.bidx.recipients import certificate_der

    der = certificate_der(read_bytes(path, "certificate file"))
    if der is None:
        raise InvalidInput("{path} is not a certificate", path=path)
    return der


def _workers(args: argparse.Namespace) -> int | None:
    if args.workers is not None and args.workers < 1:
        raise InvalidInput("--workers must be at least 1")
    return args.workers


def _encrypt(args: argparse.Namespace) -> int:
    if args.section and not args.project:
        raise InvalidInput("--section needs --project")
    if args.cert and not args.sign:
        raise InvalidInput("--cert needs --sign")
    recipients = [bidx.load_recipient(read_bytes(r, "recipient file")) for r in args.recipient]
    _guard(args, recipients)
    options = bidx.EncryptOptions(
        suite=bidx.suite_by_name(args.suite),
        chunk_size=args.chunk_size,
        project=args.project,
        section=args.section,
        signer=_load_key(args.sign, args.password_file) if args.sign else None,
        signer_certificate=_certificate_der(args.cert) if args.cert else None,
        workers=_workers(args),
    )
    results = bidx.encrypt_files(args.files, args.output, recipients, options=options,
                                 progress=terminal_progress("Encrypting"))
    for result in results:
        line = f"{result.source} -> {result.container}"
        print(line + (f" (signature {result.signature})" if result.signature else ""))
    return 0


def _guard(args: argparse.Namespace, recipients: list[gm.SM2PublicKey]) -> None:
    """Bid survival (docs/protocols/key-backup.md §8): a recipient that is a key of this device
    must have a verified backup, by this device's records, unless ``--accept-risk``. Keys this
    device does not hold are their holders' to back up."""
    from ....core.keybackup.guard import device_key_protections, guard
    from ....core.keystore import default_path
    from ..keystore import open_keystore

    if not default_path().exists():
        return
    with open_keystore(must_exist=False) as store:
        for found in device_key_protections(store, recipients):
            guard(store, None, found, accepted=args.accept_risk, via="ebid bid encrypt",
                  files=[Path(f).name for f in args.files], project=args.project, section=args.section)
            if not found.protected:
                print(f"ebid: the key {found.key_label} has no verified backup; encrypting as you accepted "
                      "(recorded in the audit log)", file=sys.stderr)


def _decrypt(args: argparse.Namespace) -> int:
    from ....core.bidx.naming import check_output_folder

    check_output_folder(Path(args.output))  # a typo is said before the password is asked
    key = _recipient_key(args, "decrypt bid")
    result = bidx.decrypt_file(args.file, key, args.output, workers=_workers(args),
                               progress=terminal_progress("Decrypting"))
    print(f"{args.file} -> {result.output} ({result.header.plaintext_length} bytes, authenticated)")
    return 0


def _rehearse(args: argparse.Namespace) -> int:
    key = _recipient_key(args, "rehearse decryption")
    start = time.monotonic()
    result = bidx.rehearse(args.file, key, workers=_workers(args), progress=terminal_progress("Rehearsing"))
    elapsed = time.monotonic() - start
    size = result.header.plaintext_length
    print(f"OK: {args.file} decrypts with this key ({shown(result.metadata.name)}, {size} bytes, "
          f"{result.header.chunk_count} chunks) in {elapsed:.2f} s")
    return 0


def _inspect(args: argparse.Namespace) -> int:
    header = bidx.inspect_container(args.file)
    rows = [
        ("Format", f"BIDX version {header.version}"),
        ("Suite", header.suite.name),
        ("Project", shown(header.project) or "-"),
        ("Section", shown(header.section) or "-"),
        ("Sender", _sender_line(header)),
        ("Plaintext size", f"{header.plaintext_length} bytes"),
        ("Chunks", f"{header.chunk_count} of {header.chunk_size} bytes"),
        ("Header size", f"{header.size} bytes"),
        ("Recipients", str(len(header.stanzas))),
    ]
    for label, value in rows:
        print(f"{label + ':':<16}{value}")
    for stanza in header.stanzas:
        print(f"  key id {stanza.key_id.hex()}")
    print("Not checked:    header MAC and content (they need a recipient key: use rehearse), "
          "sender (needs the signature: use verify)")
    return 0


def _sender_line(header: bidx.Header) -> str:
    if header.sender is not None:
        return f"{header.sender.describe()} (claimed; proven by verify)"
    return "none named (BIDX v1)" if header.version == bidx.LEGACY_VERSION else "none named"


def _verify(args: argparse.Namespace) -> int:
    signer = bidx.SignerIdentity.load(read_bytes(args.pub, "public key file"))
    signature = read_bytes(args.sig, "signature file")
    try:
        origin = bidx.verify_container(args.file, signature, signer)
    except VerificationFailed as exc:
        print(f"ebid: {exc.message}", file=sys.stderr)
        return 1
    print(f"Signature OK (signer key id {bidx.short_id(bidx.key_id(signer.public_key))})")
    print(f"Origin: {origin.summary()}")
    return 0
