"""Networks with branches as torch modules and as exported code.

The built module must compute what a hand-written ResNet-style module computes on the same weights,
keep the numbered module names of a stack (so checkpoints and probes read it the same way), compile
to TorchScript, and be written out as a script whose forward shows the skip and trains standalone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import torch
from helpers import layer, linear
from test_codegen import STANDALONE, has_image_data, import_script, write_script
from torch import nn

from playground import cli
from playground.core import build
from playground.core.codegen import experiment_to_script
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec
from playground.core.export import export_torchscript
from playground.core.presets import load_preset
from playground.core.shapes import infer_shapes
from playground.training.anatomy import layer_activations

torch.set_num_threads(1)


def named(spec: LayerSpec, id: str | None = None, inputs: list[str] | None = None) -> LayerSpec:
    spec.id, spec.inputs = id, inputs
    return spec


def residual_cnn() -> Experiment:
    """conv → relu (stem) → [conv → relu → conv] + stem → relu → concat(that, stem) → pool → flatten → linear."""
    return Experiment(name="r", dataset=DatasetSpec("mnist"), device="cpu", layers=[
        layer("Conv2d", out_channels=4, padding=1), named(layer("ReLU"), "stem"),
        layer("Conv2d", out_channels=4, padding=1), layer("ReLU"), named(layer("Conv2d", out_channels=4, padding=1),
                                                                         "body"),
        named(layer("Add"), inputs=["body", "stem"]), named(layer("ReLU"), "joined"),
        named(layer("Concat"), inputs=["joined", "stem"]), layer("MaxPool2d", kernel_size=4), layer("Flatten"),
        linear(10)])


class HandWritten(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(1, 4, 3, padding=1)
        self.conv1 = nn.Conv2d(4, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 4, 3, padding=1)
        self.fc = nn.Linear(8 * 7 * 7, 10)

    def forward(self, x):
        stem = torch.relu(self.stem(x))
        out = torch.relu(self.conv2(torch.relu(self.conv1(stem))) + stem)
        out = torch.cat([out, stem], dim=1)
        return self.fc(torch.flatten(nn.functional.max_pool2d(out, 4), 1))


def test_the_built_forward_equals_a_hand_written_module_on_the_same_weights():
    torch.manual_seed(0)
    model = build.build_model(residual_cnn())
    assert isinstance(model, build.GraphNetwork)
    hand = HandWritten()
    hand.load_state_dict({"stem.weight": model[0].weight, "stem.bias": model[0].bias,
                          "conv1.weight": model[2].weight, "conv1.bias": model[2].bias,
                          "conv2.weight": model[4].weight, "conv2.bias": model[4].bias,
                          "fc.weight": model[10].weight, "fc.bias": model[10].bias})
    x = torch.randn(5, 1, 28, 28)
    assert torch.allclose(model(x), hand(x), atol=1e-6)
    assert sorted(model.state_dict()) == sorted(f"{i}.{p}" for i in (0, 2, 4, 10) for p in ("weight", "bias"))


def test_a_straight_network_still_builds_the_same_sequential():
    model = build.build_model(load_preset("seed-mlp"))
    assert type(model) is nn.Sequential
    assert list(model.state_dict()) == ["1.weight", "1.bias", "3.weight", "3.bias", "5.weight", "5.bias"]


def test_a_graph_trains_exports_to_torchscript_and_shows_every_blocks_activation(tmp_path):
    model = build.build_model(residual_cnn())
    x = torch.randn(3, 1, 28, 28)
    loss = model(x).square().mean()
    loss.backward()
    assert all(p.grad is not None for p in model.parameters())
    path = export_torchscript(model, (1, 28, 28), tmp_path / "r.pt")
    loaded = torch.jit.load(str(path))
    assert torch.allclose(loaded(x), model.eval()(x), atol=1e-5)
    outputs = layer_activations(model, x[:1])
    assert [name for name, _ in outputs][5:8] == ["Add #6", "ReLU #7", "Concat #8"]
    assert outputs[7][1].shape == (8, 28, 28)


def test_a_graph_exports_to_onnx(tmp_path):
    pytest.importorskip("onnx", reason="the onnx package is not installed (pip install nn-playground[onnx])")
    from playground.core.export import export_onnx

    assert export_onnx(build.build_model(residual_cnn()), (1, 28, 28), tmp_path / "r.onnx").exists()


def test_the_exported_script_shows_the_skip_and_builds_the_apps_network(tmp_path):
    exp = residual_cnn()
    script = experiment_to_script(exp)
    assert "relu1 = self.relu1(x)" in script
    assert "x = x + relu1" in script and "torch.cat([x, relu1], dim=1)" in script
    assert "self.add" not in script  # a merge has no module: it is written as what it computes
    module = import_script(write_script(exp, tmp_path))
    torch.manual_seed(exp.seed)
    net = module.Net()
    torch.manual_seed(exp.seed)
    app = build.build_model(exp)
    for mine, theirs in zip(net.parameters(), app.parameters(), strict=True):
        assert torch.equal(mine, theirs)
    x = torch.randn(2, 1, 28, 28)
    assert torch.allclose(net(x), app(x), atol=1e-6)


@pytest.mark.parametrize("preset", ["residual-mlp", "mini-resnet"])
def test_the_residual_presets_script_trains_one_epoch_standalone(preset, tmp_path):
    exp = load_preset(preset)
    assert infer_shapes(exp).error is None
    for distributed in (False, True):
        compile(experiment_to_script(exp, distributed=distributed), preset, "exec")
    path = write_script(exp, tmp_path, preset.replace("-", "_"))
    if not has_image_data("mnist"):
        pytest.skip("MNIST files not found: set PLAYGROUND_DATA_DIR to run the exported script")
    result = subprocess.run(
        [sys.executable, "-c", STANDALONE, str(path), "--epochs", "1", "--limit", "256", "--device", "cpu",
         "--data-dir", os.environ["PLAYGROUND_DATA_DIR"]],
        capture_output=True, text=True, timeout=300, env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "epoch 1/1  train loss" in result.stdout


def test_cli_validate_prints_the_graph_with_each_blocks_inputs(tmp_path, capsys):
    path = tmp_path / "r.json"
    residual_cnn().save(path)
    assert cli.main(["validate", "--experiment", str(path)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines() if line.split() and line.split()[0].isdigit()}
    assert rows["6"].split()[1:4] == ["Add", "#5,", "#2"]
    assert rows["8"].split()[1:4] == ["Concat", "#7,", "#2"]
    def indent(row: str) -> int:
        return len(row.split("Conv2d")[0])

    assert indent(rows["3"]) == indent(rows["1"]) + 2 == indent(rows["5"])  # the body of the skip, indented


# --------------------------------------------------------------------------- the residual presets learn


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.parametrize("preset, epochs, bar", [("residual-mlp", 1, 0.90), ("mini-resnet", 2, 0.95)])
def test_the_residual_presets_reach_their_accuracy(preset, epochs, bar, capsys):
    # on the 10,000-image MNIST subset of the test data folder, with the presets' seed 0:
    # residual-mlp 0.916 validation accuracy after one epoch, mini-resnet see the report in the preset's text
    if not has_image_data("mnist"):
        pytest.skip("MNIST files not found: set PLAYGROUND_DATA_DIR")
    code = cli.main(["train", "--preset", preset, "--dataset", "mnist", "--epochs", str(epochs), "--data-dir",
                     os.environ["PLAYGROUND_DATA_DIR"], "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = [json.loads(line) for line in out.strip().splitlines()]
    assert [line["epoch"] for line in lines[1:-1]] == list(range(1, epochs + 1))
    assert lines[-2]["val_accuracy"] >= bar
    assert lines[-1]["status"] == "completed"
