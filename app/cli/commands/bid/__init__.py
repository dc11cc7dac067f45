"""``ebid bid``: BIDX bid files on this machine (files) and through the platform (platform)."""

from .files import register

__all__ = ["register"]
