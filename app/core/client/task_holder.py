"""Answering a platform's QR task with a licence stored on this device — the one way the desktop
app and ``ebid task confirm|cancel`` do it (docs/protocols/qr-tasks.md §6):

* :func:`licence_choices` — the stored licences and whether each may confirm a task now (role,
  validity window, the matter 电子商务-招投标-全流程投标), with the reason when not;
* :func:`confirm_task` — refuse locally a licence that may not (nothing is sent), else sign the
  response with the stored licence key (through a :class:`~app.core.keystore.LicenceSigner`),
  post it, and record the answer: a row in the keystore's task history and its audit entry;
* :func:`cancel_task` — the unsigned cancel (no password needed), recorded the same way;
* :func:`seal_choices` / :func:`confirm_sign_task` — for a ``sign`` task, the collected seals the
  chosen licence may use (with the reason for the others), and the confirm that seals the
  document's SM3 with the chosen one (qr-tasks.md §11).

A refusal the platform sends back is recorded as ``refused`` (with its code) and raised again;
a failure to reach the platform records nothing (nothing was decided).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from ..errors import EbidError, Refused
from ..keystore import Keystore, LicenceInfo, StoredSeal, Unlocked
from ..licence import check_use
from ..licence.matters import FULL_BIDDING
from ..pki import Certificate, LicenceTerms, parse_licence
from ..qrtask import VerifiedTask
from ..qrtask.sign import response_details, seal_for_task, sign_details
from ..seal.format import AuthorisationCheck, parse_seal
from ..seal.format.seal import check_seal_window
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


# -- sign tasks (qr-tasks.md §11) ---------------------------------------------------------------

SIGN_PURPOSE = "seal a document for a QR task"


@dataclass(frozen=True)
class SealChoice:
    """A collected seal and whether the chosen licence may seal this task's document with it
    now (``refusal`` says why not)."""

    seal: StoredSeal
    refusal: EbidError | None

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def sign_licence_choices(choices: list[LicenceChoice], task: VerifiedTask) -> list[LicenceChoice]:
    """``choices`` for a sign task: a licence of another enterprise than the one whose seal the
    platform asks for is refused too."""
    wanted = sign_details(task.document).enterprise
    return [c if c.refusal is not None else replace(c, refusal=_enterprise_refusal(c.info, wanted))
            for c in choices]


def _enterprise_refusal(info: LicenceInfo, wanted) -> EbidError | None:
    if info.enterprise_code == wanted.credit_code:
        return None
    return Refused("wrong_enterprise",
                   "The platform asks for a seal of {wanted} ({code}); this licence is for {enterprise}",
                   wanted=wanted.name, code=wanted.credit_code, enterprise=info.enterprise_name)


def seal_choice(stored: StoredSeal, info: LicenceInfo, task: VerifiedTask, now: datetime,
                use_rule: AuthorisationCheck) -> SealChoice:
    """Whether the licence ``info`` may seal ``task``'s document with ``stored`` at ``now``: the
    seal is readable, of the task's enterprise and the licence's, inside its validity, and — for
    an agent — covered by a live seal authorisation (``use_rule``, e.g. ``ServiceUseRule``: the
    seal office's windows; the legal representative and managers may use every seal)."""
    wanted = sign_details(task.document).enterprise
    try:
        seal = parse_seal(stored.seal)
        licence = parse_licence(Certificate.load(info.certificate))
    except (EbidError, ValueError):
        return SealChoice(stored, EbidError("The stored seal {id} cannot be read", id=stored.seal_id))
    owner = seal.enterprise
    if owner is None or owner.credit_code != wanted.credit_code:
        return SealChoice(stored, Refused(
            "wrong_enterprise", "The seal {id} is not a seal of {wanted}, whose seal the platform asks for",
            id=stored.seal_id, wanted=wanted.name))
    if owner.credit_code != licence.credit_code:
        return SealChoice(stored, Refused(
            "wrong_enterprise", "The seal {id} belongs to another enterprise than the licence's",
            id=stored.seal_id))
    try:
        check_seal_window(seal, now)
        use_rule(seal, licence, now)
    except EbidError as exc:  # SealRefused (window, authorisation) or the seal office unreachable
        return SealChoice(stored, exc)
    return SealChoice(stored, None)


def seal_choices(store: Keystore, licence_id: int, task: VerifiedTask, now: datetime,
                 use_rule: AuthorisationCheck) -> list[SealChoice]:
    """Every collected seal, in the keystore's order, each allowed for ``licence_id`` or not with
    its reason (:func:`seal_choice`)."""
    info = store.get_licence(licence_id)
    return [seal_choice(s, info, task, now, use_rule) for s in store.list_seals()]


def confirm_sign_task(tasks: TaskClient, store: Keystore, unlocked: Unlocked, licence_id: int,
                      task: VerifiedTask, seal_id: str, use_rule: AuthorisationCheck) -> TaskState:
    """Seal the sign task's document (its SM3, as the platform stated it) with the stored seal
    ``seal_id`` and licence ``licence_id``, and confirm with the signature in the response's
    details; record and return what the platform reports. A licence or seal that may not act
    now is refused before the password's key is used or anything is sent."""
    details = sign_details(task.document)
    info = store.get_licence(licence_id)
    now = tasks.clock()
    choice = sign_licence_choices([licence_choice(info, now)], task)[0]
    if choice.refusal is not None:
        raise choice.refusal
    chosen = seal_choice(store.get_seal(seal_id), info, task, now, use_rule)
    if chosen.refusal is not None:
        raise chosen.refusal
    signer = store.licence_signer(unlocked, licence_id, purpose=SIGN_PURPOSE)
    certificate = Certificate.load(signer.certificate)
    signature = seal_for_task(details, chosen.seal.seal, signer, certificate, clock=tasks.clock)
    serial = format(certificate.serial, "x")
    try:
        state = tasks.confirm(task, signer, certificate, details=response_details(seal_id, signature))
    except ServiceError as exc:
        _record(store, unlocked, task, "confirm", "refused", exc.code, serial, licence_id)
        raise
    _record(store, unlocked, task, "confirm", "confirmed", state.state, serial, licence_id)
    return state
