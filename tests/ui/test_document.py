"""The experiment document: undo and redo, merged edits, what counts as unsaved, and the shape report."""

import importlib

import pytest

from playground.core.experiment import LayerSpec
from playground.core.presets import load_preset
from playground.ui.document import ExperimentDocument
from playground.ui.engine_loader import ENGINE_MODULES

for _name in ENGINE_MODULES:  # what the window's EngineLoader imports: from then on shapes are inferred
    importlib.import_module(_name)


@pytest.fixture
def document(qtbot):
    doc = ExperimentDocument(load_preset("seed-mlp"))
    events = []
    doc.experimentChanged.connect(lambda exp: events.append(("experiment", exp)))
    doc.reportChanged.connect(lambda report: events.append(("report", report)))
    doc.layerSelected.connect(lambda row: events.append(("select", row)))
    doc.cleanChanged.connect(lambda clean: events.append(("clean", clean)))
    doc.events = events
    return doc


def with_epochs(doc: ExperimentDocument, epochs: int):
    exp = doc.experiment.copy()
    exp.epochs = epochs
    return exp


def test_an_edit_replaces_the_experiment_and_undo_redo_walk_the_history(document):
    original = document.experiment
    document.apply_edit("Epochs 9", with_epochs(document, 9))
    document.apply_edit("Epochs 12", with_epochs(document, 12))
    assert document.experiment.epochs == 12 and document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.experiment.epochs == 9 and document.undo_stack.undoText() == "Epochs 9"
    document.undo_stack.undo()
    assert document.experiment == original
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert document.experiment.epochs == 12
    assert [exp.epochs for kind, exp in document.events if kind == "experiment"] == [9, 12, 9, 5, 9, 12]


def test_an_edit_that_changes_nothing_is_not_in_the_history(document):
    document.apply_edit("Nothing", document.experiment.copy())
    assert document.undo_stack.count() == 0 and not document.events


def test_edits_with_the_same_merge_key_in_a_row_are_one_undo_step(document):
    for epochs in (6, 7, 8):
        document.apply_edit("Change epochs", with_epochs(document, epochs), merge_key="epochs")
    assert document.undo_stack.count() == 1
    seed = document.experiment.copy()
    seed.seed = 3
    document.apply_edit("Change seed", seed, merge_key="seed")
    document.apply_edit("Change epochs", with_epochs(document, 20), merge_key="epochs")
    assert document.undo_stack.count() == 3  # another key in between: a new step
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.experiment.epochs == 8
    document.undo_stack.undo()
    assert document.experiment.epochs == 5  # the three typed values went back in one step


def test_the_report_is_recomputed_before_views_hear_of_the_change_and_selection_follows_undo(document):
    document.selected_row = 1
    broken = document.experiment.copy()
    del broken.layers[0]  # no Flatten: Linear gets an image
    document.apply_edit("Delete Flatten", broken, select=0)
    kinds = [kind for kind, _ in document.events]
    assert kinds == ["report", "experiment", "select", "clean"]
    report = document.events[0][1]
    assert report is document.report and report.error is not None and report.error.index == 0
    document.events.clear()
    document.undo_stack.undo()
    assert document.report.error is None
    assert ("select", 1) in document.events  # the row that was selected before the edit


def test_unsaved_means_edits_since_the_last_save_or_new_runs(document, tmp_path):
    assert not document.has_unsaved_changes()
    document.apply_edit("Epochs 9", with_epochs(document, 9))
    assert document.has_unsaved_changes() and ("clean", False) in document.events
    document.undo_stack.undo()
    assert not document.has_unsaved_changes() and document.events[-1] == ("clean", True)
    document.mark_runs_changed()  # a run was trained: it belongs in the project file
    assert document.has_unsaved_changes() and document.runs_dirty and document.events[-1] == ("clean", False)
    assert document.autosave_snapshot() is None  # the experiment itself is as saved
    path = str(tmp_path / "mine.json")
    document.mark_saved(path)
    assert not document.has_unsaved_changes() and document.path == path and document.events[-1] == ("clean", True)
    assert document.display_name() == "mine.json"


def test_replace_starts_a_fresh_history_with_nothing_unsaved(document):
    document.apply_edit("Epochs 9", with_epochs(document, 9))
    document.mark_runs_changed()
    spiral = load_preset("spiral")
    document.replace(spiral, "/somewhere/spiral.json")
    assert document.experiment is spiral and document.undo_stack.count() == 0
    assert not document.has_unsaved_changes() and document.path == "/somewhere/spiral.json"
    document.replace(load_preset("simple-cnn"))
    assert document.path is None and document.display_name() == "Simple CNN"
    edited = document.experiment.copy()
    edited.layers.append(LayerSpec("ReLU", {}))
    document.apply_edit("Add ReLU", edited)
    assert document.autosave_snapshot() == (edited, None)
