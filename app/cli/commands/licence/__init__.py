"""``ebid licence``: certificates offline (local) and the licences in the keystore (holder)."""

from .local import register

__all__ = ["register"]
