"""Building: the torch model's real shapes and parameter counts are the ones inference promised."""

from __future__ import annotations

import pytest
import torch
from helpers import layer, linear
from test_catalog_shapes import SHAPE_RULES
from torch import nn

from playground.core import catalog
from playground.core.build import (
    NetworkError,
    available_devices,
    build_layers,
    build_model,
    resolve_device,
)
from playground.core.experiment import LayerSpec
from playground.core.presets import load_preset, preset_names
from playground.core.shapes import infer_layers, infer_shapes


def forward_shapes(model: nn.Sequential, x: torch.Tensor) -> list[tuple[int, ...]]:
    """Each module's output shape without the batch dimension, as the model's own forward computes it (a
    network with branches does not run its modules one after the other)."""
    modules = list(model)
    outputs: dict[int, tuple[int, ...]] = {}
    hooks = [module.register_forward_hook(lambda _m, _i, out, index=index: outputs.__setitem__(
        index, tuple(out.shape[1:]))) for index, module in enumerate(modules)]
    model.eval()
    with torch.no_grad():
        model(x)
    for hook in hooks:
        hook.remove()
    return [outputs[index] for index in range(len(modules))]


def check_build_matches_inference(input_shape, layers):
    report = infer_layers(input_shape, layers)
    assert report.error is None
    model = build_layers(input_shape, layers)
    assert len(model) == len(layers)
    assert forward_shapes(model, torch.randn(3, *input_shape)) == [row.output_shape for row in report.layers]
    for module, row in zip(model, report.layers, strict=True):
        assert sum(p.numel() for p in module.parameters()) == row.parameters, row.type
    assert sum(p.numel() for p in model.parameters()) == report.total_parameters


@pytest.mark.parametrize(("spec", "shape", "out", "params"), SHAPE_RULES,
                         ids=[f"{r[0].type}-{'x'.join(map(str, r[1]))}-{i}" for i, r in enumerate(SHAPE_RULES)])
def test_every_layer_type_builds_as_inferred(spec, shape, out, params):
    check_build_matches_inference(shape, [spec])


@pytest.mark.parametrize("name", [t.name for t in catalog.LAYERS.values() if t.is_activation])
def test_every_activation_builds_as_inferred(name):
    check_build_matches_inference((16, 6, 6), [layer(name)])
    check_build_matches_inference((12,), [layer(name)])


def test_a_network_of_every_kind_builds_as_inferred():
    check_build_matches_inference((1, 28, 28), [
        layer("Conv2d", out_channels=8, padding=1), layer("BatchNorm"), layer("ReLU"), layer("MaxPool2d"),
        layer("Conv2d", out_channels=4, kernel_size=5, stride=2), layer("ELU"), layer("AvgPool2d"),
        layer("Dropout", p=0.2), layer("LayerNorm"), layer("GRU", hidden_size=12, num_layers=2), layer("Tanh"),
        layer("BatchNorm"), linear(16), layer("GELU"), layer("Dropout"), linear(10), layer("LogSoftmax"),
    ])


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_builds_as_inferred(name):
    exp = load_preset(name)
    report = infer_shapes(exp)
    model = build_model(exp)
    x = torch.randn(2, *report.input_shape)
    assert forward_shapes(model, x) == [row.output_shape for row in report.layers]
    assert sum(p.numel() for p in model.parameters()) == report.total_parameters


def test_batchnorm_is_1d_or_2d_by_the_rank_of_its_input():
    flat = build_layers((32,), [layer("BatchNorm")])
    image = build_layers((8, 5, 5), [layer("BatchNorm")])
    assert isinstance(flat[0], nn.BatchNorm1d) and flat[0].num_features == 32
    assert isinstance(image[0], nn.BatchNorm2d) and image[0].num_features == 8


def test_recurrent_layers_read_the_image_row_by_row():
    model = build_layers((2, 5, 3), [layer("RNN", hidden_size=4)])
    rnn = model[0].rnn
    assert isinstance(rnn, nn.RNN) and rnn.input_size == 6  # a row of both channels
    x = torch.randn(1, 2, 5, 3)
    rows = x.permute(0, 2, 1, 3).reshape(1, 5, 6)
    with torch.no_grad():
        expected, _ = rnn(rows)
        assert torch.allclose(model(x), expected[:, -1])


def test_layers_feeding_a_relu_get_he_initialization():
    torch.manual_seed(0)
    model = build_layers((100,), [linear(400), layer("ReLU"), linear(400), layer("Tanh"), linear(10)])
    he_bound = (6 / 100) ** 0.5  # kaiming_uniform with gain √2: bound √(6 / fan_in)
    assert model[0].weight.abs().max() > 0.9 * he_bound
    assert torch.count_nonzero(model[0].bias) == 0
    default_bound = 1 / 400 ** 0.5  # PyTorch's default for the layer before Tanh
    assert model[2].weight.abs().max() <= default_bound
    assert torch.count_nonzero(model[2].bias) > 0


def test_invalid_network_is_refused_with_the_inference_message():
    with pytest.raises(NetworkError, match="Linear #1 expects a flat vector but receives 1×28×28"):
        build_layers((1, 28, 28), [linear(10)])


def test_layer_spec_without_parameters_builds_with_defaults():
    model = build_layers((20,), [LayerSpec("Linear"), LayerSpec("LeakyReLU")])
    assert model[0].out_features == 10 and model[1].negative_slope == 0.01


def test_unavailable_device_falls_back_to_the_cpu(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    mps = getattr(torch.backends, "mps", None)
    if mps is not None:
        monkeypatch.setattr(mps, "is_available", lambda: False)
    for name in ("auto", "cpu", "cuda", "mps"):
        assert resolve_device(name) == torch.device("cpu")
    assert available_devices() == ["auto", "cpu"]
