"""Fixtures for the seal imaging tests: small synthetic photos, cached per session."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from tests.seal.synth import PhotoSpec, photograph


@functools.lru_cache(maxsize=64)
def cached_photo(
    condition: str = "clean",
    colour: str = "red",
    shape: str = "round",
    size_mm: tuple[float, float] = (42.0, 42.0),
    seed: int = 7,
    photo_size: tuple[int, int] = (800, 600),
) -> tuple[np.ndarray, np.ndarray, tuple]:
    spec = PhotoSpec(
        condition=condition,
        colour=colour,
        shape=shape,
        size_mm=size_mm,
        seed=seed,
        photo_size=photo_size,
    )
    return photograph(spec)


@pytest.fixture(scope="session")
def photo():
    """``photo(condition=..., colour=..., ...)`` -> (BGR photo, truth alpha, ink RGB); read-only."""
    return cached_photo


def iou(alpha: np.ndarray, truth: np.ndarray) -> float:
    m, g = alpha > 0.5, truth > 0.5
    return float((m & g).sum() / max(1, (m | g).sum()))
