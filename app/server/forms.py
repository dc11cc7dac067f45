"""The urlencoded forms of the service's own web pages (the review page, the login page)."""

from __future__ import annotations

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
