"""The experiment: everything a training run needs, as plain data that saves to JSON.

An `Experiment` is the single source of truth shared by the GUI, the CLI and the trainer.
It knows nothing about torch modules; `playground.core.build` turns it into one.

Loading is strict on purpose: a hand-edited file with a wrong type, an unknown layer or a
negative size is refused with an `ExperimentError` naming the field (``layers[2].units``)
and the problem, never with a traceback.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from playground.core import catalog, limits
from playground.core.fields import (
    ExperimentError,
    check_keys,
    problem,
    read_bool,
    read_float,
    read_int,
    read_list,
    read_object,
    read_str,
    read_str_list,
)
from playground.data import registry, sequences  # names only; no tensors are created here
from playground.files import UnreadableFile, atomic_write_text, read_text_file
from playground.i18n import QT_TRANSLATE_NOOP

FORMAT_VERSION = 2  # the newest format this version reads; 2 added the graph fields (a layer's id and inputs)
PLAIN_VERSION = 1  # what a network without branches is still written as, so older versions read it
FORMAT_NAME = "nn-playground-experiment"


# --------------------------------------------------------------------------- parts


@dataclass
class LayerSpec:
    """One block of the network: a catalog type name and the values a person chose."""

    type: str
    params: dict[str, Any] = field(default_factory=dict)
    # Graph fields (experiment format 2): a name other blocks refer to, and the blocks this one
    # reads from (None = the block before it). Validated as a graph by the shape inference.
    id: str | None = None
    inputs: list[str] | None = None
    # Transfer learning: a frozen block keeps its weights (and BatchNorm statistics) while training.
    frozen: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type}
        if self.id is not None:
            data["id"] = self.id
        if self.inputs is not None:
            data["inputs"] = list(self.inputs)
        if self.frozen:
            data["frozen"] = True
        data.update(copy.deepcopy(self.params))
        return data


@dataclass
class AugmentSpec:
    """Random distortions applied per image while training (image datasets only)."""

    enabled: bool = False
    rotation: float = 12.0  # degrees, +/-
    shift: float = 0.12  # fraction of the image size, +/-
    scale: float = 0.15  # +/- relative zoom
    stroke: float = 0.3  # probability of thickening or thinning strokes
    blur: float = 0.2  # probability of a light Gaussian blur
    flip: bool = False  # mirror half the images left-right (clothing, never digits: a mirrored 2 is no 2)


@dataclass
class DatasetSpec:
    name: str = "mnist"
    batch_size: int = 64
    val_split: float = 0.1  # fraction of the training data held out for validation
    normalize: bool = True
    augment: AugmentSpec = field(default_factory=AugmentSpec)
    limit: int = 0  # use at most this many training images (0 = all)
    # generated datasets (2-D playground and regression lessons)
    samples: int = 500
    noise: float = 0.0
    features: list[str] = field(default_factory=lambda: ["x1", "x2"])
    sequence_length: int = 60  # T, the steps of each generated sequence (long-memory: 5 to 200)
    csv_path: str = ""  # for the "csv" dataset
    csv_features: list[str] = field(default_factory=list)
    csv_target: str = ""
    csv_task: str = "classification"


@dataclass
class OptimizerSpec:
    name: str = "adam"
    lr: float = 1e-3
    momentum: float = 0.0
    nesterov: bool = False
    betas: list[float] = field(default_factory=lambda: [0.9, 0.999])
    weight_decay: float = 0.0


@dataclass
class SchedulerSpec:
    name: str = "none"
    step_size: int = 1  # StepLR: epochs between decays
    gamma: float = 0.5  # StepLR / ExponentialLR decay factor
    max_lr: float = 0.0  # OneCycleLR peak (0 = 10x the optimizer's lr)


@dataclass
class Experiment:
    name: str = "Untitled"
    description: str = ""
    dataset: DatasetSpec = field(default_factory=DatasetSpec)
    layers: list[LayerSpec] = field(default_factory=list)
    loss: str = "cross_entropy"
    optimizer: OptimizerSpec = field(default_factory=OptimizerSpec)
    scheduler: SchedulerSpec = field(default_factory=SchedulerSpec)
    epochs: int = 5
    seed: int = 0
    device: str = "auto"
    grad_clip: float = 0.0  # max gradient norm, 0 = off
    l1: float = 0.0  # L1 penalty rate on weights, added to the loss
    l2: float = 0.0  # L2 penalty rate on weights, added to the loss
    # Transfer learning: start from these trained weights ("" = fresh; a checkpoint path or "bundled:mnist-cnn"),
    # copied into the layers whose type and shape match, in order (playground.core.transfer)
    init_from: str = ""

    # ------------------------------------------------------------------ conversion
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["layers"] = [layer.to_dict() for layer in self.layers]
        if not self.init_from:  # written only when set, like a layer's "frozen"
            del data["init_from"]
        if not self.dataset.augment.flip:
            del data["dataset"]["augment"]["flip"]
        return {"format": FORMAT_NAME, "version": self.format_version, **data}

    @property
    def format_version(self) -> int:
        """1 for a plain stack (exactly as before graphs), 2 when a layer names an id or its inputs."""
        graph = any(layer.id is not None or layer.inputs is not None for layer in self.layers)
        return FORMAT_VERSION if graph else PLAIN_VERSION

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def copy(self) -> Experiment:
        return copy.deepcopy(self)

    @classmethod
    def from_dict(cls, data: Any) -> Experiment:
        return _parse_experiment(data)

    @classmethod
    def from_json(cls, text: str) -> Experiment:
        return cls.from_dict(parse_json(text))

    # ------------------------------------------------------------------ files
    def save(self, path: str | os.PathLike[str]) -> None:
        atomic_write_text(path, self.to_json() + "\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Experiment:
        return cls.from_json(read_experiment_text(path))


def read_experiment_text(path: str | os.PathLike[str]) -> str:
    """An experiment or project file's text, or an ExperimentError saying why it cannot be read."""
    try:
        return read_text_file(path, kind="text (JSON)")
    except UnreadableFile as exc:
        raise ExperimentError("", exc.args[0] if exc.args else str(exc)) from None


# the json module's words for what it found wrong, so the window can show them translated
JSON_PROBLEMS = {text: text for text in (
    QT_TRANSLATE_NOOP("Experiment", "Expecting value"),
    QT_TRANSLATE_NOOP("Experiment", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("Experiment", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("Experiment", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("Experiment", "Unterminated string starting at"),
    QT_TRANSLATE_NOOP("Experiment", "Extra data"),
    QT_TRANSLATE_NOOP("Experiment", "Invalid control character at"),
    QT_TRANSLATE_NOOP("Experiment", "Invalid \\escape"),
    QT_TRANSLATE_NOOP("Experiment", "Illegal trailing comma before end of object"),
    QT_TRANSLATE_NOOP("Experiment", "Illegal trailing comma before end of array"),
)}


def _json_problem(text: str) -> str:
    return problem(JSON_PROBLEMS[text]) if text in JSON_PROBLEMS else text


def parse_json(text: str) -> Any:
    """The JSON value of an experiment or project file, or an ExperimentError saying why there is none."""
    if not text.strip():
        raise ExperimentError("", problem(QT_TRANSLATE_NOOP(
            "Experiment", "the file is empty; an experiment needs at least a dataset and layers")))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExperimentError("", problem(QT_TRANSLATE_NOOP(
            "Experiment", "the file is not valid JSON (line {line}, column {column}: {error})"),
            line=exc.lineno, column=exc.colno, error=_json_problem(exc.msg))) from None
    except RecursionError:
        raise ExperimentError("", problem(QT_TRANSLATE_NOOP(
            "Experiment", "the file is not an experiment: its JSON is nested too deeply"))) from None


# --------------------------------------------------------------------------- parsing
# Each reader (playground.core.fields) checks one value and names it in the error; the catalog
# and the data registry supply the names of layers, losses, optimizers and datasets.


def _parse_augment(value: Any, where: str) -> AugmentSpec:
    if isinstance(value, bool):  # shorthand: "augment": true
        return AugmentSpec(enabled=value)
    data = read_object(value, where)
    check_keys(data, {f.name for f in fields(AugmentSpec)}, where)
    spec = AugmentSpec()
    if "enabled" in data:
        spec.enabled = read_bool(data["enabled"], f"{where}.enabled")
    if "flip" in data:
        spec.flip = read_bool(data["flip"], f"{where}.flip")
    if "rotation" in data:
        spec.rotation = read_float(data["rotation"], f"{where}.rotation", *limits.ROTATION)
    for name in ("shift", "scale", "stroke", "blur"):
        if name in data:
            setattr(spec, name, read_float(data[name], f"{where}.{name}", *limits.AUGMENT_FRACTION))
    return spec


def _read_section(value: Any, where: str, spec_type: type, names: list[str]) -> tuple[dict[str, Any], Any]:
    """A section of the file (dataset, optimizer, scheduler) as an object or as its name alone
    ("optimizer": "sgd"): its fields checked against the spec's, its name against `names`."""
    if isinstance(value, str):
        value = {"name": value}
    data = read_object(value, where)
    check_keys(data, {f.name for f in fields(spec_type)}, where)
    spec = spec_type()
    if "name" in data:
        spec.name = read_str(data["name"], f"{where}.name", names)
    return data, spec


# How each dataset field is read: (value, where) -> value. Limits live in core/limits.py.
_DATASET_READERS: dict[str, Any] = {
    "batch_size": lambda v, w: read_int(v, w, *limits.BATCH_SIZE),
    "val_split": lambda v, w: read_float(v, w, *limits.VAL_SPLIT),
    "normalize": read_bool,
    "augment": lambda v, w: _parse_augment(v, w),
    "limit": lambda v, w: read_int(v, w, 0),
    "samples": lambda v, w: read_int(v, w, *limits.SAMPLES),
    "noise": lambda v, w: read_float(v, w, *limits.NOISE),
    "sequence_length": read_int,
    "features": lambda v, w: read_str_list(v, w, registry.FEATURE_NAMES),
    "csv_path": read_str,
    "csv_features": read_str_list,
    "csv_target": read_str,
    "csv_task": lambda v, w: read_str(v, w, ["classification", "regression"]),
}


def _parse_dataset(value: Any) -> DatasetSpec:
    data, spec = _read_section(value, "dataset", DatasetSpec, registry.dataset_names())
    if "name" not in data:
        raise ExperimentError("dataset.name", problem(QT_TRANSLATE_NOOP("Experiment", "missing; choose one of: {choices}"),
                                                      choices=", ".join(registry.dataset_names())))
    for key, read in _DATASET_READERS.items():
        if key in data:
            setattr(spec, key, read(data[key], f"dataset.{key}"))
    low, high = sequences.MIN_LENGTH, sequences.MAX_LENGTH
    if not low <= spec.sequence_length <= high:
        raise ExperimentError("dataset.sequence_length", problem(QT_TRANSLATE_NOOP(
            "Experiment", "the sequence length T must be from {low} to {high} steps, got {got}"),
            low=low, high=high, got=spec.sequence_length))
    if "features" in data and not spec.features:
        raise ExperimentError("dataset.features", problem(QT_TRANSLATE_NOOP(
            "Experiment", "choose at least one input feature (for example x1)")))
    return spec


LAYER_KEYS = ("type", "id", "inputs", "frozen")  # a layer's keys that are not its parameters


def _parse_layer(value: Any, index: int) -> LayerSpec:
    where = f"layers[{index}]"
    data = read_object(value, where)
    if "type" not in data:
        raise ExperimentError(f"{where}.type", problem(QT_TRANSLATE_NOOP(
            "Experiment", "missing; every layer needs a type such as \"Linear\"")))
    type_name = read_str(data["type"], f"{where}.type")
    layer_type = catalog.LAYERS.get(catalog.canonical_layer_name(type_name))
    if layer_type is None:
        raise ExperimentError(f"{where}.type", problem(QT_TRANSLATE_NOOP(
            "Experiment", "unknown layer {layer}; known layers are: {layers}"), layer=repr(type_name),
            layers=", ".join(catalog.LAYERS)))
    layer_id = None
    if "id" in data:
        layer_id = read_str(data["id"], f"{where}.id").strip()
        if not layer_id:
            raise ExperimentError(f"{where}.id", problem(QT_TRANSLATE_NOOP(
                "Experiment", "is empty; give the block a name such as \"skip1\" or leave it out")))
    inputs = None
    if "inputs" in data:
        inputs = read_str_list(data["inputs"], f"{where}.inputs")
    frozen = read_bool(data["frozen"], f"{where}.frozen") if "frozen" in data else False
    raw = {k: v for k, v in data.items() if k not in LAYER_KEYS}
    params = layer_type.parse_params(raw, where)
    return LayerSpec(layer_type.name, params, id=layer_id, inputs=inputs, frozen=frozen)


def _check_references(layers: list[LayerSpec]) -> None:
    """A file's graph must at least be readable: ids unique, every input naming a block, no loop. (What can
    still be fixed in the window — a merge with one input, a block without input — loads, and is shown red.)"""
    ids: dict[str, int] = {}
    for index, layer in enumerate(layers):
        if layer.id is None:
            continue
        if layer.id == "input":
            raise ExperimentError(f"layers[{index}].id", "\"input\" is the name of the network's input; give the "
                                  "block another id")
        if layer.id in ids:
            first = ids[layer.id]
            raise ExperimentError(f"layers[{index}].id", f"layers[{first}] ({layers[first].type}) already has the "
                                  f"id {layer.id!r}; every id must be unique — rename one of them")
        ids[layer.id] = index
    sources: list[list[int]] = []
    for index, layer in enumerate(layers):
        if layer.inputs is None:
            sources.append([index - 1] if index else [])
            continue
        for k, name in enumerate(layer.inputs):
            if name != "input" and name not in ids:
                known = ", ".join(["input", *ids])
                raise ExperimentError(f"layers[{index}].inputs[{k}]", f"no layer has the id {name!r}; name one of: "
                                      f"{known}")
        if len(layer.inputs) > 1 and catalog.LAYERS[layer.type].join is None:
            raise ExperimentError(f"layers[{index}].inputs", f"{layer.type} reads one input, but {len(layer.inputs)} "
                                  "are listed; join them with an Add or a Concat layer first")
        sources.append([ids[name] for name in layer.inputs if name != "input"])
    state = [0] * len(layers)  # 0 unseen, 1 on the current path, 2 done
    for start in range(len(layers)):
        if state[start]:
            continue
        state[start] = 1
        stack = [(start, iter(sources[start]))]
        while stack:
            node, todo = stack[-1]
            nxt = next(todo, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state[nxt] == 1:
                loop = [n for n, _ in stack][[n for n, _ in stack].index(nxt):]
                names = ", ".join(f"layers[{n}] ({layers[n].type})" for n in sorted(loop))
                raise ExperimentError(f"layers[{max(loop)}].inputs", f"{names} read from each other in a loop, so "
                                      "data would flow in a circle; remove one of these inputs")
            elif state[nxt] == 0:
                state[nxt] = 1
                stack.append((nxt, iter(sources[nxt])))


def _parse_optimizer(value: Any) -> OptimizerSpec:
    data, spec = _read_section(value, "optimizer", OptimizerSpec, list(catalog.OPTIMIZERS))
    if "lr" in data:
        spec.lr = read_float(data["lr"], "optimizer.lr", *limits.LEARNING_RATE, exclusive_min=True)
    if "momentum" in data:
        spec.momentum = read_float(data["momentum"], "optimizer.momentum", *limits.MOMENTUM)
    if "nesterov" in data:
        spec.nesterov = read_bool(data["nesterov"], "optimizer.nesterov")
    if "betas" in data:
        betas = data["betas"]
        if not isinstance(betas, list) or len(betas) != 2:
            raise ExperimentError("optimizer.betas", problem(QT_TRANSLATE_NOOP(
                "Experiment", "expected a list of two numbers such as [0.9, 0.999]")))
        spec.betas = [read_float(b, f"optimizer.betas[{i}]", *limits.BETA) for i, b in enumerate(betas)]
    if "weight_decay" in data:
        spec.weight_decay = read_float(data["weight_decay"], "optimizer.weight_decay", *limits.WEIGHT_DECAY)
    if spec.nesterov and spec.name == "sgd" and spec.momentum == 0:
        raise ExperimentError("optimizer.nesterov", problem(QT_TRANSLATE_NOOP(
            "Experiment", "Nesterov momentum needs a momentum above 0")))
    return spec


def _parse_scheduler(value: Any) -> SchedulerSpec:
    if value is None:
        return SchedulerSpec()
    data, spec = _read_section(value, "scheduler", SchedulerSpec, list(catalog.SCHEDULERS))
    if "step_size" in data:
        spec.step_size = read_int(data["step_size"], "scheduler.step_size", *limits.STEP_SIZE)
    if "gamma" in data:
        spec.gamma = read_float(data["gamma"], "scheduler.gamma", *limits.GAMMA, exclusive_min=True)
    if "max_lr" in data:
        spec.max_lr = read_float(data["max_lr"], "scheduler.max_lr", *limits.MAX_LR)
    return spec


def _parse_experiment(value: Any) -> Experiment:
    data = read_object(value, "")
    if isinstance(value, dict) and not value:
        raise ExperimentError("", problem(QT_TRANSLATE_NOOP(
            "Experiment", "the file is empty; an experiment needs at least a dataset and layers")))
    version = data.get("version", FORMAT_VERSION)
    version = read_int(version, "version", 1)
    if version > FORMAT_VERSION:
        raise ExperimentError("version", problem(QT_TRANSLATE_NOOP(
            "Experiment", "this file was written by a newer NN Playground (format {version}; this version reads up to "
                          "{supported}); update the app to open it"), version=version, supported=FORMAT_VERSION))
    if "format" in data and data["format"] != FORMAT_NAME:
        raise ExperimentError("format", problem(QT_TRANSLATE_NOOP(
            "Experiment", "expected {format}; this is not an NN Playground experiment"), format=repr(FORMAT_NAME)))
    known = {f.name for f in fields(Experiment)} | {"format", "version"}
    check_keys(data, known, "")
    exp = Experiment()
    if "name" in data:
        exp.name = read_str(data["name"], "name")
    if "description" in data:
        exp.description = read_str(data["description"], "description")
    if "dataset" not in data:
        raise ExperimentError("dataset", problem(QT_TRANSLATE_NOOP(
            "Experiment", "missing; for example {example}"), example='"dataset": {"name": "mnist"}'))
    exp.dataset = _parse_dataset(data["dataset"])
    if "layers" not in data:
        raise ExperimentError("layers", problem(QT_TRANSLATE_NOOP(
            "Experiment", "missing; list the network's layers, for example {example}"),
            example='[{"type": "Flatten"}, ...]'))
    exp.layers = [_parse_layer(item, i) for i, item in enumerate(read_list(data["layers"], "layers", QT_TRANSLATE_NOOP("Experiment", "layers")))]
    _check_references(exp.layers)
    if "loss" in data:
        exp.loss = read_str(data["loss"], "loss", list(catalog.LOSSES))
    if "optimizer" in data:
        exp.optimizer = _parse_optimizer(data["optimizer"])
    if "scheduler" in data:
        exp.scheduler = _parse_scheduler(data["scheduler"])
    if "epochs" in data:
        exp.epochs = read_int(data["epochs"], "epochs", *limits.EPOCHS)
    if "seed" in data:
        exp.seed = read_int(data["seed"], "seed", *limits.SEED)
    if "device" in data:
        exp.device = read_str(data["device"], "device", ["auto", "cpu", "cuda", "mps"])
    if "grad_clip" in data:
        if isinstance(data["grad_clip"], (int, float)) and not isinstance(data["grad_clip"], bool) \
                and data["grad_clip"] < 0:
            raise ExperimentError("grad_clip", f"the largest gradient norm must be above 0, got {data['grad_clip']:g} "
                                  "— use 0 to turn clipping off, or a norm such as 1.0")
        exp.grad_clip = read_float(data["grad_clip"], "grad_clip", *limits.GRAD_CLIP)
    if "init_from" in data:
        exp.init_from = read_str(data["init_from"], "init_from").strip()
        if exp.init_from.startswith("bundled:") and exp.init_from != "bundled:mnist-cnn":
            raise ExperimentError("init_from", f"unknown bundled model {exp.init_from!r}; the bundled model is "
                                  "\"bundled:mnist-cnn\" (or give a checkpoint's path)")
    for name in ("l1", "l2"):
        if name in data:
            setattr(exp, name, read_float(data[name], name, *limits.PENALTY))
    return exp
