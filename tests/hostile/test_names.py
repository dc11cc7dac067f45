"""The name-safety table (issue "hostile inputs" §14, cases of items 2, 3 and 10), run on every
path that writes a file under a name it did not choose itself:

* ``ebid bid decrypt`` — the inner name a container's sender chose;
* the desktop's fetch-and-decrypt (``app.core.bidding.fetch_and_decrypt``) — the receipt's file
  name and submission id a platform chose, then the inner name;
* ``app.core.bidx.decrypt_file``, which both use;
* the seal editor's imprint export (``app.ui.seals.editor.finishing.export_name``).

Each case: exactly one new file, directly inside the chosen folder, under a safe name (a plain
file name, no control, bidi or reserved character, not hidden, not a Windows device, no
trailing dot or space, at most 255 bytes of UTF-8); nothing anywhere else.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.core import bidding, bidx
from app.core.bidx.naming import _DEVICES, _INVISIBLE, safe_file_name
from app.core.bidx.sealing import FileSecrets, HeaderFields, seal_chunk, seal_header
from app.core.gm import SM2PrivateKey, private_key_to_pem
from app.core.tasks import CancelToken

HOSTILE = {
    "parent traversal": "../../.bash_aliases",
    "deep traversal": "../" * 20 + "etc/passwd",
    "absolute": "/tmp/x.bidx",
    "windows absolute": "C:\\Windows\\evil.dll",
    "windows unc": "\\\\server\\share\\evil.dll",
    "inner folders": "a/b/c.pdf",
    "dot dot": "..",
    "dot": ".",
    "empty": "",
    "only separators": "///",
    "newline and cr": "bid\nsignature OK\r.pdf",
    "nul": "bid\x00.pdf",
    "escape sequence": "\x1b[2Jbid.pdf",
    "del": "x\x7fy.pdf",
    "c1 controls": "x\x85y\x9bz.pdf",
    "rlo override": "bid\u202etxt.exe",
    "lro and pdf": "\u202dbid\u202c.pdf",
    "isolates": "\u2066报价\u2069.pdf",
    "rlm lrm alm bom": "\u200fa\u200eb\u061cc\ufeff.pdf",
    "only a bidi control": "\u202e",
    "dot-file": ".bashrc",
    "dot-dot-file": "..hidden.pdf",
    "CON": "CON",
    "nul.txt": "nul.txt",
    "COM1": "COM1",
    "Com1.pdf": "Com1.pdf",
    "LPT1": "LPT1",
    "lpt9.tar.gz": "lpt9.tar.gz",
    "AUX with spaces": " aux ",
    "trailing dots and spaces": "report. . ",
    "trailing dots": "report...",
    "reserved characters": 'a<b>c:d"e|f?g*.pdf',
    "256 ascii bytes": "a" * 252 + ".pdf",
    "1000 ascii bytes": "b" * 1000,
    "100 chinese characters": "投" * 100 + ".pdf",
    "100 chinese, no extension": "标" * 100,
    "long name, long extension": "c" * 300 + "." + "d" * 40,
    "four-byte characters": "\U0001f600" * 80 + ".pdf",
    "combining marks": "e" + "\u0301" * 200 + ".pdf",
}
CASES = list(HOSTILE.values())
IDS = list(HOSTILE.keys())


def assert_safe(name: str) -> None:
    """What every name written in the chosen folder must be."""
    assert name and name not in (".", "..") and "/" not in name and "\\" not in name
    assert len(name.encode("utf-8")) <= 255
    assert not name.startswith(".") and not name.endswith((".", " "))
    assert not any(unicodedata.category(ch) == "Cc" or ord(ch) in _INVISIBLE for ch in name)
    assert not set('<>:"|?*') & set(name)
    assert name.split(".", 1)[0].strip().upper() not in _DEVICES


def snapshot(root: Path) -> set[Path]:
    return {Path(folder, f) for folder, _, files in os.walk(root) for f in files}


@pytest.fixture(scope="module")
def key() -> SM2PrivateKey:
    return SM2PrivateKey.generate()


@pytest.fixture
def world(tmp_path: Path) -> SimpleNamespace:
    """A chosen folder deep inside tmp_path, so a traversal has somewhere to land."""
    chosen = tmp_path / "home" / "user" / "opened"
    chosen.mkdir(parents=True)
    return SimpleNamespace(root=tmp_path, chosen=chosen, before=snapshot(tmp_path))


def container_bytes(key: SM2PrivateKey, inner: str) -> bytes:
    header, keys = seal_header(HeaderFields(bidx.SM4_SUITE, 16, 4), [key.public_key()],
                               bidx.SecretMetadata(inner, 0, 0), FileSecrets.random())
    return header.to_bytes() + seal_chunk(keys, 0, True, b"data")


def new_files(world: SimpleNamespace) -> list[Path]:
    new = sorted(snapshot(world.root) - world.before)
    assert all(p.parent == world.chosen for p in new), f"written outside the chosen folder: {new}"
    for p in new:
        assert_safe(p.name)
    return new


@pytest.mark.parametrize("name", CASES, ids=IDS)
def test_the_reduction_itself_is_safe_or_falls_back(name):
    reduced = safe_file_name(name, "fallback.pdf")
    assert_safe(reduced)
    assert safe_file_name(reduced, "other") == reduced  # reducing twice changes nothing


@pytest.mark.parametrize("name", CASES, ids=IDS)
def test_core_decrypt_keeps_an_inner_name_inside_the_folder(world, key, name):
    source = world.root / "sent.bidx"
    source.write_bytes(container_bytes(key, name))
    world.before.add(source)
    result = bidx.decrypt_file(source, key, world.chosen)
    assert new_files(world) == [result.output] and result.output.read_bytes() == b"data"


@pytest.mark.parametrize("name", CASES, ids=IDS)
def test_cli_decrypt_keeps_an_inner_name_inside_the_folder(world, key, name, monkeypatch, capsys):
    from app.cli.main import main

    source, pem = world.root / "sent.bidx", world.root / "key.pem"
    source.write_bytes(container_bytes(key, name))
    pem.write_bytes(private_key_to_pem(key))
    world.before |= {source, pem}
    monkeypatch.setenv("EBID_HOME", str(world.root / "ebid-home"))
    assert main(["bid", "decrypt", str(source), "-o", str(world.chosen), "--key", str(pem)]) == 0
    (output,) = new_files(world)
    assert output.read_bytes() == b"data" and output.name in capsys.readouterr().out


class FakePlatform:
    """What fetch_and_decrypt asks of the holder's client: the submitted bytes, written where
    asked (through the real atomic writer, as HolderClient.fetch_bid does)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def fetch_bid(self, submission_id: str, destination: Path) -> Path:
        from app.core.fsutil import atomic_write

        atomic_write(destination, self.data)
        return Path(destination)


@pytest.mark.parametrize("name", CASES, ids=IDS)
@pytest.mark.parametrize("submission", ["S-1", "../../../escaped", "/tmp/abs", "..", "CON"],
                         ids=["plain id", "traversal id", "absolute id", "dot-dot id", "device id"])
def test_fetch_and_decrypt_keeps_a_platforms_names_inside_the_folder(world, key, name, submission, monkeypatch):
    """The receipt's file name and submission id are the platform's; the inner name the
    uploader's. All three are hostile here at once."""
    monkeypatch.setattr(bidding, "_device_private_key", lambda store, unlocked, container, purpose: key)
    receipt = SimpleNamespace(file_name=name, submission_id=submission)
    platform = FakePlatform(container_bytes(key, name))
    result = bidding.fetch_and_decrypt(platform, None, None, receipt, world.chosen, None,
                                       lambda done, total: None, CancelToken())
    written = new_files(world)
    assert result.output in written and len(written) == 2  # the fetched container and its plaintext
    assert result.output.read_bytes() == b"data"


@pytest.mark.parametrize("name", CASES, ids=IDS)
def test_an_imprint_export_name_is_safe_whatever_its_seal_type(world, name):
    """Today the type comes from the app's own catalogue; the exported name is reduced anyway,
    so a catalogue or saved state from elsewhere cannot make the export leave its folder."""
    from app.core.fsutil import atomic_write
    from app.ui.seals.editor.finishing import export_name

    exported = export_name(SimpleNamespace(seal_type=name, size_mm=(42.0, 42.0)))
    atomic_write(world.chosen / exported, b"png")
    (output,) = new_files(world)
    assert output.name.endswith(".png")


def test_every_catalogue_entry_gives_its_plain_export_name():
    from app.ui.seals.editor import edits
    from app.ui.seals.editor.finishing import export_name

    for kind in edits.seal_types():
        name = export_name(SimpleNamespace(seal_type=kind.code, size_mm=(40.0, 30.0)))
        assert name == f"imprint-{kind.code}-40x30mm.png"
        assert_safe(name)
