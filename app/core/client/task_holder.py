"""Answering a platform's QR task with a licence stored on this device — the one way the desktop
app and ``ebid task confirm|cancel`` do it (docs/protocols/qr-tasks.md §6):

* :func:`licence_choices` — the stored licences and whether each may confirm a task now (role,
  validity window, the matter 电子商务-招投标-全流程投标), with the reason when not;
* :func:`confirm_task` — refuse locally a licence that may not (nothing is sent), else sign the
  response with the stored licence key (through a :class:`~app.core.keystore.LicenceSigner`),
  post it, and record the answer: a row in the keystore's task history and its audit entry;
* :func:`cancel_task` — the unsigned cancel (no password needed), recorded the same way.

A refusal the platform sends back is recorded as ``refused`` (with its code) and raised again;
a failure to reach the platform records nothing (nothing was decided).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..errors import EbidError
from ..keystore import Keystore, LicenceInfo, Unlocked
from ..licence import check_use
from ..licence.matters import FULL_BIDDING
from ..pki import Certificate, LicenceTerms, parse_licence
from ..qrtask import VerifiedTask
from ..wire import TaskState
from .errors import ServiceError
from .tasks import TaskClient

PURPOSE = "confirm QR task"
MATTER = FULL_BIDDING  # what a task answer acts under (qr-tasks.md §6 check 10)


@dataclass(frozen=True)
class LicenceChoice:
    """A stored licence and whether it may answer a task at ``now`` (``refusal`` says why not)."""

    info: LicenceInfo
    serial: int | None
    refusal: EbidError | None

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def _terms(info: LicenceInfo) -> tuple[int, LicenceTerms]:
    certificate = Certificate.load(info.certificate)
    return certificate.serial, parse_licence(certificate).terms


def licence_choice(info: LicenceInfo, now: datetime) -> LicenceChoice:
    try:
        serial, terms = _terms(info)
    except (EbidError, ValueError):
        return LicenceChoice(info, None, EbidError("The stored licence certificate cannot be read"))
    decision = check_use(terms, credit_code=terms.credit_code, matter=MATTER, at=now)
    return LicenceChoice(info, serial, None if decision.allowed else decision.error())


def licence_choices(store: Keystore, now: datetime) -> list[LicenceChoice]:
    """Every stored licence, in the keystore's order, each allowed or not with its reason."""
    return [licence_choice(info, now) for info in store.list_licences()]


def confirm_task(tasks: TaskClient, store: Keystore, unlocked: Unlocked, licence_id: int,
                 task: VerifiedTask) -> TaskState:
    """Confirm ``task`` signed with the stored licence ``licence_id``; record and return what the
    platform reports. A licence that may not act now is refused before anything is sent."""
    choice = licence_choice(store.get_licence(licence_id), tasks.clock())
    if choice.refusal is not None:
        raise choice.refusal
    signer = store.licence_signer(unlocked, licence_id, purpose=PURPOSE)
    certificate = Certificate.load(signer.certificate)
    serial = format(certificate.serial, "x")
    try:
        state = tasks.confirm(task, signer, certificate)
    except ServiceError as exc:
        _record(store, unlocked, task, "confirm", "refused", exc.code, serial, licence_id)
        raise
    _record(store, unlocked, task, "confirm", "confirmed", state.state, serial, licence_id)
    return state


def cancel_task(tasks: TaskClient, store: Keystore | None, task: VerifiedTask) -> TaskState:
    """Tell the platform the holder declines ``task`` (unsigned); recorded in ``store`` if given."""
    try:
        state = tasks.cancel(task)
    except ServiceError as exc:
        if store is not None:
            _record(store, None, task, "cancel", "refused", exc.code, None, None)
        raise
    if store is not None:
        _record(store, None, task, "cancel", "cancelled", state.state, None, None)
    return state


def _record(store: Keystore, unlocked: Unlocked | None, task: VerifiedTask, answer: str, action: str,
            outcome: str, serial: str | None, licence_id: int | None) -> None:
    d = task.document
    store.record_task(
        unlocked, task_id=d.task, task_type=d.type, platform_name=d.platform.name,
        platform_url=d.platform.url, answer=answer, action=action, outcome=outcome,
        document_sm3=task.document_sm3, licence_serial=serial, licence_id=licence_id,
    )


# decrypt at the opening (qr-tasks.md §5.2 ``decrypt``, bidx.md §11) ------------------------

DECRYPT_PURPOSE = "decrypt a bid at the opening"


def decrypt_key(store: Keystore, task: VerifiedTask):
    """(the task's checked details, this device's key for the bid or None)."""
    from ..bidding import device_key_matching
    from ..qrtask.bids import decrypt_details

    details = decrypt_details(task.document)
    return details, device_key_matching(store, details.key_ids)


def confirm_decrypt(tasks: TaskClient, store: Keystore, unlocked: Unlocked, licence_id: int,
                    task: VerifiedTask) -> TaskState:
    """Open the bid's header with this device's key, check its MAC, re-wrap the file key to the
    task's opening key and confirm with that (signed with licence ``licence_id``). The private
    key stays here and the bid's payload never comes here. A device without the bid's key tells
    the platform (a cancel with reason ``missing_key``) and refuses, naming the key."""
    from ..bidx import rewrap_for_opening
    from ..qrtask.bids import decrypt_confirm_details, missing_key

    details, key = decrypt_key(store, task)
    choice = licence_choice(store.get_licence(licence_id), tasks.clock())
    if choice.refusal is not None:
        raise choice.refusal
    if key is None:
        decline_decrypt(tasks, store, task)
        raise missing_key(details)
    signer = store.licence_signer(unlocked, licence_id, purpose=PURPOSE)
    certificate = Certificate.load(signer.certificate)
    serial = format(certificate.serial, "x")
    private = store.encryption_private_key(key.id, unlocked, purpose=DECRYPT_PURPOSE)
    try:
        stanza = rewrap_for_opening(details.header_bytes, private, details.opening_key)
    except EbidError as exc:  # the header fails its MAC (altered at the platform): no key given
        _record(store, unlocked, task, "confirm", "refused", getattr(exc, "code", "header_tampered"),
                serial, licence_id)
        raise
    try:
        state = tasks.confirm(task, signer, certificate, details=decrypt_confirm_details(stanza))
    except ServiceError as exc:
        _record(store, unlocked, task, "confirm", "refused", exc.code, serial, licence_id)
        raise
    _record(store, unlocked, task, "confirm", "confirmed", state.state, serial, licence_id)
    return state


def decline_decrypt(tasks: TaskClient, store: Keystore | None, task: VerifiedTask) -> TaskState:
    """Cancel a ``decrypt`` task; with reason ``missing_key`` when this device lacks the bid's key
    (the opening hall then says why the bid was not decrypted)."""
    from ..qrtask.bids import decrypt_decline_details

    details = None
    if store is not None:
        _, key = decrypt_key(store, task)
        details = decrypt_decline_details("missing_key") if key is None else None
    try:
        state = tasks.cancel(task, details=details)
    except ServiceError as exc:
        if store is not None:
            _record(store, None, task, "cancel", "refused", exc.code, None, None)
        raise
    if store is not None:
        outcome = "missing_key" if details else state.state
        _record(store, None, task, "cancel", "cancelled", outcome, None, None)
    return state
