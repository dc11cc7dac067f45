"""The one HTTP client of the reference service, used by the CLI and the desktop app.

:class:`ServiceClient` does the public calls and licence download; :meth:`ServiceClient.holder`
returns a :class:`HolderClient` that signs every request with one licence's key
(docs/protocols/request-signing.md). Bid files are streamed from disk in both directions.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import httpx

from .. import gm
from ..errors import InvalidInput, VerificationFailed
from ..licence import LicenceRequest
from ..pki import Certificate, Clock, system_clock
from ..pki.crl import RevocationList, load_crl
from ..wire import (
    Authorisation,
    AuthoriseIn,
    Enterprise,
    KeyIn,
    KnownPerson,
    Licence,
    LicenceDownload,
    Manager,
    Matter,
    PersonIn,
    Places,
    Project,
    Receipt,
    RegisteredKey,
    Revoked,
    RevokeIn,
    WireModel,
)
from .errors import ServiceError, ServiceUnavailable
from .pins import normalise
from .signing import EMPTY_SM3, sign_headers

TIMEOUT = httpx.Timeout(30.0, read=300.0)
ROOT_PATH = "/authority/root.pem"
ROOT_CHANGED = "The server's root certificate is not the one you confirmed"
_BLOCK = 1 << 20
M = TypeVar("M", bound=WireModel)


def _raise_for(response: httpx.Response) -> None:
    if response.is_success:
        return
    try:
        body = response.json()
        code, message = str(body.get("error", "http_error")), str(body.get("message", ""))
    except (ValueError, AttributeError):
        code, message = "http_error", response.text[:200] or response.reason_phrase
        body = {}
    template, params = body.get("template"), body.get("params")
    if not isinstance(template, str) or not isinstance(params, dict):
        template = params = None  # an older server: the message alone
    raise ServiceError(response.status_code, code, message, template=template, params=params)


def service_url(text: str) -> str:
    """``text`` as a service address without its trailing slash, or InvalidInput: only
    http(s) with a host and a valid port (a typo is the user's input, not a network failure)."""
    try:
        url = httpx.URL(text.strip())
        ok = url.scheme in ("http", "https") and bool(url.host) and (url.port or 1) <= 65535
    except (httpx.InvalidURL, TypeError, ValueError):
        ok = False
    if not ok or " " in text.strip():
        raise InvalidInput("{url} is not a service address such as https://host:port", url=text)
    if url.scheme == "http" and not _loopback(url.host):
        # Licence requests carry full ID numbers and phone numbers: in clear only on this computer.
        raise InvalidInput("{url} is plain http:// to another computer: licence requests carry ID numbers, so "
                           "only https:// is used over a network (http:// only for 127.0.0.1)", url=text)
    return text.strip().rstrip("/")


def _loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class ServiceClient:
    """``root_fingerprint`` (SHA-256 hex of the authority root's DER) pins a remote server: before
    its first request the client checks that the server presents that root, and refuses every
    request if it does not. The check sits in :meth:`send`, so no call path can skip it."""

    def __init__(self, base_url: str, *, clock: Clock = system_clock, timeout=TIMEOUT,
                 root_fingerprint: str | None = None) -> None:
        self.base_url = service_url(base_url)
        self.clock = clock
        self.http = httpx.Client(base_url=self.base_url, timeout=timeout)
        self.root_fingerprint = normalise(root_fingerprint) if root_fingerprint else None
        self._root: Certificate | None = None

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> ServiceClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, request: httpx.Request, *, stream: bool = False) -> httpx.Response:
        if self.root_fingerprint and self._root is None:
            self.root_certificate()
        return self._send(request, stream=stream)

    def _send(self, request: httpx.Request, *, stream: bool = False) -> httpx.Response:
        try:
            response = self.http.send(request, stream=stream)
        except httpx.HTTPError as exc:
            raise ServiceUnavailable(
                "Cannot reach the service at {url}: {reason}", url=self.base_url, reason=str(exc)
            ) from None
        if not response.is_success and stream:
            response.read()
        _raise_for(response)
        return response

    def get(self, path: str, params: dict[str, str] | None = None) -> httpx.Response:
        return self.send(self.http.build_request("GET", path, params=params))

    # public ----------------------------------------------------------------------------------

    def registration_places(self) -> list[str]:
        return list(Places.model_validate(self.get("/authority/places").json()).places)

    def enterprises_at(self, place: str) -> list[Enterprise]:
        """The enterprises registered at ``place`` (the download guide's list)."""
        return _many(Enterprise, self.get("/authority/enterprises", params={"place": place}))

    def enterprise(self, credit_code: str) -> Enterprise:
        path = f"/authority/enterprises/{credit_code.strip().upper()}"
        return Enterprise.model_validate(self.get(path).json())

    def matters(self) -> list[Matter]:
        return _many(Matter, self.get("/authority/matters"))

    def root_certificate(self) -> Certificate:
        """The authority root the server presents; checked against the pin when there is one
        (fetched once per client: the pin holds for the client's lifetime)."""
        if self._root is not None:
            return self._root
        root = Certificate.load(self._send(self.http.build_request("GET", ROOT_PATH)).content)
        if self.root_fingerprint and root.fingerprint() != self.root_fingerprint:
            raise VerificationFailed(ROOT_CHANGED)
        self._root = root
        return root

    def crl_pem(self) -> bytes:
        return self.get("/authority/crl.pem").content

    def revocation_list(self) -> RevocationList:
        """The authority's current list, signed by the (pinned) root, and not older than one this
        device saw before from that root (:mod:`.crl_marks`)."""
        from .crl_marks import CrlMarks

        root = self.root_certificate()
        return CrlMarks().check_and_keep(root.fingerprint(), load_crl(self.crl_pem(), root))

    def platform_certificate(self) -> Certificate:
        """The platform's receipt-signing certificate, checked now against the (pinned) root:
        issued by it, for receipts (a self-signed or other-purpose certificate is refused)."""
        from ..pki.receipts import check_receipt_certificate
        from ..pki.verify import CertificateInvalid

        cert = Certificate.load(self.get("/platform/certificate.pem").content)
        try:
            return check_receipt_certificate(cert, self.root_certificate(), at=self.clock())
        except CertificateInvalid as exc:
            raise VerificationFailed(
                "The platform's receipt certificate is not one the authority issued for receipts: {detail}",
                detail=exc.message) from None

    def projects(self) -> list[Project]:
        return _many(Project, self.get("/platform/projects"))

    # licence download (proof of possession) --------------------------------------------------

    def request_licence(
        self, device_key: gm.SM2PrivateKey, *, place: str, credit_code: str, name: str,
        id_number: str, phone: str | None = None, authorisation_id: str = "",
    ) -> Licence:
        """Ask for a licence certificate for ``device_key`` (which never leaves this device)."""
        request = LicenceRequest(
            credit_code=credit_code.strip().upper(), registration_place=place.strip(),
            holder_name=name.strip(), id_number=id_number.strip().upper(),
            device_public_key=device_key.public_key(), requested_at=self.clock(),
            authorisation_id=authorisation_id,
        )
        body = _body(LicenceDownload, request=base64.b64encode(request.sign(device_key)).decode(),
                     phone=phone)
        response = self.send(self.http.build_request("POST", "/authority/licences", json=body))
        return Licence.model_validate(response.json())

    def holder(self, certificate: bytes, key: gm.SM2PrivateKey) -> HolderClient:
        return HolderClient(self, Certificate.load(certificate), key)


class HolderClient:
    """Calls made for one licence holder, each signed with the licence's key: ``key`` is anything
    with ``sign(message)`` — the keystore's :class:`~app.core.keystore.LicenceSigner` handle in
    the app and the CLI, a bare :class:`~app.core.gm.SM2PrivateKey` in tests and tools."""

    def __init__(self, service: ServiceClient, certificate: Certificate, key) -> None:
        self.service = service
        self.certificate = certificate
        self.key = key
        self._sent_certificate = False

    def _signed(self, method: str, path: str, *, json_body=None, params=None, content=None,
                content_sm3: str | None = None) -> httpx.Request:
        http = self.service.http
        if json_body is not None:
            request = http.build_request(method, path, json=json_body, params=params)
            digest = gm.sm3(request.read()).hex()
        else:
            request = http.build_request(method, path, params=params, content=content)
            digest = content_sm3 or EMPTY_SM3
        headers = sign_headers(
            key=self.key, serial=self.certificate.serial, method=method,
            target=request.url.raw_path.decode("ascii"), content_sm3=digest,
            now=self.service.clock(),
            certificate=None if self._sent_certificate else self.certificate.der,
        )
        request.headers.update(headers)
        return request

    def call(self, method: str, path: str, json_body=None, **kw) -> httpx.Response:
        response = self.service.send(self._signed(method, path, json_body=json_body, **kw))
        self._sent_certificate = True  # the service knows it now: send the serial only
        return response

    # authority -------------------------------------------------------------------------------

    @property
    def credit_code(self) -> str:
        from ..pki import parse_licence

        return parse_licence(self.certificate).credit_code

    def managers(self) -> list[Manager]:
        return _many(Manager, self.call("GET", f"/authority/enterprises/{self.credit_code}/managers"))

    def add_manager(self, name: str | None = None, id_number: str | None = None,
                    phone: str | None = None, *, person_id: str | None = None) -> Manager:
        """A new person by name and ID number (and mobile), or a known one by ``person_id``
        (:meth:`people`)."""
        body = _body(PersonIn, person_id=person_id, name=name, id_number=id_number, phone=phone)
        path = f"/authority/enterprises/{self.credit_code}/managers"
        return Manager.model_validate(self.call("POST", path, body).json())

    def remove_manager(self, person_id: str) -> list[str]:
        path = f"/authority/enterprises/{self.credit_code}/managers/{person_id}"
        return _revoked(self.call("DELETE", path))

    def authorisations(self) -> list[Authorisation]:
        path = f"/authority/enterprises/{self.credit_code}/authorisations"
        return _many(Authorisation, self.call("GET", path))

    def people(self) -> list[KnownPerson]:
        """The managers and agents the enterprise's holders entered (to pick, not retype)."""
        path = f"/authority/enterprises/{self.credit_code}/people"
        return _many(KnownPerson, self.call("GET", path))

    def authorise(
        self, name: str | None = None, id_number: str | None = None, *, person_id: str | None = None,
        phone: str | None = None, matters: list[str] | None = None,
        start: datetime | None = None, end: datetime | None = None,
    ) -> Authorisation:
        """All business when ``matters`` is empty, else those matters; window default 3 days. The
        agent by name and ID number (and mobile), or a known person by ``person_id``."""
        body = _body(
            AuthoriseIn, person_id=person_id, name=name, id_number=id_number, phone=phone,
            mode="specific" if matters else "all_business", matters=list(matters or []),
            start=start, end=end,
        )
        path = f"/authority/enterprises/{self.credit_code}/authorisations"
        return Authorisation.model_validate(self.call("POST", path, body).json())

    def revoke_authorisation(self, authorisation_id: str) -> list[str]:
        return _revoked(self.call("DELETE", f"/authority/authorisations/{authorisation_id}"))

    def revoke_licence(self, serial: str | None = None, reason: str = "cessation_of_operation") -> list[str]:
        """Revoke ``serial`` (default: this licence itself)."""
        target = serial or format(self.certificate.serial, "x")
        path = f"/authority/licences/{target}/revoke"
        return _revoked(self.call("POST", path, _body(RevokeIn, reason=reason)))

    # platform --------------------------------------------------------------------------------

    def submit_bid(self, path: Path | str, signature: bytes, *, project: str, section: str,
                   name: str | None = None, task: str | None = None) -> Receipt:
        """Upload a BIDX file (streamed) with its detached signature; the platform's receipt.
        ``name`` (default: the file's own) is sent as given: the platform refuses one that is not
        a plain, safe file name (``bad_file_name``). ``task``: the encrypt task (an upload page's
        QR) the upload answers; the submission records it."""
        path = Path(path)
        digest = _file_sm3(path)
        params = {"name": name or path.name,
                  "signature": base64.urlsafe_b64encode(signature).decode().rstrip("=")}
        if task is not None:
            params["task"] = task
        request = self._signed(
            "POST", f"/platform/projects/{project}/sections/{section}/bids", params=params,
            content=_read_blocks(path), content_sm3=digest,
        )
        request.headers["Content-Length"] = str(path.stat().st_size)
        request.headers["Content-Type"] = "application/octet-stream"
        receipt = Receipt.model_validate(self.service.send(request).json())
        self._sent_certificate = True
        if receipt.sm3 != digest:
            raise ServiceError(502, "receipt_mismatch", "The receipt names another file digest")
        return receipt

    def submissions(self) -> list[Receipt]:
        return _many(Receipt, self.call("GET", "/platform/submissions"))

    def fetch_bid(self, submission_id: str, destination: Path | str) -> Path:
        """Download a submitted file after the opening (streamed; atomic; SM3 checked)."""
        from ..fsutil import AtomicFile

        receipt = next((r for r in self.submissions() if r.submission_id == submission_id), None)
        request = self._signed("GET", f"/platform/submissions/{submission_id}/file")
        response = self.service.send(request, stream=True)
        target, digest = AtomicFile(destination), gm.SM3()
        try:
            with target as out:
                for block in response.iter_bytes(_BLOCK):
                    digest.update(block)
                    out.write(block)
                if receipt is not None and digest.hexdigest() != receipt.sm3:
                    raise ServiceError(502, "digest_mismatch", "The file fetched differs from the receipt")
                target.commit()
        finally:
            response.close()
        return Path(destination)

    def register_key(self, public_key: gm.SM2PublicKey, label: str) -> RegisteredKey:
        der = gm.public_key_to_der(public_key)
        body = _body(KeyIn, label=label, public_key=base64.b64encode(der).decode())
        return RegisteredKey.model_validate(self.call("POST", "/platform/keys", body).json())

    def keys(self) -> list[RegisteredKey]:
        return _many(RegisteredKey, self.call("GET", "/platform/keys"))


def _body(model: type[WireModel], **fields) -> dict:
    """A request body in the service's shape. Not validated here: the service judges the values
    and answers a bad one with its own translatable refusal (422 ``invalid_request``)."""
    return model.model_construct(**fields).model_dump(mode="json")


def _many(model: type[M], response: httpx.Response) -> list[M]:
    return [model.model_validate(item) for item in response.json()]


def _revoked(response: httpx.Response) -> list[str]:
    return list(Revoked.model_validate(response.json()).revoked)


def _file_sm3(path: Path) -> str:
    digest = gm.SM3()
    with open(path, "rb") as f:
        while block := f.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _read_blocks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as f:
        while block := f.read(_BLOCK):
            yield block
