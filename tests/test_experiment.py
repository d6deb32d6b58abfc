"""The experiment file: every preset round-trips, and every bad file is refused naming the field."""

from __future__ import annotations

import copy
import json

import pytest
from helpers import all_files, linear, tiny_experiment

from playground.core import catalog
from playground.core.experiment import FORMAT_VERSION, Experiment, ExperimentError, LayerSpec
from playground.core.presets import PresetError, load_preset, preset_descriptions, preset_names
from playground.core.shapes import infer_shapes

EXPECTED_PRESETS = {"seed-mlp", "seed-sgd", "simple-cnn", "mlp-bn-dropout", "rnn-rows", "spiral",
                    "linear-regression"}


def test_bundled_presets_are_all_there():
    assert EXPECTED_PRESETS <= set(preset_names())
    assert all(preset_descriptions()[name] for name in preset_names())


@pytest.mark.parametrize("name", preset_names())
def test_preset_round_trips_through_json(name, tmp_path):
    exp = load_preset(name)
    assert Experiment.from_json(exp.to_json()) == exp
    assert Experiment.from_dict(json.loads(exp.to_json())).to_dict() == exp.to_dict()
    exp.save(tmp_path / "copy.json")
    assert Experiment.load(tmp_path / "copy.json") == exp
    assert all_files(tmp_path) == ["copy.json"]  # saved through a temporary file, none left behind


@pytest.mark.parametrize("name", preset_names())
def test_preset_is_a_valid_network(name):
    report = infer_shapes(load_preset(name))
    assert report.error is None, report.error
    assert report.warnings == []


def test_unknown_preset_names_the_choices():
    with pytest.raises(PresetError, match="unknown preset 'nope'; available presets: .*seed-mlp"):
        load_preset("nope")


def test_copy_is_independent():
    exp = load_preset("seed-mlp")
    other = exp.copy()
    other.layers[1].params["units"] = 7
    other.dataset.augment.enabled = True
    assert exp.layers[1].params["units"] == 128
    assert not exp.dataset.augment.enabled


def test_shorthands_and_aliases_are_accepted():
    exp = Experiment.from_dict({"dataset": "circle", "optimizer": "sgd", "scheduler": "cosine",
                                "layers": [{"type": "dense", "units": 2}, {"type": "Swish"}]})
    assert exp.dataset.name == "circle"
    assert exp.optimizer.name == "sgd" and exp.scheduler.name == "cosine"
    assert [layer.type for layer in exp.layers] == ["Linear", "SiLU"]
    assert exp.layers[0].params == {"units": 2, "bias": True}  # missing parameters get their defaults


def test_integral_floats_are_integers():
    exp = Experiment.from_dict({"dataset": {"name": "circle", "batch_size": 32.0}, "layers": [], "epochs": 3.0})
    assert exp.dataset.batch_size == 32 and isinstance(exp.dataset.batch_size, int)
    assert exp.epochs == 3


def _valid() -> dict:
    return load_preset("simple-cnn").to_dict()


def _with(path: str, value) -> dict:
    """The simple-cnn preset with one value replaced (path like 'layers.0.kernel_size'); DELETE removes it."""
    data = _valid()
    target = data
    parts = path.split(".")
    for part in parts[:-1]:
        target = target[int(part)] if isinstance(target, list) else target[part]
    key = int(parts[-1]) if isinstance(target, list) else parts[-1]
    if value is DELETE:
        del target[key]
    else:
        target[key] = value
    return data


DELETE = object()

# (replacement, the field the error names, words of the problem)
BAD_VALUES = [
    ("epochs", "five", "epochs", "expected an integer, got text"),
    ("epochs", 2.5, "epochs", "expected an integer, got 2.5"),
    ("epochs", 0, "epochs", "must be at least 1, got 0"),
    ("epochs", True, "epochs", "expected an integer, got true/false"),
    ("seed", -1, "seed", "must be at least 0"),
    ("dataset.batch_size", -64, "dataset.batch_size", "must be at least 1, got -64"),
    ("dataset.batch_size", None, "dataset.batch_size", "expected an integer, got null"),
    ("dataset.val_split", 0.95, "dataset.val_split", "must be at most 0.9"),
    ("dataset.limit", -5, "dataset.limit", "must be at least 0"),
    ("dataset.normalize", "yes", "dataset.normalize", "expected true or false, got text"),
    ("dataset.name", "cifar", "dataset.name", "unknown value 'cifar'; choose one of: mnist"),
    ("dataset.name", DELETE, "dataset.name", "missing"),
    ("dataset.features", [], "dataset.features", "at least one input feature"),
    ("dataset.features", ["x3"], "dataset.features[0]", "unknown value 'x3'"),
    ("dataset.augment.rotation", 400, "dataset.augment.rotation", "must be at most 180"),
    ("dataset.augment.enabled", 1, "dataset.augment.enabled", "expected true or false, got an integer"),
    ("dataset.colour", 3, "dataset.colour", "unknown field; known fields are: augment, batch_size"),
    ("dataset", [], "dataset", "expected an object, got a list"),
    ("dataset", DELETE, "dataset", "missing"),
    ("layers", DELETE, "layers", "missing"),
    ("layers", {"type": "Linear"}, "layers", "expected a list of layers, got an object"),
    ("layers.0", "Conv2d", "layers[0]", "expected an object, got text"),
    ("layers.0.type", "Conv3d", "layers[0].type", "unknown layer 'Conv3d'; known layers are: Linear, Conv2d"),
    ("layers.0.type", DELETE, "layers[0].type", "missing"),
    ("layers.0.type", 7, "layers[0].type", "expected text, got an integer"),
    ("layers.0.kernel_size", -3, "layers[0].kernel_size", "must be at least 1, got -3"),
    ("layers.0.out_channels", 0, "layers[0].out_channels", "must be at least 1, got 0"),
    ("layers.0.out_channels", "16", "layers[0].out_channels", "expected an integer, got text"),
    ("layers.0.filters", 16, "layers[0].filters", "unknown parameter; Conv2d takes: out_channels, kernel_size"),
    ("layers.1.inplace", True, "layers[1].inplace", "unknown parameter; ReLU takes no parameters"),
    ("layers.7.units", -10, "layers[7].units", "must be at least 1, got -10"),
    ("layers.7.units", 10 ** 400, "layers[7].units", "must be at most 65536"),
    ("loss", "hinge", "loss", "unknown value 'hinge'; choose one of: cross_entropy, nll, mse"),
    ("optimizer.name", "lbfgs", "optimizer.name", "unknown value 'lbfgs'"),
    ("optimizer.lr", 0, "optimizer.lr", "must be greater than 0, got 0"),
    ("optimizer.lr", -0.1, "optimizer.lr", "must be greater than 0"),
    ("optimizer.lr", float("nan"), "optimizer.lr", "must be a finite number"),
    ("optimizer.lr", 10 ** 400, "optimizer.lr", "must be a finite number, got a number too large"),
    ("optimizer.betas", [0.9], "optimizer.betas", "a list of two numbers"),
    ("optimizer.betas", [0.9, "x"], "optimizer.betas[1]", "expected a number, got text"),
    ("optimizer.nesterov", True, "optimizer.nesterov", None),  # fine for Adam: the field is unused
    ("scheduler.name", "plateau", "scheduler.name", "unknown value 'plateau'; choose one of: none, step"),
    ("scheduler.gamma", 0, "scheduler.gamma", "must be greater than 0"),
    ("scheduler.step_size", 0, "scheduler.step_size", "must be at least 1"),
    ("device", "tpu", "device", "unknown value 'tpu'; choose one of: auto, cpu, cuda, mps"),
    ("grad_clip", -1, "grad_clip", "must be above 0"),
    ("l2", "0.1", "l2", "expected a number, got text"),
    ("name", 5, "name", "expected text, got an integer"),
    ("comment", "hi", "comment", "unknown field; known fields are: dataset, description"),
    ("version", FORMAT_VERSION + 1, "version", f"written by a newer NN Playground (format {FORMAT_VERSION + 1}"),
    ("version", "1", "version", "expected an integer, got text"),
    ("format", "keras-model", "format", "this is not an NN Playground experiment"),
]


@pytest.mark.parametrize(("path", "value", "where", "problem"), BAD_VALUES,
                         ids=[f"{row[0]}={row[1]!r}"[:40] for row in BAD_VALUES])
def test_bad_value_is_refused_naming_the_field(path, value, where, problem):
    data = _with(path, value)
    if problem is None:
        Experiment.from_dict(data)  # accepted
        return
    with pytest.raises(ExperimentError) as info:
        Experiment.from_dict(data)
    assert info.value.field == where
    assert problem in info.value.problem
    assert str(info.value) == f"{where}: {info.value.problem}"


def test_nesterov_without_momentum_is_refused_for_sgd():
    data = _with("optimizer.name", "sgd")
    data["optimizer"].update(nesterov=True, momentum=0.0)
    with pytest.raises(ExperimentError, match="optimizer.nesterov: Nesterov momentum needs a momentum above 0"):
        Experiment.from_dict(data)


@pytest.mark.parametrize(("text", "problem"), [
    ("", "the file is empty"),
    ("  \n\t", "the file is empty"),
    ("{}", "the file is empty"),
    ("{\"dataset\": \"mnist\",", "not valid JSON (line 1, column 21"),
    ("not json at all", "not valid JSON (line 1, column 1"),
    ("[1, 2, 3]", "expected an object, got a list"),
    ("42", "expected an object, got an integer"),
    ("null", "expected an object, got null"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
])
def test_text_that_is_not_an_experiment_is_refused(text, problem):
    with pytest.raises(ExperimentError) as info:
        Experiment.from_json(text)
    assert problem in str(info.value)


def test_load_names_the_file_problem(tmp_path):
    with pytest.raises(ExperimentError, match="does not exist"):
        Experiment.load(tmp_path / "missing.json")
    with pytest.raises(ExperimentError, match="cannot read"):
        Experiment.load(tmp_path)  # a folder
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(ExperimentError, match="is not a text \\(JSON\\) file"):
        Experiment.load(binary)
    empty = tmp_path / "empty.json"
    empty.write_text("")
    with pytest.raises(ExperimentError, match="the file is empty"):
        Experiment.load(empty)


def test_non_text_keys_from_code_are_refused_not_crashed():
    with pytest.raises(ExperimentError, match="unknown field"):
        Experiment.from_dict({"dataset": "circle", "layers": [], 1: 2, "zz": 3})


def test_to_dict_writes_every_layer_parameter():
    exp = tiny_experiment(layers=[linear(4, bias=False), LayerSpec("LeakyReLU", {"negative_slope": 0.2})])
    layers = exp.to_dict()["layers"]
    assert layers == [{"type": "Linear", "units": 4, "bias": False}, {"type": "LeakyReLU", "negative_slope": 0.2}]
    data = copy.deepcopy(exp.to_dict())
    assert data["format"] == "nn-playground-experiment" and data["version"] == 1  # a plain stack: format 1, as before graphs


def test_every_catalog_default_is_within_its_limits():
    for layer_type in catalog.LAYERS.values():
        for spec in layer_type.params:
            assert spec.read(spec.default, "x") == spec.default, (layer_type.name, spec.name)
        assert layer_type.group in catalog.LAYER_GROUPS
        assert catalog.canonical_layer_name(layer_type.name.upper()) == layer_type.name
        for alias in layer_type.aliases:
            assert catalog.canonical_layer_name(alias) == layer_type.name
    fields = set(Experiment().optimizer.__dataclass_fields__)
    for optimizer in catalog.OPTIMIZERS.values():
        assert set(optimizer.uses) <= fields, optimizer.name


def test_layer_graph_and_frozen_fields_round_trip():
    from playground.core.experiment import Experiment, LayerSpec

    exp = Experiment(layers=[
        LayerSpec("Flatten", {}, id="in"),
        LayerSpec("Linear", {"units": 10, "bias": True}, inputs=["in"], frozen=True),
    ])
    data = exp.to_dict()
    assert data["layers"][0]["id"] == "in"
    assert data["layers"][1]["inputs"] == ["in"] and data["layers"][1]["frozen"] is True
    again = Experiment.from_dict(data)
    assert again.layers == exp.layers
    # a plain layer writes none of the new keys, so version-1 files stay as they were
    assert set(Experiment(layers=[LayerSpec("Flatten", {})]).to_dict()["layers"][0]) == {"type"}
