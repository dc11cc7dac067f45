"""The QR content of a task: ``<base>/platform/t/<task id>#<secret>`` (docs/protocols/qr-tasks.md §2).

Anything else is not a task: :func:`is_task_uri` says so without raising, so a plain QR stays
plain text; :func:`parse_task_uri` refuses it (``not_a_task``)."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from ..errors import Refused

MAX_URI_BYTES = 150
TASK_PATH = "/platform/t/"
_URI = re.compile(
    r"(?P<base>(?P<scheme>https?)://(?P<host>\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::[0-9]{1,5})?"
    r"(?:/[A-Za-z0-9._~-]+)*)/platform/t/(?P<task>[A-Za-z0-9_-]{22})#(?P<secret>[A-Za-z0-9_-]{43})"
)


class NotATask(Refused):
    """The text is not a task URI that may be fetched: an input error (exit code 2)."""

    exit_code = 2


@dataclass(frozen=True)
class TaskUri:
    base: str  # the platform's base URL, no trailing slash
    task_id: str
    secret: str = ""

    def __str__(self) -> str:
        return f"{self.base}{TASK_PATH}{self.task_id}#{self.secret}"

    def __repr__(self) -> str:  # never the secret
        return f"TaskUri({self.base!r}, {self.task_id!r})"


def _match(text: str):
    if len(text.encode("utf-8")) > MAX_URI_BYTES:
        return None
    return _URI.fullmatch(text)


def is_task_uri(text: str) -> bool:
    """True when ``text`` has the form of a task QR (checked before anything is fetched)."""
    return _match(text.strip()) is not None


def parse_task_uri(text: str) -> TaskUri:
    found = _match(text.strip())
    if found is None:
        raise NotATask("not_a_task", "This QR code is not a task of an e-bidding platform")
    if found["scheme"] == "http" and not _loopback(found["host"]):
        raise NotATask(
            "insecure_task_uri",
            "The task names {base} without https: its secret would cross the network in clear",
            base=found["base"],
        )
    return TaskUri(found["base"], found["task"], found["secret"])


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
