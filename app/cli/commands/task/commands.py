"""``ebid task show|confirm|cancel URI``. The URI is the QR's text (``ebid qr decode`` reads it
from an image). The task is fetched from the platform the URI names and trusted only if its
certificate chains to the authority root of the service this command uses (``--server`` with
its pinned root, else the embedded service). Confirming signs the response with a stored
licence (the licence password is asked); cancelling needs no licence."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ...connection import service_client
from ..licence.holder import acting_session, holder_options

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
    p.set_defaults(func=_confirm)
    p = sub.add_parser("cancel", help="tell the platform you decline a task")
    p.add_argument("uri", metavar="URI")
    p.set_defaults(func=_cancel)


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
    with acting_session(args, purpose="confirm QR task") as acting, _tasks(acting.holder.service) as tasks:
        task = tasks.fetch(uri)
        _print(task, tasks.clock())
        state = tasks.confirm(task, acting.holder.key, acting.holder.certificate)
        acting.store.log_event(
            "task.confirmed", acting.unlocked, licence_id=acting.licence_id, task=task.document.task,
            type=task.document.type, platform=task.document.platform.url,
            document_sm3=task.document_sm3, state=state.state,
        )
    print(f"Confirmed: the platform reports the task {state.state}")
    return 0


def _cancel(args: argparse.Namespace) -> int:
    uri = _parse(args.uri)
    with service_client(args) as client, _tasks(client) as tasks:
        task = tasks.fetch(uri)
        _print(task, client.clock())
        state = tasks.cancel(task)
    print(f"Cancelled: the platform reports the task {state.state}")
    return 0


def _print(task: VerifiedTask, now) -> None:
    d = task.document
    left = int((d.expires_at - now).total_seconds())
    print(f"Task:      {d.task} — {TYPES.get(d.type, d.type)}")
    print(f"Platform:  {d.platform.name} at {d.platform.url} (certificate {task.platform_subject}; signature OK)")
    print(f"Requested: {d.created} by the browser at {d.requester.address} ({d.requester.user_agent})")
    print(f"Expires:   {d.expires} ({max(left, 0)} s left)")
    for key, value in sorted(d.details.items()):
        print(f"Detail:    {key} = {value}")
    print(f"Document:  SM3 {task.document_sm3}")
