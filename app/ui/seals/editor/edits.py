"""Pure state transitions of the editor (no Qt): turning, straightening and catalogue choices.

Crop and guide are fractions of the turned + straightened frame, so when the frame turns or its
straightening angle changes, the crop must follow the imprint: these functions move it.
"""

from __future__ import annotations

import math

from ....core.seal.catalogue import SealType, load_catalogue
from ....core.seal.imaging import CropProposal, EditState, state_from_proposal

DEFAULT_TYPE = "official"


def rotate_quarter(state: EditState) -> EditState:
    """One clockwise quarter turn; the crop and guide turn with the photo."""
    crop, guide = state.crop, state.guide
    if crop is not None:
        x, y, w, h = crop
        crop = (1 - y - h, x, h, w)
    if guide is not None:
        cx, cy, rx, ry, angle = guide
        guide = (1 - cy, cx, ry, rx, angle)
    return state.with_changes(quarter_turns=(state.quarter_turns + 1) % 4, crop=crop, guide=guide)


def _canvas(w: float, h: float, deg: float) -> tuple[float, float]:
    rad = math.radians(deg)
    c, s = abs(math.cos(rad)), abs(math.sin(rad))
    return w * c + h * s, w * s + h * c


def straighten_to(state: EditState, degrees: float, size: tuple[int, int]) -> EditState:
    """Set the straightening angle; the crop's centre turns with the photo, its size in pixels stays.

    ``size`` is (width, height) of the quarter-turned photo before straightening (any scale).
    """
    if state.crop is None:
        return state.with_changes(straighten_deg=degrees)
    w0, h0 = _canvas(*size, state.straighten_deg)
    w1, h1 = _canvas(*size, degrees)
    x, y, cw, ch = state.crop
    dx, dy = (x + cw / 2 - 0.5) * w0, (y + ch / 2 - 0.5) * h0
    a = math.radians(degrees - state.straighten_deg)
    nx = dx * math.cos(a) + dy * math.sin(a)
    ny = -dx * math.sin(a) + dy * math.cos(a)
    nw, nh = cw * w0 / w1, ch * h0 / h1
    crop = (0.5 + nx / w1 - nw / 2, 0.5 + ny / h1 - nh / 2, nw, nh)
    return state.with_changes(straighten_deg=degrees, crop=crop)


def seal_types() -> list[SealType]:
    return list(load_catalogue().values())


def shape_option_for(seal_type: str, shape: str):
    """The type's option for ``shape``, or its first one if it is not made in that shape."""
    kind = load_catalogue()[seal_type]
    for option in kind.shapes:
        if option.shape == shape:
            return option
    return kind.shapes[0]


def choose_type(state: EditState, seal_type: str) -> EditState:
    """A seal type: keep the shape if the type is made in it, and take the type's default size."""
    option = shape_option_for(seal_type, state.shape)
    return _with_shape(state.with_changes(seal_type=seal_type), option.shape, option.default_mm)


def choose_shape(state: EditState, shape: str) -> EditState:
    option = shape_option_for(state.seal_type or DEFAULT_TYPE, shape)
    return _with_shape(state, option.shape, option.default_mm)


def _with_shape(state: EditState, shape: str, size_mm: tuple[float, float]) -> EditState:
    guide = state.guide
    if shape in ("round", "oval") and guide is None:
        guide = (0.5, 0.5, 0.5, 0.5, 0.0)
    return state.with_changes(shape=shape, size_mm=size_mm, guide=guide)


def initial_state(proposal: CropProposal, size: tuple[int, int], seal_type: str = DEFAULT_TYPE,
                  ink: str = "red") -> EditState:
    """The editor's first state for a photo: the proposed crop and guide, the type's sizes.

    If ``seal_type`` is not made in the proposed shape, the first type that is made in it is taken.
    """
    if all(option.shape != proposal.shape for option in load_catalogue()[seal_type].shapes):
        seal_type = next((t.code for t in seal_types()
                          if any(o.shape == proposal.shape for o in t.shapes)), seal_type)
    state = state_from_proposal(proposal, size, ink=ink, seal_type=seal_type)
    return choose_shape(state, proposal.shape)


def whole_photo_state(seal_type: str = DEFAULT_TYPE, ink: str = "red") -> EditState:
    """When no imprint is found: the whole photo as the crop, the type's default shape."""
    state = EditState(crop=(0.0, 0.0, 1.0, 1.0), ink=ink, seal_type=seal_type)
    return choose_type(state, seal_type)
