"""The seal catalogue (``app/resources/seal_catalogue.json``): seal types, their shapes and sizes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InvalidInput
from ..resources import resource_path

CATALOGUE_PATH = resource_path("seal_catalogue.json")
SHAPES = ("round", "oval", "square", "rectangle")


@dataclass(frozen=True)
class ShapeOption:
    shape: str
    sizes_mm: tuple[tuple[float, float], ...]
    default_mm: tuple[float, float]


@dataclass(frozen=True)
class SealType:
    code: str
    zh: str
    en: str
    shapes: tuple[ShapeOption, ...]
    source: str

    def option(self, shape: str) -> ShapeOption:
        for opt in self.shapes:
            if opt.shape == shape:
                return opt
        raise InvalidInput(
            "A {seal_type} is not made in the shape {shape}", seal_type=self.en, shape=shape
        )


def _size(value: list) -> tuple[float, float]:
    w, h = (float(v) for v in value)
    return (w, h)


def _seal_type(entry: dict) -> SealType:
    shapes = []
    for opt in entry["shapes"]:
        if opt["shape"] not in SHAPES:
            raise InvalidInput("Unknown seal shape {shape} in the catalogue", shape=opt["shape"])
        sizes = tuple(_size(s) for s in opt["sizes_mm"])
        shapes.append(ShapeOption(opt["shape"], sizes, _size(opt["default"])))
    return SealType(entry["code"], entry["zh"], entry["en"], tuple(shapes), entry["source"])


def parse_catalogue(data: dict) -> dict[str, SealType]:
    if data.get("format") != "ebid-seal-catalogue" or data.get("version") != 1:
        raise InvalidInput("Not a version-1 seal catalogue")
    try:
        return {t.code: t for t in map(_seal_type, data["types"])}
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput("The seal catalogue is malformed: {reason}", reason=str(exc)) from None


@lru_cache(maxsize=1)
def load_catalogue(path: Path = CATALOGUE_PATH) -> dict[str, SealType]:
    """Seal types by code, in the catalogue's order."""
    try:
        return parse_catalogue(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise InvalidInput(
            "The seal catalogue {path} cannot be read: {reason}", path=str(path), reason=str(exc)
        ) from None


def seal_type(code: str) -> SealType:
    try:
        return load_catalogue()[code]
    except KeyError:
        raise InvalidInput("Unknown seal type {code}", code=code) from None
