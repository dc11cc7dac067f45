"""An OFD package (GB/T 33190 §7: a ZIP file) read into memory within fixed limits.

Nothing is extracted to disk. Refused before anything is decompressed: more members than
:data:`MAX_MEMBERS`, a member whose declared size exceeds :data:`MAX_MEMBER_BYTES`, declared
sizes adding up to more than :data:`MAX_TOTAL_BYTES`, a compression ratio no real file has
(a zip bomb), encrypted members, and member names that are absolute, use ``\\`` or a drive, or
contain ``..`` or empty components. While reading, no member yields more than it declared
(``zipfile`` stops there and checks the CRC). Limits in the style of ``app/cli/common.py``'s
``INPUT_LIMITS``; docs/formats/ofd-signing.md §5 lists them.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field

from .errors import MalformedPackage, UnsafePackage

MAX_PACKAGE_BYTES = 256 << 20  # the .ofd file itself
MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 64 << 20  # one page, font or image
MAX_TOTAL_BYTES = 512 << 20  # everything decompressed
MAX_RATIO = 200  # deflate reaches ~1000:1 only on degenerate data; real pages stay far below
_RATIO_FLOOR = 1 << 20  # small members may compress well (empty-ish XML)


@dataclass
class Package:
    """Member name (no leading ``/``) → bytes, in the archive's order."""

    files: dict[str, bytes] = field(default_factory=dict)

    def get(self, name: str) -> bytes | None:
        return self.files.get(name)

    def names(self) -> list[str]:
        return list(self.files)


def read_package(data: bytes) -> Package:
    if len(data) > MAX_PACKAGE_BYTES:
        raise UnsafePackage("The OFD file is larger than {n} bytes", n=MAX_PACKAGE_BYTES)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise MalformedPackage("The file is not an OFD package (not a ZIP archive)") from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        check_directory(infos)
        package = Package()
        for info in infos:
            package.files[info.filename] = _read_member(archive, info)
    return package


def check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise UnsafePackage("The OFD package has more than {n} files", n=MAX_MEMBERS)
    total, seen = 0, set()
    for info in infos:
        check_member_name(info.filename)
        if info.filename in seen:
            raise UnsafePackage("The OFD package holds {name} twice", name=info.filename)
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise UnsafePackage("The OFD package has an encrypted member: {name}", name=info.filename)
        if info.file_size > MAX_MEMBER_BYTES:
            raise UnsafePackage("{name} in the OFD package declares {size} bytes, more than {n}",
                         name=info.filename, size=info.file_size, n=MAX_MEMBER_BYTES)
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafePackage("{name} in the OFD package expands {ratio} times: a zip bomb",
                         name=info.filename, ratio=info.file_size // max(info.compress_size, 1))
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise UnsafePackage("The OFD package declares {size} bytes in all, more than {n}",
                     size=total, n=MAX_TOTAL_BYTES)


def check_member_name(name: str) -> None:
    parts = name.split("/")
    bad = (
        not name
        or name.startswith("/")
        or "\\" in name
        or "\x00" in name
        or ":" in parts[0]
        or any(part in ("", ".", "..") for part in parts)
    )
    if bad:
        raise UnsafePackage("The OFD package has a file name that points elsewhere: {name}", name=name)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError):
        # BadZipFile: CRC mismatch or more data than declared; zlib.error: a corrupt stream
        raise MalformedPackage("{name} in the OFD package is damaged", name=info.filename) from None
    if len(data) > info.file_size:
        raise UnsafePackage("{name} in the OFD package is larger than it declares", name=info.filename)
    return data


def resolve(loc: str, base_dir: str = "") -> str:
    """An ST_Loc (absolute ``/Doc_0/…`` or relative to ``base_dir``) as a member name."""
    text = (loc or "").strip()
    if not text:
        raise MalformedPackage("An empty file location in the OFD package")
    parts = [] if text.startswith("/") else [p for p in base_dir.split("/") if p]
    for part in text.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                raise MalformedPackage("A file location points outside the OFD package: {loc}", loc=text)
            parts.pop()
            continue
        parts.append(part)
    if not parts:
        raise MalformedPackage("An empty file location in the OFD package")
    return "/".join(parts)


def parent(name: str) -> str:
    return name.rsplit("/", 1)[0] if "/" in name else ""


def write_package(files: dict[str, bytes]) -> bytes:
    """A new ZIP with the members in order, deflated (OFD readers expect deflate or stored)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            check_member_name(name)
            archive.writestr(name, data)
    return out.getvalue()
