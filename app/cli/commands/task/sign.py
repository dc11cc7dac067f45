"""``ebid task confirm URI --licence ID --seal ID`` for a sign task (docs/protocols/qr-tasks.md
§11): the document as the platform states it, the collected seals and whether the licence may use
each (with the reason), then the seal signature over the stated SM3 through core's
:func:`~app.core.client.task_holder.confirm_sign_task` — the desktop app's path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ....core.errors import InvalidInput
from ...common import shown

if TYPE_CHECKING:
    from ....core.client import ServiceClient
    from ....core.client.tasks import TaskClient
    from ....core.keystore import Keystore, Unlocked
    from ....core.qrtask import VerifiedTask


def print_sign_details(task: VerifiedTask) -> None:
    from ....core.qrtask.sign import sign_details

    d = sign_details(task.document)
    # The platform's text, printed through shown(): no control or bidi character reaches the terminal.
    print(f"Sign:      {shown(d.document.name)} ({d.document.size} bytes, {d.document.media_type})")
    print(f"SM3:       {d.document.sm3}")
    print(f"Seal of:   {shown(d.enterprise.name)} ({shown(d.enterprise.credit_code)}); "
          f"asked by {shown(d.requested_by)}: {shown(d.purpose)}")


def confirm_sign(tasks: TaskClient, client: ServiceClient, store: Keystore, unlocked: Unlocked,
                 licence_id: int, task: VerifiedTask, seal_id: str | None):
    """Seal and confirm; without ``--seal`` (or with one the licence may not use) the collected
    seals are listed with the reason for each that cannot be used, and nothing is sent."""
    from ....core.client.seal import ServiceUseRule
    from ....core.client.task_holder import confirm_sign_task, seal_choices

    print_sign_details(task)
    rule = ServiceUseRule(client)
    if seal_id is None:
        choices = seal_choices(store, licence_id, task, tasks.clock(), rule)
        for c in choices:
            why = "usable" if c.allowed else f"not usable: {shown(c.refusal.message)}"
            print(f"Seal:      {shown(c.seal.seal_id)}  {shown(c.seal.name)}  ({why})")
        if not choices:
            print("Seal:      none collected on this device (`ebid seal collect SEAL_ID`)")
        raise InvalidInput("A sign task needs the seal to use: add --seal SEAL_ID")
    return confirm_sign_task(tasks, store, unlocked, licence_id, task, seal_id, rule)
