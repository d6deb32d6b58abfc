"""The 2-D playground panel: edits go through the undo stack, and real training paints the plane."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QDialogButtonBox,
    QPushButton,
    QSlider,
    QTabWidget,
    QToolButton,
    QWidget,
)

from playground.core.experiment import Experiment  # noqa: E402
from playground.core.presets import load_preset  # noqa: E402
from playground.data.csv_import import write_csv  # noqa: E402
from playground.training.probes.boundary import GRID, BoundaryProbe  # noqa: E402
from playground.ui.document import ExperimentDocument  # noqa: E402
from playground.ui.playground2d import install_playground2d  # noqa: E402
from playground.ui.playground2d.csv_dialog import CsvImportDialog  # noqa: E402
from playground.ui.playground2d.panel import PROBE_NAME  # noqa: E402
from playground.ui.run_controller import TrainingRun  # noqa: E402
from playground.ui.worker import TrainingSession  # noqa: E402


class Host:
    """What the window gives the panel: a document, a training run, and a place for tabs."""

    def __init__(self, experiment: Experiment):
        self.document = ExperimentDocument(experiment)
        self.run = TrainingRun()
        self.views = []
        self.panel = install_playground2d(self.document, self.run, lambda widget, title, *_long: self.views.append(
            (widget, title)))

    @property
    def experiment(self) -> Experiment:
        return self.document.experiment

    @property
    def undo_stack(self):
        return self.document.undo_stack

    def apply_edit(self, text, new_experiment, merge_key=None, select=None):
        self.document.apply_edit(text, new_experiment, merge_key, select)

    @property
    def probes(self):
        return self.run.probes


def short_spiral(epochs=4) -> Experiment:
    exp = load_preset("spiral")
    exp.epochs, exp.device = epochs, "cpu"
    return exp


@pytest.fixture
def host_panel(qtbot):
    host = Host(short_spiral())
    panel = host.panel
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    return host, panel


def hidden_units(exp: Experiment) -> list[int]:
    return [layer.params["units"] for layer in exp.layers[:-1] if layer.type == "Linear"]


def test_install_adds_a_tab_and_a_probe(host_panel):
    host, panel = host_panel
    assert host.views == [(panel, "2-D")]  # a short tab title; the View menu says "2-D playground"
    factory, handler = host.probes[PROBE_NAME]
    assert isinstance(factory(host.experiment), BoundaryProbe)
    assert factory(load_preset("simple-cnn")) is None  # images: no plane, no work on the training thread


def test_toggling_a_feature_is_an_undoable_edit(host_panel, qtbot):
    host, panel = host_panel
    button = panel.findChild(QToolButton, "feature:x1*x2")
    assert button.isChecked()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "x1*x2" not in host.experiment.dataset.features and not button.isChecked()
    assert panel.diagram.input_labels == ["x₁", "x₂", "x₁²", "x₂²", "sin x₁", "sin x₂"]
    host.undo_stack.undo()
    assert "x1*x2" in host.experiment.dataset.features and button.isChecked()


def test_the_last_feature_cannot_be_switched_off(host_panel, qtbot):
    host, panel = host_panel
    exp = host.experiment.copy()
    exp.dataset.features = ["x1"]
    host.apply_edit("one feature", exp)
    assert not panel.findChild(QToolButton, "feature:x1").isEnabled()


def test_plus_and_minus_buttons_change_layers_and_neurons_with_undo(host_panel, qtbot):
    host, panel = host_panel
    original = host.experiment.copy()
    qtbot.mouseClick(panel.findChild(QToolButton, "addLayerButton"), Qt.MouseButton.LeftButton)
    assert hidden_units(host.experiment) == [8, 8, 4]
    assert [layer.type for layer in host.experiment.layers][-3:] == ["Linear", "Tanh", "Linear"]
    qtbot.mouseClick(panel.findChild(QToolButton, "layer0AddNeuron"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.findChild(QToolButton, "layer2RemoveNeuron"), Qt.MouseButton.LeftButton)
    assert hidden_units(host.experiment) == [9, 8, 3]
    assert panel.diagram.hidden_sizes == [9, 8, 3]
    qtbot.mouseClick(panel.findChild(QToolButton, "removeLayerButton"), Qt.MouseButton.LeftButton)
    assert hidden_units(host.experiment) == [9, 8]
    panel.findChild(type(panel.data.lr_combo), "layer1Activation").setCurrentText("ReLU")
    panel.findChild(type(panel.data.lr_combo), "layer1Activation").activated.emit(0)
    assert host.experiment.layers[3].type == "ReLU"
    assert host.undo_stack.count() == 5
    while host.undo_stack.canUndo():
        host.undo_stack.undo()
    assert host.experiment == original
    assert hidden_units(host.experiment) == [8, 8] and panel.diagram.hidden_sizes == [8, 8]


def test_data_controls_edit_the_dataset(host_panel):
    host, panel = host_panel
    panel.findChild(QSlider, "noiseSlider").setValue(20)
    panel.findChild(QSlider, "noiseSlider").setValue(25)
    assert host.experiment.dataset.noise == pytest.approx(0.25)
    panel.findChild(QSlider, "trainRatioSlider").setValue(70)
    assert host.experiment.dataset.val_split == pytest.approx(0.3)
    assert host.undo_stack.count() == 2  # dragging the noise slider is one step
    seed = host.experiment.seed
    panel.findChild(QPushButton, "regenerateButton").click()
    assert host.experiment.seed == seed + 1
    panel.data.reg_combo.setCurrentText("L2")
    panel.data.reg_rate_combo.setCurrentIndex(panel.data.reg_rate_combo.findData(0.01))
    panel.data.reg_combo.activated.emit(0)
    assert (host.experiment.l1, host.experiment.l2) == (0.0, 0.01)
    panel.data.reg_combo.setCurrentText("L1")
    panel.data.reg_combo.activated.emit(0)
    assert (host.experiment.l1, host.experiment.l2) == (0.01, 0.0)


def test_choosing_a_regression_set_fits_the_output_and_the_loss(host_panel):
    host, panel = host_panel
    panel.data.dataset_combo.setCurrentIndex(panel.data.dataset_combo.findData("sine"))
    panel.data.dataset_combo.activated.emit(panel.data.dataset_combo.currentIndex())
    exp = host.experiment
    assert exp.dataset.name == "sine" and exp.layers[-1].params["units"] == 1 and exp.loss == "mse"
    assert not panel.findChild(QToolButton, "feature:x2").isEnabled()  # 1-D data has no x2
    # the new data is shown at once, before any run: x against the target value
    spots = panel.output.boundary.train_scatter.data
    assert len(spots) == 250 and np.allclose(np.sin(spots["x"]), spots["y"], atol=0.01)


def test_a_short_run_paints_the_boundary_view_and_the_diagram(host_panel, qtbot):
    host, panel = host_panel
    panel.show()
    exp = host.experiment.copy()
    session = TrainingSession(exp, probes={PROBE_NAME: BoundaryProbe.for_experiment(exp)})
    images = []
    draw = panel._draw_frame

    def drawn(frame):  # what reaches the screen: the newest frame at the pace the view affords
        draw(frame)
        images.append(np.array(panel.output.boundary.image, copy=True))

    panel._draw_frame = drawn
    session.probe.connect(lambda name, payload: panel.handle_frame(payload))
    with qtbot.waitSignal(session.finished, timeout=60000) as finished:
        session.start()
    assert finished.args[0].status == "completed"
    qtbot.waitUntil(lambda: not panel.live.pending, timeout=5000)  # the final frame drawn
    assert images[0].shape == (GRID, GRID, 3)
    assert np.abs(images[0].astype(int) - images[-1].astype(int)).mean() > 5  # the boundary moved
    assert 2 <= panel.output.boundary.frames_shown == len(images) <= panel.frames_received


def test_frames_that_come_faster_than_the_view_draws_are_skipped_for_the_newest(host_panel, qtbot):
    host, panel = host_panel
    panel.show()
    exp = host.experiment.copy()
    session = TrainingSession(exp, probes={PROBE_NAME: BoundaryProbe.for_experiment(exp)})
    frames = []
    session.probe.connect(lambda name, payload: frames.append(payload))
    with qtbot.waitSignal(session.finished, timeout=60000):
        session.start()
    session.wait()
    drawn = []
    draw = panel._draw_frame
    panel._draw_frame = lambda frame: (drawn.append(frame), draw(frame))
    for frame in frames:  # a backlog delivered at once, as after a busy moment of the GUI thread
        panel.handle_frame(frame)
    assert len(frames) >= 4 and drawn == [frames[0]]  # the first at once; the others wait for the pace
    qtbot.waitUntil(lambda: not panel.live.pending, timeout=5000)
    assert drawn == [frames[0], frames[-1]]  # then only the newest: the final picture
    assert len(panel.output.loss_history) == len({f["step"] for f in frames if f["step"] >= 0})


def test_a_hidden_tab_draws_only_the_newest_frame_when_shown(host_panel, qtbot):
    host, panel = host_panel
    tabs = QTabWidget()  # the panel on a tab in the back of a shown window, as in the app
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "front")
    tabs.addTab(panel, "2-D playground")
    tabs.show()
    exp = host.experiment.copy()
    probe = panel.make_probe(exp)
    assert probe.live is not None and not probe.live.is_set()  # no live frames computed for a hidden tab
    session = TrainingSession(exp, probes={PROBE_NAME: probe})
    session.probe.connect(lambda name, payload: panel.handle_frame(payload))
    with qtbot.waitSignal(session.finished, timeout=60000):
        session.start()
    session.wait()
    qtbot.waitUntil(lambda: panel.frames_received >= 2, timeout=5000)
    assert panel.frames_received == 2  # the first (data) and the last frame only
    assert panel.output.boundary.frames_shown == 0 and panel.live.redraws == 0  # nothing drawn while hidden
    tabs.setCurrentWidget(panel)
    assert probe.live.is_set()
    assert panel.output.boundary.frames_shown == 1 and panel.live.redraws == 1  # the newest, once, when shown
    assert panel.output.boundary.image.shape == (GRID, GRID, 3)
    assert panel.output.test_loss_label.text().startswith("Test loss 0.")
    assert len(panel.output.loss_history) == 1 + exp.epochs  # the start, and every epoch from the trainer
    # the diagram: a line for every weight, coloured by the real weight, shown on hover
    diagram = panel.diagram
    assert len(diagram.lines) == 7 * 8 + 8 * 8 + 8 * 2
    line = diagram.lines[5]
    middle = QPointF((line.start.x() + line.end.x()) / 2, (line.start.y() + line.end.y()) / 2)
    text = diagram.tooltip_at(middle)
    weight = session.result.model[0].weight[line.target, line.source].item()  # the trained model
    assert text.startswith(f"Weight {weight:+.3f}")
    assert f"from input {diagram.input_labels[line.source]}\nto neuron {line.target + 1} of hidden layer 1" in text
    assert all(p is not None for p in diagram.pictures[1])  # every hidden neuron has its picture
    panel.setParent(None)  # the fixture closes the panel itself


def test_discretize_makes_the_heatmap_two_coloured(host_panel, qtbot):
    host, panel = host_panel
    exp = host.experiment.copy()
    exp.epochs = 1
    session = TrainingSession(exp, probes={PROBE_NAME: BoundaryProbe.for_experiment(exp)})
    session.probe.connect(lambda name, payload: panel.handle_frame(payload))
    with qtbot.waitSignal(session.finished, timeout=60000):
        session.start()
    qtbot.waitUntil(lambda: panel.frames_received >= 2, timeout=5000)
    assert len(np.unique(panel.output.boundary.image.reshape(-1, 3), axis=0)) > 2
    panel.findChild(type(panel.data.discretize_check), "discretizeCheck").setChecked(True)
    assert len(np.unique(panel.output.boundary.image.reshape(-1, 3), axis=0)) <= 2
    session.wait()


def test_other_networks_get_a_note_instead_of_a_diagram(qtbot):
    host = Host(load_preset("simple-cnn"))
    panel = host.panel
    qtbot.addWidget(panel)
    assert panel.diagram.note and not panel.layers.add_layer_button.isEnabled()
    exp = short_spiral()
    exp.layers.insert(2, exp.layers[1].__class__("Dropout", {"p": 0.2}))
    host.apply_edit("dropout", exp)
    assert "not a plain stack" in panel.diagram.note and not panel.layers.add_layer_button.isEnabled()


def test_csv_dialog_shows_bad_rows_and_the_panel_trains_on_the_file(qtbot, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,kind\n1,2,x\n3,4,y\n5,oops,z\n")
    dialog = CsvImportDialog(None, str(bad))
    qtbot.addWidget(dialog)
    assert dialog.target_combo.currentText() == "kind"
    assert dialog.chosen_features() == ["a"]  # b is not all numbers, so it cannot be checked
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 1  # 'oops' is in a column that is not used
    dialog.setResult(0)
    points = np.random.default_rng(0).normal(size=(90, 2)).astype(np.float32)
    labels = np.repeat(["cat", "dog", "emu"], 30)
    good = tmp_path / "good.csv"
    write_csv(good, ["a", "b", "kind"], [(*p, k) for p, k in zip(points + (labels == "dog")[:, None] * 3, labels,
                                                                      strict=True)])
    lines = good.read_text().splitlines()
    lines[3] = lines[3].split(",")[0] + ",abc," + lines[3].split(",")[2]
    good.write_text("\n".join(lines) + "\n")
    assert dialog.load(str(good))
    dialog.set_features(["a", "b"])
    dialog.accept()
    assert "line 4: 'abc' in column b is not a number" in dialog.errors.toPlainText() and dialog.result() == 0
    write_csv(good, ["a", "b", "kind"], [(*p, k) for p, k in zip(points, labels, strict=True)])
    assert dialog.load(str(good))
    dialog.set_features(["a", "b"])
    dialog.accept()
    assert dialog.result() == 1

    host = Host(short_spiral())
    panel = host.panel
    qtbot.addWidget(panel)
    panel.apply_csv(*dialog.values())
    exp = host.experiment
    assert exp.dataset.name == "csv" and exp.dataset.csv_features == ["a", "b"]
    assert exp.layers[-1].params["units"] == 3  # three classes
    exp.epochs = 2
    session = TrainingSession(exp, probes={PROBE_NAME: BoundaryProbe.for_experiment(exp)})
    session.probe.connect(lambda name, payload: panel.handle_frame(payload))
    with qtbot.waitSignal(session.finished, timeout=60000) as finished:
        session.start()
    assert finished.args[0].status == "completed", finished.args[0].message
    qtbot.waitUntil(lambda: panel.frames_received >= 2, timeout=5000)
    assert panel.output.boundary.image.shape == (GRID, GRID, 3)
    assert panel.diagram.output_labels == ["cat", "dog", "emu"]
    session.wait()


def test_through_the_real_window(qtbot):
    from playground.app import create_window

    window = create_window(short_spiral(epochs=3))
    qtbot.addWidget(window)
    panel = window.playground2d  # create_window installs the tab
    window.show_view(panel)
    assert window.current_view() is panel
    qtbot.waitUntil(window.engine_ready, timeout=60000)
    button = panel.findChild(QToolButton, "feature:sin(x1)")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "sin(x1)" not in window.document.experiment.dataset.features
    window.document.undo_stack.undo()
    assert "sin(x1)" in window.document.experiment.dataset.features
    qtbot.mouseClick(panel.findChild(QToolButton, "addLayerButton"), Qt.MouseButton.LeftButton)
    assert hidden_units(window.document.experiment) == [8, 8, 4]
    window.document.undo_stack.undo()
    assert window.start_training()
    assert not panel.layers.add_layer_button.isEnabled()  # the shape is locked while training
    qtbot.waitUntil(lambda: window.run.session is None, timeout=60000)
    assert panel.frames_received >= 2 and panel.output.boundary.image.shape == (GRID, GRID, 3)
    assert panel.layers.add_layer_button.isEnabled()
