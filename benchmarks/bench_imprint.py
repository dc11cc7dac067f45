#!/usr/bin/env python3
"""Seal imprint extraction: quality per photo condition and ink colour, and speed at 12 MP.

    .venv/bin/python benchmarks/bench_imprint.py [--seeds 2] [--repeat 15]

Quality: synthetic round 42 mm seals (tests/seal/synth.py) photographed at 1600×1200 (the seal
~660 px across, ~16 px/mm) under each condition, for each of the four inks and ``--seeds`` seeds:

* IoU   — intersection over union of the extracted ink mask (alpha > 0.5) with the truth (> 0.5);
* MAE   — mean absolute alpha error over the seal's bounding box (paper far away would dilute it);
* ΔE    — CIE76 difference between the detected ink colour and the ink colour the photo shows
          where fully stamped (synth.py's ground truth, on white paper in white light);
* id    — share of photos whose detected ink is named correctly (red/blue/black/purple).

Speed on a 4000×3000 (12 MP) photo: the editor's preview render (proxy ≤ 1024 px, crop around the
seal, extraction, recolour, round guide), full-resolution extraction of the crop, and the whole
automatic pipeline (proposal → extraction → recolour → 400 dpi PNG). Median of ``--repeat`` runs.
Targets (issue 7): IoU ≥ 0.90 in every condition, ≥ 0.95 on average; preview under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.seal.imaging import (
    EditState,
    SourceImage,
    extract_ink,
    nearest_ink,
    process_photo,
    propose_crop,
    render,
    state_from_proposal,
)
from app.core.seal.imaging.colour import delta_e
from tests.seal.synth import CONDITIONS, PhotoSpec, photograph

COLOURS = ("red", "blue", "black", "purple")


def score(condition: str, colour: str, seed: int) -> dict[str, float]:
    image, truth, ink_rgb = photograph(
        PhotoSpec(condition=condition, colour=colour, seed=seed, photo_size=(1600, 1200))
    )
    result = extract_ink(image)
    mask, true = result.alpha > 0.5, truth > 0.5
    ys, xs = np.nonzero(true)
    box = (slice(ys.min(), ys.max() + 1), slice(xs.min(), xs.max() + 1))
    return {
        "iou": float((mask & true).sum() / max(1, (mask | true).sum())),
        "mae": float(np.abs(result.alpha[box] - truth[box]).mean()),
        "de": float(delta_e(result.ink_bgr, ink_rgb[::-1])),
        "id": float(nearest_ink(result.ink_bgr) == colour),
    }


def quality_table(seeds: int) -> list[float]:
    head = f"{'condition':<13}" + "".join(f"{'IoU ' + c:>12}" for c in COLOURS)
    print(head + f"{'IoU min':>9}{'IoU mean':>9}{'MAE':>8}{'ΔE':>7}{'id':>6}")
    means = []
    for condition in CONDITIONS:
        rows = {c: [score(condition, c, 100 + s) for s in range(seeds)] for c in COLOURS}
        flat = [r for rs in rows.values() for r in rs]
        ious = [r["iou"] for r in flat]
        means.append(statistics.mean(ious))
        per_colour = "".join(
            f"{statistics.mean(r['iou'] for r in rows[c]):>12.4f}" for c in COLOURS
        )
        print(
            f"{condition:<13}{per_colour}{min(ious):>9.4f}{means[-1]:>9.4f}"
            f"{statistics.mean(r['mae'] for r in flat):>8.4f}{statistics.mean(r['de'] for r in flat):>7.1f}"
            f"{statistics.mean(r['id'] for r in flat):>6.0%}"
        )
    return means


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def speed_table(repeat: int) -> float:
    image, _, _ = photograph(
        PhotoSpec(condition="combined", colour="red", seed=5, photo_size=(4000, 3000))
    )
    start = time.perf_counter()
    source = SourceImage(image)
    _ = source.proxy  # what the editor does once when a photo is opened
    proxy_ms = (time.perf_counter() - start) * 1000
    proposal = propose_crop(source.proxy)
    frame = source.proxy.shape[1::-1]
    state = state_from_proposal(proposal, frame, ink="blue", shape="round")
    full_state = state
    crop = state.crop
    x, y, w, h = (
        round(crop[0] * 4000),
        round(crop[1] * 3000),
        round(crop[2] * 4000),
        round(crop[3] * 3000),
    )
    full_crop = image[max(y, 0) : y + h, max(x, 0) : x + w]
    rows = [
        ("make proxy (once per photo)", proxy_ms),
        (
            "preview render (proxy, crop+extract+recolour+guide)",
            median_ms(
                lambda: render(state.with_changes(brightness=0.05), source, proxy=True), repeat
            ),
        ),
        (
            f"preview render, uncropped proxy ({frame[0]}×{frame[1]})",
            median_ms(lambda: render(EditState(ink="blue"), source, proxy=True), repeat),
        ),
        (
            "preview render, no extraction (crop+tone only)",
            median_ms(
                lambda: render(state.with_changes(extract=False), source, proxy=True), repeat
            ),
        ),
        ("crop proposal (proxy)", median_ms(lambda: propose_crop(source.proxy), repeat)),
        (
            f"full-res extraction of the crop ({full_crop.shape[1]}×{full_crop.shape[0]})",
            median_ms(lambda: extract_ink(full_crop), max(3, repeat // 3)),
        ),
        (
            "full-res render (crop+extract+recolour+guide)",
            median_ms(lambda: render(full_state, source, proxy=False), max(3, repeat // 3)),
        ),
        ("full-res extraction of the whole 12 MP photo", median_ms(lambda: extract_ink(image), 3)),
        (
            "automatic pipeline → 42 mm 400 dpi PNG",
            median_ms(lambda: process_photo(image, ink="blue"), 3),
        ),
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\n12 MP photo 4000×3000, OpenCV {cv2.__version__}, {cv2.getNumThreads()} threads, "
        f"{os.cpu_count()} CPUs, load average {load}"
    )
    for name, ms in rows:
        print(f"  {name:<58}{ms:>9.1f} ms")
    return rows[1][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=2, help="photos per condition and colour")
    parser.add_argument("--repeat", type=int, default=15, help="timing runs (median)")
    args = parser.parse_args()
    print(
        f"Quality: 1600×1200 photos, round 42 mm seal, {args.seeds} seed(s) per condition and colour\n"
    )
    means = quality_table(args.seeds)
    preview = speed_table(args.repeat)
    print(
        f"\nIoU mean over conditions {statistics.mean(means):.4f} (target ≥ 0.95); "
        f"worst condition mean {min(means):.4f} (target ≥ 0.90); preview {preview:.1f} ms (target < 50)"
    )


if __name__ == "__main__":
    main()
