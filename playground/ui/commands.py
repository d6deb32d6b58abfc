"""Undo for every edit: a snapshot command that swaps the whole experiment.

An experiment is a small dataclass, so keeping the state before and after each edit is cheaper
and far less error-prone than inverse operations per kind of edit. Consecutive edits of the same
field (typing in a spin box, stepping a learning rate) merge into one undo step.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from playground.core.experiment import Experiment


class ExperimentEdit(QUndoCommand):
    """Replace the experiment with `after`; undo puts `before` back. `apply` does the swap."""

    def __init__(self, text: str, before: Experiment, after: Experiment,
                 apply: Callable[[Experiment, int | None], None], merge_key: str | None = None,
                 select_before: int | None = None, select_after: int | None = None):
        super().__init__(text)
        self.before = before.copy()
        self.after = after.copy()
        self._apply = apply
        self.merge_key = merge_key
        self.select_before = select_before
        self.select_after = select_after

    def redo(self) -> None:
        self._apply(self.after.copy(), self.select_after)

    def undo(self) -> None:
        self._apply(self.before.copy(), self.select_before)

    def id(self) -> int:
        # QUndoStack only tries mergeWith for commands of equal id; -1 means "never merge"
        return zlib.crc32(self.merge_key.encode()) & 0x7FFFFFFF if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ExperimentEdit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after.copy()
        self.select_after = other.select_after
        return True
