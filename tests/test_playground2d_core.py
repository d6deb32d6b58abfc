"""The 2-D playground's engine side: the presets learn, the probe paints the plane, shapes edit cleanly."""

import numpy as np
import pytest
import torch

from playground.core import mlp
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec, OptimizerSpec
from playground.core.presets import load_preset
from playground.training.probes import ProbeRunner
from playground.training.probes.boundary import GRID, BoundaryProbe, plane_dims
from playground.training.trainer import Trainer, TrainerCallbacks, evaluate


@pytest.fixture(autouse=True)
def one_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def train_accuracy(experiment: Experiment) -> float:
    trainer = Trainer(experiment)
    end = trainer.run()
    assert end.status == "completed", end.message
    _, accuracy = evaluate(trainer.model, trainer.data.train_x, trainer.data.train_y)
    return accuracy


def xor(hidden: list[LayerSpec]) -> Experiment:
    return Experiment(dataset=DatasetSpec("xor", batch_size=10, val_split=0.5, samples=400, features=["x1", "x2"]),
                      layers=[*hidden, LayerSpec("Linear", {"units": 2, "bias": True})],
                      optimizer=OptimizerSpec("adam", lr=0.03), epochs=40, device="cpu", seed=1)


def test_the_spiral_preset_learns_the_spiral():
    exp = load_preset("spiral")
    assert [h.units for h in mlp.read_mlp(exp.layers).hidden] == [8, 8]  # its spirit: 2×8 tanh
    assert {h.activation for h in mlp.read_mlp(exp.layers).hidden} == {"Tanh"}
    exp.device = "cpu"
    assert train_accuracy(exp) >= 0.95


def test_xor_needs_a_hidden_layer():
    assert train_accuracy(xor([])) <= 0.7  # a line cannot separate XOR from x1 and x2 alone
    hidden = [LayerSpec("Linear", {"units": 4, "bias": True}), LayerSpec("Tanh", {})]
    assert train_accuracy(xor(hidden)) >= 0.95


class FrameRecorder(TrainerCallbacks):
    """Runs the probe as the worker does: through a ProbeRunner, on the training thread's callbacks."""

    def __init__(self, probe):
        self.frames = []
        self.runner = ProbeRunner({"boundary": probe}, lambda _name, frame: self.frames.append(frame))

    def on_start(self, trainer, event):
        self.runner.run("on_start", trainer, event)

    def on_batch(self, trainer, event):
        self.runner.run("on_batch", trainer, event)

    def on_epoch(self, trainer, event):
        self.runner.run("on_epoch", trainer, event)

    def on_end(self, trainer, event):
        self.runner.run("on_end", trainer, event)


def run_probe(experiment: Experiment) -> list[dict]:
    probe = BoundaryProbe.for_experiment(experiment)
    recorder = FrameRecorder(probe)
    Trainer(experiment, recorder).run()
    return recorder.frames


def test_the_heatmap_covers_the_grid_and_changes_between_epochs():
    exp = xor([LayerSpec("Linear", {"units": 4, "bias": True}), LayerSpec("Tanh", {})])
    exp.epochs = 3
    frames = run_probe(exp)
    first, epochs = frames[0], [f for f in frames if f["step"] > 0 and f["step"] % 20 == 0]
    assert "data" in first and first["data"]["train_points"].shape == (200, 2)
    assert first["probs"].shape == (GRID, GRID, 2)
    np.testing.assert_allclose(first["probs"].sum(axis=2), 1.0, atol=1e-5)
    assert len(epochs) >= 3
    assert not np.allclose(epochs[0]["probs"], epochs[-1]["probs"], atol=1e-3)
    assert frames[-1]["final"]
    # each hidden neuron's picture, the weights of both Linear layers, and the losses
    assert [n.shape for n in first["neurons"]] == [(4, 25, 25)]
    assert [w.shape for w, _ in first["weights"]] == [(4, 2), (2, 4)]
    assert first["train_loss"] > frames[-1]["train_loss"]
    for frame in frames:  # only numpy and plain numbers reach the GUI thread
        assert not any(isinstance(v, torch.Tensor) for v in frame.values())


def test_the_heatmap_agrees_with_the_model_on_the_grid():
    exp = xor([LayerSpec("Linear", {"units": 4, "bias": True}), LayerSpec("Tanh", {})])
    exp.epochs = 2
    probe = BoundaryProbe.for_experiment(exp)
    recorder = FrameRecorder(probe)
    trainer = Trainer(exp, recorder)
    trainer.run()
    frame = recorder.frames[-1]
    x0, x1, y0, y1 = frame["extent"]
    # the grid cell at row r, column c lies at (x, y) = (x0 + (c + ½)·dx, y0 + (r + ½)·dy)
    r, c = 17, 81
    point = np.array([[x0 + (c + 0.5) * (x1 - x0) / GRID, y0 + (r + 0.5) * (y1 - y0) / GRID]], dtype=np.float32)
    with torch.no_grad():
        p = torch.softmax(trainer.model(torch.from_numpy(point)), dim=1)[0].numpy()
    np.testing.assert_allclose(frame["probs"][r, c], p, atol=1e-5)


def test_one_dimensional_regression_gets_a_curve_and_the_linear_lesson_its_two_numbers():
    exp = load_preset("linear-regression")
    exp.epochs, exp.device = 30, "cpu"
    frames = run_probe(exp)
    xs, ys = frames[-1]["curve"]
    assert xs.shape == ys.shape and len(xs) > 50
    (w, b), = frames[-1]["weights"]
    assert w.shape == (1, 1)
    np.testing.assert_allclose(ys, xs * w[0, 0] + b[0], rtol=1e-4, atol=1e-4)  # the drawn line is w·x + b


def test_images_have_no_plane_and_csv_needs_one_or_two_columns():
    assert plane_dims(Experiment(dataset=DatasetSpec("mnist"))) == 0
    assert BoundaryProbe.for_experiment(Experiment(dataset=DatasetSpec("mnist"))) is None
    assert plane_dims(Experiment(dataset=DatasetSpec("csv", csv_features=["a", "b"]))) == 2
    assert plane_dims(Experiment(dataset=DatasetSpec("csv", csv_features=["a", "b", "c"]))) == 0
    assert plane_dims(Experiment(dataset=DatasetSpec("sine"))) == 1


def test_hidden_layers_are_read_and_edited_without_touching_the_rest():
    exp = load_preset("spiral")
    shape = mlp.read_mlp(exp.layers)
    assert shape.layers() == exp.layers  # reading and writing back is lossless
    bigger = mlp.add_hidden_layer(shape)
    assert [h.units for h in bigger.hidden] == [8, 8, mlp.NEW_LAYER_UNITS] and bigger.hidden[-1].activation == "Tanh"
    wider = mlp.change_units(shape, 0, +1)
    assert [h.units for h in wider.hidden] == [9, 8] and [h.units for h in shape.hidden] == [8, 8]
    assert mlp.change_units(mlp.change_units(shape, 1, -7), 1, -5).hidden[1].units == 1  # never below one
    relu = mlp.change_activation(shape, 1, "ReLU").layers()
    assert [layer.type for layer in relu] == ["Linear", "Tanh", "Linear", "ReLU", "Linear"]
    linear = mlp.change_activation(shape, 0, mlp.LINEAR).layers()
    assert [layer.type for layer in linear] == ["Linear", "Linear", "Tanh", "Linear"]
    assert mlp.read_mlp(linear).hidden[0].activation == mlp.LINEAR
    assert mlp.remove_hidden_layer(mlp.remove_hidden_layer(shape)).layers() == [exp.layers[-1]]
    cnn = load_preset("simple-cnn").layers
    assert mlp.read_mlp(cnn) is None


def test_a_network_ending_in_softmax_is_drawn_with_its_own_probabilities_not_softmax_twice():
    exp = xor([LayerSpec("Linear", {"units": 4, "bias": True}), LayerSpec("Tanh", {})])
    exp.layers.append(LayerSpec("Softmax", {}))
    exp.epochs = 1
    recorder = FrameRecorder(BoundaryProbe.for_experiment(exp))
    trainer = Trainer(exp, recorder)
    trainer.run()
    frame = recorder.frames[-1]
    x0, x1, y0, y1 = frame["extent"]
    r, c = 40, 60
    point = np.array([[x0 + (c + 0.5) * (x1 - x0) / GRID, y0 + (r + 0.5) * (y1 - y0) / GRID]], dtype=np.float32)
    with torch.no_grad():
        outputs = trainer.model(torch.from_numpy(point))[0].numpy()
    np.testing.assert_allclose(frame["probs"][r, c], outputs, atol=1e-5)  # already probabilities
    assert not np.allclose(frame["probs"][r, c], np.exp(outputs) / np.exp(outputs).sum(), atol=1e-3)
