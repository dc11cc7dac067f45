"""What every wire model shares: frozen, unknown keys ignored (a newer service may add fields),
and bytes that travel as base64 text."""

from __future__ import annotations

import base64
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, WithJsonSchema


class WireModel(BaseModel):
    """One JSON shape of the service, read by the client and written by the service."""

    model_config = ConfigDict(frozen=True, extra="ignore")


def _from_base64(value: Any) -> Any:
    return base64.b64decode(value) if isinstance(value, str) else value


def _to_base64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


Base64Bytes = Annotated[
    bytes,
    BeforeValidator(_from_base64),
    PlainSerializer(_to_base64, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string"}),
]
"""Bytes in Python, standard base64 (with padding, no line breaks) in JSON."""
