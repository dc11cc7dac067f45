"""XML of an OFD package, read with the standard library and nothing expanded.

OFD's XML (GB/T 33190) is UTF-8 and never needs a document type declaration, so any
``<!DOCTYPE`` or ``<!ENTITY`` is refused before the parser sees the bytes: no entity can be
expanded (billion laughs), no external one fetched. Elements are matched by local name in the
OFD namespace (``http://www.ofdspec.org/2016``), or without a namespace as some producers write.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .errors import MalformedPackage, PackageRefused, Reason

OFD_NS = "http://www.ofdspec.org/2016"
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_ACCEPTED_NS = {"", OFD_NS}

ET.register_namespace("ofd", OFD_NS)


def parse_xml(data: bytes, name: str) -> ET.Element:
    """The root element of ``name``'s bytes; refused as a package error when it is not UTF-8
    XML or declares a DTD or entities."""
    declared = _ENCODING.match(data)
    # another declared encoding could hide a DOCTYPE from the byte check below
    if (data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4]
            or (declared and declared.group(1).lower() not in (b"utf-8", b"utf8"))):
        raise MalformedPackage("{name} is not UTF-8 XML", name=name)
    if _DECLARATION.search(data):
        raise PackageRefused(
            Reason.XML_DECLARATIONS,
            "{name} declares a document type or entities, which OFD never needs: refused",
            name=name,
        )
    try:
        data.decode("utf-8")
        return ET.fromstring(data)
    except (ET.ParseError, UnicodeDecodeError) as exc:
        raise MalformedPackage("{name} is not well-formed XML: {detail}", name=name,
                        detail=str(exc).splitlines()[0] if str(exc) else "unreadable") from None


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def is_ofd(element: ET.Element, name: str) -> bool:
    return local(element.tag) == name and namespace(element.tag) in _ACCEPTED_NS


def children(element: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in element if isinstance(c.tag, str) and is_ofd(c, name)]


def child(element: ET.Element, name: str) -> ET.Element | None:
    found = children(element, name)
    return found[0] if found else None


def text_of(element: ET.Element, name: str) -> str | None:
    found = child(element, name)
    if found is None or found.text is None:
        return None
    return found.text.strip()


def ofd_tag(name: str) -> str:
    return f"{{{OFD_NS}}}{name}"


def to_bytes(root: ET.Element) -> bytes:
    """UTF-8 with the XML declaration, the ``ofd:`` prefix for the OFD namespace."""
    body = ET.tostring(root, encoding="unicode")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body.encode("utf-8")
