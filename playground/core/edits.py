"""Edits of an experiment as plain functions: each takes an experiment and returns a changed copy.

The window and the panels decide *what* to change and how to name it in the undo history; these
functions only change it, so the rules (where a new layer goes, what a dataset switch does to the
output layer and the loss) are written once and tested without Qt. The input is never modified.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playground.core import catalog, graph_edits
from playground.core.experiment import Experiment, LayerSpec
from playground.core.mlp import HiddenLayer, MlpShape, fit_output_to_dataset, read_mlp
from playground.data import generated

SMALL_BATCH = 25  # a batch size that suits a few hundred 2-D points (after images, 64 would be a third of them)
DEFAULT_TEST_SHARE = 0.5  # TensorFlow Playground's default train/test ratio


def changed(experiment: Experiment, change: Callable[[Experiment], None]) -> Experiment:
    """A copy of `experiment` with `change` applied to it (a setting of a panel: the loss, a rotation)."""
    exp = experiment.copy()
    change(exp)
    return exp


# ---------------------------------------------------------------------------------------- layers


def _check_row(experiment: Experiment, row: int) -> None:
    if not 0 <= row < len(experiment.layers):
        raise IndexError(f"no layer at row {row}: the network has {len(experiment.layers)}")


def _branched(experiment: Experiment) -> bool:
    """Whether the network names ids or inputs (a graph): its edits go through `graph_edits`, which rewires."""
    return any(layer.id is not None or layer.inputs is not None or catalog.LAYERS[layer.type].is_merge
               for layer in experiment.layers if layer.type in catalog.LAYERS)


def insert_layer(experiment: Experiment, type_name: str, row: int | None = None) -> tuple[Experiment, int]:
    """A new `type_name` layer with its default settings at `row` (the end when None, clamped into range);
    returns the new experiment and the row the layer landed on. In a graph it goes on the arrow into the
    block at `row`."""
    if _branched(experiment):
        return graph_edits.insert_block(experiment, type_name, row)
    layer_type = catalog.LAYERS[type_name]
    new = experiment.copy()
    row = len(new.layers) if row is None else max(0, min(row, len(new.layers)))
    new.layers.insert(row, LayerSpec(layer_type.name, layer_type.defaults()))
    return new, row


def delete_layer(experiment: Experiment, row: int) -> Experiment:
    """The layer at `row` removed; in a graph, what read it reads its input (graph_edits.delete_layers)."""
    _check_row(experiment, row)
    if _branched(experiment):
        return graph_edits.delete_layers(experiment, [row])[0]
    new = experiment.copy()
    del new.layers[row]
    return new


def duplicate_layer(experiment: Experiment, row: int) -> Experiment:
    """A copy of the layer at `row`, inserted just below it (in a graph: on its output; a merge block is
    refused with a GraphError saying why)."""
    _check_row(experiment, row)
    if _branched(experiment):
        return graph_edits.duplicate_layer(experiment, row)[0]
    new = experiment.copy()
    layer = new.layers[row]
    new.layers.insert(row + 1, LayerSpec(layer.type, dict(layer.params)))
    return new


def move_layer(experiment: Experiment, source: int, target: int) -> Experiment:
    """The layer at `source` moved so that it ends up at `target` (its final position); in a graph it is taken
    off its arrows and put on the arrow into the block at `target` (a merge block: GraphError)."""
    _check_row(experiment, source)
    _check_row(experiment, target)
    if _branched(experiment):
        return graph_edits.move_layer(experiment, source, target)
    new = experiment.copy()
    new.layers.insert(target, new.layers.pop(source))
    return new


def set_layer_param(experiment: Experiment, row: int, name: str, value: Any) -> Experiment:
    """One setting of one layer; `name` must be a parameter of the layer's catalog type."""
    _check_row(experiment, row)
    layer = experiment.layers[row]
    if name not in {spec.name for spec in catalog.LAYERS[layer.type].params}:
        raise KeyError(f"{layer.type} has no setting {name!r}")
    new = experiment.copy()
    new.layers[row].params[name] = value
    return new


# ---------------------------------------------------------------------------------------- 2-D data


def use_point_dataset(experiment: Experiment, name: str, output_size: int, task: str) -> Experiment:
    """Switch to a generated 2-D/1-D set. The nine-point lesson trains and tests on all nine points; coming
    from it (or from images) the split goes back to half and half, and from images the batch gets small.
    The output layer and the loss are fitted to the new set's `output_size` and `task` (its registry facts)."""
    old = experiment.dataset
    new = experiment.copy()
    new.dataset.name = name
    if name == "linear-9":
        new.dataset.val_split = 0.0
    elif old.name == "linear-9" or old.name not in generated.RAW_DIMS:
        new.dataset.val_split = DEFAULT_TEST_SHARE
    if old.name not in generated.RAW_DIMS:
        new.dataset.batch_size = min(old.batch_size, SMALL_BATCH)
    return fit_output_to_dataset(new, output_size, task)


def use_csv(experiment: Experiment, path: str, features: list[str], target: str, task: str,
            class_names: list[str]) -> Experiment:
    """Train on a CSV file's columns. A network that is not a plain MLP (a CNN from MNIST) becomes a small one;
    the output layer gets one unit per class (at least two) or one value for regression."""
    old = experiment.dataset
    new = experiment.copy()
    new.dataset.name = "csv"
    new.dataset.csv_path, new.dataset.csv_features = path, list(features)
    new.dataset.csv_target, new.dataset.csv_task = target, task
    if old.name not in generated.RAW_DIMS and old.name != "csv":
        new.dataset.batch_size = min(new.dataset.batch_size, SMALL_BATCH)
    if read_mlp(new.layers) is None:
        new.layers = MlpShape([HiddenLayer(8), HiddenLayer(8)], 2).layers()
    outputs = 1 if task == "regression" else max(2, len(class_names))
    return fit_output_to_dataset(new, outputs, task)


def set_regularization(experiment: Experiment, kind: str, rate: float) -> Experiment:
    """`kind` is "None", "L1" or "L2"; choosing L1/L2 with a zero rate would change nothing, so it gets 0.001."""
    if kind != "None" and rate == 0.0:
        rate = 0.001
    new = experiment.copy()
    new.l1 = rate if kind == "L1" else 0.0
    new.l2 = rate if kind == "L2" else 0.0
    return new


# ---------------------------------------------------------------------------------------- transfer learning


def set_frozen(experiment: Experiment, row: int, frozen: bool) -> Experiment:
    _check_row(experiment, row)
    new = experiment.copy()
    new.layers[row].frozen = frozen
    return new


def freeze_up_to(experiment: Experiment, row: int) -> Experiment:
    """Layers 0..row frozen, the rest learning (the usual transfer-learning split: features, then a head)."""
    _check_row(experiment, row)
    new = experiment.copy()
    for index, layer in enumerate(new.layers):
        layer.frozen = index <= row
    return new


def unfreeze_all(experiment: Experiment) -> Experiment:
    new = experiment.copy()
    for layer in new.layers:
        layer.frozen = False
    return new


def replace_head(experiment: Experiment, outputs: int) -> tuple[Experiment, int] | None:
    """The last Linear layer set to `outputs` units (the current dataset's classes) and learning:
    (experiment, its row), or None when the network has no Linear layer."""
    rows = [i for i, layer in enumerate(experiment.layers) if layer.type == "Linear"]
    if not rows:
        return None
    new = experiment.copy()
    row = rows[-1]
    params = dict(new.layers[row].params)
    params["units"] = outputs
    new.layers[row] = LayerSpec("Linear", params, id=new.layers[row].id, inputs=new.layers[row].inputs)
    return new, row
