"""Names that come from outside — a container's metadata, a platform's receipt — become plain,
safe file names (docs/formats/bidx.md §7): nothing lands outside the chosen folder, nothing
disguises itself, hides, names a Windows device, or is too long to create."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import bidx
from app.core.bidx.naming import MAX_NAME_BYTES, safe_file_name
from app.core.bidx.sealing import FileSecrets, HeaderFields, seal_chunk, seal_header
from app.core.gm import SM2PrivateKey
from tests.bidx.conftest import listing

CASES = [
    ("../../.bash_aliases", "bash_aliases"),
    ("/tmp/x.bidx", "x.bidx"),
    ("C:\\Windows\\evil.dll", "evil.dll"),
    ("bid\u202etxt.exe", "bidtxt.exe"),  # would read "bidexe.txt"
    ("\u2066报价\u2069.pdf", "报价.pdf"),
    ("x\x7fy\x85z.pdf", "x_y_z.pdf"),
    (".hidden", "hidden"),
    ("report. . ", "report"),
    ("CON", "FALLBACK"), ("nul.txt", "FALLBACK"), ("Com1.pdf", "FALLBACK"), ("lpt9", "FALLBACK"),
    ("..", "FALLBACK"), ("", "FALLBACK"), ("\u202e", "FALLBACK"),
    ("~$投标函.docx", "~$投标函.docx"),  # an ordinary Office lock-file name stays
    ("正常的投标文件 (最终版).pdf", "正常的投标文件 (最终版).pdf"),
]


@pytest.mark.parametrize("outside,safe", CASES)
def test_outside_names_become_plain_safe_names(outside, safe):
    assert safe_file_name(outside, "FALLBACK") == safe


def test_a_long_chinese_name_is_cut_at_a_character_and_keeps_its_extension():
    name = "某某市政道路改造工程施工总承包投标文件" * 10 + ".pdf"  # 570 bytes of UTF-8
    safe = safe_file_name(name, "FALLBACK")
    assert safe.endswith(".pdf") and len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.startswith(safe.removesuffix(".pdf"))


def test_a_valid_bid_with_a_300_byte_inner_name_decrypts(tmp_path: Path) -> None:
    """100 Chinese characters are an ordinary Windows name; a Linux opener must still open it."""
    key = SM2PrivateKey.generate()
    inner = "投" * 100 + ".pdf"
    fields = HeaderFields(bidx.SM4_SUITE, 16, 4)
    header, keys = seal_header(fields, [key.public_key()], bidx.SecretMetadata(inner, 0, 0), FileSecrets.random())
    container = tmp_path / "bid.bidx"
    container.write_bytes(header.to_bytes() + seal_chunk(keys, 0, True, b"data"))
    folder = tmp_path / "plain"
    folder.mkdir()
    result = bidx.decrypt_file(container, key, folder)
    assert result.output.read_bytes() == b"data" and result.output.suffix == ".pdf"
    assert listing(folder) == [result.output.name]
