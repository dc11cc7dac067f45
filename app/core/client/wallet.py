"""Licences on this device and the service: download into the keystore, and sign with one.

The desktop app and the CLI both use these, so a downloaded licence is stored (certificate and
the device-generated private key, sealed under the licence password) and audited the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import EbidError, VerificationFailed
from ..gm import SM2PrivateKey
from ..keystore import Keystore, LicenceInfo, Unlocked
from ..pki import Certificate, CertificateInvalid, parse_licence, verify_licence
from .client import HolderClient, ServiceClient


def download_licence(
    client: ServiceClient, store: Keystore, unlocked: Unlocked, *, place: str, credit_code: str,
    name: str, id_number: str, phone: str | None = None, authorisation_id: str = "",
) -> LicenceInfo:
    """Make a device key, prove possession to the authority, check and store the certificate.

    The authority issues before the device stores, so the keystore is checked first; if storing
    still fails (disk full, killed session), the new licence is revoked with the key still in
    memory, so no active licence is left whose key nobody has."""
    store.check_ready(unlocked)
    key = SM2PrivateKey.generate()
    issued = client.request_licence(
        key, place=place, credit_code=credit_code, name=name, id_number=id_number, phone=phone,
        authorisation_id=authorisation_id,
    )
    cert = Certificate.load(issued.certificate)
    if cert.public_key() != key.public_key():
        raise VerificationFailed("The authority returned a certificate for another key")
    root = client.root_certificate()
    try:  # chain only: an agent's window may start later, which is fine to store
        verify_licence(cert, root, at=cert.not_before)
    except CertificateInvalid as exc:
        raise VerificationFailed("The licence does not verify against the authority: {m}", m=exc.message) from None
    terms = parse_licence(cert).terms
    try:
        info = store.add_licence(
            unlocked, certificate=cert.der, private_key=key, enterprise_code=terms.credit_code,
            enterprise_name=terms.enterprise_name, holder_name=terms.holder_name, role=terms.role.value,
            not_before=terms.not_before, not_after=terms.not_after,
        )
    except EbidError as exc:
        raise _withdrawn(client, cert, key, exc) from None
    store.log_event(
        "licence.downloaded", unlocked, licence_id=info.id, serial=format(cert.serial, "x"),
        service=client.base_url, role=terms.role.value, enterprise_code=terms.credit_code,
    )
    return info


def _withdrawn(client: ServiceClient, cert: Certificate, key: SM2PrivateKey, failure: EbidError) -> EbidError:
    """Revoke a licence that was issued but could not be stored; what to tell the user."""
    serial = format(cert.serial, "x")
    try:
        client.holder(cert.der, key).revoke_licence(reason="superseded")
    except EbidError as exc:
        return EbidError(
            "The licence {serial} was issued but could not be stored on this device ({reason}), and "
            "revoking it failed too ({why}): ask the enterprise's legal representative to revoke it",
            serial=serial, reason=failure.message, why=exc.message)
    return EbidError(
        "The licence was issued but could not be stored on this device ({reason}); it has been "
        "revoked again (serial {serial}). Fix the cause and download it again",
        serial=serial, reason=failure.message)


def holder_for(client: ServiceClient, store: Keystore, unlocked: Unlocked, licence_id: int,
               *, purpose: str) -> HolderClient:
    """A client that signs with the stored licence ``licence_id`` through a signer handle, which
    stops signing when ``unlocked`` is locked (the hand-out is audited)."""
    signer = store.licence_signer(unlocked, licence_id, purpose=purpose)
    return client.holder(signer.certificate, signer)


@contextmanager
def acting_as(client: ServiceClient, store: Keystore, unlocked: Unlocked, licence_id: int,
              *, purpose: str) -> Iterator[HolderClient]:
    """The one way to act as a stored licence: a holder client that signs with its key, and the
    keystore session locked again when the block ends (normally, by an error or a cancel).

    Every caller (the desktop app's pages, the CLI) goes through here, so a session handed to
    a piece of work never outlives it.
    """
    try:
        yield holder_for(client, store, unlocked, licence_id, purpose=purpose)
    finally:
        unlocked.lock()
