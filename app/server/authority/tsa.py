"""The authority's time-stamping service (RFC 3161 over HTTP, SM2/SM3): ``POST /authority/tsa``.

Its key and certificate live beside the other service keys in ``<home>/keys``
(``tsa-cert.pem``, ``tsa-key.pem``: the key unencrypted PKCS#8, mode 0600, for the same reason as
the others — the service starts unattended). The certificate is issued under the authority root
with the time-stamping extended key usage, critical and alone (docs/pki/certificate-profile.md).
``ebid service init`` makes them when missing; a service home made before the authority stamped
time gets them on the first request (files written atomically; concurrent makers each write a
valid pair, and the pair read back is the one used).

The time is the service's clock (``ServiceContext.now``), in whole seconds; each token gets a
fresh 127-bit random serial number, so serials are unique across the processes that share one
database without coordination. A request that is not a version 1 ``TimeStampReq`` over an SM3
digest is answered, as RFC 3161 §2.4.2 asks, with a rejecting ``TimeStampResp``.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from asn1crypto import x509
from fastapi import APIRouter, Depends, Request, Response
from starlette.concurrency import run_in_threadpool

from ...core import gm
from ...core.fsutil import atomic_write
from ...core.licence import AuthorityKeys
from ...core.pki import Certificate
from ...core.pki import timestamp as ts
from ..context import ServiceContext
from ..deps import get_ctx
from ..errors import ApiError

TSA_NAME = "EBid Desk reference time-stamping authority (DEMO)"
CERT_FILE, KEY_FILE = "tsa-cert.pem", "tsa-key.pem"
TSA_YEARS = 10
#: The body cap of the route (app.py gives it to the limits middleware): a request is ~60 bytes.
MAX_QUERY_BYTES = ts.MAX_QUERY_BYTES

router = APIRouter(prefix="/authority", tags=["authority"])


@dataclass(frozen=True)
class TsaKeys:
    certificate: Certificate
    key: gm.SM2PrivateKey


_cache: dict[Path, TsaKeys] = {}
_lock = threading.Lock()


def ensure_tsa_keys(folder: Path, authority: AuthorityKeys, *, now: datetime) -> TsaKeys:
    """The time-stamping key and certificate in ``folder``, made under ``authority`` if absent."""
    folder = folder.resolve()
    with _lock:
        found = _cache.get(folder) or _load(folder, authority)
        if found is None:
            found = _make(folder, authority, now)
        _cache[folder] = found
        return found


def _make(folder: Path, authority: AuthorityKeys, now: datetime) -> TsaKeys:
    key = gm.SM2PrivateKey.generate()
    start = now - timedelta(days=1)  # like the other service keys: tolerate slow client clocks
    root = authority.root
    cert = ts.make_tsa_certificate(
        key.public_key(),
        subject=x509.Name.build({"country_name": "CN", "organization_name": TSA_NAME, "common_name": TSA_NAME}),
        root=root, root_key=authority.key, not_before=start,
        not_after=min(start + timedelta(days=365 * TSA_YEARS), root.not_after),
    )
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write(folder / KEY_FILE, gm.private_key_to_pem(key))
    os.chmod(folder / KEY_FILE, 0o600)
    atomic_write(folder / CERT_FILE, cert.to_pem())
    return TsaKeys(cert, key)


def _load(folder: Path, authority: AuthorityKeys) -> TsaKeys | None:
    try:
        cert = Certificate.load((folder / CERT_FILE).read_bytes())
        key = gm.load_private_key((folder / KEY_FILE).read_bytes())
    except FileNotFoundError:
        return None
    if (not ts.is_time_stamp_authority(cert) or cert.public_key() != key.public_key()
            or cert.tbs["issuer"] != authority.root.tbs["subject"]):
        raise ApiError("tsa_not_provisioned", "The time-stamping authority's key files do not match")
    return TsaKeys(cert, key)


@router.post("/tsa", response_class=Response,
             responses={200: {"content": {ts.MEDIA_REPLY: {}}, "description": "A TimeStampResp (DER)"}})
async def time_stamp(request: Request, ctx: ServiceContext = Depends(get_ctx)):
    """RFC 3161 §3.4: a DER ``TimeStampReq`` in, a DER ``TimeStampResp`` out."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != ts.MEDIA_QUERY:
        raise ApiError("unsupported_media_type", "The time-stamping authority takes {media} only",
                       media=ts.MEDIA_QUERY)
    body = await request.body()
    return Response(await run_in_threadpool(_answer, body, ctx), media_type=ts.MEDIA_REPLY)


def _answer(body: bytes, ctx: ServiceContext) -> bytes:
    try:
        parsed = ts.parse_request(body)
    except ts.TimeStampRefused as exc:
        return ts.rejection("bad_data_format", exc.message)
    keys = ensure_tsa_keys(ctx.settings.keys_dir, ctx.keys.authority, now=ctx.now())
    return ts.issue_token(parsed, key=keys.key, certificate=keys.certificate, gen_time=ctx.now())
