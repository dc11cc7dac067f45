"""``ebid password change``: change the one licence password that protects every key on the device."""

from __future__ import annotations

import argparse
import getpass
import sys

from ...core.errors import InvalidInput
from ..common import check_new_password, read_password
from .keystore import open_keystore


def register(groups: argparse._SubParsersAction) -> None:
    parser = groups.add_parser("password", help="the licence password")
    sub = parser.add_subparsers(dest="password_command", metavar="ACTION")
    sub.required = True

    p = sub.add_parser("change", help="change the licence password (re-encrypts every key at once)")
    p.add_argument("--password-file", metavar="F", help="current password from F (else EBID_PASSWORD_FILE, else a prompt)")
    p.add_argument("--new-password-file", metavar="F", help="new password from F (else a prompt)")
    p.set_defaults(func=_change)


def _read_new_password(path: str | None) -> bytes:
    # Not read_password(None): it would fall back to EBID_PASSWORD_FILE, i.e. the *old* password.
    if path:
        return read_password(path)
    if not sys.stdin.isatty():
        raise InvalidInput("A new password is needed: use --new-password-file")
    first = getpass.getpass("New licence password: ")
    if getpass.getpass("Repeat new password: ") != first:
        raise InvalidInput("The two passwords differ")
    if not first:
        raise InvalidInput("The password must not be empty")
    return first.encode("utf-8")


def _change(args: argparse.Namespace) -> int:
    with open_keystore() as store:
        old = read_password(args.password_file, prompt="Current licence password: ")
        new = _read_new_password(args.new_password_file)
        if new == old:
            raise InvalidInput("The new password is the same as the current one")
        check_new_password(new)
        store.change_password(old, new)
    print("Licence password changed")
    return 0
