"""Imprint commands of ``ebid seal``: process a photo of a stamped seal, pre-check an imprint;
nothing leaves this machine. Electronic seals through the seal office (upload, imprints, list,
collect, authorise, sign-hash, verify) are in :mod:`.holder`.

One function per sub-command.
"""

from __future__ import annotations

import argparse
import sys

from ....core.errors import InvalidInput
from ....core.seal import imaging
from ....core.seal.catalogue import SHAPES
from ...common import read_bytes, write_bytes


def add_commands(sub: argparse._SubParsersAction) -> None:
    _register_imprint_process(sub)
    _register_precheck(sub)


def size_mm(text: str) -> tuple[float, float]:
    """'42' -> (42, 42); '45x30' -> (45, 30)."""
    parts = text.lower().replace("×", "x").split("x")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size in mm: {text!r} (e.g. 42 or 45x30)") from None
    if len(values) not in (1, 2) or min(values) <= 0:
        raise argparse.ArgumentTypeError(f"not a size in mm: {text!r} (e.g. 42 or 45x30)")
    return (values[0], values[-1])


def _shape_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--size-mm", type=size_mm, metavar="W[xH]", help="the seal's true size (42, or 45x30)"
    )
    p.add_argument("--shape", choices=SHAPES, help="the seal's shape")


def _register_imprint_process(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "imprint-process", help="photo of a stamped seal -> clean transparent PNG at true size"
    )
    p.add_argument("input", metavar="IN.jpg")
    p.add_argument("-o", "--output", required=True, metavar="OUT.png")
    p.add_argument("--colour", "--color", dest="colour", choices=list(imaging.INKS), default="red")
    p.add_argument(
        "--dpi", type=float, default=imaging.MIN_DPI, help="output resolution (default 400)"
    )
    _shape_options(p)
    p.set_defaults(func=_imprint_process)


def _imprint_process(args: argparse.Namespace) -> int:
    photo = imaging.decode_image(read_bytes(args.input, "image"))
    size = args.size_mm
    if size and args.shape == "round" and size[0] != size[1]:
        raise InvalidInput("A round seal has one diameter, not {w}×{h} mm", w=size[0], h=size[1])
    result = imaging.process_photo(
        photo, ink=args.colour, shape=args.shape, size_mm=size, dpi=args.dpi
    )
    write_bytes(args.output, result.png)
    w, h = result.state.size_mm
    print(
        f"{args.output}: {result.state.shape} seal {w:g}×{h:g} mm at {args.dpi:g} dpi, "
        f"ink {args.colour} (photographed ink looked {result.detected_ink})"
    )
    return 0


def _register_precheck(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "precheck", help="score an imprint PNG (exit 0 passes, 1 likely rejected, 2 error)"
    )
    p.add_argument("input", metavar="IN.png")
    _shape_options(p)
    p.set_defaults(func=_precheck)


def _precheck(args: argparse.Namespace) -> int:
    data = read_bytes(args.input, "image")
    image = imaging.decode_image(data, keep_alpha=True)
    dpi = imaging.read_png_dpi(data)
    report = imaging.precheck(
        image, size_mm=args.size_mm, shape=args.shape, dpi=dpi[0] if dpi else None
    )
    for name, value in report.scores.items():
        print(f"{name}: {value}")
    if report.ink:
        print(f"ink: {report.ink}")
    for finding in report.findings:
        label = "REJECT" if finding.reject else "warning"
        print(f"{label}: {finding.message}")
    print("result: passes" if report.passed else "result: likely rejected")
    sys.stdout.flush()
    return 0 if report.passed else 1
