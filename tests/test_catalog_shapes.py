"""Shape inference: every layer type's output shape and parameter count, the mismatch messages
that say what to do, and the warnings for pitfalls that still train."""

from __future__ import annotations

import pytest
from helpers import layer, linear, tiny_experiment

from playground.core import catalog
from playground.core.experiment import DatasetSpec, Experiment, LayerSpec
from playground.core.layer_rules import format_shape
from playground.core.limits import MAX_LAYER_PARAMETERS
from playground.core.shapes import infer_layers, infer_shapes, layer_label

IMAGE = (1, 28, 28)

# (layer, input shape, output shape, parameters)
SHAPE_RULES = [
    (layer("Linear", units=10), (784,), (10,), 784 * 10 + 10),
    (layer("Linear", units=10, bias=False), (784,), (10,), 7840),
    (layer("Conv2d", out_channels=16, kernel_size=3), IMAGE, (16, 26, 26), 16 * (9 + 1)),
    (layer("Conv2d", out_channels=16, kernel_size=3, padding=1), IMAGE, (16, 28, 28), 160),
    (layer("Conv2d", out_channels=8, kernel_size=5, stride=2), (3, 28, 28), (8, 12, 12), 8 * (3 * 25 + 1)),
    (layer("Conv2d", out_channels=4, kernel_size=28), IMAGE, (4, 1, 1), 4 * (784 + 1)),
    (layer("MaxPool2d"), (16, 28, 28), (16, 14, 14), 0),
    (layer("MaxPool2d", kernel_size=3), (16, 28, 28), (16, 9, 9), 0),
    (layer("MaxPool2d", kernel_size=3, stride=1), (16, 28, 28), (16, 26, 26), 0),
    (layer("AvgPool2d"), (8, 7, 7), (8, 3, 3), 0),
    (layer("AvgPool2d", kernel_size=7), (8, 7, 7), (8, 1, 1), 0),
    (layer("Flatten"), (16, 14, 14), (3136,), 0),
    (layer("Flatten"), (10,), (10,), 0),
    (layer("Dropout", p=0.3), (16, 14, 14), (16, 14, 14), 0),
    (layer("Dropout"), (64,), (64,), 0),
    (layer("BatchNorm"), (64,), (64,), 128),
    (layer("BatchNorm"), (16, 14, 14), (16, 14, 14), 32),
    (layer("LayerNorm"), (64,), (64,), 128),
    (layer("LayerNorm"), (4, 5, 5), (4, 5, 5), 200),
    (layer("RNN", hidden_size=32), IMAGE, (32,), 32 * 28 + 32 * 32 + 2 * 32),
    (layer("RNN", hidden_size=32, num_layers=2), IMAGE, (32,), (32 * 28 + 32 * 32 + 64) + (32 * 32 * 2 + 64)),
    (layer("LSTM", hidden_size=16), IMAGE, (16,), 4 * (16 * 28 + 16 * 16 + 32)),
    (layer("GRU", hidden_size=16), IMAGE, (16,), 3 * (16 * 28 + 16 * 16 + 32)),
    (layer("GRU", hidden_size=16), (3, 10, 12), (16,), 3 * (16 * 36 + 16 * 16 + 32)),  # rows of all channels
]


@pytest.mark.parametrize(("spec", "shape", "out", "params"), SHAPE_RULES,
                         ids=[f"{r[0].type}-{'x'.join(map(str, r[1]))}-{i}" for i, r in enumerate(SHAPE_RULES)])
def test_layer_output_shape_and_parameters(spec, shape, out, params):
    report = infer_layers(shape, [spec])
    assert report.error is None
    assert report.layers[0].output_shape == out
    assert report.layers[0].parameters == params


ACTIVATIONS = [t.name for t in catalog.LAYERS.values() if t.is_activation]


def test_the_catalog_has_every_taught_layer():
    assert {"Linear", "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "Dropout", "BatchNorm", "LayerNorm", "RNN",
            "LSTM", "GRU"} <= set(catalog.LAYERS)
    assert {"ReLU", "LeakyReLU", "ELU", "GELU", "SiLU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax",
            "Identity"} == set(ACTIVATIONS)
    merges = {t.name for t in catalog.LAYERS.values() if t.is_merge}
    assert merges == {"Add", "Concat"}  # their shape rules are tested in test_graph_shapes.py
    tested = {spec.type for spec, *_ in SHAPE_RULES} | set(ACTIVATIONS) | merges
    assert tested == set(catalog.LAYERS)  # a new layer type needs a row above


@pytest.mark.parametrize("name", ACTIVATIONS)
@pytest.mark.parametrize("shape", [(10,), (16, 14, 14)])
def test_activation_keeps_the_shape(name, shape):
    report = infer_layers(shape, [layer(name)])
    assert report.error is None
    assert report.layers[0].output_shape == shape
    assert report.layers[0].parameters == 0


def mnist(*layers: LayerSpec, loss: str = "cross_entropy") -> Experiment:
    return Experiment(dataset=DatasetSpec("mnist"), layers=list(layers), loss=loss)


CNN_HEAD = [layer("Conv2d", out_channels=16, padding=1), layer("ReLU"), layer("MaxPool2d")]


def test_linear_on_an_image_says_add_flatten():
    report = infer_shapes(mnist(*CNN_HEAD, linear(10)))
    assert report.error.index == 3
    assert report.error.message == ("Linear #4 expects a flat vector but receives 16×14×14 — "
                                    "add Flatten before it")
    assert [row.output_shape for row in report.layers] == [(16, 28, 28), (16, 28, 28), (16, 14, 14), None]
    assert report.output_shape is None


def test_layers_after_the_error_have_no_shape():
    report = infer_shapes(mnist(linear(10), layer("ReLU"), linear(10)))
    assert report.error.index == 0
    assert [row.output_shape for row in report.layers] == [None, None, None]


def test_conv_kernel_that_does_not_fit():
    report = infer_shapes(mnist(layer("Conv2d", kernel_size=15), layer("MaxPool2d", kernel_size=8),
                                layer("Conv2d", kernel_size=5), layer("Flatten"), linear(10)))
    assert report.error.index == 2
    assert report.error.message == ("Conv2d #3's kernel 5×5 does not fit its input 1×1 — use a smaller kernel, "
                                    "add padding, or remove a pooling layer before it")


def test_pool_window_larger_than_its_input():
    report = infer_shapes(mnist(layer("Conv2d", kernel_size=15, stride=8), layer("MaxPool2d", kernel_size=3)))
    assert report.error.message == ("MaxPool2d #2's window 3×3 is larger than its input 2×2 — use a smaller "
                                    "kernel or remove it")


def test_conv_after_flatten():
    report = infer_shapes(mnist(layer("Flatten"), layer("Conv2d"), linear(10)))
    assert report.error.message == ("Conv2d #2 expects an image (channels×height×width) but receives a flat "
                                    "vector of 784 — move it before Flatten, or remove the Flatten above it")


@pytest.mark.parametrize("kind", ["RNN", "LSTM", "GRU"])
def test_recurrent_after_flatten(kind):
    report = infer_shapes(mnist(layer("Flatten"), layer(kind), linear(10)))
    assert report.error.index == 1
    assert report.error.message.startswith(f"{kind} #2 expects a sequence (an image, whose rows are the steps) "
                                           "but receives a flat vector of 784 — place it before any Flatten")


def test_stacked_recurrent_layers_are_pointed_to_stacked_layers():
    report = infer_shapes(mnist(layer("LSTM", hidden_size=8), layer("LSTM", hidden_size=8), linear(10)))
    assert report.error.index == 1
    assert "raise its Stacked layers instead" in report.error.message
    assert "Flatten before it" not in report.error.message  # there is no Flatten to remove


def test_recurrent_over_rows_is_valid():
    report = infer_shapes(mnist(layer("RNN", hidden_size=128), linear(10)))
    assert report.ok and report.warnings == []
    assert report.output_shape == (10,)


def test_huge_layer_is_refused_before_allocating():
    report = infer_shapes(mnist(layer("Conv2d", out_channels=1024, padding=1), layer("Flatten"),
                                linear(65536)))
    assert report.error.index == 2
    assert f"{1024 * 784 * 65536 + 65536:,} parameters" in report.error.message
    assert report.error.message.endswith("use fewer units, or pool or stride before it")
    assert 1024 * 784 * 65536 > MAX_LAYER_PARAMETERS


def test_empty_network():
    report = infer_shapes(mnist())
    assert report.error.index is None
    assert "no layers" in report.error.message


def test_network_that_ends_with_an_image():
    report = infer_shapes(mnist(layer("Conv2d", out_channels=4)))
    assert report.error.index == 0
    assert report.error.message == ("The network ends with 4×26×26, but it must end with one score per class — "
                                    "add Flatten and a Linear layer with 10 units at the end")


def test_regression_output_must_match_the_targets():
    report = infer_shapes(tiny_experiment("sine", [linear(8), layer("Tanh"), linear(3)], loss="mse"))
    assert report.error.message == ("The last layer gives 3 outputs but this regression data has 1 target — "
                                    "set its units to 1")


@pytest.mark.parametrize("loss", ["cross_entropy", "nll"])
def test_classification_loss_on_regression_data_is_an_error(loss):
    report = infer_shapes(tiny_experiment("sine", loss=loss))
    assert report.error.index is None
    assert "needs class labels, but this dataset is regression" in report.error.message
    assert "choose Mean squared error" in report.error.message


# --------------------------------------------------------------------------- warnings

SEED_MLP = [layer("Flatten"), linear(128), layer("ReLU"), linear(64), layer("ReLU"), linear(10)]


def warnings_of(exp: Experiment) -> list[tuple[int | None, str]]:
    report = infer_shapes(exp)
    assert report.error is None, report.error
    return [(w.index, w.message) for w in report.warnings]


def test_clean_network_has_no_warnings():
    assert warnings_of(mnist(*SEED_MLP)) == []


def test_softmax_before_cross_entropy_is_warned():
    assert warnings_of(mnist(*SEED_MLP, layer("Softmax"))) == [
        (6, "Softmax right before CrossEntropyLoss: the loss already applies softmax, so training is slowed — "
            "remove the last layer")]


def test_two_linear_layers_without_activation_are_warned():
    found = warnings_of(mnist(layer("Flatten"), linear(64), linear(10)))
    assert found == [(2, "Linear #2 and Linear #3 have no activation between them, so together they are still one "
                         "linear map — add an activation such as ReLU between them")]
    # Dropout or Identity between them is still linear; an activation or BatchNorm is not
    assert len(warnings_of(mnist(layer("Flatten"), linear(64), layer("Dropout"), linear(10)))) == 1
    assert len(warnings_of(mnist(layer("Flatten"), linear(64), layer("Identity"), linear(10)))) == 1
    assert warnings_of(mnist(layer("Flatten"), linear(64), layer("Tanh"), linear(10))) == []


def test_last_layer_width_must_match_the_classes():
    fewer = warnings_of(mnist(*SEED_MLP[:-1], linear(5)))
    assert fewer == [(5, "The network gives 5 outputs but the dataset has 10 classes — set the last Linear "
                         "layer's units to 10")]
    more = warnings_of(mnist(*SEED_MLP[:-1], linear(12)))
    assert more[0][0] == 5 and "the extra outputs are never the answer" in more[0][1]


def test_network_ending_without_linear_is_checked_by_its_width():
    found = warnings_of(mnist(layer("Conv2d", out_channels=1, kernel_size=1), layer("Flatten")))
    assert found == [(1, "The network gives 784 outputs but the dataset has 10 classes — the extra outputs are "
                         "never the answer; set the last Linear layer's units to 10")]


def test_a_network_without_weights_has_nothing_to_learn():
    for exp in (mnist(layer("Flatten")), tiny_experiment("circle", [layer("ReLU")])):
        report = infer_shapes(exp)
        assert report.error.index is None
        assert report.error.message == ("The network has nothing to learn: none of its layers has weights — add a "
                                        "Linear layer")


def test_one_logit_for_two_classes_is_fine_with_bce():
    assert warnings_of(tiny_experiment("circle", [linear(8), layer("ReLU"), linear(1)],
                                       loss="bce_with_logits")) == []
    assert len(warnings_of(tiny_experiment("circle", [linear(8), layer("ReLU"), linear(1)]))) == 1


def test_sigmoid_output_with_cross_entropy_is_warned():
    found = warnings_of(mnist(*SEED_MLP, layer("Sigmoid")))
    assert found == [(6, "Sigmoid output with CrossEntropyLoss squashes the scores into (0, 1) and learns slowly — "
                         "remove the Sigmoid; the loss expects raw scores")]


def test_loss_specific_warnings():
    assert "NLLLoss expects log-probabilities" in warnings_of(mnist(*SEED_MLP, loss="nll"))[0][1]
    assert warnings_of(mnist(*SEED_MLP, layer("LogSoftmax"), loss="nll")) == []
    assert "applies sigmoid twice" in warnings_of(mnist(*SEED_MLP, layer("Sigmoid"), loss="bce_with_logits"))[0][1]
    assert warnings_of(mnist(*SEED_MLP, loss="mse")) == []  # trains on one-hot targets


def test_unknown_type_or_missing_parameters_from_code():
    report = infer_layers(IMAGE, [LayerSpec("Flatten"), LayerSpec("Dense2")])
    assert report.error.index == 1 and "unknown type 'Dense2'" in report.error.message
    report = infer_layers((20,), [LayerSpec("Linear")])  # a LayerSpec made in code without parameters
    assert report.layers[0].output_shape == (10,)


def test_layer_label_is_one_based():
    assert layer_label(3, "Linear") == "Linear #4"


def test_table_lists_every_layer_and_the_total():
    report = infer_shapes(mnist(*SEED_MLP))
    lines = report.table().splitlines()
    assert lines[0].split() == ["#", "Layer", "Output", "shape", "Parameters"]
    assert lines[2].split() == ["Input", "1×28×28"]
    assert lines[3].split() == ["1", "Flatten", "784", "0"]
    assert lines[4].split() == ["2", "Linear", "128", "100,480"]
    assert lines[-1].split() == ["Total", "109,386"]
    assert report.total_parameters == 109_386


def test_table_of_an_invalid_network_shows_dashes():
    lines = infer_shapes(mnist(linear(10))).table().splitlines()
    assert lines[3].split() == ["1", "Linear", "—", "0"]


def test_format_shape():
    assert format_shape((16, 14, 14)) == "16×14×14"
    assert format_shape((10,)) == "10"
