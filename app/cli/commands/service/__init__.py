"""``ebid service``: the administrator commands, which live with the server (:mod:`app.server.admin`)."""

from ....server.admin import register

__all__ = ["register"]
