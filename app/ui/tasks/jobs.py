"""The task dialog's work on pool threads (no widgets): fetch and verify a task, confirm it with a
stored licence, cancel it. Confirming and cancelling are core's :mod:`app.core.client.task_holder`,
which also records each answer in the keystore (task history and audit log), as ``ebid task`` does."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...core.client import ServiceClient
    from ...core.client.tasks import TaskClient
    from ...core.keystore import Keystore
    from ...core.qrtask import TaskUri, VerifiedTask
    from ..unlocked import Access


class Fetched:
    """A verified task and the client that fetched it, kept by the dialog for the answer. The
    dialog closes it (:meth:`close`) when it closes; an answer still on its way finishes first."""

    def __init__(self, tasks: TaskClient, task: VerifiedTask) -> None:
        self.tasks, self.task = tasks, task
        self._lock = threading.Lock()
        self._users = 0
        self._closing = False

    @contextmanager
    def using(self) -> Iterator[TaskClient]:
        with self._lock:
            self._users += 1
        try:
            yield self.tasks
        finally:
            with self._lock:
                self._users -= 1
                close = self._closing and self._users == 0
            if close:
                self.tasks.close()

    def close(self) -> None:
        with self._lock:
            self._closing = True
            close = self._users == 0
        if close:
            self.tasks.close()


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

        with fetched.using() as tasks:
            return confirm_task(tasks, access.store, access.unlocked, licence_id, fetched.task)

    return op


def cancel_op(fetched: Fetched, store: Keystore):
    def op(progress, cancel):
        from ...core.client.task_holder import cancel_task

        with fetched.using() as tasks:
            return cancel_task(tasks, store, fetched.task)

    return op
