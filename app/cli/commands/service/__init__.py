"""``ebid service``: the administrator commands, which live with the server
(:mod:`app.server.admin`); the CLI only mounts them."""

from ....server.admin import register

__all__ = ["register"]
