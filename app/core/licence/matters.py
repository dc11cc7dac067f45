"""The catalogue of matters (事项) an agent can be authorised for, kept as data in app/resources/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InvalidInput
from ..pki import MatterRef
from ..resources import resource_path

CATALOGUE_PATH = resource_path("matters.json")
FULL_BIDDING = "EC-BID-FULL"  # 电子商务-招投标-全流程投标


@dataclass(frozen=True)
class Matter:
    code: str
    zh: str
    en: str

    def ref(self) -> MatterRef:
        """The form a certificate carries (code and the Chinese name)."""
        return MatterRef(self.code, self.zh)


class MatterCatalogue:
    def __init__(self, matters: list[Matter]) -> None:
        self._by_code = {m.code: m for m in matters}
        if len(self._by_code) != len(matters):
            raise InvalidInput("The matter catalogue lists a code twice")

    @classmethod
    def from_file(cls, path: Path) -> MatterCatalogue:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls([Matter(m["code"], m["zh"], m["en"]) for m in data["matters"]])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InvalidInput(
                "Cannot read the matter catalogue {path}: {detail}", path=str(path), detail=str(exc)
            ) from None

    def __iter__(self):
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Matter:
        try:
            return self._by_code[code]
        except KeyError:
            raise InvalidInput("Unknown matter {code}", code=code) from None

    def resolve(self, codes: list[str] | tuple[str, ...]) -> tuple[Matter, ...]:
        """The matters for ``codes``, in catalogue order, each once; an unknown code is refused."""
        wanted = {self.get(code).code for code in codes}
        return tuple(m for m in self if m.code in wanted)


@lru_cache(maxsize=1)
def default_catalogue() -> MatterCatalogue:
    return MatterCatalogue.from_file(CATALOGUE_PATH)
