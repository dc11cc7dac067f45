"""The forms of the service's own web pages: urlencoded (the review page, the login page) and
multipart with a file (the signing page)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from fastapi import Request

MAX_FIELDS = 10


async def read_form(request: Request, limit: int) -> dict[str, str]:
    """The fields (first value of each) of a body of at most ``limit`` bytes. A larger body, or one
    with more than :data:`MAX_FIELDS` fields, reads as no fields: every form of ours carries a
    CSRF token (or a sign-in token), so an empty one is refused by the page's own check."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return {}
    try:
        fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=MAX_FIELDS)
    except ValueError:  # more fields than that
        return {}
    return {k: v[0] for k, v in fields.items()}


@dataclass(frozen=True)
class Part:
    """One field of a multipart form: its value's bytes and, for a file, its name and type."""

    data: bytes
    filename: str | None = None
    content_type: str = "application/octet-stream"


_PARAM = re.compile(r';\s*([A-Za-z0-9_*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))')


async def read_multipart(request: Request, limit: int) -> dict[str, Part] | None:
    """The fields of a ``multipart/form-data`` body of at most ``limit`` bytes (first of each
    name), read exactly as sent (no line-ending changes: a file's SM3 is taken over these
    bytes). None for a larger body, another content type, more than :data:`MAX_FIELDS` parts or
    framing that does not parse: the page refuses such a form."""
    boundary = _boundary(request.headers.get("content-type", ""))
    if boundary is None:
        return None
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return parse_multipart(bytes(body), boundary)


def _boundary(content_type: str) -> bytes | None:
    kind, _, rest = content_type.partition(";")
    if kind.strip().lower() != "multipart/form-data":
        return None
    params = {k.lower(): (q if q is not None and q != "" else v) for k, q, v in _PARAM.findall(";" + rest)}
    value = params.get("boundary", "")
    if not 1 <= len(value) <= 70 or not value.isascii():
        return None
    return value.encode("ascii")


def parse_multipart(body: bytes, boundary: bytes) -> dict[str, Part] | None:
    """RFC 7578 framing: ``--boundary CRLF headers CRLF CRLF data CRLF --boundary … --``."""
    delimiter = b"\r\n--" + boundary
    chunks = (b"\r\n" + body).split(delimiter)
    if len(chunks) < 2 or chunks[0] != b"" or not chunks[-1].startswith(b"--"):
        return None
    if len(chunks) - 2 > MAX_FIELDS:
        return None
    fields: dict[str, Part] = {}
    for chunk in chunks[1:-1]:
        if not chunk.startswith(b"\r\n"):
            return None
        head, sep, data = chunk[2:].partition(b"\r\n\r\n")
        if not sep:
            return None
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            name, colon, value = line.partition(":")
            if not colon:
                return None
            headers[name.strip().lower()] = value.strip()
        disposition = headers.get("content-disposition", "")
        if not disposition.lower().startswith("form-data"):
            return None
        params = {k.lower(): (q.replace('\\"', '"') if q else v)
                  for k, q, v in _PARAM.findall(disposition[len("form-data"):])}
        if "name" not in params:
            return None
        fields.setdefault(params["name"], Part(
            data, params.get("filename"), headers.get("content-type", "application/octet-stream")))
    return fields
