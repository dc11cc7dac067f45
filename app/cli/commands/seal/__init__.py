"""``ebid seal`` (imprints, the seal office) and ``ebid sealfmt`` (GB/T 38540 offline checks)."""

import argparse

from . import format, imaging


def register(groups: argparse._SubParsersAction) -> None:
    imaging.register(groups)
    format.register(groups)
