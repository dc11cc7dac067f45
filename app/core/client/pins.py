"""Root-certificate pins of remote servers, for clients without a settings store (the CLI).

Trust on first use, as ``ssh`` does with host keys: the first connection to a server records the
SHA-256 fingerprint of the authority root it presents (or the one the user gave); every later
:class:`ServiceClient` for that URL is created with the pin and refuses a server that presents
another root. The file is ``servers.json`` in the data folder: ``{"<url>": "<fingerprint>"}``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InvalidInput
from ..fsutil import atomic_write
from ..paths import data_dir

FILE_NAME = "servers.json"


def normalise(fingerprint: str) -> str:
    """Hex SHA-256, lower case, without the colons ``openssl x509 -fingerprint`` prints."""
    text = fingerprint.strip().lower().replace(":", "")
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise InvalidInput("A root fingerprint is 64 hexadecimal digits (SHA-256): {fp}", fp=fingerprint)
    return text


class PinStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / FILE_NAME

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            raise InvalidInput("The server pin file {path} is unreadable", path=str(self.path)) from None
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def get(self, url: str) -> str | None:
        return self._read().get(url.rstrip("/"))

    def set(self, url: str, fingerprint: str) -> None:
        pins = self._read()
        pins[url.rstrip("/")] = normalise(fingerprint)
        atomic_write(self.path, json.dumps(pins, indent=1, sort_keys=True).encode("utf-8"))
