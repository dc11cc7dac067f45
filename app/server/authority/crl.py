"""The authority's published revocation list: re-signed only when it has to be.

``GET /authority/crl.pem`` used to sign a new CRL, with a new CRL number, on every request. Now
the CRL in force is described by three rows of the ``counters`` table, shared by every worker:

* ``crl_number``       the number of the CRL in force (monotonic, never reused);
* ``crl_revocations``  a digest of the revocations it lists (64 bits of SHA-256);
* ``crl_this_update``  its thisUpdate, in seconds since the epoch.

A request reads the revocations and those rows. A new number is taken (and thisUpdate set to
now) only when the revocations differ from the digest, or when fewer than ``REFRESH_BEFORE``
remain before its nextUpdate; otherwise the CRL in force is served, from this process's copy
when it has signed that number before, else signed again with the same number, thisUpdate and
entries (SM2 signatures are randomised, so two workers' copies differ only in their signature
bytes; their content is identical). Deciding to re-sign happens under the ``crl_number`` row's
lock (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already makes the
transaction the only writer), re-reading the rows first, so concurrent requests take one number.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ...core.licence import AuthorityKeys
from ...core.pki import Revocation, make_crl
from ..models import CounterRow, dialect_insert
from .models import LicenceRow
from .repository import CRL_COUNTER

LIFETIME = timedelta(days=1)
REFRESH_BEFORE = LIFETIME / 4  # re-sign once less than 6 hours are left before nextUpdate
DIGEST_COUNTER = "crl_revocations"
THIS_UPDATE_COUNTER = "crl_this_update"
_STATE = (CRL_COUNTER, DIGEST_COUNTER, THIS_UPDATE_COUNTER)


@dataclass(frozen=True)
class _Signed:
    number: int
    der: bytes


class CrlPublisher:
    def __init__(self, keys: AuthorityKeys) -> None:
        self.keys = keys
        self._signed: _Signed | None = None
        self._lock = threading.Lock()

    def current(self, session: Session, now: datetime) -> bytes:
        """DER of the CRL in force at ``now`` (re-signed first if the revocations changed or its
        nextUpdate is near). Call inside a transaction; it may write the three counters."""
        revocations = _revocations(session)
        digest = _digest(revocations)
        state = _read_state(session)
        if _stale(state, digest, now):
            # Serialise the decision, then look again: another request may have just done it.
            session.execute(
                select(CounterRow.name).where(CounterRow.name == CRL_COUNTER).with_for_update()
            )
            state = _read_state(session)
            if _stale(state, digest, now):
                state = _new_number(session, digest, now)
        number, this_update = state[CRL_COUNTER], _from_epoch(state[THIS_UPDATE_COUNTER])
        with self._lock:
            if self._signed is not None and self._signed.number == number:
                return self._signed.der
        der = make_crl(
            revocations,
            root=self.keys.root,
            root_key=self.keys.key,
            number=number,
            this_update=this_update,
            lifetime=LIFETIME,
        )
        with self._lock:
            if self._signed is None or self._signed.number <= number:
                self._signed = _Signed(number, der)
        return der


def _revocations(session: Session) -> list[Revocation]:
    rows = session.execute(
        select(LicenceRow.serial, LicenceRow.revoked_at, LicenceRow.revocation_reason).where(
            LicenceRow.revoked_at.is_not(None)
        )
    )
    found = [Revocation(int(hex_, 16), at, why or "unspecified") for hex_, at, why in rows]
    return sorted(found, key=lambda r: r.serial)


def _digest(revocations: list[Revocation]) -> int:
    text = "\n".join(f"{r.serial:x} {r.revoked_at.isoformat()} {r.reason}" for r in revocations)
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big", signed=True)


def _read_state(session: Session) -> dict[str, int]:
    # Plain column reads, not ORM objects: a second read in the same session must see new values.
    query = select(CounterRow.name, CounterRow.value).where(CounterRow.name.in_(_STATE))
    rows = session.execute(query)
    return {name: int(value) for name, value in rows}


def _stale(state: dict[str, int], digest: int, now: datetime) -> bool:
    if any(name not in state for name in _STATE) or state[DIGEST_COUNTER] != digest:
        return True
    return now >= _from_epoch(state[THIS_UPDATE_COUNTER]) + LIFETIME - REFRESH_BEFORE


def _new_number(session: Session, digest: int, now: datetime) -> dict[str, int]:
    insert = dialect_insert(session)
    session.execute(insert(CounterRow).values(name=CRL_COUNTER, value=0).on_conflict_do_nothing())
    number = session.execute(
        update(CounterRow)
        .where(CounterRow.name == CRL_COUNTER)
        .values(value=CounterRow.value + 1)
        .returning(CounterRow.value)
    ).scalar_one()
    stamp = int(now.timestamp())
    for name, value in ((DIGEST_COUNTER, digest), (THIS_UPDATE_COUNTER, stamp)):
        statement = insert(CounterRow).values(name=name, value=value)
        session.execute(
            statement.on_conflict_do_update(index_elements=[CounterRow.name], set_={"value": value})
        )
    return {CRL_COUNTER: int(number), DIGEST_COUNTER: digest, THIS_UPDATE_COUNTER: stamp}


def _from_epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)
