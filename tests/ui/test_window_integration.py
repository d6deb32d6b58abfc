"""The panels working together in one window: Draw, 2-D playground, insight tabs, code, export, projects."""

import json

import numpy as np
import pytest
from helpers import tiny_points
from PySide6.QtWidgets import QApplication, QTabWidget

from playground.app import create_window


@pytest.fixture
def window(qtbot):
    win = create_window(tiny_points())
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.document.report is not None, timeout=60000)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()
    QApplication.processEvents()


def tab_titles(win) -> list[str]:
    tabs = win.findChild(QTabWidget, "viewTabs")
    return [tabs.tabText(i) for i in range(tabs.count())]


def image_checkpoint(tmp_path, name="digits.pt"):
    """An untrained seed-mlp saved as a checkpoint: an image model without needing MNIST."""
    from playground.core.build import build_model
    from playground.core.checkpoint import save_checkpoint
    from playground.core.presets import load_preset

    exp = load_preset("seed-mlp")
    path = tmp_path / name
    save_checkpoint(path, build_model(exp), exp, input_shape=(1, 28, 28), class_names=[str(i) for i in range(10)],
                    normalization=(0.1307, 0.3081), metrics={})
    return path


def train(qtbot, win):
    with qtbot.waitSignal(win.run.runFinished, timeout=60000) as blocker:
        assert win.start_training()
    return blocker.args[0]


def test_every_view_is_a_tab_of_the_main_window(window):
    assert tab_titles(window) == ["Training", "Draw", "2-D", "Evaluation", "Layers", "One step", "Runs"]
    assert window.findChild(object, "drawCanvas") is not None
    assert window.findChild(object, "predictionChart") is not None


def test_the_draw_tab_reads_with_the_bundled_model_at_first_launch(qtbot, window):
    digit = window.digit_panel
    qtbot.waitUntil(lambda: digit.model is not None, timeout=60000)
    assert digit.model_source == "Bundled model"


def test_a_loaded_image_model_reaches_the_canvas_and_the_layer_view(qtbot, window, tmp_path):
    digit, layers = window.digit_panel, window.insight_views.layers
    qtbot.waitUntil(lambda: digit.model is not None, timeout=60000)
    assert window.models.load_model(str(image_checkpoint(tmp_path)))
    qtbot.waitUntil(lambda: digit.model_source == "File: digits.pt", timeout=30000)
    pixels = np.zeros((28, 28), dtype=np.float32)
    pixels[5:23, 13:15] = 1.0  # a "1"
    digit.show_pixels(pixels)
    # the canvas publishes the network's input; the layer view draws every layer's response to it
    qtbot.waitUntil(lambda: layers.activations.activations is not None
                    and len(layers.activations.activations) == 6, timeout=30000)
    assert layers.activations.activations[-1][1].shape == (10,)


def test_a_model_trained_on_points_leaves_the_canvas_on_its_image_model(qtbot, window):
    digit = window.digit_panel
    qtbot.waitUntil(lambda: digit.model is not None, timeout=60000)
    end = train(qtbot, window)
    assert end.status == "completed"
    qtbot.waitUntil(lambda: digit.note_label.isVisibleTo(digit), timeout=30000)
    assert digit.model_source == "Bundled model"
    assert "Bundled model" in digit.note_label.text()


def test_a_misclassified_example_clicked_in_evaluation_goes_to_the_canvas(qtbot, window):
    pixels = np.zeros((28, 28), dtype=np.float32)
    pixels[8:20, 8:20] = 1.0
    window.insight_views.evaluation.imageChosen.emit(pixels)
    assert window.current_view() is window.digit_panel
    assert not window.digit_panel.canvas.is_empty()


def test_runs_are_unsaved_work_saved_with_the_project_and_opened_again(qtbot, window, tmp_path):
    runs = window.insight_views.runs
    assert not window.isWindowModified()
    train(qtbot, window)
    qtbot.waitUntil(lambda: len(runs.runs()) == 1, timeout=10000)
    assert window.isWindowModified() and window.document.has_unsaved_changes()
    path = tmp_path / "project.json"
    assert window.files.write(str(path))
    assert not window.isWindowModified()
    saved = json.loads(path.read_text())
    assert len(saved["runs"]) == 1 and saved["runs"][0]["history"]

    runs.set_runs([])
    assert window.files.open_experiment(str(path), ask=False)
    assert len(runs.runs()) == 1 and not window.isWindowModified()
    assert "with 1 run" in window.statusBar().currentMessage()


def test_a_project_file_with_runs_is_accepted_by_the_command_line(qtbot, window, tmp_path, capsys):
    from playground.cli import main

    train(qtbot, window)
    qtbot.waitUntil(lambda: len(window.insight_views.runs.runs()) == 1, timeout=10000)
    path = tmp_path / "project.json"
    assert window.files.write(str(path))
    assert main(["validate", "--experiment", str(path)]) == 0
    assert main(["export-code", "--experiment", str(path)]) == 0
    assert "class Net(nn.Module)" in capsys.readouterr().out


def test_show_pytorch_code_opens_the_script_of_the_current_experiment(qtbot, window):
    window.show_code_action.trigger()
    dialog = window._code_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "nn.Linear" in dialog.code and "nn.Tanh()" in dialog.code
    dialog.close()


def test_export_torchscript_runs_off_the_gui_thread_and_loads_back(qtbot, window, tmp_path):
    import torch

    assert not window.models.export_torchscript_action.isEnabled()  # nothing trained yet
    train(qtbot, window)
    assert window.models.export_torchscript_action.isEnabled()
    path = tmp_path / "model.pt"
    with qtbot.waitSignal(window.models.modelExported, timeout=60000) as blocker:
        window.models.export_trained_model_to("torchscript", str(path))
    assert blocker.args == [str(path), ""]
    scripted = torch.jit.load(str(path))
    assert scripted(torch.zeros(3, 2)).shape == (3, 2)


def test_export_to_a_folder_that_cannot_be_written_says_why(qtbot, window, tmp_path, message_boxes):
    train(qtbot, window)
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    target = tmp_path / "notes.txt" / "model.pt"
    with qtbot.waitSignal(window.models.modelExported, timeout=60000) as blocker:
        window.models.export_trained_model_to("torchscript", str(target))
    assert blocker.args[1]
    assert message_boxes and message_boxes[-1][0] == "warning"
    assert not target.exists()
