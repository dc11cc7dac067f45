"""Asking the service's time-stamping authority for a token (RFC 3161 over HTTP,
``POST /authority/tsa``), for the ``timeStamp`` of a seal signature."""

from __future__ import annotations

from .. import gm
from ..pki import timestamp as ts
from .client import ServiceClient

TSA_PATH = "/authority/tsa"


def request_token(client: ServiceClient, data: bytes) -> bytes:
    """A ``TimeStampToken`` (DER) over SM3(``data``), checked against the service's (pinned)
    root before it is used: the nonce echoed, the imprint ours, the token verifying."""
    digest, nonce = gm.sm3(data), ts.new_nonce()
    request = client.http.build_request(
        "POST", TSA_PATH, content=ts.make_request(digest, nonce=nonce),
        headers={"content-type": ts.MEDIA_QUERY, "accept": ts.MEDIA_REPLY},
    )
    token = ts.token_from_reply(client.send(request).content, digest=digest, nonce=nonce)
    ts.verify_token(token, digest=digest, roots=[client.root_certificate()])
    return token


def time_stamper(client: ServiceClient):
    """A ``TimeStamper`` for ``sign_with_seal``: each call asks ``client``'s service."""
    return lambda signature: request_token(client, signature)
