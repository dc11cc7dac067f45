"""Test kit for OFD files: the shared samples (missing is a failure), rewriting a package member
by member, and an independent checker that follows ofdrw's verification steps
(``OFDValidator``: file integrity, seal match, signed value) from the standard's structures —
zipfile and ElementTree for the package, a DER reader written from X.690 for the signature,
OpenSSL for the SM3 check values and both SM2 signatures. None of it calls ``app.core.ofd`` or the seal format."""

from __future__ import annotations

import base64
import io
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from tests.seal_format.test_interop import whole
from tests.seal_format.test_openssl import openssl_verify_sm2
from tests.support import SHARED_DATA

INTEROP = SHARED_DATA / "interop"
NS = "{http://www.ofdspec.org/2016}"


def sample(name: str) -> bytes:
    """A shared sample; missing is a failure, not a skip: these files are the evidence."""
    path = INTEROP / name
    assert path.is_file(), f"shared sample missing: {path} (see ../shared/data/interop)"
    return path.read_bytes()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist() if not i.is_dir()}


def rezip(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The package with existing members replaced (``None`` removes one)."""
    files = members(data)
    for name, value in changes.items():
        assert name in files, f"no member {name}"
        if value is None:
            files.pop(name)
        else:
            files[name] = value
    return zip_of(files)


def zip_of(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, value in files.items():
            archive.writestr(name, value)
    return out.getvalue()


def _loc(text: str, base: str = "") -> str:
    """ST_Loc: rooted at the package with "/", else relative to the referring file's folder."""
    text = text.strip()
    path = text[1:] if text.startswith("/") else (f"{base}/{text}" if base else text)
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _folder(name: str) -> str:
    return name.rsplit("/", 1)[0] if "/" in name else ""


def openssl_sm3(openssl: str, data: bytes) -> bytes:
    done = subprocess.run([openssl, "dgst", "-sm3", "-binary"], input=data, capture_output=True,
                          check=True)
    return done.stdout


def independent_check(openssl: str, tmp_path: Path, data: bytes) -> list[dict]:
    """ofdrw's steps for every Seal signature; returns what each one says (asserting as it goes)."""
    files = members(data)
    body = ET.fromstring(files["OFD.xml"]).find(f"{NS}DocBody")
    list_path = _loc(body.find(f"{NS}Signatures").text)
    doc_path = _loc(body.find(f"{NS}DocRoot").text)
    page_ids = {p.get("ID") for p in ET.fromstring(files[doc_path]).iter(f"{NS}Page")}
    found = []
    for entry in ET.fromstring(files[list_path]).findall(f"{NS}Signature"):
        assert entry.get("Type", "Seal") == "Seal"
        sig_path = _loc(entry.get("BaseLoc"), _folder(list_path))
        sig_xml = files[sig_path]
        root = ET.fromstring(sig_xml)
        info = root.find(f"{NS}SignedInfo")
        refs = info.find(f"{NS}References")
        assert refs.get("CheckMethod") in ("SM3", "1.2.156.10197.1.401")
        here = _folder(sig_path)
        protected = []
        for ref in refs.findall(f"{NS}Reference"):  # 1. file integrity
            name = _loc(ref.get("FileRef"), here)
            expected = base64.b64decode(ref.find(f"{NS}CheckValue").text)
            assert openssl_sm3(openssl, files[name]) == expected, f"check value of {name}"
            protected.append(name)
        signed_value = files[_loc(root.find(f"{NS}SignedValue").text, here)]
        top = whole(signed_value)  # SES_Signature { toSign, cert, signatureAlgID, signature }
        tbs, cert, _alg, value = top.children
        version, eseal, _time, data_hash, _prop = tbs.children[:5]
        assert version.contents == b"\x04"
        seal_loc = info.find(f"{NS}Seal/{NS}BaseLoc")
        if seal_loc is not None:  # 2. the seal file is the seal inside
            assert files[_loc(seal_loc.text, here)] == eseal.raw
        # 3. dataHash = SM3(Signature.xml)
        assert data_hash.contents == b"\x00" + openssl_sm3(openssl, sig_xml)
        cert_pem = _pem(cert.contents)
        done = openssl_verify_sm2(openssl, tmp_path, cert_pem, tbs.raw, value.contents[1:])
        assert done.returncode == 0, done.stdout + done.stderr  # the signer over TBS_Sign
        seal_info, maker_cert, _malg, maker_value = eseal.children
        done = openssl_verify_sm2(openssl, tmp_path, _pem(maker_cert.contents), seal_info.raw,
                                  maker_value.contents[1:])
        assert done.returncode == 0, done.stdout + done.stderr  # the maker over eSealInfo
        stamps = [(s.get("PageRef"), s.get("Boundary")) for s in info.findall(f"{NS}StampAnnot")]
        assert all(page in page_ids for page, _ in stamps)
        found.append({"path": sig_path, "protected": protected, "stamps": stamps,
                      "signer": cert.contents})
    return found


def _pem(der: bytes) -> bytes:
    text = base64.encodebytes(der).decode().replace("\n", "")
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return ("-----BEGIN CERTIFICATE-----\n" + "\n".join(lines)
            + "\n-----END CERTIFICATE-----\n").encode()
