"""``ebid service …``: the administrator's commands on the server machine (set up, import
enterprises, publish projects, review imprints, run), working on the service database directly.
The CLI only mounts them (``app/cli/commands/service``); nothing here imports ``app.cli``."""

from .commands import register

__all__ = ["register"]
