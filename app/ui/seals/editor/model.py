"""The editor's model: the photo, the current :class:`EditState` and its undo/redo stack.

Every edit is a new frozen ``EditState`` pushed as one :class:`StateCommand`. Changes made while a
slider is held down (or a crop handle dragged) share a *merge session* and collapse into one undo
step; a change made outside a session (a click, a key press) is a step of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ....core.seal.imaging import EditState, SourceImage

MERGE_ID = 0x5EA1


class StateCommand(QUndoCommand):
    def __init__(self, model: EditorModel, old: EditState, new: EditState, session: int,
                 text: str) -> None:
        super().__init__(text)
        self._model, self.old, self.new, self.session = model, old, new, session

    def id(self) -> int:
        return MERGE_ID if self.session > 0 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, StateCommand) or other.session != self.session:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self._model._set(self.new)

    def undo(self) -> None:
        self._model._set(self.old)


class EditorModel(QObject):
    """Holds the source photo and the state; views listen to :attr:`state_changed`."""

    state_changed = Signal(object)  # EditState
    source_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._state = EditState()
        self._source: SourceImage | None = None
        self._session = 0
        self._next_session = 0

    @property
    def state(self) -> EditState:
        return self._state

    @property
    def source(self) -> SourceImage | None:
        return self._source

    def load(self, source: SourceImage, state: EditState) -> None:
        """A new photo: the history starts afresh."""
        self._source = source
        self.undo_stack.clear()
        self._state = state
        self.source_changed.emit()
        self.state_changed.emit(state)

    def begin_merge(self) -> None:
        """Start a drag: the following changes become one undo step."""
        self._next_session += 1
        self._session = self._next_session

    def end_merge(self) -> None:
        self._session = 0

    def change(self, text: str, **changes) -> None:
        new = self._state.with_changes(**changes)
        if new == self._state:
            return
        self.undo_stack.push(StateCommand(self, self._state, new, self._session, text))

    def _set(self, state: EditState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)
