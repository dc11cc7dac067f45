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
from ..seal.format.signature import TimeStamper
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
                      task: VerifiedTask, seal_id: str, use_rule: AuthorisationCheck, *,
                      time_stamper: TimeStamper | None = None) -> TaskState:
    """Seal the sign task's document (its SM3, as the platform stated it) with the stored seal
    ``seal_id`` and licence ``licence_id``, and confirm with the signature in the response's
    details; record and return what the platform reports. A licence or seal that may not act
    now is refused before the password's key is used or anything is sent. ``time_stamper``
    (``app.core.client.tsa.time_stamper`` of the service) gives the signature a trusted time."""
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
    signature = seal_for_task(details, chosen.seal.seal, signer, certificate, clock=tasks.clock,
                              time_stamper=time_stamper)
    serial = format(certificate.serial, "x")
    try:
        state = tasks.confirm(task, signer, certificate, details=response_details(seal_id, signature))
    except ServiceError as exc:
        _record(store, unlocked, task, "confirm", "refused", exc.code, serial, licence_id)
        raise
    _record(store, unlocked, task, "confirm", "confirmed", state.state, serial, licence_id)
    return state

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

    def rewrapped() -> dict:  # a header failing its MAC (altered at the platform) gets no key
        private = store.encryption_private_key(key.id, unlocked, purpose=DECRYPT_PURPOSE)
        return decrypt_confirm_details(rewrap_for_opening(details.header_bytes, private, details.opening_key))

    return _confirm_signed(tasks, store, unlocked, licence_id, task, rewrapped)


def _confirm_signed(tasks: TaskClient, store: Keystore, unlocked: Unlocked, licence_id: int,
                    task: VerifiedTask, details_for) -> TaskState:
    """Sign and post a confirm whose ``details`` the type's work ``details_for()`` makes once the
    licence is unlocked; a refusal on the way (the platform's, or a decryption check on the
    device) is recorded as ``refused`` with its code; a cancel or an unreachable platform records
    nothing."""
    from ..errors import DecryptionFailed

    signer = store.licence_signer(unlocked, licence_id, purpose=PURPOSE)
    certificate = Certificate.load(signer.certificate)
    serial = format(certificate.serial, "x")
    try:
        state = tasks.confirm(task, signer, certificate, details=details_for())
    except (ServiceError, DecryptionFailed) as exc:
        _record(store, unlocked, task, "confirm", "refused", getattr(exc, "code", type(exc).__name__),
                serial, licence_id)
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


# encrypt and upload (qr-tasks.md §13) --------------------------------------------------------

ENCRYPT_PURPOSE = "encrypt and upload bid files for a platform task"


def check_encrypt(store: Keystore, now: datetime, licence_id: int | None, task: VerifiedTask,
                  files) -> tuple:
    """Every check that needs no password, in order: the task's details, the project still taking
    bids (its deadline by the device's clock, as :func:`app.core.bidding.phase` judges it), the
    licence (role, window, matter), the chosen files against the task's limits, and a registered
    encryption key of this licence on this device. Returns (details, that key)."""
    from pathlib import Path

    from ..bidding import device_keys_for
    from ..errors import Refused
    from ..qrtask.bids import check_files, encrypt_details

    details = encrypt_details(task.document)
    if now > details.deadline:
        raise Refused("deadline_passed", "The bid deadline of {code} was {deadline}; bids are no longer accepted",
                      code=details.project_code, deadline=details.deadline.isoformat())
    if licence_id is not None:
        choice = licence_choice(store.get_licence(licence_id), now)
        if choice.refusal is not None:
            raise choice.refusal
    check_files(details, [Path(f).stat().st_size for f in files])
    keys = device_keys_for(store, licence_id)
    if not keys:
        raise Refused("no_device_key",
                      "This licence has no encryption key on this device: apply for one on the Bids page first")
    return details, keys[0]


def confirm_encrypt(tasks: TaskClient, client, store: Keystore, unlocked: Unlocked, licence_id: int,
                    task: VerifiedTask, files, outdir, pool, progress, cancel, *, accept_risk: bool = False):
    """Encrypt ``files`` on this device to the licence's registered key and sign them, exactly as
    the bid page does (:func:`app.core.bidding.encrypt_one`), upload each bound to the task
    (:func:`app.core.bidding.submit` with ``task``), then confirm the task with the receipts.
    The key must have a verified backup that counts (:mod:`app.core.keybackup.guard`) unless
    ``accept_risk``, which is audited. ``progress(done, total)`` counts plaintext bytes
    encrypted; ``cancel`` stops between and inside files (a container half made is removed by the
    engine). Returns (state, submitted)."""
    from pathlib import Path

    from .. import bidx
    from ..bidding import bid_key, encrypt_one, signer_key, submit
    from ..keybackup.guard import guard
    from ..qrtask.bids import encrypt_confirm_details
    from ..tasks import check
    from .wallet import holder_for

    files = [Path(f) for f in files]
    details, _ = check_encrypt(store, tasks.clock(), licence_id, task, files)
    holder = holder_for(client, store, unlocked, licence_id, purpose=ENCRYPT_PURPOSE)
    key, found = bid_key(store, licence_id, holder)
    guard(store, unlocked, found, accepted=accept_risk, via="encrypt task", task=task.document.task,
          project=details.project_code, section=details.section, files=[f.name for f in files])
    recipient = store.encryption_public_key(key.id, unlocked)  # checked against the sealed private key
    submitted = []

    def uploaded() -> dict:
        options = bidx.EncryptOptions(project=details.project_code, section=details.section,
                                      signer=signer_key(store, unlocked, licence_id))
        Path(outdir).mkdir(parents=True, exist_ok=True)
        total, done, made = sum(f.stat().st_size for f in files) or 1, 0, []
        for source in files:
            check(cancel)
            base = done
            made.append(encrypt_one(source, Path(outdir), recipient, options, pool,
                                    lambda d, _t, base=base: progress(min(total, base + d), total), cancel))
            done += source.stat().st_size
        check(cancel)
        items = [(r.container, r.signature, details.project_code, details.section) for r in made]
        submitted.extend(submit(holder, items, cancel, task=task.document.task))
        return encrypt_confirm_details([s.receipt for s in submitted])

    return _confirm_signed(tasks, store, unlocked, licence_id, task, uploaded), submitted
