"""The window's own saves (plot exports, the code dialog's Save…) write atomically too, and a folder that
cannot be written to is a message, not a traceback. See tests/test_atomic_saves.py for the engine's."""

from __future__ import annotations

import os

import pytest

from playground.core.presets import load_preset
from playground.ui.code_dialog import CodeDialog
from playground.ui.plots import LossPlot, MetricsPlot


@pytest.fixture
def plots(qtbot):
    loss, metrics = LossPlot(), MetricsPlot()
    for widget in (loss, metrics):
        qtbot.addWidget(widget)
        widget.resize(400, 300)
        widget.show()
    for step in range(1, 21):
        loss.append_batch_loss(step, 1.0 / step)
    metrics.append_epoch(1, 0.8, 0.75, 0.5)
    loss.redraw()
    metrics.redraw()
    return loss, metrics


def _fail_the_rename(monkeypatch):
    def crash(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)


@pytest.mark.parametrize("kind", ["loss csv", "loss png", "metrics csv", "metrics png"])
def test_a_plot_export_that_fails_leaves_the_old_file_whole(plots, kind, tmp_path, monkeypatch):
    loss, metrics = plots
    widget = loss if kind.startswith("loss") else metrics
    export = widget.export_csv if kind.endswith("csv") else widget.export_png
    path = tmp_path / "plot"
    path.write_bytes(b"the previous version")
    export(path)
    assert path.read_bytes() != b"the previous version"
    path.write_bytes(b"the previous version")
    _fail_the_rename(monkeypatch)
    with pytest.raises(OSError):
        export(path)
    assert path.read_bytes() == b"the previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["plot"]


def test_a_plot_export_to_a_folder_that_cannot_be_written_is_explained(plots, tmp_path, monkeypatch,
                                                                       message_boxes):
    loss, _ = plots
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = str(blocker / "loss.csv")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (target, ""))
    loss._export_csv_dialog()  # the right-click menu's Export CSV…
    ((kind, title, text),) = message_boxes
    assert (kind, title) == ("warning", "Export failed") and text.startswith(f"Could not write {target}: ")


def test_the_code_dialog_saves_atomically(qtbot, tmp_path, monkeypatch):
    dialog = CodeDialog(load_preset("seed-mlp"))
    qtbot.addWidget(dialog)
    path = tmp_path / "train.py"
    path.write_text("# the previous version\n")
    _fail_the_rename(monkeypatch)
    assert not dialog.save_to(path)
    assert path.read_text() == "# the previous version\n" and [p.name for p in tmp_path.iterdir()] == ["train.py"]
    monkeypatch.undo()
    assert dialog.save_to(path)
    assert "import torch" in path.read_text()
