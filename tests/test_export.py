"""TorchScript and ONNX export of a model: the files reproduce the model's outputs."""

from __future__ import annotations

import importlib.util

import pytest
import torch

from playground.core.build import build_model
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec
from playground.core.export import ONNX_MISSING, ExportError, export_onnx, export_torchscript
from playground.core.presets import load_preset

HAS_ONNX = importlib.util.find_spec("onnx") is not None
# TorchScript is deprecated upstream (the export itself silences this); the tests load it too
pytestmark = pytest.mark.filterwarnings(r"ignore:.*torch\.jit.*deprecated:FutureWarning")


def trained_like(preset: str) -> torch.nn.Module:
    """A preset's model with non-trivial BatchNorm statistics, in training mode as after a run."""
    torch.manual_seed(0)
    model = build_model(load_preset(preset))
    model.train()
    with torch.no_grad():
        model(torch.randn(16, 1, 28, 28) * 2 + 0.5)  # moves BatchNorm's running mean and variance
    return model


@pytest.mark.parametrize("preset", ["seed-mlp", "mlp-bn-dropout", "simple-cnn", "rnn-rows"])
def test_torchscript_round_trips_outputs_for_any_batch_size(preset, tmp_path):
    model = trained_like(preset)
    path = export_torchscript(model, (1, 28, 28), tmp_path / f"{preset}.pt")
    loaded = torch.jit.load(str(path))
    model.eval()
    with torch.no_grad():
        for batch in (1, 5):
            x = torch.randn(batch, 1, 28, 28)
            torch.testing.assert_close(loaded(x), model(x), atol=1e-5, rtol=1e-5)


def test_torchscript_export_leaves_the_model_as_it_was(tmp_path):
    model = trained_like("mlp-bn-dropout")
    before = {k: v.clone() for k, v in model.state_dict().items()}
    export_torchscript(model, (1, 28, 28), tmp_path / "m.pt")
    assert model.training
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())


def test_torchscript_of_a_2d_playground_model(tmp_path):
    exp = Experiment(dataset=DatasetSpec(name="spiral", features=["x1", "x2", "x1*x2"]),
                     layers=[LayerSpec("Linear", {"units": 4, "bias": True}), LayerSpec("Tanh", {}),
                             LayerSpec("Linear", {"units": 2, "bias": True})])
    model = build_model(exp)
    loaded = torch.jit.load(str(export_torchscript(model, (3,), tmp_path / "nested" / "spiral.pt")))
    x = torch.randn(7, 3)
    torch.testing.assert_close(loaded(x), model(x))


def test_a_failed_export_leaves_no_file(tmp_path):
    model = build_model(load_preset("seed-mlp"))
    with pytest.raises(RuntimeError):
        export_torchscript(model, (3, 5, 5), tmp_path / "wrong.pt")  # 75 inputs for a 784-input Linear
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(HAS_ONNX, reason="onnx is installed: the missing-package message cannot be shown")
def test_onnx_without_the_package_says_how_to_install_it(tmp_path):
    with pytest.raises(ExportError, match=r"pip install nn-playground\[onnx\]") as info:
        export_onnx(build_model(load_preset("seed-mlp")), (1, 28, 28), tmp_path / "m.onnx")
    assert str(info.value) == ONNX_MISSING
    assert not (tmp_path / "m.onnx").exists()


@pytest.mark.skipif(not HAS_ONNX, reason="the onnx package is not installed (pip install nn-playground[onnx])")
@pytest.mark.parametrize("preset", ["mlp-bn-dropout", "simple-cnn"])
def test_onnx_export_passes_the_checker(preset, tmp_path):
    import onnx

    path = export_onnx(trained_like(preset), (1, 28, 28), tmp_path / "m.onnx")
    graph = onnx.load(str(path)).graph
    assert [i.name for i in graph.input][:1] == ["input"] and graph.output[0].name == "output"
