"""The task dialog's work on pool threads (no widgets): fetch and verify a task, confirm it with a
stored licence, cancel it. Confirming and cancelling are core's :mod:`app.core.client.task_holder`,
which also records each answer in the keystore (task history and audit log), as ``ebid task`` does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...core.client import ServiceClient
    from ...core.client.tasks import TaskClient
    from ...core.keystore import Keystore
    from ...core.qrtask import TaskUri, VerifiedTask
    from ..unlocked import Access


@dataclass(frozen=True)
class Fetched:
    tasks: TaskClient  # kept by the dialog for the answer, closed with it
    task: VerifiedTask


def fetch_op(client: ServiceClient, uri: TaskUri):
    """Trust list: the authority root of the service the app uses (its pin checked by the client)."""

    def op(progress, cancel) -> Fetched:
        from ...core.client.tasks import TaskClient

        tasks = TaskClient([client.root_certificate()], clock=client.clock)
        try:
            return Fetched(tasks, tasks.fetch(uri))
        except BaseException:
            tasks.close()
            raise

    return op


def confirm_op(fetched: Fetched, licence_id: int):
    """The op of an :class:`~app.ui.unlocked.UnlockedOp`: sign, post and record the confirm."""

    def op(access: Access, progress, cancel):
        from ...core.client.task_holder import confirm_task

        return confirm_task(fetched.tasks, access.store, access.unlocked, licence_id, fetched.task)

    return op


def cancel_op(fetched: Fetched, store: Keystore):
    def op(progress, cancel):
        from ...core.client.task_holder import cancel_task

        return cancel_task(fetched.tasks, store, fetched.task)

    return op
