"""``ebid task show|confirm|cancel URI`` and ``ebid task history``. The URI is the QR's text
(``ebid qr decode`` reads it from an image). The task is fetched from the platform the URI names
and trusted only if its certificate chains to the authority root of the service this command
uses (``--server`` with its pinned root, else the embedded service). Confirming signs the
response with a stored licence (the licence password is asked); cancelling needs no licence.
Both go through core's :mod:`app.core.client.task_holder`, as the desktop app's task dialog
does, so each answer is recorded in the keystore's task history and audit log the same way."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ...common import read_password, shown
from ...connection import service_client
from ..keystore import open_keystore
from ..licence.holder import _choose_licence, holder_options

if TYPE_CHECKING:
    from ....core.client.tasks import TaskClient
    from ....core.qrtask import VerifiedTask

TYPES = {
    "login": "log in to the platform's web pages (扫码登录)",
    "sign": "sign a document with a seal (签章)",
    "encrypt": "encrypt and upload bid files (标书加密)",
    "decrypt": "decrypt a bid at the opening (开标解密)",
}


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="fetch a task, check the platform's signature, show what it asks")
    p.add_argument("uri", metavar="URI", help="the QR code's text")
    p.set_defaults(func=_show)
    p = sub.add_parser("confirm", help="confirm a task, signed with a stored licence")
    p.add_argument("uri", metavar="URI")
    holder_options(p)
    p.add_argument("--seal", metavar="SEAL_ID", help="a sign task: the collected seal to seal the document with")
    p.add_argument("--file", nargs="+", metavar="F", default=[],
                   help="encrypt task: the bid files to encrypt on this device and upload")
    p.add_argument("--accept-risk", action="store_true",
                   help="encrypt task: go ahead although the key has no verified backup — I accept that losing "
                        "this device loses this bid (recorded in the audit log)")
    p.set_defaults(func=_confirm)
    p = sub.add_parser("cancel", help="tell the platform you decline a task")
    p.add_argument("uri", metavar="URI")
    p.set_defaults(func=_cancel)
    p = sub.add_parser("history", help="the answers this device gave to tasks (no password needed)")
    p.add_argument("--limit", type=int, metavar="N", help="only the newest N")
    p.add_argument("--json", action="store_true", help="one JSON array")
    p.set_defaults(func=_history)


@contextmanager
def _tasks(client) -> Iterator[TaskClient]:
    from ....core.client.tasks import TaskClient

    with TaskClient([client.root_certificate()], clock=client.clock) as tasks:
        yield tasks


def _parse(text: str):
    from ....core.qrtask import parse_task_uri

    return parse_task_uri(text)  # before the password or the service: a plain text is refused


def _show(args: argparse.Namespace) -> int:
    uri = _parse(args.uri)
    with service_client(args) as client, _tasks(client) as tasks:
        task = tasks.fetch(uri)
        _print(task, client.clock())
    return 0


def _confirm(args: argparse.Namespace) -> int:

    uri = _parse(args.uri)
    with open_keystore() as store:
        licence_id = _choose_licence(store, args.licence)
        password = read_password(args.password_file, prompt="Licence password: ")
        with service_client(args) as client, _tasks(client) as tasks:
            unlocked = store.unlock(password)
            try:
                task = tasks.fetch(uri)
                _print(task, tasks.clock())
                if task.document.type == "sign":  # the seal signature (qr-tasks.md §11)
                    from .sign import confirm_sign

                    state = confirm_sign(tasks, client, store, unlocked, licence_id, task, args.seal)
                elif task.document.type == "encrypt":
                    state = _confirm_encrypt(tasks, client, store, unlocked, licence_id, task, args.file,
                                             args.accept_risk)
                else:
                    state = _confirm_for(task)(tasks, store, unlocked, licence_id, task)
            finally:
                unlocked.lock()
    print(f"Confirmed: the platform reports the task {state.state}")
    _print_outcome(state)
    return 0


def _cancel(args: argparse.Namespace) -> int:
    from ....core.client.task_holder import cancel_task
    from ....core.keystore import default_path

    uri = _parse(args.uri)
    with service_client(args) as client, _tasks(client) as tasks:
        task = tasks.fetch(uri)
        _print(task, client.clock())
        if default_path().exists():  # recorded on a device that has a keystore
            with open_keystore(must_exist=False) as store:
                state = _cancel_for(task)(tasks, store, task)
        else:
            state = cancel_task(tasks, None, task)
    print(f"Cancelled: the platform reports the task {state.state}")
    return 0


def _confirm_for(task: VerifiedTask):
    """The confirm of the task's type: the bid tasks' own (core task_holder), else the plain one."""
    from ....core.client.task_holder import confirm_decrypt, confirm_task

    return confirm_decrypt if task.document.type == "decrypt" else confirm_task


def _cancel_for(task: VerifiedTask):
    from ....core.client.task_holder import cancel_task, decline_decrypt

    return decline_decrypt if task.document.type == "decrypt" else cancel_task


def _confirm_encrypt(tasks, client, store, unlocked, licence_id, task, files, accept_risk):
    """Encrypt ``files`` to this licence's device key, upload them bound to the task, confirm."""
    from ....core.bidx import worker_pool
    from ....core.client.task_holder import check_encrypt, confirm_encrypt
    from ....core.paths import data_dir
    from ....core.tasks import CancelToken
    from ...common import terminal_progress

    check_encrypt(store, tasks.clock(), licence_id, task, files)  # before any work
    with worker_pool() as pool:
        state, _ = confirm_encrypt(tasks, client, store, unlocked, licence_id, task, files,
                                   data_dir() / "bids" / "encrypted", pool,
                                   terminal_progress("Encrypting"), CancelToken(), accept_risk=accept_risk)
    return state


def _print_outcome(state) -> None:
    outcome = state.outcome or {}
    for receipt in outcome.get("receipts", []) if outcome.get("result") == "encrypted" else []:
        print(f"Uploaded: {shown(receipt['file_name'])} receipt {shown(receipt['submission_id'])} "
              f"SM3 {shown(receipt['sm3'])} ({shown(receipt['size'])} bytes)")
    if outcome.get("result") == "decrypted":
        print(f"Decrypted: the platform opened the bid; plaintext SM3 {shown(outcome['plaintext_sm3'])} "
              f"({shown(outcome['plaintext_size'])} bytes)")


def _history(args: argparse.Namespace) -> int:
    import json

    from ....core.keystore import default_path

    records = []
    if default_path().exists():  # no keystore, no history: do not make one just to look
        with open_keystore(must_exist=False) as store:
            records = store.task_history(limit=args.limit)
    if args.json:
        print(json.dumps([r.as_json() for r in records], ensure_ascii=False, indent=2))
        return 0
    if not records:
        print("No task answered on this device yet")
        return 0
    rows = [("TIME", "TASK", "TYPE", "PLATFORM", "ANSWER", "RESULT", "OUTCOME", "LICENCE", "DOCUMENT SM3")]
    rows += [(r.at.isoformat(timespec="seconds"), shown(r.task_id), shown(r.task_type),
              f"{shown(r.platform_name)} <{shown(r.platform_url)}>", r.answer, r.action, shown(r.outcome),
              r.licence_serial or "-", r.document_sm3[:16] + "…")
             for r in records]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1])
    return 0


def _flat(details: dict, prefix: str = ""):
    """``document.name = 投标函.pdf`` rather than a dict's repr; long values (a bid header) cut."""
    for key, value in sorted(details.items()):
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{key}.")
        else:
            text = str(value)
            yield f"{prefix}{key}", text if len(text) <= 120 else f"{text[:117]}…"


def _print(task: VerifiedTask, now) -> None:
    d = task.document
    left = int((d.expires_at - now).total_seconds())
    # Everything here but the times comes from the platform or the requesting browser (its user
    # agent is any text): printed through shown(), so no escape sequence reaches the terminal.
    print(f"Task:      {shown(d.task)} — {TYPES.get(d.type, shown(d.type))}")
    print(f"Platform:  {shown(d.platform.name)} at {shown(d.platform.url)} "
          f"(certificate {shown(task.platform_subject)}; signature OK)")
    print(f"Requested: {d.created} by the browser at {shown(d.requester.address)} "
          f"({shown(d.requester.user_agent)})")
    print(f"Expires:   {d.expires} ({max(left, 0)} s left)")
    for key, value in _flat(d.details):
        print(f"Detail:    {shown(key)} = {shown(value)}")
    print(f"Document:  SM3 {task.document_sm3}")
