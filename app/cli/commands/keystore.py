"""``ebid keystore``: create the licence keystore on this device and show what it holds.

Also the helpers the other keystore commands (``password``, ``audit``) use to open it.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ...core.errors import InvalidInput
from ...core.paths import exposed_mode
from ..common import check_new_password, read_password

if TYPE_CHECKING:
    from ...core.keystore import Keystore

# The keystore (SQLAlchemy, Alembic) is imported inside the commands: every `ebid` run imports
# this module to build its parser, and most runs never touch the keystore.


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("keystore", help="the licence keystore on this device")
    sub = parser.add_subparsers(dest="keystore_command", metavar="ACTION")
    sub.required = True

    p = sub.add_parser("init", help="create the keystore and set the licence password")
    p.add_argument("--password-file", metavar="F", help="read the new password from F (else EBID_PASSWORD_FILE, else a prompt)")
    p.set_defaults(func=_init)

    p = sub.add_parser("info", help="where the keystore is and what it holds (no password needed)")
    p.set_defaults(func=_info)

    p = sub.add_parser("import-p12", help="keep a CA-issued SM2 encryption key and its certificate (.p12/.pfx) "
                                          "as a bid-encryption key on this device")
    p.add_argument("file", metavar="FILE.p12")
    p.add_argument("--label", default=None, help="a name for the key (default: the certificate's subject)")
    p.add_argument("--p12-password-file", metavar="F", help="the PKCS#12 file's password (else a prompt)")
    p.add_argument("--password-file", metavar="F", help="the licence password (else EBID_PASSWORD_FILE, else a prompt)")
    p.set_defaults(func=_import_p12)


def open_keystore(*, must_exist: bool = True) -> Keystore:
    """The keystore in the data folder. The CLI never remembers unlocks in the OS keyring."""
    from ...core.keystore import Keystore, NullUnlockCache, default_path

    path = default_path()
    mode = exposed_mode(path.parent)
    if mode is not None:
        print(f"ebid: warning: other users of this computer can open the data folder {path.parent} "
              f"(mode {mode:o}); `chmod 700` it", file=sys.stderr)
    if must_exist and not path.exists():
        raise InvalidInput("No keystore at {path}: create one with `ebid keystore init`", path=str(path))
    store = Keystore.open(path, unlock_cache=NullUnlockCache())
    if must_exist and not store.is_initialised():
        store.close()
        raise InvalidInput("The keystore at {path} has no password yet: run `ebid keystore init`", path=str(path))
    return store


def _init(args: argparse.Namespace) -> int:
    password = read_password(args.password_file, prompt="New licence password: ", confirm=True)
    check_new_password(password)
    with open_keystore(must_exist=False) as store:
        store.initialise(password)
        print(f"Keystore created: {store.path}")
    return 0


def _info(args: argparse.Namespace) -> int:
    from ...core.keystore.db import current_revision

    with open_keystore() as store:
        print(f"path:            {store.path}")
        print(f"schema:          {current_revision(store.engine)}")
        print(f"licences:        {len(store.list_licences())}")
        print(f"encryption keys: {len(store.list_encryption_keys())}")
        print(f"device identity: {'yes' if store.device_identity() else 'no'}")
        print(f"failed unlocks:  {store.failed_attempts()}")
    return 0


def _import_p12(args: argparse.Namespace) -> int:
    """The key and its own certificate, which must allow encryption (a signing certificate's key
    is not for bids); sealed under the licence password like every private key here. It is not
    in the service's key registry (``ebid key apply`` makes a registered key), so it cannot be
    backed up through the key-backup protocol: the encryption guard asks about it every time."""
    from ...core import bidx
    from ...core.pki import pkcs12
    from ..common import read_bytes

    data = read_bytes(args.file, "PKCS#12 file")
    if not pkcs12.looks_like_pkcs12(data):
        raise InvalidInput("{path} is not a PKCS#12 file", path=args.file)
    found = pkcs12.load_pkcs12(data, read_password(args.p12_password_file, prompt="PKCS#12 password: ",
                                                   environment=False))
    cert = found.key_certificate
    if found.key is None or cert is None:
        raise InvalidInput("The PKCS#12 file must hold an SM2 private key and its own certificate")
    bidx.load_recipient(cert.der)  # refuses a certificate whose key is for signing only
    label = args.label or cert.tbs["subject"].human_friendly
    with open_keystore() as store:
        unlocked = store.unlock(read_password(args.password_file, prompt="Licence password: "))
        try:
            info = store.add_encryption_key(unlocked, label=label, private_key=found.key, certificate=cert.der)
        finally:
            unlocked.lock()
    print(f"#{info.id}\tencryption key kept (key id {bidx.key_id(info.public_key).hex()[:16]}, "
          f"certificate {cert.fingerprint()[:16]}); export it for `ebid bid encrypt -r` with "
          f"`ebid key export-public {info.id} -o PUB.pem`")
    return 0
