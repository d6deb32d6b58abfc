"""Property tests: whatever layers or JSON arrive, the engine answers with a report, an
ExperimentError or an error Issue, never with another exception; and a valid small network's
built model has the shapes and parameter count inference promised."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import pytest
import torch
from helpers import layer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core import catalog
from playground.core.build import build_layers
from playground.core.experiment import Experiment, ExperimentError, LayerSpec
from playground.core.presets import load_preset, preset_names
from playground.core.project import load_project, parse_project
from playground.core.shapes import infer_layers, infer_shapes
from playground.data.registry import dataset_names

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LAYER_NAMES = sorted(catalog.LAYERS)


def param_value(spec: catalog.ParamSpec) -> st.SearchStrategy:
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "int":
        return st.integers(int(spec.minimum), int(spec.maximum))
    return st.floats(spec.minimum, spec.maximum, allow_nan=False)


@st.composite
def layer_specs(draw) -> LayerSpec:
    """A layer as a file may hold it: any type, each parameter anywhere within its limits."""
    layer_type = catalog.LAYERS[draw(st.sampled_from(LAYER_NAMES))]
    params = {spec.name: draw(st.one_of(st.just(spec.default), param_value(spec))) for spec in layer_type.params}
    return LayerSpec(layer_type.name, params)


input_shapes = st.one_of(
    st.tuples(st.integers(1, 3), st.integers(1, 32), st.integers(1, 32)),
    st.tuples(st.integers(1, 64)),
)


@FUZZ
@given(shape=input_shapes, layers=st.lists(layer_specs(), max_size=8))
def test_random_layer_stacks_give_a_report(shape, layers):
    report = infer_layers(shape, layers)
    assert len(report.layers) == len(layers)
    if report.error is None:
        assert all(row.output_shape is not None for row in report.layers)
        assert all(d >= 1 for row in report.layers for d in row.output_shape)
    else:
        bad = report.error.index
        assert report.error.message.startswith(f"{layers[bad].type} #{bad + 1}")
        assert all(row.output_shape is None for row in report.layers[bad:])
        assert "{layer}" not in report.error.message


@FUZZ
@given(dataset=st.sampled_from([n for n in dataset_names() if n != "csv"]),
       layers=st.lists(layer_specs(), max_size=6), loss=st.sampled_from(sorted(catalog.LOSSES)))
def test_random_experiments_give_a_report(dataset, layers, loss):
    exp = Experiment.from_dict({"dataset": dataset, "layers": [spec.to_dict() for spec in layers], "loss": loss})
    report = infer_shapes(exp)
    assert report.error is not None or report.output_shape is not None
    assert all(w.message for w in report.warnings)


def small_enough(report) -> bool:
    biggest = max((math.prod(row.output_shape) for row in report.layers), default=0)
    return report.total_parameters <= 200_000 and biggest <= 50_000


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shape=input_shapes, layers=st.lists(layer_specs(), min_size=1, max_size=5))
def test_valid_small_stacks_build_as_inferred(shape, layers):
    report = infer_layers(shape, layers)
    if report.error is not None or not small_enough(report):
        return
    torch.manual_seed(0)
    model = build_layers(shape, layers).eval()
    x = torch.randn(2, *shape)
    with torch.no_grad():
        for module, row in zip(model, report.layers, strict=True):
            x = module(x)
            assert tuple(x.shape[1:]) == row.output_shape, row.type
    assert sum(p.numel() for p in model.parameters()) == report.total_parameters


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


def must_be_refused_or_valid(data) -> None:
    try:
        exp = Experiment.from_dict(data)
    except ExperimentError as exc:
        assert str(exc)  # a message for a person
        return
    report = infer_shapes(exp)  # a loaded experiment always gets a report
    assert report.error is None or report.error.message
    assert Experiment.from_json(exp.to_json()) == exp


@FUZZ
@given(json_values)
def test_random_json_is_refused_or_loaded(data):
    must_be_refused_or_valid(data)


def _paths(value, prefix=()):
    """Every place in a JSON tree: (path to the parent, key)."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield prefix, key
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield prefix, index
            yield from _paths(child, (*prefix, index))


def replace_one_value(tree, data) -> None:
    """Delete one key of the JSON tree, or replace one value (at any depth) with random JSON."""
    parent_path, key = data.draw(st.sampled_from(list(_paths(tree))))
    parent = tree
    for part in parent_path:
        parent = parent[part]
    if data.draw(st.booleans(), label="delete") and isinstance(parent, dict):
        del parent[key]
    else:
        parent[key] = data.draw(json_values, label="value")


@FUZZ
@given(st.sampled_from(preset_names()), st.data())
def test_a_preset_with_one_value_replaced_is_refused_or_loaded(name, data):
    tree = load_preset(name).to_dict()
    replace_one_value(tree, data)
    must_be_refused_or_valid(tree)


@FUZZ
@given(st.text(max_size=200))
def test_random_text_is_refused_or_loaded(text):
    try:
        Experiment.from_json(text)
    except ExperimentError:
        pass


def test_the_fuzzers_reach_valid_networks():
    """A sanity check that the strategies above can produce valid stacks at all (not only errors)."""
    valid = infer_layers((1, 28, 28), [layer("Conv2d"), layer("ReLU"), layer("Flatten"), layer("Linear")])
    assert valid.error is None
    round_trip = json.loads(load_preset("spiral").to_json())
    must_be_refused_or_valid(round_trip)


# --------------------------------------------------------------------------- files as they arrive


@FUZZ
@given(st.one_of(st.text(max_size=200), json_values.map(json.dumps)))
def test_random_text_is_refused_or_loaded_as_a_project(text):
    """Open and `playground --experiment` read projects (an experiment plus its runs) through parse_project."""
    try:
        experiment, runs = parse_project(text)
    except ExperimentError as exc:
        assert str(exc)
        return
    assert isinstance(experiment, Experiment) and isinstance(runs, list)


def a_project() -> dict:
    from playground.core.project import EpochRecord, RunRecord

    exp = load_preset("spiral")
    run = RunRecord("Run 1", exp, "completed", 3.25, [EpochRecord(1, 0.6, 0.7, 0.55, 0.75, 0.01, 1.5)],
                    [0.7, 0.65], 2, 0.5, 0.88, 0.4)
    return {**exp.to_dict(), "runs": [run.to_dict()]}


@FUZZ
@given(st.data())
def test_a_project_with_one_value_replaced_is_refused_or_loaded(data):
    tree = a_project()
    replace_one_value(tree, data)
    try:
        parse_project(json.dumps(tree))
    except ExperimentError as exc:
        assert str(exc)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_in_a_file_are_refused_or_loaded(payload):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.json"
        path.write_bytes(payload)
        for load in (Experiment.load, load_project):
            try:
                load(path)
            except ExperimentError as exc:
                assert str(exc)


@pytest.fixture(scope="module")
def checkpoint_bytes() -> bytes:
    from playground.core.checkpoint import save_checkpoint

    exp = Experiment.from_dict({"dataset": "circle", "layers": [{"type": "Linear", "units": 3},
                                                               {"type": "ReLU"}, {"type": "Linear", "units": 2}]})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.pt"
        save_checkpoint(path, build_layers((2,), exp.layers), exp, input_shape=(2,))
        return path.read_bytes()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_checkpoint_is_refused_or_loaded(checkpoint_bytes, data):
    """Bytes cut short or overwritten anywhere in a real checkpoint: a CheckpointError, or the model."""
    from playground.core.checkpoint import CheckpointError, load_checkpoint

    payload = bytearray(checkpoint_bytes)
    if data.draw(st.booleans(), label="truncate"):
        payload = payload[:data.draw(st.integers(0, len(payload) - 1), label="length")]
    for _ in range(data.draw(st.integers(0, 8), label="overwrites")):
        if payload:
            payload[data.draw(st.integers(0, len(payload) - 1), label="at")] = data.draw(st.integers(0, 255))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.pt"
        path.write_bytes(bytes(payload))
        try:
            loaded = load_checkpoint(path)
        except CheckpointError as exc:
            assert str(exc).startswith("damaged.pt")
            assert "refused" not in str(exc)  # damage is not an attack: zip checksums tell them apart
        else:
            assert loaded.input_shape == (2,)
        assert sorted(p.name for p in Path(folder).iterdir()) == ["damaged.pt"]
