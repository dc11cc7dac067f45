"""Seals and seal signatures against other GB/T 38540 implementations.

Two halves. The real samples in ``../shared/data/interop`` (its MANIFEST.tsv says where each
file comes from): what each must parse to, what must verify, what must be refused and why. And
our own seals and signatures, taken apart by a small DER reader written here from the
standard's ASN.1 as ofdrw's v4 classes (``org.ofdrw.gm.ses.v4``) and gm_0031_38540_verifier's
templates lay it out — field order, tags, an explicit ``critical``, and the exact bytes each
signature covers, checked by OpenSSL — so none of it rests on our own parser or verifier.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from asn1crypto import x509

from app.core import gm
from app.core.errors import InvalidInput
from app.core.pki import Certificate
from app.core.seal.format import (
    MakerSigned,
    Reason,
    SealExtension,
    SealRefused,
    make_office_certificate,
    parse_seal,
    parse_signature,
    sign_with_seal,
    verify_seal,
    verify_signature,
)
from app.core.seal.format.asn1 import SESeal
from app.core.seal.format.seal import check_seal_signature
from app.core.seal.format.signature import check_signer_signature
from tests.seal_format.sealkit import T0, reseal
from tests.seal_format.test_openssl import openssl_verify_sm2
from tests.support import SHARED_DATA

INTEROP = SHARED_DATA / "interop"
DOC = b"bid document body\n"
SM2_WITH_SM3_DER = bytes.fromhex("2a811ccf55018375")  # 1.2.156.10197.1.501, OID contents
BOOLEAN, INTEGER, BIT_STRING, OCTET_STRING, OID = 0x01, 0x02, 0x03, 0x04, 0x06
UTF8, IA5, GENERALIZED_TIME, SEQUENCE = 0x0C, 0x16, 0x18, 0x30


def sample(name: str) -> bytes:
    """A shared sample; missing is a failure, not a skip: these files are the evidence."""
    path = INTEROP / name
    assert path.is_file(), f"shared sample missing: {path} (see ../shared/data/interop)"
    return path.read_bytes()


# --- an independent DER reader, from X.690 (single-byte tags, definite lengths) ---------------


@dataclass(frozen=True)
class Element:
    tag: int
    contents: bytes
    raw: bytes  # the whole TLV, as found

    @property
    def children(self) -> list[Element]:
        found, pos = [], 0
        while pos < len(self.contents):
            child = read(self.contents, pos)
            found.append(child)
            pos += len(child.raw)
        return found

    def tags(self) -> list[int]:
        return [c.tag for c in self.children]


def read(data: bytes, pos: int = 0) -> Element:
    tag, length, head = data[pos], data[pos + 1], 2
    if length & 0x80:
        count = length & 0x7F
        length, head = int.from_bytes(data[pos + 2 : pos + 2 + count], "big"), 2 + count
    end = pos + head + length
    assert end <= len(data), "truncated element"
    return Element(tag, data[pos + head : end], data[pos:end])


def encode(tag: int, contents: bytes) -> bytes:
    n = len(contents)
    length = bytes([n]) if n < 0x80 else bytes([0x80 | ((n.bit_length() + 7) // 8)]) + n.to_bytes(
        (n.bit_length() + 7) // 8, "big"
    )
    return bytes([tag]) + length + contents


def whole(data: bytes) -> Element:
    top = read(data)
    assert top.raw == data, "trailing bytes"
    return top


# --- our seals and signatures, field by field --------------------------------------------------


def check_seal_structure(seal_der: bytes) -> tuple[Element, Element, bytes]:
    """SESeal as ofdrw v4 defines it; returns (eSealInfo, cert, signature value)."""
    seal = whole(seal_der)
    assert seal.tag == SEQUENCE and seal.tags() == [SEQUENCE, OCTET_STRING, OID, BIT_STRING]
    info, cert, alg, signed = seal.children
    assert alg.contents == SM2_WITH_SM3_DER
    assert info.tags()[:4] == [SEQUENCE, IA5, SEQUENCE, SEQUENCE]
    header, _es_id, prop, picture, *ext = info.children
    assert header.tags() == [IA5, INTEGER, IA5]
    assert [c.contents for c in header.children] == [b"ES", b"\x04", b"EBID-DESK"]
    assert prop.tags() == [INTEGER, UTF8, INTEGER, SEQUENCE] + [GENERALIZED_TIME] * 3
    assert picture.tags() == [IA5, OCTET_STRING, INTEGER, INTEGER]
    assert len(ext) == 1 and ext[0].tag == SEQUENCE
    for entry in ext[0].children:  # ExtData: extnID, critical written out, extnValue
        assert entry.tags() == [OID, BOOLEAN, OCTET_STRING]
        assert entry.children[1].contents == b"\x00"
    assert signed.contents[0] == 0  # whole octets
    return info, cert, signed.contents[1:]


def test_our_seal_has_ofdrw_v4_layout_and_the_office_signs_seal_info_alone(
    openssl, tmp_path, world, seal
):
    info, cert, value = check_seal_structure(seal)
    assert cert.contents == world.office.der
    done = openssl_verify_sm2(openssl, tmp_path, world.office.to_pem(), info.raw, value)
    assert done.returncode == 0, done.stdout + done.stderr  # DER(eSealInfo), nothing around it


def test_our_signature_has_ofdrw_v4_layout(openssl, tmp_path, world, clock, seal):
    signature = sign_with_seal(seal, world.legal_rep.key, world.legal_rep.cert, gm.sm3(DOC),
                               clock=clock)
    top = whole(signature)
    assert top.tags() == [SEQUENCE, OCTET_STRING, OID, BIT_STRING]
    tbs, cert, alg, value = top.children
    assert tbs.tags() == [INTEGER, SEQUENCE, GENERALIZED_TIME, BIT_STRING, IA5]
    version, eseal, _time, data_hash, _property = tbs.children
    assert version.contents == b"\x04" and eseal.raw == seal
    assert data_hash.contents == b"\x00" + gm.sm3(DOC)
    assert alg.contents == SM2_WITH_SM3_DER and cert.contents == world.legal_rep.cert.der
    assert value.contents[0] == 0
    pem = world.legal_rep.cert.to_pem()
    done = openssl_verify_sm2(openssl, tmp_path, pem, tbs.raw, value.contents[1:])
    assert done.returncode == 0, done.stdout + done.stderr


# --- item 1: ExtData.critical -------------------------------------------------------------------


def test_real_seal_with_explicit_critical_false_is_read():
    """The Chongqing tax bureau's seal (GOMAIN) writes BOOLEAN FALSE, as every producer does."""
    info = parse_signature(sample("tax_chongqing_SignedValue.dat"))
    assert info.seal.extensions == (SealExtension("1.2.156.10197.6.7.2.2.1", False, False),)
    assert info.seal.unknown_critical == ()


def _issued_before_the_fix(seal_der: bytes, world) -> bytes:
    """Our seal as issued before December 2026: ``critical`` left out (the DEFAULT), and the
    office's signature over SEQUENCE { eSealInfo, cert, signAlgID }. Rebuilt byte by byte."""
    seal = whole(seal_der)
    info, cert, alg, _ = seal.children
    *head, ext = info.children
    entries = [
        encode(SEQUENCE, e.children[0].raw + e.children[2].raw) for e in ext.children
    ]
    old_info = encode(SEQUENCE, b"".join(c.raw for c in head) + encode(SEQUENCE, b"".join(entries)))
    signed = world.office_key.sign(encode(SEQUENCE, old_info + cert.raw + alg.raw))
    return encode(SEQUENCE, old_info + cert.raw + alg.raw + encode(BIT_STRING, b"\x00" + signed))


def test_seal_issued_before_the_fix_still_verifies_and_says_so(world, clock, seal):
    old = _issued_before_the_fix(seal, world)
    assert b"\x01\x01\x00" not in whole(old).children[0].children[4].raw  # critical absent
    info = verify_seal(old, roots=[world.root], clock=clock)
    assert info.enterprise is not None and info.maker_signed is MakerSigned.SEQUENCE
    assert verify_seal(seal, roots=[world.root], clock=clock).maker_signed is MakerSigned.SEAL_INFO
    signature = sign_with_seal(old, world.legal_rep.key, world.legal_rep.cert, gm.sm3(DOC),
                               clock=clock)
    result = verify_signature(signature, DOC, roots=[world.root], clock=clock)
    assert result.seal.maker_signed is MakerSigned.SEQUENCE


# --- item 2: what the maker signs -----------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["ofdrw_UserV4.esl", "ofdrw_SignedValueV4.dat", "ofdrw_V4RideRight_SignedValue.dat",
             "tax_chongqing_SignedValue.dat"],
)
def test_real_v4_seals_are_signed_over_seal_info(name):
    data = sample(name)
    seal = parse_seal(data) if name.endswith(".esl") else parse_signature(data).seal
    assert check_seal_signature(seal) is MakerSigned.SEAL_INFO


def test_the_old_form_is_accepted_for_our_vid_only(world, clock, seal):
    """No other v4 producer signs the SEQUENCE form; accepting it for them would be a second,
    unspecified way for any maker's signature to count."""
    parsed = SESeal.load(_issued_before_the_fix(seal, world))
    parsed["e_seal_info"]["header"]["vid"] = "OTHER-VENDOR"
    cert_and_alg = parsed["cert"].dump() + parsed["sign_alg_id"].dump()
    tbs = encode(SEQUENCE, parsed["e_seal_info"].dump() + cert_and_alg)
    parsed["signed_value"] = world.office_key.sign(tbs)
    with pytest.raises(SealRefused) as refused:
        verify_seal(parsed.dump(), roots=[world.root], clock=clock)
    assert refused.value.code == Reason.BAD_SEAL_SIGNATURE


# --- the signers' signatures and data hashes of the real samples -----------------------------


@pytest.mark.parametrize(
    ("name", "signed_data"),
    [("tax_chongqing_SignedValue.dat", "tax_chongqing_Signature.xml"),
     ("ofdrw_V4RideRight_SignedValue.dat", "ofdrw_V4RideRight_Signature.xml"),
     ("ofdrw_SignedValueV4.dat", None)],
)
def test_real_signatures_verify_signer_and_hash(name, signed_data):
    info = parse_signature(sample(name))
    check_signer_signature(info)
    assert info.property_info == "/Doc_0/Signs/Sign_0/Signature.xml"
    if signed_data:
        assert info.data_hash == gm.sm3(sample(signed_data))


# --- item 5: one-line refusals that name the version ------------------------------------------


def version_3(name: str = "ofdrw_UserV4.esl") -> bytes:
    """A real v4 seal whose header says version 3: a version nobody defines, to be named."""
    data = bytearray(sample(name))
    assert data[14:17] == b"\x02\x01\x04"  # SES_Header.version (see the asn1parse in the docs)
    data[16] = 3
    return bytes(data)


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [(lambda: version_3(), Reason.UNSUPPORTED_VERSION, "SES_Header version 3"),
     (lambda: sample("ofdrw_DigitalSign_SignedValue.dat"), Reason.TAMPERED_STRUCTURE,
      "bare SM2 signature")],
)
def test_other_formats_are_named_in_one_line(data, code, words):
    with pytest.raises(SealRefused) as refused:
        parse_seal(data())
    assert refused.value.code == code and words in refused.value.message
    assert "\n" not in refused.value.message and "asn1crypto" not in refused.value.message


def test_a_malformed_field_is_one_line_without_python_names(world, seal):
    data = bytearray(seal)
    info = whole(seal).children[0]
    prop_at = seal.index(info.children[2].raw)
    data[prop_at + 2] = 0x30  # property.type: an INTEGER becomes a SEQUENCE
    with pytest.raises(SealRefused) as refused:
        parse_seal(bytes(data))
    message = refused.value.message
    assert "\n" not in message and "asn1crypto" not in message and "app.core" not in message
    assert refused.value.code == Reason.TAMPERED_STRUCTURE


def test_cli_inspect_says_which_version_in_one_line(ebid, tmp_path):
    (tmp_path / "v3.esl").write_bytes(version_3())
    result = ebid("sealfmt", "inspect", "v3.esl")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "version 3" in lines[0] and "Integer" not in lines[0]


# --- item 6: an unknown critical extension -------------------------------------------------------


def _with_critical_extension(seal: bytes, world) -> bytes:
    parsed = SESeal.load(seal)
    parsed["e_seal_info"]["ext_datas"].append(
        {"extn_id": "1.2.156.99999.1", "critical": True, "extn_value": b"\x05\x00"}
    )
    return reseal(parsed.dump(), world.office_key, world.office)


def test_unknown_critical_extension_is_shown_but_not_verified(world, clock, seal, ebid, tmp_path):
    marked = _with_critical_extension(seal, world)
    info = parse_seal(marked)
    assert info.seal_id == "ES-0001" and info.unknown_critical == ("1.2.156.99999.1",)
    with pytest.raises(SealRefused) as refused:
        verify_seal(marked, roots=[world.root], clock=clock)
    assert refused.value.code == Reason.UNKNOWN_CRITICAL_EXTENSION
    assert "1.2.156.99999.1" in refused.value.message
    signature = sign_with_seal(marked, world.legal_rep.key, world.legal_rep.cert, gm.sm3(DOC),
                               clock=clock)
    with pytest.raises(SealRefused) as refused:
        verify_signature(signature, DOC, roots=[world.root], clock=clock)
    assert refused.value.code == Reason.UNKNOWN_CRITICAL_EXTENSION
    (tmp_path / "marked.der").write_bytes(marked)
    shown = ebid("sealfmt", "inspect", "marked.der")
    assert shown.returncode == 0, shown.stderr
    assert "1.2.156.99999.1 (critical) (not understood)" in shown.stdout


# --- item 7: the maker certificate's time --------------------------------------------------------


def _office(world, start, end) -> Certificate:
    return make_office_certificate(
        world.office_key.public_key(), organisation="演示电子印章制作中心",
        common_name="EBid Test Seal Office", root=world.root, root_key=world.root_key,
        not_before=start, not_after=end,
    )


def test_seal_re_signed_by_a_renewed_maker_certificate(world, clock, seal):
    """createDate stays; the renewed certificate starts after it. Valid from the renewal on."""
    created = parse_seal(seal).created_at
    renewed = _office(world, created + timedelta(days=5), created + timedelta(days=400))
    resigned = reseal(seal, world.office_key, renewed)
    verify_seal(resigned, roots=[world.root], at=created + timedelta(days=6))
    clock.set(created + timedelta(days=6))
    signature = sign_with_seal(resigned, world.legal_rep.key, world.legal_rep.cert, gm.sm3(DOC),
                               clock=clock)
    verify_signature(signature, DOC, roots=[world.root], clock=clock)
    with pytest.raises(SealRefused) as refused:  # used before the re-signature could exist
        verify_seal(resigned, roots=[world.root], at=created + timedelta(days=4))
    assert refused.value.code == Reason.BAD_SEAL_MAKER


def test_maker_certificate_expired_before_create_date_is_refused(world, clock, seal):
    created = parse_seal(seal).created_at
    old = _office(world, T0 - timedelta(days=20), created - timedelta(seconds=1))
    with pytest.raises(SealRefused) as refused:
        verify_seal(reseal(seal, world.office_key, old), roots=[world.root], clock=clock)
    assert refused.value.code == Reason.BAD_SEAL_MAKER


# --- item 8: authority key identifier, type names ------------------------------------------------


def _office_with_aki(world, aki: dict) -> Certificate:
    cert = x509.Certificate.load(world.office.der)
    for ext in cert["tbs_certificate"]["extensions"]:
        if ext["extn_id"].native == "authority_key_identifier":
            ext["extn_value"] = x509.AuthorityKeyIdentifier(aki)
    tbs = cert["tbs_certificate"]
    cert["signature_value"] = world.root_key.sign(tbs.dump(force=True))
    return Certificate.load(cert.dump(force=True))


def test_authority_key_identifier_by_issuer_and_serial_is_accepted(world, clock, seal):
    named = _office_with_aki(world, {
        "authority_cert_issuer": [x509.GeneralName("directory_name", world.root.tbs["subject"])],
        "authority_cert_serial_number": world.root.serial,
    })
    assert named.extension_value("authority_key_identifier")["key_identifier"].native is None
    verify_seal(reseal(seal, world.office_key, named), roots=[world.root], clock=clock)
    wrong = _office_with_aki(world, {"key_identifier": b"\x01" * 20})
    with pytest.raises(SealRefused) as refused:
        verify_seal(reseal(seal, world.office_key, wrong), roots=[world.root], clock=clock)
    assert refused.value.code == Reason.BAD_SEAL_MAKER


def test_type_names_are_ours_only_on_our_seals(seal):
    assert parse_seal(seal).type_name() == "bidding"
    foreign = parse_seal(sample("ofdrw_UserV4.esl"))
    assert foreign.seal_type == 3 and foreign.type_name() == "type 3"


# --- item 9: GM/T 0031-2014 version 1 -------------------------------------------------------


def test_real_v1_seal_is_read_and_its_maker_signature_verifies():
    seal = parse_seal(sample("ofdrw_UserV1.esl"))
    user = Certificate.load(sample("ofdrw_USER.cert.pem"))
    maker = Certificate.load(sample("ofdrw_SealBuilder.cert.pem"))
    assert (seal.version, seal.seal_id, seal.name) == (1, "40C8CDD24DEF43388B86E62CCE1D6832",
                                                       "OFDRW测试用印章")
    assert seal.lists(user) and seal.maker_certificate.der == maker.der
    assert seal.created_at.isoformat() == "2020-04-22T02:18:07+00:00"
    assert (seal.picture_type, seal.width_mm, seal.height_mm) == ("PNG", 40, 40)
    assert check_seal_signature(seal) is MakerSigned.SEQUENCE  # GM/T 0031's rule


def _utc_time(moment) -> bytes:
    return encode(0x17, moment.strftime("%y%m%d%H%M%SZ").encode())


def v1_seal(world, *, holder, created, start, end, sign_seal_info_alone=False) -> bytes:
    """A GM/T 0031 v1 seal as ofdrw's v1 classes lay it out, made here byte by byte."""
    header = encode(SEQUENCE, encode(IA5, b"ES") + encode(INTEGER, b"\x01") + encode(IA5, b"T"))
    prop = encode(SEQUENCE, encode(INTEGER, b"\x01") + encode(UTF8, "测试公章".encode())
                  + encode(SEQUENCE, encode(OCTET_STRING, holder.der))
                  + _utc_time(created) + _utc_time(start) + _utc_time(end))
    picture = encode(SEQUENCE, encode(IA5, b"PNG") + encode(OCTET_STRING, b"\x89PNG")
                     + encode(INTEGER, b"\x28") + encode(INTEGER, b"\x28"))
    info = encode(SEQUENCE, header + encode(IA5, b"V1-0001") + prop + picture)
    cert, alg = encode(OCTET_STRING, world.office.der), encode(OID, SM2_WITH_SM3_DER)
    signed = info if sign_seal_info_alone else encode(SEQUENCE, info + cert + alg)
    value = world.office_key.sign(signed)
    return encode(SEQUENCE, info + encode(SEQUENCE, cert + alg + encode(BIT_STRING, b"\0" + value)))


def v1_signature(seal: bytes, holder, data: bytes, time_text: bytes) -> bytes:
    """ofdrw's SESV1Container: timeInfo is local 'yyyy-MM-dd HH:mm:ss' text in a BIT STRING."""
    tbs = encode(SEQUENCE, encode(INTEGER, b"\x01") + seal
                 + encode(BIT_STRING, b"\0" + time_text)
                 + encode(BIT_STRING, b"\0" + gm.sm3(data)) + encode(IA5, b"/Doc_0/Signature.xml")
                 + encode(OCTET_STRING, holder.cert.der) + encode(OID, SM2_WITH_SM3_DER))
    return encode(SEQUENCE, tbs + encode(BIT_STRING, b"\0" + holder.key.sign(tbs)))


def test_v1_seal_and_signature_verify(world, clock, ebid, tmp_path):
    created = clock()
    seal = v1_seal(world, holder=world.legal_rep.cert, created=created, start=created,
                   end=created + timedelta(days=20))
    info = verify_seal(seal, roots=[world.root], clock=clock)
    assert info.version == 1 and info.maker_signed is MakerSigned.SEQUENCE
    beijing = (created + timedelta(hours=8, minutes=30)).strftime("%Y-%m-%d %H:%M:%S")
    signature = v1_signature(seal, world.legal_rep, DOC, beijing.encode())
    clock.set(created + timedelta(hours=1))
    result = verify_signature(signature, DOC, roots=[world.root], clock=clock)
    assert result.signature.signed_at == created + timedelta(minutes=30)
    assert result.seal.seal_id == "V1-0001" and result.licence.holder_name == "王演示"
    with pytest.raises(SealRefused) as refused:
        verify_signature(signature, DOC + b"x", roots=[world.root], clock=clock)
    assert refused.value.code == Reason.BAD_DOCUMENT_HASH
    (tmp_path / "v1.esl").write_bytes(seal)
    shown = ebid("sealfmt", "inspect", "v1.esl")
    assert shown.returncode == 0 and "GM/T 0031-2014 (version 1)" in shown.stdout


def test_v1_seal_signed_over_seal_info_alone_is_refused(world, clock):
    """v1's rule is the SEQUENCE form; the v4 form is not a second way to sign a v1 seal."""
    created = clock()
    seal = v1_seal(world, holder=world.legal_rep.cert, created=created, start=created,
                   end=created + timedelta(days=20), sign_seal_info_alone=True)
    with pytest.raises(SealRefused) as refused:
        verify_seal(seal, roots=[world.root], clock=clock)
    assert refused.value.code == Reason.BAD_SEAL_SIGNATURE


def test_we_do_not_sign_with_v1_seals(world, clock):
    created = clock()
    seal = v1_seal(world, holder=world.legal_rep.cert, created=created, start=created,
                   end=created + timedelta(days=20))
    with pytest.raises(InvalidInput):
        sign_with_seal(seal, world.legal_rep.key, world.legal_rep.cert, gm.sm3(DOC), clock=clock)


# --- item 9: ofdrw's V5 -------------------------------------------------------------------------


def test_real_v5_seal_is_read_and_its_maker_signature_verifies():
    seal = parse_seal(sample("ofdrw_UserV5.esl"))
    assert (seal.version, seal.vendor_id, seal.name) == (5, "OFDR&WTestV5", "OFD R&W V5测试用印章")
    assert seal.lists(Certificate.load(sample("ofdrw_USER.cert.pem")))
    assert check_seal_signature(seal) is MakerSigned.SEAL_INFO


def test_v5_seal_and_signature_verify(world, clock, seal):
    """V5 as ofdrw's v5 classes write it, made here: header version 5, the maker over
    eSealInfo, TBS_Sign version 5, the signer over DER(toSign)."""
    parsed = SESeal.load(seal)
    parsed["e_seal_info"]["header"]["version"] = 5
    v5 = reseal(parsed.dump(), world.office_key, world.office)
    assert verify_seal(v5, roots=[world.root], clock=clock).version == 5
    time = encode(GENERALIZED_TIME, clock().strftime("%Y%m%d%H%M%SZ").encode())
    tbs = encode(SEQUENCE, encode(INTEGER, b"\x05") + v5 + time
                 + encode(BIT_STRING, b"\0" + gm.sm3(DOC)) + encode(IA5, b"/Doc_0/Signature.xml"))
    value = world.legal_rep.key.sign(tbs)
    signature = encode(SEQUENCE, tbs + encode(OCTET_STRING, world.legal_rep.cert.der)
                       + encode(OID, SM2_WITH_SM3_DER) + encode(BIT_STRING, b"\0" + value))
    result = verify_signature(signature, DOC, roots=[world.root], clock=clock)
    assert result.seal.version == 5 and result.seal.maker_signed is MakerSigned.SEAL_INFO



def test_pki_issuer_check_compares_key_identifiers_only_when_both_are_present(world):
    """RFC 5280 §4.2.1.1, in pki itself (licences, the service's caches, QR-task certificates):
    an AKI naming its issuer by name and serial only is no mismatch; a different key id is."""
    from app.core.pki.verify import CertificateInvalid, check_issued_by

    named = _office_with_aki(world, {
        "authority_cert_issuer": [x509.GeneralName("directory_name", world.root.tbs["subject"])],
        "authority_cert_serial_number": world.root.serial,
    })
    check_issued_by(named, world.root)
    with pytest.raises(CertificateInvalid, match="another key"):
        check_issued_by(_office_with_aki(world, {"key_identifier": b"\x01" * 20}), world.root)
