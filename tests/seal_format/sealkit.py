"""Test kit for the seal format: an authority root, a seal office, a time-stamping authority,
licences of two enterprises (legal representative, manager, agent), a tiny PNG imprint, and a
helper that makes a seal."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from asn1crypto import x509

from app.core import gm
from app.core.pki import (
    Certificate,
    LicenceTerms,
    Mode,
    Role,
    make_licence,
    make_root,
)
from app.core.pki import timestamp as ts
from app.core.seal.format import SealType, make_office_certificate, make_seal
from app.core.seal.format.asn1 import SM2_WITH_SM3, SESeal, SESSignature, TBSSign
from app.core.seal.format.der import generalized_time
from app.core.seal.format.seal import seal_tbs

T0 = datetime(2026, 3, 2, 1, 0, 0, tzinfo=UTC)
SEAL_START = T0
SEAL_END = T0 + timedelta(days=365)
CREDIT_A = "91110108MA001DEMXY"
CREDIT_B = "91310115MA1K4XYZ2B"


def tiny_png(width: int = 4, height: int = 4) -> bytes:
    """A valid RGBA PNG of solid seal red, built by hand (no imaging library needed here)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    row = b"\x00" + b"\xe6\x00\x12\xff" * width
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


@dataclass(frozen=True)
class Holder:
    key: gm.SM2PrivateKey
    cert: Certificate


@dataclass(frozen=True)
class World:
    root_key: gm.SM2PrivateKey
    root: Certificate
    office_key: gm.SM2PrivateKey
    office: Certificate
    legal_rep: Holder
    manager: Holder
    agent: Holder
    outsider: Holder  # legal representative of another enterprise
    tsa_key: gm.SM2PrivateKey
    tsa: Certificate  # the time-stamping authority's certificate, under ``root``


def _terms(
    credit: str, name: str, place: str, holder: str, person: str, role: Role
) -> LicenceTerms:
    return LicenceTerms(
        credit_code=credit,
        enterprise_name=name,
        registration_place=place,
        holder_name=holder,
        person_id=person,
        masked_id_number="110108********0033",
        role=role,
        mode=Mode.ALL_BUSINESS,
        authorisation_id=f"A-{person}",
        granted_by="P-legal-a" if role is Role.AGENT else person,
        matters=(),
        not_before=T0 - timedelta(days=1),
        not_after=T0 + timedelta(days=30),
    )


def _holder(terms: LicenceTerms, root: Certificate, root_key: gm.SM2PrivateKey) -> Holder:
    key = gm.SM2PrivateKey.generate()
    return Holder(key, make_licence(terms, key.public_key(), root=root, root_key=root_key))


def build_world() -> World:
    root_key, office_key = gm.SM2PrivateKey.generate(), gm.SM2PrivateKey.generate()
    root = make_root(
        root_key, common_name="EBid Seal Test Authority", not_before=T0 - timedelta(days=60)
    )
    office = make_office_certificate(
        office_key.public_key(),
        organisation="演示电子印章制作中心",
        common_name="EBid Test Seal Office",
        root=root,
        root_key=root_key,
        not_before=T0 - timedelta(days=30),
        not_after=T0 + timedelta(days=3 * 365),
    )
    a = (CREDIT_A, "演示科技有限公司", "北京市海淀区")
    b = (CREDIT_B, "另一贸易有限公司", "上海市浦东新区")

    def holder(terms: LicenceTerms) -> Holder:
        return _holder(terms, root, root_key)

    return World(
        root_key,
        root,
        office_key,
        office,
        legal_rep=holder(_terms(*a, "王演示", "P-legal-a", Role.LEGAL_REPRESENTATIVE)),
        manager=holder(_terms(*a, "李管理", "P-manager-a", Role.MANAGER)),
        agent=holder(_terms(*a, "赵代理", "P-agent-a", Role.AGENT)),
        outsider=holder(_terms(*b, "钱外人", "P-legal-b", Role.LEGAL_REPRESENTATIVE)),
        tsa_key=(tsa_key := gm.SM2PrivateKey.generate()),
        tsa=ts.make_tsa_certificate(
            tsa_key.public_key(), subject=x509.Name.build({"common_name": "EBid Test TSA"}),
            root=root, root_key=root_key, not_before=T0 - timedelta(days=30),
            not_after=T0 + timedelta(days=3 * 365),
        ),
    )


def stamper(key: gm.SM2PrivateKey, cert: Certificate, clock):
    """A TimeStamper that issues tokens at ``clock()``, as the service's authority does (the
    same core functions; the service route is tested in tests/service/test_tsa.py)."""

    def stamp(signature: bytes) -> bytes:
        digest, nonce = gm.sm3(signature), ts.new_nonce()
        request = ts.parse_request(ts.make_request(digest, nonce=nonce))
        reply = ts.issue_token(request, key=key, certificate=cert, gen_time=clock())
        return ts.token_from_reply(reply, digest=digest, nonce=nonce)

    return stamp


def world_stamper(world: World, clock):
    return stamper(world.tsa_key, world.tsa, clock)


def seal_for(world: World, clock, **overrides) -> bytes:
    """A bidding seal of enterprise A listing its legal representative, made at ``clock()``."""
    fields = dict(
        seal_id="ES-0001",
        seal_type=SealType.BIDDING,
        name="演示科技有限公司投标专用章",
        holders=[world.legal_rep.cert],
        valid_start=SEAL_START,
        valid_end=SEAL_END,
        picture_png=tiny_png(),
        width_mm=42,
        height_mm=42,
        clock=clock,
    )
    fields.update(overrides)
    return make_seal(world.office_key, world.office, **fields)


def reseal(seal_der: bytes, maker_key: gm.SM2PrivateKey, maker_cert: Certificate) -> bytes:
    """The same seal contents re-signed by any key and certificate: what a forger (or a
    maker that skips our checks) would produce."""
    seal = SESeal.load(seal_der)
    seal["cert"] = maker_cert.der
    seal["signed_value"] = maker_key.sign(seal_tbs(seal))
    return seal.dump()


def rogue_signature(
    seal_der: bytes, holder: Holder, data_hash: bytes, *, signed_at: datetime
) -> bytes:
    """A correctly formed SES_Signature made without any of sign_with_seal's checks, as another
    implementation might make it (expired seal, any signing time)."""
    tbs = TBSSign(
        {
            "version": 4,
            "eseal": SESeal.load(seal_der),
            "time_info": generalized_time(signed_at),
            "data_hash": data_hash,
            "property_info": "test",
        }
    )
    return SESSignature(
        {
            "to_sign": tbs,
            "cert": holder.cert.der,
            "signature_alg_id": SM2_WITH_SM3,
            "signature": holder.key.sign(tbs.dump()),
        }
    ).dump()
