"""``ebid qr decode IMAGE... [--json]``: the QR codes in each image, one line per image.

Plain output: ``IMAGE: TEXT`` (several codes joined by `` | ``; newlines and tabs shown as
``\\n``, ``\\t``), or ``IMAGE: no QR code found``. With ``--json`` each line is
``{"image": IMAGE, "codes": [{"text", "bytes_hex", "charset", "points", "stage"}], "ms": T}``, and
an unreadable file adds ``"error": MESSAGE``. Unreadable files are also reported on stderr.

Exit codes: 0 every image gave at least one code; 1 some gave none; 2 some file was unreadable.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from ....core import qr

EXIT_NONE_FOUND = 1
EXIT_UNREADABLE = 2


def add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("decode", help="decode the QR codes in image files (exit 1 if one has none)")
    p.add_argument("images", nargs="+", metavar="IMAGE", help="PNG, JPEG, BMP or WebP file")
    p.add_argument("--json", action="store_true", help="one JSON object per image")
    p.set_defaults(func=_decode)


def _decode(args: argparse.Namespace) -> int:
    unreadable = none_found = False
    for path in args.images:
        start = time.perf_counter()
        try:
            codes = qr.decode(qr.load_image(path))
        except qr.UnreadableImage as exc:
            unreadable = True
            print(f"ebid: error: {exc.message}", file=sys.stderr)
            if args.json:
                _print_json(path, [], start, error=exc.message)
            continue
        none_found |= not codes
        if args.json:
            _print_json(path, codes, start)
        else:
            print(f"{path}: " + (" | ".join(_shown(c.text) for c in codes) or "no QR code found"))
    return EXIT_UNREADABLE if unreadable else EXIT_NONE_FOUND if none_found else 0


def _print_json(path: str, codes: list[qr.Code], start: float, *, error: str | None = None) -> None:
    record = {"image": path, "codes": [c.as_dict() for c in codes],
              "ms": round((time.perf_counter() - start) * 1000, 1)}
    if error is not None:
        record["error"] = error
    print(json.dumps(record, ensure_ascii=False), flush=True)


def _shown(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
