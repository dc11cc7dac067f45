"""Hostile OFD packages: refused as input errors, in one line with a stable code, before
anything is decompressed or parsed, and nothing is written anywhere."""

from __future__ import annotations

import io
import random
import struct
import zipfile

import pytest

from app.core.errors import EbidError
from app.core.ofd import PackageRefused, Reason, read_package, verify_ofd
from app.core.ofd.package import (
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_PACKAGE_BYTES,
    MAX_TOTAL_BYTES,
    check_directory,
)
from tests.ofd.ofdkit import members, rezip, sample, zip_of

HELLO = "ofdrw_helloworld.ofd"


def refused(data: bytes) -> PackageRefused:
    with pytest.raises(PackageRefused) as caught:
        verify_ofd(data, trust=[])
    assert "\n" not in caught.value.message and caught.value.exit_code == 2
    return caught.value


@pytest.mark.parametrize("name", ["../evil.xml", "Doc_0/../../evil.xml", "/etc/evil.xml",
                                  "C:/evil.xml", "Doc_0\\..\\evil.xml", "Doc_0//x.xml"])
def test_member_names_that_point_elsewhere(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path / "..")  # where "../evil.xml" would land if anything extracted
    files = members(sample(HELLO))
    files[name] = b"<x/>"
    error = refused(zip_of(files))
    assert error.code == Reason.UNSAFE_PACKAGE and "points elsewhere" in error.message
    assert not list(tmp_path.parent.glob("evil*")) and not list(tmp_path.glob("*"))


def _declared_size(data: bytes, name: str, size: int) -> bytes:
    """The package with ``name``'s uncompressed size in the central directory set to ``size``
    (the local header says the same): a member that claims to expand beyond the limits."""
    raw = bytearray(data)
    encoded = name.encode()
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = raw.find(signature)
        while at != -1:
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            if raw[name_at:name_at + len(encoded)] == encoded:
                raw[at + offset:at + offset + 4] = struct.pack("<I", size)
            at = raw.find(signature, at + 4)
    return bytes(raw)


def test_a_huge_declared_size_is_refused_before_reading():
    data = _declared_size(sample(HELLO), "Doc_0/Pages/Page_0/Content.xml", 0xFFFF_FFF0)
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo(
        "Doc_0/Pages/Page_0/Content.xml").file_size == 0xFFFF_FFF0
    error = refused(data)
    assert error.code == Reason.UNSAFE_PACKAGE and str(MAX_MEMBER_BYTES) in error.message


def test_a_zip_bomb_ratio_is_refused():
    bomb = zip_of({**members(sample(HELLO)), "Doc_0/Res/zeros.bin": bytes(8 << 20)})
    error = refused(bomb)
    assert error.code == Reason.UNSAFE_PACKAGE and "zip bomb" in error.message


def test_a_member_larger_than_declared_is_caught():
    data = _declared_size(sample(HELLO), "Doc_0/Pages/Page_0/Content.xml", 10)
    assert refused(data).code == Reason.MALFORMED_PACKAGE


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>&lol3;</ofd:DocRoot>
</ofd:DocBody></ofd:OFD>"""

EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<ofd:Signatures xmlns:ofd="http://www.ofdspec.org/2016"><ofd:MaxSignId>&e;</ofd:MaxSignId>
</ofd:Signatures>"""


def test_entities_are_never_expanded():
    assert refused(rezip(sample(HELLO), {"OFD.xml": BILLION_LAUGHS})).code == Reason.XML_DECLARATIONS
    signed = sample("ofdrw_V4RideRight.ofd")
    error = refused(rezip(signed, {"Doc_0/Signs/Signatures.xml": EXTERNAL}))
    assert error.code == Reason.XML_DECLARATIONS and "Signatures.xml" in error.message


@pytest.mark.parametrize("declaration", [b'encoding="ISO-8859-1"', b"encoding='UTF-16'",
                                         b'encoding="cp037"'])
def test_only_utf8_xml_is_read(declaration):
    """A declared encoding other than UTF-8 could spell "<!DOCTYPE" in other bytes."""
    entry = members(sample(HELLO))["OFD.xml"].replace(b'encoding="UTF-8"', declaration)
    assert declaration in entry
    error = refused(rezip(sample(HELLO), {"OFD.xml": entry}))
    assert error.code == Reason.MALFORMED_PACKAGE and "not UTF-8 XML" in error.message


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not a zip", b"%PDF-1.7"])
def test_not_a_package(data):
    assert refused(data).code == Reason.MALFORMED_PACKAGE


def test_missing_entry_and_broken_xml():
    assert "no OFD.xml" in refused(rezip(sample(HELLO), {"OFD.xml": None})).message
    broken = rezip(sample(HELLO), {"Doc_0/Document.xml": b"<ofd:Document"})
    assert refused(broken).code == Reason.MALFORMED_PACKAGE


def test_a_location_outside_the_package():
    entry = members(sample(HELLO))["OFD.xml"].replace(b"Doc_0/Document.xml", b"/../../x.xml")
    assert "outside the OFD package" in refused(rezip(sample(HELLO), {"OFD.xml": entry})).message


def test_encrypted_members_are_refused():
    files = members(sample(HELLO))
    data = bytearray(zip_of(files))
    at = data.find(b"PK\x01\x02")
    data[at + 8] |= 0x01  # general purpose flag: encrypted
    error = refused(bytes(data))
    assert error.code == Reason.UNSAFE_PACKAGE and "encrypted" in error.message


def test_a_plain_package_reads():
    assert "Doc_0/Document.xml" in read_package(sample(HELLO)).names()


SIGNED = "ofdrw_V4RideRight.ofd"
TARGETS = ["OFD.xml", "Doc_0/Document.xml", "Doc_0/Signs/Signatures.xml",
           "Doc_0/Signs/Sign_0/Signature.xml", "Doc_0/Signs/Sign_0/SignedValue.dat"]


@pytest.mark.parametrize("name", TARGETS)
def test_edited_members_verify_or_are_refused_in_one_line(ofdrw_root, name):
    """Byte edits, cuts and insertions of each structural member: a report whose refusals are
    one line with a code, or a package refusal — never another exception."""
    rng = random.Random(name)
    original = members(sample(SIGNED))[name]
    for _ in range(120):
        data = bytearray(original)
        at = rng.randrange(len(data))
        action = rng.choice(["flip", "cut", "insert"])
        if action == "flip":
            data[at] = rng.choice(b'<>/"=& \x00\xff0aZ')
        elif action == "cut":
            del data[at:at + rng.randrange(1, 40)]
        else:
            data[at:at] = rng.choice([b"<", b"<!DOCTYPE x>", b"&amp;", b"\xe4\xb8", b"../"])
        try:
            report = verify_ofd(rezip(sample(SIGNED), {name: bytes(data)}), trust=[ofdrw_root])
        except EbidError as exc:
            assert getattr(exc, "code", None) and "\n" not in exc.message
            continue
        for result in report.signatures:
            if result.refusal is not None:
                assert result.refusal.code and "\n" not in result.refusal.message


def test_too_many_members():
    files = {f"Doc_0/Res/{n}.png": b"" for n in range(MAX_MEMBERS + 1)}
    error = refused(zip_of({**members(sample(HELLO)), **files}))
    assert error.code == Reason.UNSAFE_PACKAGE and str(MAX_MEMBERS) in error.message


def test_declared_sizes_add_up_past_the_total():
    """Members each within the per-member limit and compressing like real data (no bomb)."""
    infos = []
    for n in range(MAX_TOTAL_BYTES // MAX_MEMBER_BYTES + 1):
        info = zipfile.ZipInfo(f"Doc_0/Res/{n}.jpg")
        info.file_size, info.compress_size = MAX_MEMBER_BYTES, MAX_MEMBER_BYTES - 1
        infos.append(info)
    with pytest.raises(PackageRefused) as caught:
        check_directory(infos)
    assert "in all" in caught.value.message and str(MAX_TOTAL_BYTES) in caught.value.message
    check_directory(infos[:-1])  # one fewer fits


def test_a_package_larger_than_the_file_limit():
    with pytest.raises(PackageRefused) as caught:
        read_package(b"PK" + bytes(MAX_PACKAGE_BYTES))
    assert caught.value.code == Reason.UNSAFE_PACKAGE
