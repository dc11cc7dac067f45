"""The QR-task rules of docs/protocols/qr-tasks.md, each reached on its own, without a service:
the URI's length cap and its https rule (§2), canonical JSON (§5.1), the device's checks of a
task document in order (§4: platform certificate, signature, version, type, binding, lifetime
and clock skew at their exact edges) and the platform's parse of a holder's response (§6).
The end-to-end paths over HTTP are in tests/service/test_tasks.py."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from asn1crypto import x509

from app.core import gm
from app.core.errors import Refused
from app.core.licence import AuthorityKeys
from app.core.pki import Certificate, LicenceTerms, Mode, Role, make_licence
from app.core.pki.certs import extension, sign_tbs
from app.core.pki.issue import make_role_certificate
from app.core.qrtask import (
    CLOCK_SKEW,
    MAX_URI_BYTES,
    OID_KP_QR_TASK,
    TaskDocument,
    TaskUri,
    build_response,
    canonical,
    check_platform,
    format_time,
    is_task_signer,
    is_task_uri,
    login_document,
    make_task_certificate,
    parse_canonical,
    parse_response,
    parse_task_uri,
    parse_time,
    secret_sm3,
    sign_document,
    verify_envelope,
)
from app.core.qrtask.uri import NotATask
from app.core.wire import TaskEnvelope

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
TASK_ID, SECRET = "q3v0cVx1rW3n3dJk2ZbQ-8", "s" * 43
BASE = "https://bid.example.cn"
PLATFORM = "Test e-bidding platform"


def _refused(code: str, call, *args, **kw) -> Refused:
    with pytest.raises(Refused) as caught:
        call(*args, **kw)
    assert caught.value.code == code, caught.value.message
    return caught.value


@pytest.fixture(scope="module")
def world():
    """An authority root, a platform task certificate under it and the platform's key."""
    authority = AuthorityKeys.create("QR task rules root", not_before=NOW - timedelta(days=1))
    key = gm.SM2PrivateKey.generate()
    cert = make_task_certificate(key.public_key(), name=PLATFORM, root=authority.root, root_key=authority.key,
                                 not_before=NOW - timedelta(hours=1), not_after=NOW + timedelta(days=30))
    return authority, key, cert


def _uri() -> TaskUri:
    return TaskUri(BASE, TASK_ID, SECRET)


def _document(*, type_="login", lifetime=timedelta(seconds=60), created=NOW, **change) -> TaskDocument:
    value = login_document(url=BASE, name=PLATFORM, task_id=TASK_ID, created=created, expires=created + lifetime,
                           address="127.0.0.1", user_agent="Mozilla/5.0", session_seconds=1800).model_dump()
    value["type"] = type_
    value.update(change)
    return TaskDocument.model_validate(value)


def _envelope(world, document: TaskDocument | bytes, *, key=None, chain=None) -> TaskEnvelope:
    _, platform_key, cert = world
    raw = document if isinstance(document, bytes) else document.to_bytes()
    return TaskEnvelope(document=raw.decode("utf-8"), signature=(key or platform_key).sign(raw),
                        certificates=tuple(c.der for c in (chain or [cert])))


def _verify(world, document, now=NOW, **kw):
    return verify_envelope(_envelope(world, document, **kw), _uri(), [world[0].root], now)


# -- the URI (§2) -------------------------------------------------------------------------------

def _uri_text(host_length: int) -> str:
    host = "h" * (host_length - 3) + ".cn"
    return f"https://{host}/platform/t/{TASK_ID}#{SECRET}"


def test_a_task_uri_is_at_most_150_bytes():
    at_limit = _uri_text(64)
    assert len(at_limit.encode()) == MAX_URI_BYTES == 150
    assert is_task_uri(at_limit) and parse_task_uri(at_limit).task_id == TASK_ID
    over = _uri_text(65)
    assert not is_task_uri(over)
    _refused("not_a_task", parse_task_uri, over)


def test_a_task_uri_is_read_without_surrounding_white_space_and_prints_back_whole():
    text = f"{BASE}/sub/path/platform/t/{TASK_ID}#{SECRET}"
    uri = parse_task_uri(f"  {text}\n")
    assert (uri.base, uri.task_id, uri.secret) == (f"{BASE}/sub/path", TASK_ID, SECRET)
    assert str(uri) == text and is_task_uri(f"\t{text} ")


def test_a_task_uri_port_has_at_most_five_digits():
    assert parse_task_uri(f"https://bid.example.cn:65535/platform/t/{TASK_ID}#{SECRET}").base.endswith(":65535")
    _refused("not_a_task", parse_task_uri, f"https://bid.example.cn:123456/platform/t/{TASK_ID}#{SECRET}")


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.8.9.10", "[::1]"])
def test_plain_http_is_allowed_to_a_loopback_host_only(host):
    uri = parse_task_uri(f"http://{host}:8470/platform/t/{TASK_ID}#{SECRET}")
    assert uri.base == f"http://{host}:8470"


@pytest.mark.parametrize("host", ["10.0.0.1", "bid.example.cn", "localhost.example.cn", "[fe80::1]"])
def test_plain_http_to_any_other_host_is_refused_as_insecure(host):
    refusal = _refused("insecure_task_uri", parse_task_uri, f"http://{host}/platform/t/{TASK_ID}#{SECRET}")
    assert refusal.exit_code == 2 and host in refusal.message


def test_not_a_task_is_an_input_error():
    with pytest.raises(NotATask) as caught:
        parse_task_uri("hello")
    assert caught.value.exit_code == 2 and caught.value.code == "not_a_task"


# -- canonical JSON (§5.1) ----------------------------------------------------------------------

def test_canonical_bytes_read_back_as_their_object():
    value = {"b": [1, {"y": "中"}], "a": -7}
    assert parse_canonical(canonical(value)) == value


@pytest.mark.parametrize("data", [
    b'{"a": 1}',                      # white space
    b'{"b":1,"a":2}',                 # unsorted keys
    b'{"a":1,"a":1}',                 # duplicate key (sorted, no space: only the duplicate is wrong)
    b'{"a":"\\u4e2d"}',               # an escaped character that UTF-8 holds as itself
    b'[1]',                           # not an object
    b'"a"',
    b'{"a":1.0}',                     # no floats
    b'{"a":true}',
    b'{"a":null}',
    b'{"a":"\xff"}',                  # not UTF-8
    b'{"a":1',                        # not JSON
], ids=repr)
def test_anything_but_canonical_json_reads_as_none(data):
    assert parse_canonical(data) is None


@pytest.mark.parametrize("value", [{1: 2}, {"a": [1.5]}, {"a": [None]}, {"a": {"b": False}}, {"a": b"x"},
                                   {"a": (1, 2)}, {"é": 1}])
def test_canonical_refuses_what_it_cannot_represent(value):
    with pytest.raises(TypeError):
        canonical(value)


def test_times_are_whole_seconds_in_utc_with_a_z():
    local = datetime(2026, 3, 2, 9, 0, 5, 999, tzinfo=timezone(timedelta(hours=8)))
    assert format_time(local) == "2026-03-02T01:00:05Z"
    assert parse_time("2026-03-02T01:00:05Z") == datetime(2026, 3, 2, 1, 0, 5, tzinfo=UTC)
    for bad in ("2026-03-02 01:00:05Z", "2026-03-02T01:00:05", "2026-03-02T01:00:05+00:00"):
        with pytest.raises(ValueError):
            parse_time(bad)


# -- the platform certificate (§4, §5.3) --------------------------------------------------------

def _role_cert(world, *, key_usage, eku=OID_KP_QR_TASK, not_before=NOW - timedelta(hours=1),
               not_after=NOW + timedelta(days=1)):
    authority, key, _ = world
    return make_role_certificate(key.public_key(), subject=x509.Name.build({"common_name": PLATFORM}),
                                 key_usage=key_usage, extended_key_usage=eku, root=authority.root,
                                 root_key=authority.key, not_before=not_before, not_after=not_after)


def test_only_a_non_ca_certificate_with_the_task_usage_signs_tasks(world):
    authority, _, cert = world
    assert is_task_signer(cert)
    assert not is_task_signer(authority.root)  # a CA, without the usage
    assert not is_task_signer(_role_cert(world, key_usage={"key_encipherment"}))  # no digitalSignature
    assert not is_task_signer(_role_cert(world, key_usage={"digital_signature"}, eku="1.3.6.1.5.5.7.3.8"))


def _as_ca(world, cert):
    """``cert`` re-issued by the root with basicConstraints CA (and its task usage kept)."""
    tbs = x509.TbsCertificate.load(cert.tbs.dump())
    tbs["extensions"] = [extension("basic_constraints", {"ca": True}, critical=True) if ext["extn_id"].native
                         == "basic_constraints" else ext for ext in tbs["extensions"]]
    return Certificate.from_asn1(sign_tbs(tbs, world[0].key))


def test_a_ca_certificate_cannot_sign_tasks_even_with_the_task_usage(world):
    ca = _as_ca(world, world[2])
    assert ca.extension_value("basic_constraints")["ca"].native
    assert not is_task_signer(ca)
    _refused("untrusted_platform", check_platform, [ca], [world[0].root], NOW)


def test_the_task_certificate_names_the_platform_in_china(world):
    assert world[2].tbs["subject"].native == {"country_name": "CN", "organization_name": PLATFORM,
                                              "common_name": PLATFORM}


def test_a_refusal_names_a_platform_without_a_common_name_by_its_whole_subject(world):
    authority, key, _ = world
    cert = make_role_certificate(key.public_key(), subject=x509.Name.build({"organization_name": "Nameless Org"}),
                                 key_usage={"key_encipherment"}, extended_key_usage=OID_KP_QR_TASK,
                                 root=authority.root, root_key=authority.key, not_before=NOW - timedelta(hours=1),
                                 not_after=NOW + timedelta(days=1))
    refusal = _refused("untrusted_platform", check_platform, [cert], [authority.root], NOW)
    assert "Nameless Org" in refusal.message


def test_a_licence_certificate_cannot_sign_tasks(world):
    authority, key, _ = world
    terms = LicenceTerms(
        credit_code="91350100M000100Y43", enterprise_name="福建测试科技有限公司", registration_place="福州市",
        holder_name="张三", person_id="P-1", masked_id_number="110108********0033",
        role=Role.LEGAL_REPRESENTATIVE, mode=Mode.ALL_BUSINESS, authorisation_id="A-1", granted_by="P-1",
        matters=(), not_before=NOW - timedelta(hours=1), not_after=NOW + timedelta(days=3))
    licence = make_licence(terms, key.public_key(), root=authority.root, root_key=authority.key)
    assert not is_task_signer(licence)
    refusal = _refused("untrusted_platform", check_platform, [licence], [authority.root], NOW)
    assert "may not sign tasks" in refusal.message


def test_the_platform_certificate_is_valid_through_its_last_second(world):
    authority = world[0]
    cert = _role_cert(world, key_usage={"digital_signature"}, not_after=NOW)
    assert check_platform([cert], [authority.root], NOW) is cert
    refusal = _refused("untrusted_platform", check_platform, [cert], [authority.root], NOW + timedelta(seconds=1))
    assert "does not verify" in refusal.message and "platform certificate expired" in refusal.message


def test_a_platform_under_another_root_is_untrusted(world):
    other = AuthorityKeys.create("Another root", not_before=NOW - timedelta(days=1))
    refusal = _refused("untrusted_platform", check_platform, [world[2]], [other.root], NOW)
    assert "does not trust" in refusal.message and PLATFORM in refusal.message
    assert check_platform([world[2]], [other.root, world[0].root], NOW) is world[2]  # any trusted root will do


def test_every_link_of_the_chain_is_checked(world):
    """A chain [leaf, X] where X did not issue the leaf is refused, although X chains to the root."""
    authority, _, cert = world
    other = _role_cert(world, key_usage={"digital_signature"})  # issued by the root, not the leaf's issuer
    refusal = _refused("untrusted_platform", check_platform, [cert, other], [authority.root], NOW)
    assert "does not verify" in refusal.message


def test_an_expired_root_trusts_nothing(world):
    authority = world[0]
    _refused("untrusted_platform", check_platform, [world[2]], [authority.root], authority.root.not_after
             + timedelta(seconds=1))


# -- the task document (§4) ---------------------------------------------------------------------

def test_a_signed_task_of_a_trusted_platform_verifies(world):
    document = _document()
    task = _verify(world, document)
    assert task.document == document and task.raw == document.to_bytes()
    assert task.document_sm3 == gm.sm3(document.to_bytes()).hex()
    assert PLATFORM in task.platform_subject


def test_a_task_without_a_readable_certificate_is_untrusted(world):
    document = _document()
    for chain in ((), (b"not a certificate",)):
        envelope = TaskEnvelope(document=document.to_bytes().decode(), signature=world[1].sign(document.to_bytes()),
                                certificates=chain)
        _refused("untrusted_platform", verify_envelope, envelope, _uri(), [world[0].root], NOW)


def test_a_task_signed_by_another_key_is_refused(world):
    _refused("bad_task_signature", _verify, world, _document(), key=gm.SM2PrivateKey.generate())


def test_the_task_version_and_type_are_checked_before_the_fields(world):
    assert "version 2" in _refused("unsupported_task_version", _verify, world, _document(version=2)).message
    assert "pay" in _refused("unknown_task_type", _verify, world, _document(type_="pay")).message
    raw = json.loads(_document().to_bytes())
    del raw["requester"]
    _refused("malformed_task", _verify, world, canonical(raw))
    _refused("malformed_task", _verify, world, b'{"version": 1}')
    raw = json.loads(_document().to_bytes())
    raw["created"] = "2026-03-02 01:00:00"
    _refused("malformed_task", _verify, world, canonical(raw))


@pytest.mark.parametrize("type_", ["encrypt", "decrypt"])
def test_each_known_task_type_is_read(world, type_):
    assert _verify(world, _document(type_=type_, details={})).document.type == type_


def test_a_sign_task_is_known_and_its_details_are_checked(world):
    _refused("malformed_task", _verify, world, _document(type_="sign", details={}))  # known, but no details


@pytest.mark.parametrize("where", [(), ("platform",), ("requester",)], ids=["top", "platform", "requester"])
def test_a_task_document_with_a_field_of_its_own_is_malformed(world, where):
    value = json.loads(_document().to_bytes())
    target = value
    for step in where:
        target = target[step]
    target["extra"] = "x"
    _refused("malformed_task", _verify, world, canonical(value))


@pytest.mark.parametrize("change", [{"platform": {"url": BASE + "/other", "name": PLATFORM}},
                                    {"platform": {"url": BASE, "name": "Another platform"}}])
def test_the_task_must_name_the_platform_it_came_from(world, change):
    _refused("platform_mismatch", _verify, world, _document(**change))


def test_the_task_must_be_the_one_the_qr_names(world):
    _refused("task_mismatch", _verify, world, _document(task="x" * 22))


def test_a_login_task_lives_at_most_five_minutes(world):
    assert _verify(world, _document(lifetime=timedelta(seconds=300)))
    _refused("malformed_task", _verify, world, _document(lifetime=timedelta(seconds=301)))


def test_other_tasks_live_at_most_a_day(world):
    doc = _document(type_="encrypt", lifetime=timedelta(days=1), details={})
    assert _verify(world, doc)
    _refused("malformed_task", _verify, world, _document(type_="encrypt", lifetime=timedelta(days=1, seconds=1),
                                                         details={}))


def test_a_task_expiring_before_it_was_made_is_malformed(world):
    assert _verify(world, _document(lifetime=timedelta(0)))
    _refused("malformed_task", _verify, world, _document(lifetime=timedelta(seconds=-1)))


# qr-tasks.md §4 row 9: device time <= expires + 60 s and >= created - 60 s.
def test_an_expired_task_is_accepted_within_the_60_s_clock_skew_only(world):
    expires = NOW + timedelta(seconds=60)
    assert _verify(world, _document(), now=expires + timedelta(seconds=60))
    _refused("task_expired", _verify, world, _document(), now=expires + timedelta(seconds=61))


def test_a_task_made_later_than_now_is_accepted_within_the_60_s_clock_skew_only(world):
    assert CLOCK_SKEW == timedelta(seconds=60)  # the name the document uses for the allowance
    assert _verify(world, _document(), now=NOW - timedelta(seconds=60))
    refusal = _refused("task_not_yet_valid", _verify, world, _document(), now=NOW - timedelta(seconds=61))
    assert "check the clock" in refusal.message


def test_signing_returns_the_canonical_bytes_and_a_signature_over_them(world):
    document = _document()
    raw, signature = sign_document(document, world[1])
    assert raw == canonical(document.model_dump())
    world[2].public_key().verify(signature, raw)


def test_the_login_document_keeps_300_characters_of_the_user_agent():
    document = login_document(url=BASE, name=PLATFORM, task_id=TASK_ID, created=NOW, expires=NOW, address="::1",
                              user_agent="u" * 301, session_seconds=60)
    assert document.requester.user_agent == "u" * 300 and document.details == {"session": 60}
    assert (document.version, document.type, document.created, document.expires) == (
        1, "login", "2026-03-02T01:00:00Z", "2026-03-02T01:00:00Z")


# -- the holder's response (§6) -----------------------------------------------------------------

def _response(world, **change) -> dict:
    task = _verify(world, _document())
    value = json.loads(build_response(task, action="confirm", now=NOW, serial=0x1F, details={"x": "y"}))
    value.update(change)
    return value


def test_a_response_carries_the_task_its_document_hash_and_the_secret_hash(world):
    task = _verify(world, _document())
    raw = build_response(task, action="confirm", now=NOW + timedelta(seconds=5), serial=0xABC)
    parsed = parse_response(raw)
    assert (parsed.task, parsed.platform, parsed.document_sm3, parsed.action, parsed.serial, parsed.details) == (
        TASK_ID, BASE, task.document_sm3, "confirm", "abc", {})
    assert parsed.secret_sm3 == secret_sm3(SECRET) == gm.sm3(SECRET.encode()).hex()
    assert parsed.time == NOW + timedelta(seconds=5)
    assert json.loads(raw)["version"] == 1 and json.loads(raw)["time"] == "2026-03-02T01:00:05Z"


def test_only_a_cancel_may_go_unsigned(world):
    task = _verify(world, _document())
    value = json.loads(build_response(task, action="cancel", now=NOW, serial=None))
    assert "serial" not in value and parse_response(canonical(value)).serial is None
    for action, serial in (("confirm", None), ("approve", 1)):
        with pytest.raises(ValueError):
            build_response(task, action=action, now=NOW, serial=serial)


def test_a_response_serial_is_hexadecimal_of_at_most_40_digits(world):
    assert parse_response(canonical(_response(world, serial="f" * 40))).serial == "f" * 40
    for serial in ("f" * 41, "", "xyz", "fg", 31):  # "fg": a digit beyond hexadecimal
        _refused("malformed_task_response", parse_response, canonical(_response(world, serial=serial)))


@pytest.mark.parametrize("change", [
    {"version": 2}, {"action": "approve"}, {"details": ["x"]}, {"task": 5}, {"platform": ["x"]},
    {"document_sm3": 1}, {"secret_sm3": {}}, {"time": "2026-03-02T01:00:00"}, {"extra": "x"},
], ids=lambda c: next(iter(c)))
def test_a_response_with_a_wrong_field_is_malformed(world, change):
    _refused("malformed_task_response", parse_response, canonical(_response(world, **change)))


@pytest.mark.parametrize("field", ["version", "task", "platform", "document_sm3", "secret_sm3", "action", "time",
                                   "details"])
def test_a_response_lacking_a_field_is_malformed(world, field):
    value = _response(world)
    del value[field]
    _refused("malformed_task_response", parse_response, canonical(value))


def test_a_response_that_is_not_canonical_is_malformed(world):
    value = _response(world)
    refusal = _refused("malformed_task_response", parse_response, json.dumps(value).encode())
    assert "canonical" in refusal.message
