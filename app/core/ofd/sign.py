"""Adding a GB/T 38540 seal signature to an OFD file, laid out as ofdrw writes it.

What is written (docs/formats/ofd-signing.md §2):

- ``Doc_N/Signs/Sign_K/Seal.esl``: the seal, byte for byte as issued;
- ``Doc_N/Signs/Sign_K/Signature.xml``: ``SignedInfo`` (Provider, SignatureMethod SM2-with-SM3,
  SignatureDateTime, ``References CheckMethod="SM3"`` with the SM3 of every file of the package
  except ``Signatures.xml`` — so later signatures can still be added — and this signature's own
  two files, then one ``StampAnnot``, then ``Seal``), and ``SignedValue``;
- ``Doc_N/Signs/Sign_K/SignedValue.dat``: a v4 ``SES_Signature`` whose ``dataHash`` is the SM3
  of those ``Signature.xml`` bytes and whose ``propertyInfo`` is the path of ``Signature.xml``;
- ``Signatures.xml`` gains the ``Signature`` entry (``Type="Seal"``) and its ``MaxSignId``; if
  the document had none, it is created and ``OFD.xml``'s ``DocBody`` names it.

Every other member is copied unchanged. A document whose earlier signature protects
``Signatures.xml`` is closed to further signatures (ofdrw's rule) and is refused.
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ... import __version__
from .. import gm
from ..errors import InvalidInput
from ..gm import oids
from ..pki import Certificate, Clock, system_clock, to_utc_second
from ..pki.verify import check_validity
from ..seal.anchored import check_signer_in_seal
from ..seal.format import parse_seal, sign_with_seal
from .document import Document, read_document, read_signature_file, read_signature_list
from .package import Package, parent, read_package, write_package
from .xmlsafe import child, ofd_tag, to_bytes

PROVIDER = "EBid Desk"
SM2_WITH_SM3 = oids.SM2_WITH_SM3
CHECK_METHOD = "SM3"  # what ofdrw writes; the OID 1.2.156.10197.1.401 is accepted on reading


@dataclass(frozen=True)
class StampRequest:
    page: int = 1  # 1-based
    x_mm: float = 0.0  # top-left corner, from the page's top-left
    y_mm: float = 0.0
    width_mm: float | None = None  # default: the seal's own size


def sign_ofd(
    data: bytes,
    *,
    seal_der: bytes,
    signer_key: gm.SM2PrivateKey,
    signer_cert: Certificate,
    stamp: StampRequest = StampRequest(),
    clock: Clock = system_clock,
) -> bytes:
    """The OFD file with one more seal signature and a visible stamp on ``stamp.page``."""
    package = read_package(data)
    document = read_document(package)
    seal = parse_seal(seal_der)
    check_signer_in_seal(seal, signer_cert)
    now = to_utc_second(clock())  # one moment for SignatureDateTime and timeInfo
    # refuse early what every verifier refuses: a signer certificate outside its validity
    check_validity(signer_cert, now, "signer's certificate")
    page = _page(document, stamp.page)
    box = _stamp_box(stamp, seal.width_mm, seal.height_mm, page)
    files = dict(package.files)
    signs_path, signs_root = _signature_list(package, document, files)
    sign_id, annot_id = _next_ids(signs_root)
    sign_dir = _new_sign_dir(package, parent(signs_path))
    ET.SubElement(signs_root, ofd_tag("Signature"),
                  {"ID": sign_id, "Type": "Seal", "BaseLoc": f"/{sign_dir}/Signature.xml"})
    _set_max_id(signs_root, annot_id)
    files[signs_path] = to_bytes(signs_root)
    files[f"{sign_dir}/Seal.esl"] = seal_der
    protected = [n for n in files if n != signs_path]
    signature_xml = _signature_xml(files, protected, sign_dir, annot_id, page.page_id, box, now)
    files[f"{sign_dir}/Signature.xml"] = signature_xml
    files[f"{sign_dir}/SignedValue.dat"] = sign_with_seal(
        seal_der, signer_key, signer_cert, gm.sm3(signature_xml), clock=lambda: now,
        property_info=f"/{sign_dir}/Signature.xml",
    )
    return write_package(files)


def _page(document: Document, number: int):
    if not 1 <= number <= len(document.pages):
        raise InvalidInput("The document has {n} pages; there is no page {page}",
                           n=len(document.pages), page=number)
    return document.pages[number - 1]


def _stamp_box(stamp: StampRequest, seal_w: int, seal_h: int, page) -> tuple[float, ...]:
    width = stamp.width_mm if stamp.width_mm is not None else float(seal_w)
    height = width * seal_h / seal_w  # the picture keeps its proportions
    if width <= 0 or stamp.x_mm < 0 or stamp.y_mm < 0:
        raise InvalidInput("The stamp needs a positive width and a position on the page")
    if page.width_mm is not None and page.height_mm is not None and (
        stamp.x_mm + width > page.width_mm or stamp.y_mm + height > page.height_mm
    ):
        raise InvalidInput(
            "A {w} x {h} mm stamp at ({x}, {y}) does not fit on page {page} "
            "({pw} x {ph} mm)", w=_mm(width), h=_mm(height), x=_mm(stamp.x_mm),
            y=_mm(stamp.y_mm), page=page.number, pw=_mm(page.width_mm), ph=_mm(page.height_mm),
        )
    return stamp.x_mm, stamp.y_mm, width, height


def _mm(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _signature_list(package: Package, document: Document, files: dict[str, bytes]):
    """The existing signature list (refusing a closed document), or a new one named in
    OFD.xml."""
    if document.signatures_path is not None:
        path = document.signatures_path
        entries, root = read_signature_list(package, path)
        for entry in entries:
            refs = read_signature_file(package, entry.path).references
            if any(ref.path == path for ref in refs):
                raise InvalidInput("An earlier signature protects the signature list {name}: "
                                   "the document takes no further signature", name=path)
        return path, root
    path = f"{parent(document.root_path)}/Signs/Signatures.xml".lstrip("/")
    ET.SubElement(document.body, ofd_tag("Signatures")).text = f"/{path}"
    files["OFD.xml"] = to_bytes(document.entry)
    return path, ET.Element(ofd_tag("Signatures"))


_ID = re.compile(r"^(\D*)(\d+)$")


def _next_ids(root: ET.Element) -> tuple[str, str]:
    """The next two IDs after MaxSignId, in its style ("s006" → "s007", "s008"; "1" → "2")."""
    current = child(root, "MaxSignId")
    text = (current.text or "").strip() if current is not None else ""
    match = _ID.match(text)
    prefix, number, width = ("s", 0, 3) if not match else (
        match.group(1), int(match.group(2)), len(match.group(2)))
    return tuple(f"{prefix}{n:0{width}d}" for n in (number + 1, number + 2))  # type: ignore[return-value]


def _set_max_id(root: ET.Element, value: str) -> None:
    current = child(root, "MaxSignId")
    if current is None:
        current = ET.Element(ofd_tag("MaxSignId"))
        root.insert(0, current)  # the schema puts it first
    current.text = value


def _new_sign_dir(package: Package, signs_dir: str) -> str:
    taken = set(package.names())
    for k in range(len(taken) + 1):
        candidate = f"{signs_dir}/Sign_{k}".lstrip("/")
        if not any(name.startswith(candidate + "/") for name in taken):
            return candidate
    raise InvalidInput("No free signature folder in the OFD package")  # unreachable in practice


def _signature_xml(files, protected, sign_dir, annot_id, page_id, box, now) -> bytes:
    root = ET.Element(ofd_tag("Signature"))
    info = ET.SubElement(root, ofd_tag("SignedInfo"))
    ET.SubElement(info, ofd_tag("Provider"),
                  {"ProviderName": PROVIDER, "Company": PROVIDER, "Version": __version__})
    ET.SubElement(info, ofd_tag("SignatureMethod")).text = SM2_WITH_SM3
    ET.SubElement(info, ofd_tag("SignatureDateTime")).text = now.strftime("%Y%m%d%H%M%SZ")
    refs = ET.SubElement(info, ofd_tag("References"), {"CheckMethod": CHECK_METHOD})
    for name in protected:
        ref = ET.SubElement(refs, ofd_tag("Reference"), {"FileRef": f"/{name}"})
        ET.SubElement(ref, ofd_tag("CheckValue")).text = base64.b64encode(
            gm.sm3(files[name])).decode("ascii")
    ET.SubElement(info, ofd_tag("StampAnnot"), {
        "ID": annot_id, "PageRef": page_id, "Boundary": " ".join(_mm(v) for v in box)})
    seal = ET.SubElement(info, ofd_tag("Seal"))
    ET.SubElement(seal, ofd_tag("BaseLoc")).text = f"/{sign_dir}/Seal.esl"
    ET.SubElement(root, ofd_tag("SignedValue")).text = f"/{sign_dir}/SignedValue.dat"
    return to_bytes(root)
