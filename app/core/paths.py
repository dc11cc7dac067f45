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


def exposed_mode(folder: Path) -> int | None:
    """The folder's permission bits if other users of this computer may enter or read it (a
    data folder made by hand, or copied with loose permissions), else None. The keystore is 0600
    in any case; the folder also holds logs, downloaded bids and the task history."""
    if os.name != "posix":
        return None  # Windows: the user's profile folder is private by its ACL
    try:
        mode = folder.stat().st_mode & 0o777
    except OSError:
        return None
    return mode if mode & 0o077 else None
