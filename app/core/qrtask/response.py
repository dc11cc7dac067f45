"""The holder's response to a task (qr-tasks.md §6): built and signed on the device, parsed and
checked on the platform (with the same functions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .. import gm
from ..errors import Refused
from .canonical import canonical, format_time, parse_canonical, parse_time
from .document import VERSION, VerifiedTask

ACTIONS = ("confirm", "cancel")
_FIELDS = {"version", "task", "platform", "document_sm3", "secret_sm3", "action", "time", "details"}


def secret_sm3(secret: str) -> str:
    return gm.sm3(secret.encode("ascii")).hex()


def build_response(task: VerifiedTask, *, action: str, now: datetime, serial: int | None,
                   details: dict | None = None) -> bytes:
    """The canonical response bytes; ``serial`` None only for an unsigned cancel."""
    if action not in ACTIONS or (serial is None and action != "cancel"):
        raise ValueError(f"cannot build a {action!r} response without a licence")
    value = {
        "version": VERSION, "task": task.document.task, "platform": task.document.platform.url,
        "document_sm3": task.document_sm3, "secret_sm3": secret_sm3(task.uri.secret),
        "action": action, "time": format_time(now), "details": details or {},
    }
    if serial is not None:
        value["serial"] = format(serial, "x")
    return canonical(value)


@dataclass(frozen=True)
class ParsedResponse:
    task: str
    platform: str
    document_sm3: str
    secret_sm3: str
    action: str
    time: datetime
    serial: str | None
    details: dict


def parse_response(raw: bytes) -> ParsedResponse:
    """The response's fields, or ``malformed_task_response``."""
    value = parse_canonical(raw)
    if value is None:
        raise Refused("malformed_task_response", "The task response is not canonical JSON")
    keys = set(value)
    try:
        if not (_FIELDS <= keys <= _FIELDS | {"serial"}) or value["version"] != VERSION:
            raise ValueError("fields")
        if value["action"] not in ACTIONS or not isinstance(value["details"], dict):
            raise ValueError("action")
        serial = value.get("serial")
        if serial is not None and (not isinstance(serial, str) or not serial or len(serial) > 40):
            raise ValueError("serial")
        int(serial, 16) if serial else None
        strings = [value[k] for k in ("task", "platform", "document_sm3", "secret_sm3")]
        if not all(isinstance(s, str) for s in strings):
            raise ValueError("types")
        moment = parse_time(value["time"])
    except (ValueError, TypeError, KeyError):
        raise Refused("malformed_task_response", "The task response lacks a field or has a wrong one") from None
    return ParsedResponse(*strings, value["action"], moment, serial, value["details"])
