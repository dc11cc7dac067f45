"""The parts of an OFD document that signing needs (GB/T 33190): the entry file ``OFD.xml``
(its first ``DocBody``: ``DocRoot`` and ``Signatures``), the document's pages, the signature
list ``Signatures.xml`` and each ``Signature.xml``. Locations are resolved as the standard
says: ``/``-rooted from the package root, otherwise from the folder of the file naming them."""

from __future__ import annotations

import base64
import binascii
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .errors import MalformedPackage, OfdRefused, Reason
from .package import Package, parent, resolve
from .xmlsafe import child, children, is_ofd, parse_xml, text_of

ENTRY = "OFD.xml"


@dataclass(frozen=True)
class Page:
    number: int  # 1-based position in the document
    page_id: str  # the ID a StampAnnot's PageRef names
    width_mm: float | None
    height_mm: float | None


@dataclass(frozen=True)
class Document:
    body: ET.Element  # the DocBody element of OFD.xml (for signing)
    entry: ET.Element  # OFD.xml's root
    root_path: str  # Document.xml
    pages: tuple[Page, ...]
    signatures_path: str | None  # Signatures.xml, if the document has one

    def page_by_id(self, page_id: str) -> Page | None:
        return next((p for p in self.pages if p.page_id == page_id), None)


def xml_member(package: Package, name: str) -> ET.Element:
    data = package.get(name)
    if data is None:
        raise MalformedPackage("The OFD package has no {name}", name=name)
    return parse_xml(data, name)


def read_document(package: Package) -> Document:
    entry = xml_member(package, ENTRY)
    if not is_ofd(entry, "OFD"):
        raise MalformedPackage("OFD.xml is not an OFD entry file")
    body = child(entry, "DocBody")
    doc_root = text_of(body, "DocRoot") if body is not None else None
    if body is None or not doc_root:
        raise MalformedPackage("OFD.xml names no document (DocBody/DocRoot)")
    root_path = resolve(doc_root)
    signatures = text_of(body, "Signatures")
    pages = _pages(package, root_path)
    return Document(body, entry, root_path, pages,
                    resolve(signatures) if signatures else None)


def _pages(package: Package, root_path: str) -> tuple[Page, ...]:
    document = xml_member(package, root_path)
    default = _box_size(child(document, "CommonData"))
    pages_element = child(document, "Pages")
    found = []
    for number, page in enumerate(children(pages_element, "Page") if pages_element is not None
                                  else [], start=1):
        page_id, base = page.get("ID"), page.get("BaseLoc")
        if not page_id or not base:
            raise MalformedPackage("Page {n} of {doc} has no ID or BaseLoc", n=number, doc=root_path)
        size = _page_size(package, resolve(base, parent(root_path))) or default
        found.append(Page(number, page_id.strip(), *(size or (None, None))))
    return tuple(found)


def _page_size(package: Package, path: str) -> tuple[float, float] | None:
    data = package.get(path)
    if data is None:
        return None
    return _box_size(parse_xml(data, path))


def _box_size(holder: ET.Element | None) -> tuple[float, float] | None:
    """PhysicalBox of the (page's or document's) PageArea, in millimetres."""
    area = child(holder, "PageArea") if holder is not None else None
    if area is None and holder is not None:
        area = child(holder, "Area")
    box = text_of(area, "PhysicalBox") if area is not None else None
    if not box:
        return None
    values = parse_box(box, "PhysicalBox")
    return values[2], values[3]


def parse_box(text: str, what: str) -> tuple[float, float, float, float]:
    """ST_Box: "x y width height" in millimetres."""
    try:
        values = tuple(float(v) for v in text.split())
    except ValueError:
        values = ()
    if len(values) != 4 or values[2] < 0 or values[3] < 0:
        raise OfdRefused(Reason.BAD_STAMP, "{what} is not a box: {text}", what=what, text=text)
    return values  # type: ignore[return-value]


# --- signatures ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureEntry:
    """One ``Signature`` of ``Signatures.xml``."""

    sign_id: str
    type: str  # "Seal" (also when absent) or "Sign"
    path: str  # Signature.xml


@dataclass(frozen=True)
class Reference:
    file_ref: str  # as written
    path: str  # the member it names
    check_value: bytes


@dataclass(frozen=True)
class Stamp:
    """A StampAnnot: where the seal's picture is shown."""

    annot_id: str
    page_ref: str
    boundary: tuple[float, float, float, float]  # x, y, width, height in mm
    clip: str | None


@dataclass(frozen=True)
class SignatureFile:
    """What a ``Signature.xml`` says (nothing checked yet)."""

    path: str
    raw: bytes  # its bytes: what a seal signature's dataHash covers
    provider: str
    signature_method: str | None
    signed_at: str | None  # SignatureDateTime, as written
    check_method: str
    references: tuple[Reference, ...]
    stamps: tuple[Stamp, ...]
    seal_path: str | None  # Seal/BaseLoc: a copy of the seal (Seal.esl)
    signed_value_path: str


def read_signature_list(package: Package, path: str) -> tuple[list[SignatureEntry], ET.Element]:
    root = xml_member(package, path)
    if not is_ofd(root, "Signatures"):
        raise MalformedPackage("{name} is not an OFD signature list", name=path)
    entries = []
    for element in children(root, "Signature"):
        sign_id, base = (element.get("ID") or "").strip(), element.get("BaseLoc")
        if not sign_id or not base:
            raise MalformedPackage("A signature in {name} has no ID or BaseLoc", name=path)
        kind = (element.get("Type") or "Seal").strip()
        entries.append(SignatureEntry(sign_id, kind, resolve(base, parent(path))))
    return entries, root


def read_signature_file(package: Package, path: str) -> SignatureFile:
    raw = package.get(path)
    if raw is None:
        raise OfdRefused(Reason.MISSING_FILE, "The signature file {name} is missing", name=path)
    root = parse_xml(raw, path)
    info = child(root, "SignedInfo") if is_ofd(root, "Signature") else None
    value_loc = text_of(root, "SignedValue")
    if info is None or not value_loc:
        raise _bad(path, "no SignedInfo or SignedValue")
    refs = child(info, "References")
    if refs is None:
        raise _bad(path, "no References")
    here = parent(path)
    provider = child(info, "Provider")
    seal = child(info, "Seal")
    seal_loc = text_of(seal, "BaseLoc") if seal is not None else None
    return SignatureFile(
        path=path,
        raw=raw,
        provider=provider.get("ProviderName", "") if provider is not None else "",
        signature_method=text_of(info, "SignatureMethod"),
        signed_at=text_of(info, "SignatureDateTime"),
        check_method=(refs.get("CheckMethod") or "").strip(),
        references=tuple(_reference(r, here, path) for r in children(refs, "Reference")),
        stamps=tuple(_stamp(s, path) for s in children(info, "StampAnnot")),
        seal_path=resolve(seal_loc, here) if seal_loc else None,
        signed_value_path=resolve(value_loc, here),
    )


def _reference(element: ET.Element, here: str, path: str) -> Reference:
    file_ref = (element.get("FileRef") or "").strip()
    value = text_of(element, "CheckValue")
    if not file_ref or value is None:
        raise _bad(path, "a Reference without FileRef or CheckValue")
    try:
        check = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise _bad(path, f"the CheckValue of {file_ref} is not base64") from None
    return Reference(file_ref, resolve(file_ref, here), check)


def _stamp(element: ET.Element, path: str) -> Stamp:
    annot_id, page_ref, box = (element.get(k) for k in ("ID", "PageRef", "Boundary"))
    if not page_ref or not box:
        raise OfdRefused(Reason.BAD_STAMP, "A StampAnnot in {name} has no PageRef or Boundary",
                         name=path)
    return Stamp((annot_id or "").strip(), page_ref.strip(), parse_box(box, "Boundary"),
                 element.get("Clip"))


def _bad(path: str, detail: str) -> OfdRefused:
    return OfdRefused(Reason.BAD_SIGNATURE_FILE, "{name} is not a usable signature file: {detail}",
                      name=path, detail=detail)
