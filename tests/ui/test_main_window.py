"""The main window as a learner uses it: build a network by clicking, train it, stop, step, undo."""

import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QToolButton

from playground.app import create_window
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec, OptimizerSpec

DATA_DIR = Path(__import__("os").environ.get("PLAYGROUND_DATA_DIR", "/nonexistent"))


def small_experiment(epochs: int = 2, samples: int = 160, batch_size: int = 16) -> Experiment:
    """Circle data, 2-8-2 MLP: a run of a few dozen batches that takes well under a second."""
    return Experiment(name="tiny", dataset=DatasetSpec("circle", batch_size=batch_size, samples=samples,
                                                       val_split=0.25),
                      layers=[LayerSpec("Linear", {"units": 8, "bias": True}), LayerSpec("Tanh", {}),
                              LayerSpec("Linear", {"units": 2, "bias": True})],
                      optimizer=OptimizerSpec("sgd", lr=0.3), epochs=epochs, device="cpu")


@pytest.fixture
def make_window(qtbot):
    windows = []

    def make(experiment=None):
        window = create_window(experiment)  # closed below, not by qtbot: unsaved edits would prompt
        window.resize(1280, 800)
        window.show()
        qtbot.waitUntil(lambda: window.document.report is not None, timeout=60000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.document.undo_stack.setClean()
        window.close()  # stops and joins a run still going
        window.deleteLater()
    QApplication.processEvents()


def button(window, name) -> QPushButton:
    return window.findChild(QPushButton, name)


def train_to_end(qtbot, window, click="trainButton", timeout=60000):
    with qtbot.waitSignal(window.run.runFinished, timeout=timeout) as blocker:
        qtbot.mouseClick(button(window, click), Qt.MouseButton.LeftButton)
    return blocker.args[0]


def row_texts(window):
    tree = window.network_view.list
    return [[tree.topLevelItem(r).text(c) for c in range(4)] for r in range(tree.topLevelItemCount())]


# ------------------------------------------------------------------ building by clicking


def test_seed_mlp_is_built_by_clicking_the_palette_and_editing_fields(qtbot, make_window):
    window = make_window()
    window.files.new_experiment()
    assert window.document.experiment.layers == []
    assert not button(window, "trainButton").isEnabled()  # an empty network cannot train

    palette = window.palette
    for name in ["Flatten", "Linear", "ReLU", "Linear", "ReLU", "Linear"]:
        qtbot.mouseClick(palette.blocks[name], Qt.MouseButton.LeftButton)
    units = [128, 64, 10]
    for row, value in zip([1, 3, 5], units, strict=True):
        window.network_view.select_row(row)
        spin = window.layer_editor.widgets["units"]
        spin.selectAll()
        qtbot.keyClicks(spin, str(value))
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert [layer.type for layer in window.document.experiment.layers] == ["Flatten", "Linear", "ReLU", "Linear", "ReLU",
                                                                   "Linear"]
    assert [window.document.experiment.layers[i].params["units"] for i in (1, 3, 5)] == units
    rows = row_texts(window)
    assert [r[2] for r in rows] == ["784", "128", "128", "64", "64", "10"]
    assert [r[3] for r in rows] == ["0", "100,480", "0", "8,256", "0", "650"]
    assert "109,386" in window.network_view.total_label.text()
    assert button(window, "trainButton").isEnabled()


def test_every_palette_block_explains_itself_with_a_formula(qtbot, make_window):
    window = make_window()
    linear = window.palette.blocks["Linear"].toolTip()
    assert "W·x + b" in linear and "Fully connected" in linear
    assert all(block.toolTip() for block in window.palette.blocks.values())
    groups = [label.text() for label in window.palette.widget().findChildren(type(window.network_view.total_label))]
    for group in ["Layers", "Activations", "Regularization", "Recurrent"]:
        assert group in groups


def test_layer_editor_widgets_follow_the_catalog_limits(qtbot, make_window):
    window = make_window()
    window.add_layer("Dropout")
    spin = window.layer_editor.widgets["p"]
    assert (spin.minimum(), spin.maximum()) == (0.0, 0.99)
    spin.setValue(5.0)  # clamped by the widget, never an invalid experiment
    assert window.document.experiment.layers[-1].params["p"] == pytest.approx(0.99)
    window.network_view.select_row(1)
    assert type(window.layer_editor.widgets["bias"]).__name__ == "QCheckBox"


def test_dragging_a_palette_block_between_layers_inserts_it_there(qtbot, make_window):
    window = make_window()
    tree = window.network_view.list
    rect = tree.visualItemRect(tree.topLevelItem(2))  # ReLU #3: drop on its upper half
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    from playground.ui.palette import LAYER_MIME

    mime = QMimeData()
    mime.setData(LAYER_MIME, b"Dropout")
    event = QDropEvent(QPointF(rect.center().x(), rect.top() + 2), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(event)
    assert [layer.type for layer in window.document.experiment.layers][:4] == ["Flatten", "Linear", "Dropout", "ReLU"]
    assert window.network_view.selected_row() == 2


def test_move_duplicate_delete_and_undo_redo_restore_the_network(qtbot, make_window):
    window = make_window()
    original = window.document.experiment.copy()
    types = lambda: [layer.type for layer in window.document.experiment.layers]  # noqa: E731
    window.activateWindow()  # shortcuts only reach the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.network_view.select_row(2)  # ReLU
    window.network_view.list.setFocus()
    qtbot.mouseClick(window.findChild(QToolButton, "moveDownButton"), Qt.MouseButton.LeftButton)
    assert types()[2:4] == ["Linear", "ReLU"]
    qtbot.keyClick(window.network_view.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert types() == ["Flatten", "Linear", "Linear", "ReLU", "ReLU", "ReLU", "Linear"]
    qtbot.keyClick(window.network_view.list, Qt.Key.Key_Delete)
    qtbot.keyClick(window.network_view.list, Qt.Key.Key_Delete)
    assert types() == ["Flatten", "Linear", "Linear", "ReLU", "Linear"]
    window.move_up_action.trigger()
    edited = window.document.experiment.copy()
    assert window.document.undo_stack.count() == 5
    assert window.isWindowModified()

    for _ in range(5):
        qtbot.keyClick(window.network_view.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.experiment == original
    assert [r[1] for r in row_texts(window)][:2] == ["Flatten", "Linear (128)"]
    assert not window.isWindowModified()
    for _ in range(5):
        qtbot.keyClick(window.network_view.list, Qt.Key.Key_Z,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.experiment == edited
    assert types() == ["Flatten", "Linear", "Linear", "Linear", "ReLU"]


def test_typing_a_value_is_one_undo_step_and_training_settings_are_undoable(qtbot, make_window):
    window = make_window()
    lr = window.training_panel.lr
    lr.stepBy(1)
    lr.stepBy(1)
    assert window.document.experiment.optimizer.lr == pytest.approx(0.005)  # 1-2-5 ladder: 0.001 → 0.002 → 0.005
    assert window.document.undo_stack.count() == 1  # merged
    lr.stepBy(-3)
    assert window.document.experiment.optimizer.lr == pytest.approx(0.0005)
    lr.lineEdit().setText("3e-4")
    lr.interpretText()
    assert window.document.experiment.optimizer.lr == pytest.approx(3e-4)
    window.training_panel.batch_size.setValue(32)
    assert window.document.experiment.dataset.batch_size == 32
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert window.document.experiment.optimizer.lr == pytest.approx(0.001)
    assert window.training_panel.lr.value() == pytest.approx(0.001)
    assert window.training_panel.batch_size.value() == 64


def test_optimizer_settings_appear_only_where_the_optimizer_uses_them(qtbot, make_window):
    window = make_window()
    panel = window.training_panel
    combo = panel.optimizer
    combo.setCurrentIndex(combo.findData("sgd"))
    assert window.document.experiment.optimizer.name == "sgd"
    assert panel.momentum.isVisibleTo(panel) and not panel.beta1.isVisibleTo(panel)
    assert not panel.nesterov.isEnabled()  # Nesterov needs momentum
    panel.momentum.setValue(0.9)
    assert panel.nesterov.isEnabled()
    combo.setCurrentIndex(combo.findData("adam"))
    assert panel.beta1.isVisibleTo(panel) and not panel.momentum.isVisibleTo(panel)
    assert window.findChild(type(combo), "datasetCombo").findData("csv") == -1


def test_invalid_network_disables_train_and_says_why_at_the_layer(qtbot, make_window):
    window = make_window()
    window.network_view.select_row(0)
    window.delete_action.trigger()  # remove Flatten: Linear gets an image
    train = button(window, "trainButton")
    assert not train.isEnabled()
    assert "Linear #1" in train.toolTip() and "Flatten" in train.toolTip()
    assert window.network_view.row_is_marked_error(0)
    assert "Flatten" in window.network_view.issues_label.text()
    assert [r[2] for r in row_texts(window)][1:] == ["—"] * 4
    window.undo_action.trigger()
    assert train.isEnabled()


def test_warnings_are_shown_but_do_not_block_training(qtbot, make_window):
    window = make_window()
    window.add_layer("Softmax")
    assert "softmax" in window.network_view.issues_label.text().lower()
    assert button(window, "trainButton").isEnabled()


# ------------------------------------------------------------------ training


def test_training_plots_one_point_per_batch_and_completes_the_progress_bar(qtbot, make_window):
    window = make_window(small_experiment(epochs=2, samples=160, batch_size=16))  # 120 train → 8 batches/epoch
    models = []
    window.models.trainedModelChanged.connect(models.append)
    end = train_to_end(qtbot, window)
    assert end.status == "completed"
    assert window.loss_plot_panel.batch_count == 16
    x, y = window.loss_plot_panel.raw_data()
    assert list(x) == list(range(1, 17)) and np.all(np.isfinite(y))
    progress = window.training_panel.progress
    assert progress.value() == progress.maximum() == 16
    assert window.plots.metrics.epochs.count == 3  # before training + 2 epochs
    assert window.plots.metrics.initial_line.isVisible()
    assert models and window.models.trained_model is models[-1]
    assert window.models.trained_model.class_names == ["orange", "blue"]
    assert "completed" in window.training_panel.message.text().lower()
    assert window.models.save_model_action.isEnabled()
    assert button(window, "trainButton").isEnabled() and window.palette.isEnabled()


def test_editing_is_locked_while_training(qtbot, make_window):
    window = make_window(small_experiment(epochs=200))
    qtbot.mouseClick(button(window, "trainButton"), Qt.MouseButton.LeftButton)
    assert not window.palette.isEnabled()
    assert window.network_view.lock_label.isVisibleTo(window)
    assert not window.training_panel.settings.isEnabled()
    assert not window.undo_action.isEnabled()
    with qtbot.waitSignal(window.run.runFinished, timeout=30000):
        qtbot.mouseClick(button(window, "stopButton"), Qt.MouseButton.LeftButton)
    assert window.palette.isEnabled() and not window.network_view.lock_label.isVisibleTo(window)


def test_stop_ends_the_run_within_one_batch(qtbot, make_window):
    window = make_window(small_experiment(epochs=50))
    reached, go = threading.Event(), threading.Event()

    class HoldAtBatchThree:
        def on_batch(self, trainer, event):
            if event.global_step == 3:
                reached.set()
                go.wait(10)

    window.run.register_probe("test.hold", lambda exp: HoldAtBatchThree(), lambda payload: None)
    qtbot.mouseClick(button(window, "trainButton"), Qt.MouseButton.LeftButton)
    assert reached.wait(30)
    qtbot.mouseClick(button(window, "stopButton"), Qt.MouseButton.LeftButton)  # while batch 3 is under way
    go.set()
    with qtbot.waitSignal(window.run.runFinished, timeout=30000) as blocker:
        pass
    assert blocker.args[0].status == "stopped"
    assert window.loss_plot_panel.batch_count == 3
    assert "Stopped after 3 batches" in window.training_panel.message.text()


def test_step_runs_exactly_one_batch_then_waits(qtbot, make_window):
    window = make_window(small_experiment(epochs=5))
    step, pause = button(window, "stepButton"), button(window, "pauseButton")
    qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.loss_plot_panel.batch_count == 1, timeout=30000)
    qtbot.wait(300)
    assert window.loss_plot_panel.batch_count == 1
    assert window.run.state == "paused" and pause.text() == "Resume" and step.isEnabled()
    qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.loss_plot_panel.batch_count == 2, timeout=30000)
    qtbot.wait(300)
    assert window.loss_plot_panel.batch_count == 2
    qtbot.waitUntil(lambda: window.training_panel.progress.value() == 2, timeout=2000)
    with qtbot.waitSignal(window.run.runFinished, timeout=30000):
        qtbot.mouseClick(button(window, "stopButton"), Qt.MouseButton.LeftButton)


def test_pause_and_resume(qtbot, make_window):
    window = make_window(small_experiment(epochs=300))
    qtbot.mouseClick(button(window, "trainButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.loss_plot_panel.batch_count > 0, timeout=30000)
    qtbot.mouseClick(button(window, "pauseButton"), Qt.MouseButton.LeftButton)
    qtbot.wait(200)  # batches already queued arrive; then nothing more
    count = window.loss_plot_panel.batch_count
    qtbot.wait(300)
    assert window.loss_plot_panel.batch_count == count
    assert button(window, "pauseButton").text() == "Resume"
    qtbot.mouseClick(button(window, "pauseButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.loss_plot_panel.batch_count > count, timeout=30000)
    with qtbot.waitSignal(window.run.runFinished, timeout=30000):
        qtbot.mouseClick(button(window, "stopButton"), Qt.MouseButton.LeftButton)


def test_a_failing_run_shows_the_engines_message_and_the_app_stays_usable(qtbot, make_window, tmp_path,
                                                                          monkeypatch):
    from playground.data import sample

    def broken(name, train):  # an installation that lost its built-in sample: nothing to fall back on
        raise sample.SampleError("the built-in sample of MNIST cannot be read")

    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path))  # no MNIST here, and no download offline
    monkeypatch.setattr(sample, "load_sample_split", broken)
    exp = small_experiment()
    exp.dataset = DatasetSpec("mnist", batch_size=64, limit=100)
    exp.layers = [LayerSpec("Flatten", {}), LayerSpec("Linear", {"units": 10, "bias": True})]
    window = make_window(exp)
    end = train_to_end(qtbot, window)
    assert end.status == "failed"
    message = window.training_panel.message
    assert message.isVisibleTo(window) and message.property("kind") == "error"
    assert "MNIST" in message.text() and message.text() == end.message
    assert end.message in window.statusBar().currentMessage()
    assert button(window, "trainButton").isEnabled() and window.palette.isEnabled()


def test_nan_loss_is_reported(qtbot, make_window):
    exp = small_experiment(epochs=3)
    exp.loss = "mse"
    exp.optimizer = OptimizerSpec("sgd", lr=10.0)
    exp.layers = [LayerSpec("Linear", {"units": 256, "bias": True}), LayerSpec("Linear", {"units": 2, "bias": True})]
    window = make_window(exp)
    end = train_to_end(qtbot, window)
    assert end.status == "failed"
    assert "learning rate" in window.training_panel.message.text()


def test_gui_stays_responsive_during_training(qtbot, make_window):
    """A 10 ms timer measures event-loop delays; the bound only catches blocking (see benchmarks)."""
    window = make_window(small_experiment(epochs=40, samples=400, batch_size=8))
    delays, clock = [], QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick():
        now = clock.nsecsElapsed()
        delays.append((now - last[0]) / 1e6 - 10)
        last[0] = now

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.timeout.connect(tick)
    probe.start(10)
    end = train_to_end(qtbot, window, timeout=120000)
    probe.stop()
    assert end.status == "completed" and window.loss_plot_panel.batch_count == 40 * 38
    assert len(delays) > 10
    # no single stall: tensor work on the GUI thread would freeze it for whole epochs (seconds). The
    # p50/p99 figures and their targets live in benchmarks/, where the machine's load is accounted for
    assert max(delays) < 1000, f"the event loop stalled for {max(delays):.0f} ms"


def test_closing_during_training_stops_and_joins_the_thread(qtbot, make_window):
    window = make_window(small_experiment(epochs=500))
    qtbot.mouseClick(button(window, "trainButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.loss_plot_panel.batch_count > 0, timeout=30000)
    thread: QThread = window.run.session.thread
    assert thread.isRunning()
    started = time.perf_counter()
    window.close()
    assert not thread.isRunning()
    assert time.perf_counter() - started < 10
    assert window.run.session is None


# ------------------------------------------------------------------ files, models, API


def test_save_open_and_recent_files(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    window.add_layer("Dropout")
    path = tmp_path / "mine.json"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), ""))
    assert window.files.save_experiment()
    assert not window.isWindowModified()
    assert Experiment.load(path).layers[-1].type == "Dropout"
    window.files.load_preset("simple-cnn")
    assert window.document.experiment.layers[0].type == "Conv2d"
    assert window.files.open_experiment(str(path))
    assert window.document.experiment.layers[-1].type == "Dropout"
    assert window.files.recent_files()[0] == str(path.resolve())
    assert [a.text() for a in window.files.recent_menu.actions()][0] == "mine.json"


def test_open_error_names_the_field_and_problem(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    bad = tmp_path / "bad.json"
    bad.write_text('{"dataset": "mnist", "layers": [{"type": "Linear", "units": -3}]}')
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not window.files.open_experiment(str(bad))
    assert "layers[0].units" in shown[0] and "at least 1" in shown[0]
    assert window.document.experiment.name == "Seed MLP"


def test_unsaved_changes_prompt_can_cancel(qtbot, make_window, monkeypatch):
    window = make_window()
    window.add_layer("ReLU")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    window.files.load_preset("spiral")
    assert window.document.experiment.layers[-1].type == "ReLU"  # cancelled: nothing replaced
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    window.files.load_preset("spiral")
    assert window.document.experiment.name == "Spiral" or window.document.experiment.dataset.name == "spiral"
    assert window.document.undo_stack.count() == 0


def test_trained_model_saves_and_loads_and_bad_files_are_explained(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(small_experiment(epochs=1))
    train_to_end(qtbot, window)
    path = tmp_path / "model.pt"
    assert window.models.save_trained_model(str(path))
    loaded = []
    window.models.trainedModelChanged.connect(loaded.append)
    assert window.models.load_model(str(path))
    assert loaded[0].experiment.name == "tiny" and loaded[0].class_names == ["orange", "blue"]
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"not a checkpoint")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not window.models.load_model(str(junk))
    from playground.core.checkpoint import CheckpointError, load_checkpoint

    with pytest.raises(CheckpointError) as refused:
        load_checkpoint(junk)
    assert shown == [str(refused.value)] and "junk.pt" in shown[0]


def test_add_view_and_probes_reach_their_handlers(qtbot, make_window):
    window = make_window(small_experiment(epochs=1))
    from PySide6.QtWidgets import QLabel

    label = QLabel("mine")
    window.add_view(label, "Mine")
    tabs = window.view_tabs
    assert tabs.tabText(0) == "Training" and tabs.tabText(tabs.count() - 1) == "Mine"

    class EpochCounter:
        def on_epoch(self, trainer, event):
            return {"epoch": event.epoch, "layers": len(trainer.experiment.layers)}

    payloads, experiments = [], []
    window.run.register_probe("test.epochs", lambda exp: experiments.append(exp) or EpochCounter(), payloads.append)
    window.run.register_probe("test.none", lambda exp: None, payloads.append)
    started = []
    window.run.runStarted.connect(lambda: started.append(True))
    train_to_end(qtbot, window)
    assert started and payloads == [{"epoch": 1, "layers": 3}]
    assert experiments[0] == window.document.experiment and experiments[0] is not window.document.experiment


def test_a_run_copies_the_experiment_once_whatever_the_views(qtbot, make_window, monkeypatch):
    window = make_window(small_experiment(epochs=1))
    copies = []
    original_copy = Experiment.copy
    monkeypatch.setattr(Experiment, "copy", lambda self: copies.append(1) or original_copy(self))
    end = train_to_end(qtbot, window)
    assert end.status == "completed" and window.insight_views.runs.runs()  # the Runs tab recorded it
    assert len(copies) == 1  # the trainer's: probes, the trained model and the run record share it


def test_experiment_changed_carries_every_edit(qtbot, make_window):
    window = make_window()
    seen = []
    window.document.experimentChanged.connect(seen.append)
    edited = window.document.experiment.copy()
    edited.epochs = 9
    window.document.apply_edit("Change epochs", edited)
    assert seen[-1].epochs == 9 and window.training_panel.epochs.value() == 9
    window.document.undo_stack.undo()
    assert seen[-1].epochs == 5 and window.training_panel.epochs.value() == 5


def test_plots_export_png_and_csv(qtbot, make_window, tmp_path):
    window = make_window(small_experiment(epochs=1))
    train_to_end(qtbot, window)
    window.loss_plot_panel.export_csv(tmp_path / "loss.csv")
    lines = (tmp_path / "loss.csv").read_text().splitlines()
    assert lines[0] == "batch,loss,smoothed_loss" and len(lines) == 1 + window.loss_plot_panel.batch_count
    window.loss_plot_panel.export_png(tmp_path / "loss.png")
    assert (tmp_path / "loss.png").read_bytes()[:4] == b"\x89PNG"
    window.metrics_plot_panel.export_csv(tmp_path / "metrics.csv")
    assert "val_accuracy_percent" in (tmp_path / "metrics.csv").read_text()
    menu = window.loss_plot_panel.plot_widget.getPlotItem().getViewBox().menu
    assert {"Export PNG…", "Export CSV…"} <= {a.text() for a in menu.actions()}


def test_window_geometry_and_splitters_are_remembered(qtbot, make_window):
    window = make_window()
    window.resize(1500, 900)
    window.network_splitter.setSizes([500, 100])
    sizes = window.network_splitter.sizes()
    window.close()
    again = create_window()  # not through make_window, which sets a size
    try:
        again.show()
        # the offscreen screen clamps restored geometry, so compare what was stored, not pixels
        from playground.ui.main_window import settings

        assert settings().value("window/geometry") == window.saveGeometry()
        top, bottom = again.network_splitter.sizes()  # same proportions (the height may be clamped)
        assert top / bottom == pytest.approx(sizes[0] / sizes[1], rel=0.1)
    finally:
        again.close()


@pytest.mark.data
@pytest.mark.skipif(not (DATA_DIR / "MNIST" / "raw").is_dir(),
                    reason="MNIST files not found: set PLAYGROUND_DATA_DIR to a folder with MNIST/raw")
def test_seed_mlp_trains_on_a_slice_of_mnist(qtbot, make_window, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(DATA_DIR))
    from playground.core.presets import load_preset

    exp = load_preset("seed-mlp")
    exp.dataset.limit, exp.epochs, exp.device = 1000, 1, "cpu"
    window = make_window(exp)
    end = train_to_end(qtbot, window)
    assert end.status == "completed" and end.test_accuracy > 0.6
    assert window.loss_plot_panel.batch_count == 15  # 900 training images / 64


def test_window_appears_with_no_point_drawn_off_screen(qtbot, make_window):
    window = make_window()
    QApplication.processEvents()
    for widget in (window.palette, window.network_view, window.training_panel, window.view_tabs):
        top_left = widget.mapTo(window, QPoint(0, 0))
        assert top_left.x() >= 0 and top_left.x() + widget.width() <= window.width() + 1
