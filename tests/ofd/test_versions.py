"""GM/T 0031 v1 and ofdrw V5 seal signatures inside an OFD file, made here byte by byte in
ofdrw's layouts (the builders of tests/seal_format/test_interop.py) over a Signature.xml."""

from __future__ import annotations

import re
from datetime import timedelta

from app.core import gm
from app.core.ofd import StampRequest, sign_ofd, verify_ofd
from app.core.seal.format.asn1 import SESeal
from tests.ofd.ofdkit import members, sample, zip_of
from tests.seal_format.sealkit import reseal
from tests.seal_format.test_interop import (
    BIT_STRING,
    GENERALIZED_TIME,
    IA5,
    INTEGER,
    OCTET_STRING,
    OID,
    SEQUENCE,
    SM2_WITH_SM3_DER,
    encode,
    v1_seal,
    v1_signature,
)

SIGN = "Doc_0/Signs/Sign_0/"


def with_signed_value(world, clock, seal, make_value) -> bytes:
    """Our OFD layout, the Seal.esl copy and its Reference dropped (it would hold our v4 seal),
    then SignedValue.dat replaced by ``make_value(signature_xml)``."""
    files = members(sign_ofd(sample("ofdrw_helloworld.ofd"), seal_der=seal,
                             signer_key=world.legal_rep.key, signer_cert=world.legal_rep.cert,
                             stamp=StampRequest(1, 10, 10), clock=clock))
    xml = files[SIGN + "Signature.xml"]
    xml = re.sub(rb"<ofd:Reference FileRef=\"/Doc_0/Signs/Sign_0/Seal.esl\">.*?</ofd:Reference>",
                 b"", xml)
    xml = re.sub(rb"<ofd:Seal>.*?</ofd:Seal>", b"", xml)
    assert b"Seal.esl" not in xml
    del files[SIGN + "Seal.esl"]
    files[SIGN + "Signature.xml"] = xml
    files[SIGN + "SignedValue.dat"] = make_value(xml)
    return zip_of(files)


def test_a_v1_seal_signature_in_an_ofd(world, clock, seal):
    created = clock()
    old_seal = v1_seal(world, holder=world.legal_rep.cert, created=created, start=created,
                       end=created + timedelta(days=20))
    beijing = (created + timedelta(hours=8, minutes=30)).strftime("%Y-%m-%d %H:%M:%S").encode()
    data = with_signed_value(world, clock, seal,
                             lambda xml: v1_signature(old_seal, world.legal_rep, xml, beijing))
    clock.set(created + timedelta(hours=1))
    (result,) = verify_ofd(data, trust=[world.root], clock=clock).signatures
    assert result.ok, result.refusal
    assert result.verified.seal.version == 1 and result.verified.seal.seal_id == "V1-0001"


def test_an_ofdrw_v5_seal_signature_in_an_ofd(world, clock, seal):
    parsed = SESeal.load(seal)
    parsed["e_seal_info"]["header"]["version"] = 5
    v5 = reseal(parsed.dump(), world.office_key, world.office)

    def v5_signature(xml: bytes) -> bytes:
        time = encode(GENERALIZED_TIME, clock().strftime("%Y%m%d%H%M%SZ").encode())
        tbs = encode(SEQUENCE, encode(INTEGER, b"\x05") + v5 + time
                     + encode(BIT_STRING, b"\0" + gm.sm3(xml))
                     + encode(IA5, b"/Doc_0/Signs/Sign_0/Signature.xml"))
        value = world.legal_rep.key.sign(tbs)
        return encode(SEQUENCE, tbs + encode(OCTET_STRING, world.legal_rep.cert.der)
                      + encode(OID, SM2_WITH_SM3_DER) + encode(BIT_STRING, b"\0" + value))

    data = with_signed_value(world, clock, seal, v5_signature)
    (result,) = verify_ofd(data, trust=[world.root], clock=clock).signatures
    assert result.ok, result.refusal
    assert result.verified.seal.version == 5
    files = members(data)
    files[SIGN + "SignedValue.dat"] = v5_signature(files[SIGN + "Signature.xml"] + b" ")
    (result,) = verify_ofd(zip_of(files), trust=[world.root], clock=clock).signatures
    assert result.refusal.code == "signature_file_changed"
