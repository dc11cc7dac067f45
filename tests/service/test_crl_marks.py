"""A client never goes back to an older revocation list (issue trust and time §2): the newest
cRLNumber seen from each root is kept in the data folder, and a list older than it — last
week's, replayed by a server or someone in between to hide a revocation made since — is refused
even though its signature is the authority's and it may still be inside its nextUpdate."""

from __future__ import annotations

import json

import pytest

from app.core.client.crl_marks import FILE_NAME, CrlMarks
from app.core.errors import Refused
from app.core.pki import load_crl


def test_an_older_list_is_refused_once_a_newer_one_was_seen(client, legal_rep, demo, download, tmp_path,
                                                             monkeypatch):
    monkeypatch.setenv("EBID_HOME", str(tmp_path / "home"))
    enterprise, _, (manager, _) = demo
    first = client.revocation_list()
    old_pem = client.crl_pem()
    legal_rep.add_manager(manager.name, manager.id_number, manager.mobile)
    victim = download(manager, enterprise)
    legal_rep.revoke_licence(format(victim.certificate.serial, "x"))
    newer = client.revocation_list()
    assert newer.number > first.number and newer.is_revoked(victim.certificate.serial)
    root = client.root_certificate()
    marks_file = tmp_path / "home" / FILE_NAME
    assert json.loads(marks_file.read_text()) == {root.fingerprint(): newer.number}
    assert marks_file.stat().st_mode & 0o077 == 0

    replayed = load_crl(old_pem, root)  # the authority's own signature, just older
    assert not replayed.is_revoked(victim.certificate.serial)
    with pytest.raises(Refused) as caught:
        CrlMarks().check_and_keep(root.fingerprint(), replayed)
    assert caught.value.code == "older_revocation_list"
    assert client.revocation_list().number == newer.number  # the same list again is fine


def test_a_mark_ahead_of_the_service_refuses_its_list(client, tmp_path, monkeypatch):
    """As the client meets a replay: the service's list is behind what this device has seen."""
    monkeypatch.setenv("EBID_HOME", str(tmp_path / "home"))
    current = client.revocation_list()
    marks = tmp_path / "home" / FILE_NAME
    marks.write_text(json.dumps({client.root_certificate().fingerprint(): current.number + 5}))
    marks.chmod(0o600)
    with pytest.raises(Refused) as caught:
        client.revocation_list()
    assert caught.value.code == "older_revocation_list" and str(current.number + 5) in caught.value.message
