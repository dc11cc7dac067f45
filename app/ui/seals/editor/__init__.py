"""The imprint editor: photo → cropped, straightened, clean, recoloured, true-size PNG.

``ImprintEditor`` is the dialog; ``FinalImprint`` is what it hands back (PNG bytes, seal type,
shape, size in mm, the pre-check report).
"""

from __future__ import annotations

from .dialog import ImprintEditor
from .finish import FinalImprint

__all__ = ["FinalImprint", "ImprintEditor"]
