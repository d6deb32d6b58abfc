"""The bad-input tables of tests/test_bad_inputs.py, given to the window and the canvas: each message
appears where the person is looking — a dialog for a file, the network's issue list and the Train
button's tooltip for a network, the training panel for a run, the canvas for a model or a picture —
and after the whole table the same window still trains.

QMessageBox is recorded instead of shown (the `message_boxes` fixture in conftest.py)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from helpers import all_files, block_network, tiny_experiment
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from test_bad_inputs import (
    CHECKPOINTS,
    EXPERIMENT_FILES,
    IMAGE_ONLY,
    MARKER,
    NETWORKS,
    PICTURES,
    RUNS,
    WARNINGS,
    _png,
    budget_text,
    expected,
    matches,
)

from playground.app import create_window
from playground.core.experiment import ExperimentError
from playground.core.project import load_project
from playground.data import images
from playground.ui.digit_panel import BUNDLED_LABEL

WAIT_MS = 60_000


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    block_network(monkeypatch)
    images.load_split.cache_clear()
    monkeypatch.setenv(images.DATA_ENV, str(tmp_path / "no-data-here"))
    win = create_window(tiny_experiment(epochs=1))
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.document.report is not None, timeout=WAIT_MS)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()
    QApplication.processEvents()


def train_button(window) -> QPushButton:
    return window.findChild(QPushButton, "trainButton")


def still_trains(qtbot, window) -> None:
    """The proof that nothing before broke the window: a fresh tiny run completes."""
    window.document.replace(tiny_experiment(epochs=1))
    assert train_button(window).isEnabled(), train_button(window).toolTip()
    with qtbot.waitSignal(window.run.runFinished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(train_button(window), Qt.MouseButton.LeftButton)
    assert finished.args[0].status == "completed", finished.args[0].message
    assert window.palette.isEnabled() and window.run.state == "idle"


def folder_for(tmp_path: Path, row) -> Path:
    folder = tmp_path / row.id.replace(" ", "-").replace(":", "").replace("=", "")
    folder.mkdir()
    return folder


# ------------------------------------------------------------------ files: a dialog naming field and problem


def test_every_bad_experiment_file_is_a_dialog_and_the_window_keeps_working(qtbot, window, message_boxes,
                                                                             tmp_path):
    before = window.document.experiment
    for row in EXPERIMENT_FILES:
        path = row.make(folder_for(tmp_path, row))
        with pytest.raises(ExperimentError) as refused:
            load_project(path)
        assert matches(str(refused.value), expected(row, path=str(path))), row.id
        message_boxes.clear()
        assert not window.files.open_experiment(str(path)), row.id
        ((kind, title, text),) = message_boxes
        assert (kind, title) == ("warning", "Cannot open experiment"), row.id
        assert f"Problem: {refused.value.problem}" in text, row.id
        assert (f"Field: {refused.value.field}" in text) == bool(refused.value.field), row.id
        assert window.document.experiment is before and not window.isWindowModified(), row.id
    still_trains(qtbot, window)


# ------------------------------------------------------------------ networks: at the layer, and on the Train button


def test_every_invalid_network_is_marked_where_it_happens_and_undo_recovers(qtbot, window, tmp_path):
    for row in NETWORKS:
        exp = row.make(tmp_path)
        message = expected(row, budget=budget_text())
        window.document.apply_edit(f"bad: {row.id}", exp)
        error = window.document.report.error
        assert error is not None and error.message == message, row.id
        assert f"✖ {html.escape(message, quote=False)}" in window.network_view.issues_label.text(), row.id
        assert not train_button(window).isEnabled()
        assert train_button(window).toolTip() == f"Cannot train: {message}", row.id
        if error.index is not None:
            assert window.network_view.row_is_marked_error(error.index), row.id
        window.document.undo_stack.undo()  # one click back to a network that trains
        assert window.document.report.error is None and train_button(window).isEnabled(), row.id
    still_trains(qtbot, window)


def test_warnings_show_under_the_network_and_do_not_block_training(qtbot, window, tmp_path):
    for row in WARNINGS:
        window.document.apply_edit(f"warned: {row.id}", row.make(tmp_path))
        assert window.document.report.error is None
        assert f"⚠ {html.escape(expected(row), quote=False)}" in window.network_view.issues_label.text(), row.id
        assert train_button(window).isEnabled(), row.id
        window.document.undo_stack.undo()


# ------------------------------------------------------------------ runs: the training panel, then Train again


def test_every_run_that_cannot_train_ends_in_the_training_panel(qtbot, window, monkeypatch, tmp_path):
    for row in RUNS:
        folder = folder_for(tmp_path, row)
        exp, data_dir = row.make(folder)
        monkeypatch.setenv(images.DATA_ENV, str(data_dir or folder / "no-data"))
        images.load_split.cache_clear()
        window.document.replace(exp)
        assert train_button(window).isEnabled(), (row.id, train_button(window).toolTip())
        with qtbot.waitSignal(window.run.runFinished, timeout=WAIT_MS) as finished:
            qtbot.mouseClick(train_button(window), Qt.MouseButton.LeftButton)
        end = finished.args[0]
        message = expected(row, folder=str(folder))
        assert end.status == "failed" and matches(end.message, message), (row.id, end.message)
        banner = window.training_panel.message
        assert banner.isVisibleTo(window) and banner.property("kind") == "error", row.id
        assert banner.text() == end.message, row.id
        assert window.statusBar().currentMessage() == end.message, row.id
        assert train_button(window).isEnabled() and window.palette.isEnabled(), row.id
        assert window.models.trained_model is None, row.id  # a failed run hands no model to the canvas
    monkeypatch.setenv(images.DATA_ENV, str(tmp_path / "no-data"))
    still_trains(qtbot, window)


# ------------------------------------------------------------------ models: File → Load model, and the canvas


def test_every_bad_checkpoint_is_refused_by_file_load_model_without_running_code(qtbot, window, message_boxes,
                                                                                monkeypatch, tmp_path):
    for row in CHECKPOINTS:
        folder = folder_for(tmp_path, row)
        path = row.make(folder)
        before = all_files(folder)
        monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, p=path, **k: (str(p), ""))
        message_boxes.clear()
        window.models.load_model_action.trigger()  # File → Load model…
        assert message_boxes == [("warning", "Cannot load model", expected(row, path=str(path), name=path.name))], \
            row.id
        assert window.models.trained_model is None, row.id
        assert all_files(folder) == before and not (folder / MARKER).exists(), row.id  # no code ran
    still_trains(qtbot, window)


def test_every_bad_model_file_is_refused_by_the_canvas_in_its_note(qtbot, panel, monkeypatch, tmp_path):
    note = panel.findChild(QLabel, "modelNoteLabel")
    source = panel.findChild(QLabel, "modelSourceLabel")
    for row in CHECKPOINTS + IMAGE_ONLY:
        folder = folder_for(tmp_path, row)
        path = row.make(folder)
        before = all_files(folder)
        monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, p=path, **k: (str(p), ""))
        panel._note("")
        qtbot.mouseClick(panel.findChild(QPushButton, "loadModelButton"), Qt.MouseButton.LeftButton)
        message = expected(row, path=str(path), name=path.name)
        qtbot.waitUntil(lambda m=message: m in note.text(), timeout=WAIT_MS)
        assert note.text().startswith(f"File: {path.name}: {message}"), row.id
        assert note.isVisible() and BUNDLED_LABEL in source.text(), row.id  # the canvas still reads drawings
        assert all_files(folder) == before and not (folder / MARKER).exists(), row.id


# ------------------------------------------------------------------ pictures: the canvas's answer line


def test_every_bad_picture_is_explained_on_the_canvas(qtbot, panel, tmp_path):
    answer = panel.findChild(QLabel, "predictionLabel")
    for row in PICTURES:
        path = row.make(folder_for(tmp_path, row))
        message = expected(row, path=str(path))
        if row.id == "blank picture":
            message = f"{path.name} is blank: no digit found."  # the canvas names the file it was given
        panel.classify_file(str(path))
        qtbot.waitUntil(lambda m=message: matches(answer.text(), m), timeout=WAIT_MS)
        assert panel.prediction is None and not panel.chart.bars.opts["height"].any(), row.id
    panel.classify_file(str(_png(tmp_path / "one.png", "one")))  # and a digit is still read
    qtbot.waitUntil(lambda: panel.prediction is not None and panel.prediction.label == "1", timeout=WAIT_MS)
