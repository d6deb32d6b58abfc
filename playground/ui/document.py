"""The open experiment as a document: the experiment, its undo history, its file and its shape report.

Every edit, from any panel, arrives here as a whole new experiment (`apply_edit`) and is pushed on
`undo_stack` as a snapshot command; undo, redo and `replace` (New, Open, a preset) go through the
same `_set`, which re-runs shape inference and emits, in this order, `reportChanged`,
`experimentChanged` and, when the edit names one, `layerSelected`. Views listen and redraw; none of
them keeps its own copy of the truth. Experiments are never changed in place: every edit makes a
new one (see `playground.core.edits`), so handing one to a view or a run needs no copy.

"Unsaved" covers two things: edits since the last save (the undo stack's clean state) and training
runs made since then, which are saved into the project file with the experiment.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from playground.core.experiment import Experiment
from playground.core.shapes import ShapeReport, infer_shapes
from playground.ui.commands import ExperimentEdit
from playground.ui.engine_loader import engine_loaded
from playground.ui.i18n import data_text


class ExperimentDocument(QObject):
    experimentChanged = Signal(object)  # the new Experiment: after every edit, undo, redo and replace
    reportChanged = Signal(object)  # ShapeReport, or None while PyTorch loads; recomputed with every change
    layerSelected = Signal(int)  # the row an edit (or its undo) selects, after experimentChanged
    cleanChanged = Signal(bool)  # True when nothing is unsaved: no edits and no runs since the last save
    pathChanged = Signal(object)  # the file (str) or None
    replaced = Signal()  # New, Open, a preset: another experiment, whose results are not the old one's

    def __init__(self, experiment: Experiment, parent: QObject | None = None):
        super().__init__(parent)
        self._experiment = experiment
        self._path: str | None = None
        self._report: ShapeReport | None = None
        self._runs_dirty = False
        self._clean = True
        self.selected_row = -1  # the view's selection, kept here so that undo can put it back
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_state_changed)
        self._update_report()

    # ------------------------------------------------------------------ reading
    @property
    def experiment(self) -> Experiment:
        """The current experiment; never change it in place (make an edited copy and `apply_edit` it)."""
        return self._experiment

    @property
    def report(self) -> ShapeReport | None:
        """The shape report of the current experiment (None while PyTorch is still loading)."""
        return self._report

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def runs_dirty(self) -> bool:
        """Runs were made (or changed) since the last save."""
        return self._runs_dirty

    def display_name(self) -> str:
        """The file's name, or the experiment's (a preset's, translated) while it has no file."""
        return Path(self._path).name if self._path else data_text(self._experiment.name)

    def has_unsaved_changes(self) -> bool:
        return not self.undo_stack.isClean() or self._runs_dirty

    def autosave_snapshot(self) -> tuple[Experiment, str | None] | None:
        """What the recovery file should hold: the edited experiment and its file; None when not edited."""
        return None if self.undo_stack.isClean() else (self._experiment, self._path)

    # ------------------------------------------------------------------ editing
    def apply_edit(self, text: str, experiment: Experiment, merge_key: str | None = None,
                   select: int | None = None) -> None:
        """Push an undoable edit that replaces the whole experiment. Edits with the same `merge_key` in a
        row (typing in a box, dragging a slider) are one undo step; `select` is the layer row to select."""
        if experiment == self._experiment:
            return
        self.undo_stack.push(ExperimentEdit(text, self._experiment, experiment, self._set, merge_key,
                                            select_before=self.selected_row, select_after=select))

    def replace(self, experiment: Experiment, path: str | None = None) -> None:
        """A new document (New, Open, a preset): the history starts afresh and nothing is unsaved."""
        self.undo_stack.clear()
        self._path = path
        self._runs_dirty = False
        self._set(experiment, None)
        self.undo_stack.setClean()
        self._clean_state_changed()
        self.pathChanged.emit(path)
        self.replaced.emit()

    def set_path(self, path: str | None) -> None:
        """The file the document belongs to (after Save As, or a restored autosave), without saving."""
        if path != self._path:
            self._path = path
            self.pathChanged.emit(path)

    def mark_saved(self, path: str) -> None:
        """Written to `path`: edits and runs up to now are saved."""
        self._runs_dirty = False
        self.set_path(path)
        self.undo_stack.setClean()
        self._clean_state_changed()

    def mark_runs_changed(self) -> None:
        """A run was added, removed or renamed: it belongs in the project file, so there is unsaved work."""
        self._runs_dirty = True
        self._clean_state_changed()

    def refresh_report(self) -> None:
        """Re-run shape inference (PyTorch has just finished loading)."""
        self._update_report()

    # ------------------------------------------------------------------ internals
    def _set(self, experiment: Experiment, select: int | None = None) -> None:
        """The one place the experiment is replaced (undo commands call it too)."""
        self._experiment = experiment
        if select is not None:
            self.selected_row = select
        self._update_report()
        self.experimentChanged.emit(experiment)
        if select is not None:
            self.layerSelected.emit(select)

    def _update_report(self) -> None:
        self._report = infer_shapes(self._experiment) if engine_loaded() else None
        self.reportChanged.emit(self._report)

    def _clean_state_changed(self, *_args) -> None:
        # the stack also signals while it is being destroyed with its parent: nothing to tell then
        if not (shiboken6.isValid(self) and shiboken6.isValid(self.undo_stack)):
            return
        clean = not self.has_unsaved_changes()
        if clean != self._clean:
            self._clean = clean
            self.cleanChanged.emit(clean)
