"""Collecting a seal (领章) fails closed on revocation (issue trust and time §2): the maker's
certificate is checked against the authority's current revocation list, and when no acceptable
list can be had — here the service's list is older than one this device has already seen, as
when last week's list is replayed — nothing is kept, rather than a seal whose revocation was
never checked."""

from __future__ import annotations

import json

import pytest

from app.core.client.crl_marks import FILE_NAME
from app.core.client.seal import collect_into_keystore
from app.core.errors import Refused
from app.core.pki import parse_licence

from .kit import make_seal
from .test_flow import (
    PASSWORD,
    keystore,  # noqa: F401  (the keystore fixture)
)


def _licence_in(store, unlocked, holder):
    terms = parse_licence(holder.certificate).terms
    return store.add_licence(
        unlocked, certificate=holder.certificate.der, private_key=holder.key,
        enterprise_code=terms.credit_code, enterprise_name=terms.enterprise_name,
        holder_name=terms.holder_name, role=terms.role.value, not_before=terms.not_before,
        not_after=terms.not_after,
    )


def test_no_acceptable_revocation_list_means_no_seal_collected(
    service, client, legal_rep, rep_seals, keystore, png, tmp_path, monkeypatch  # noqa: F811
):
    monkeypatch.setenv("EBID_HOME", str(tmp_path / "home"))
    seal_id = make_seal(rep_seals, service, png)
    unlocked = keystore.unlock(PASSWORD)
    licence = _licence_in(keystore, unlocked, legal_rep)
    current = client.revocation_list()
    marks = tmp_path / "home" / FILE_NAME
    marks.write_text(json.dumps({client.root_certificate().fingerprint(): current.number + 1}))
    marks.chmod(0o600)

    with pytest.raises(Refused) as refused:
        collect_into_keystore(rep_seals, keystore, unlocked, seal_id, licence_id=licence.id)
    assert refused.value.code == "older_revocation_list"
    assert keystore.list_seals() == []

    marks.unlink()  # a list this device accepts: the same seal is collected
    stored = collect_into_keystore(rep_seals, keystore, unlocked, seal_id, licence_id=licence.id)
    assert [s.seal_id for s in keystore.list_seals()] == [stored.seal_id] == [seal_id]
