"""Where EBid Desk keeps its data on this device.

``EBID_HOME`` overrides the platform's user-data folder: tests point it at a temporary folder, and a
portable install (a USB stick a bidder carries between offices) points it beside the program.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from .errors import InvalidInput

APP_NAME = "EBidDesk"
HOME_ENV = "EBID_HOME"


def data_dir(*, create: bool = True) -> Path:
    """The data folder: ``$EBID_HOME`` if set, else the platform's user-data folder for EBidDesk."""
    override = os.environ.get(HOME_ENV)
    folder = Path(override).expanduser() if override else Path(
        platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True)
    )
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise InvalidInput(
                "Cannot create the data folder {path}: {reason}", path=str(folder), reason=exc.strerror or str(exc)
            ) from None
    return folder
