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
import math
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
FORMAT_NAME = "nn-playground-experiment"


class ExperimentError(ValueError):
    """A problem with an experiment's content, phrased for the user.

    ``field`` is the dotted path of the offending value (``optimizer.lr``).
    """

    def __init__(self, field: str, problem: str):
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


# --------------------------------------------------------------------------- parts


@dataclass
class LayerSpec:
    """One block of the network: a catalog type name and the values a person chose."""

    type: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, **copy.deepcopy(self.params)}


@dataclass
class AugmentSpec:
    """Random distortions applied per image while training (image datasets only)."""

    enabled: bool = False
    rotation: float = 12.0  # degrees, +/-
    shift: float = 0.12  # fraction of the image size, +/-
    scale: float = 0.15  # +/- relative zoom
    stroke: float = 0.3  # probability of thickening or thinning strokes
    blur: float = 0.2  # probability of a light Gaussian blur


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

    # ------------------------------------------------------------------ conversion
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["layers"] = [layer.to_dict() for layer in self.layers]
        return {"format": FORMAT_NAME, "version": FORMAT_VERSION, **data}

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
        atomic_write_text(Path(path), self.to_json() + "\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Experiment:
        return cls.from_json(read_text_file(path))


def read_text_file(path: str | os.PathLike[str]) -> str:
    """An experiment or project file's text, or an ExperimentError saying why it cannot be read."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExperimentError("", f"{path} does not exist") from None
    except UnicodeDecodeError:
        raise ExperimentError("", f"{path} is not a text (JSON) file") from None
    except OSError as exc:
        raise ExperimentError("", f"cannot read {path}: {exc.strerror}") from None


def parse_json(text: str) -> Any:
    """The JSON value of an experiment or project file, or an ExperimentError saying why there is none."""
    if not text.strip():
        raise ExperimentError("", "the file is empty; an experiment needs at least a dataset and layers")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExperimentError(
            "", f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise ExperimentError("", "the file is not an experiment: its JSON is nested too deeply") from None


def atomic_write_text(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a crash never leaves half a file."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --------------------------------------------------------------------------- parsing
# Each reader checks one value and names it in the error; the catalog supplies the
# layer / loss / optimizer names so this module needs no knowledge of torch.


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "an integer", float: "a number", str: "text",
            list: "a list", dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


def read_int(value: Any, where: str, minimum: int | None = None, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExperimentError(where, f"expected an integer, got {_type_name(value)}")
    if isinstance(value, float):
        if not value.is_integer():
            raise ExperimentError(where, f"expected an integer, got {value}")
        value = int(value)
    if minimum is not None and value < minimum:
        raise ExperimentError(where, f"must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ExperimentError(where, f"must be at most {maximum}, got {value}")
    return value


def read_float(value: Any, where: str, minimum: float | None = None, maximum: float | None = None,
               exclusive_min: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExperimentError(where, f"expected a number, got {_type_name(value)}")
    try:
        value = float(value)
    except OverflowError:  # an integer beyond float range, e.g. 1 followed by 400 zeros
        raise ExperimentError(where, "must be a finite number, got a number too large to use") from None
    if not math.isfinite(value):
        raise ExperimentError(where, f"must be a finite number, got {value}")
    if minimum is not None and (value <= minimum if exclusive_min else value < minimum):
        raise ExperimentError(where, f"must be {'greater than' if exclusive_min else 'at least'} {minimum:g}, got {value:g}")
    if maximum is not None and value > maximum:
        raise ExperimentError(where, f"must be at most {maximum:g}, got {value:g}")
    return value


def read_bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ExperimentError(where, f"expected true or false, got {_type_name(value)}")
    return value


def read_str(value: Any, where: str, choices: list[str] | None = None) -> str:
    if not isinstance(value, str):
        raise ExperimentError(where, f"expected text, got {_type_name(value)}")
    if choices is not None and value not in choices:
        raise ExperimentError(where, f"unknown value {value!r}; choose one of: {', '.join(choices)}")
    return value


def _read_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ExperimentError(where, f"expected an object, got {_type_name(value)}")
    return value


def _check_keys(data: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(str(key) for key in set(data) - allowed)  # str: from_dict may get non-text keys
    if unknown:
        prefix = f"{where}." if where else ""
        raise ExperimentError(f"{prefix}{unknown[0]}", f"unknown field; known fields are: {', '.join(sorted(allowed))}")


def _parse_augment(value: Any, where: str) -> AugmentSpec:
    if isinstance(value, bool):  # shorthand: "augment": true
        return AugmentSpec(enabled=value)
    data = _read_object(value, where)
    _check_keys(data, {f.name for f in fields(AugmentSpec)}, where)
    spec = AugmentSpec()
    if "enabled" in data:
        spec.enabled = read_bool(data["enabled"], f"{where}.enabled")
    if "rotation" in data:
        spec.rotation = read_float(data["rotation"], f"{where}.rotation", 0, 180)
    for name in ("shift", "scale", "stroke", "blur"):
        if name in data:
            setattr(spec, name, read_float(data[name], f"{where}.{name}", 0, 1))
    return spec


def _parse_str_list(value: Any, where: str, choices: list[str] | None = None) -> list[str]:
    if not isinstance(value, list):
        raise ExperimentError(where, f"expected a list, got {_type_name(value)}")
    return [read_str(item, f"{where}[{i}]", choices) for i, item in enumerate(value)]


def _parse_dataset(value: Any) -> DatasetSpec:
    from playground.data import registry, sequences  # names only; no tensors are created here

    where = "dataset"
    if isinstance(value, str):  # shorthand: "dataset": "mnist"
        value = {"name": value}
    data = _read_object(value, where)
    _check_keys(data, {f.name for f in fields(DatasetSpec)}, where)
    spec = DatasetSpec()
    if "name" not in data:
        raise ExperimentError("dataset.name", "missing; choose one of: " + ", ".join(registry.dataset_names()))
    spec.name = read_str(data["name"], "dataset.name", registry.dataset_names())
    if "batch_size" in data:
        spec.batch_size = read_int(data["batch_size"], "dataset.batch_size", 1, 65536)
    if "val_split" in data:
        spec.val_split = read_float(data["val_split"], "dataset.val_split", 0, 0.9)
    if "normalize" in data:
        spec.normalize = read_bool(data["normalize"], "dataset.normalize")
    if "augment" in data:
        spec.augment = _parse_augment(data["augment"], "dataset.augment")
    if "limit" in data:
        spec.limit = read_int(data["limit"], "dataset.limit", 0)
    if "samples" in data:
        spec.samples = read_int(data["samples"], "dataset.samples", 4, 1_000_000)
    if "noise" in data:
        spec.noise = read_float(data["noise"], "dataset.noise", 0, 1)
    if "sequence_length" in data:
        spec.sequence_length = read_int(data["sequence_length"], "dataset.sequence_length")
        low, high = sequences.MIN_LENGTH, sequences.MAX_LENGTH
        if not low <= spec.sequence_length <= high:
            raise ExperimentError("dataset.sequence_length", f"the sequence length T must be from {low} to {high} "
                                  f"steps, got {spec.sequence_length}")
    if "features" in data:
        spec.features = _parse_str_list(data["features"], "dataset.features", registry.FEATURE_NAMES)
        if not spec.features:
            raise ExperimentError("dataset.features", "choose at least one input feature (for example x1)")
    if "csv_path" in data:
        spec.csv_path = read_str(data["csv_path"], "dataset.csv_path")
    if "csv_features" in data:
        spec.csv_features = _parse_str_list(data["csv_features"], "dataset.csv_features")
    if "csv_target" in data:
        spec.csv_target = read_str(data["csv_target"], "dataset.csv_target")
    if "csv_task" in data:
        spec.csv_task = read_str(data["csv_task"], "dataset.csv_task", ["classification", "regression"])
    return spec


def _parse_layer(value: Any, index: int) -> LayerSpec:
    from playground.core import catalog

    where = f"layers[{index}]"
    data = _read_object(value, where)
    if "type" not in data:
        raise ExperimentError(f"{where}.type", "missing; every layer needs a type such as \"Linear\"")
    type_name = read_str(data["type"], f"{where}.type")
    layer_type = catalog.LAYERS.get(catalog.canonical_layer_name(type_name))
    if layer_type is None:
        raise ExperimentError(
            f"{where}.type", f"unknown layer {type_name!r}; known layers are: {', '.join(catalog.LAYERS)}"
        )
    raw = {k: v for k, v in data.items() if k != "type"}
    params = layer_type.parse_params(raw, where)
    return LayerSpec(layer_type.name, params)


def _parse_optimizer(value: Any) -> OptimizerSpec:
    from playground.core import catalog

    where = "optimizer"
    if isinstance(value, str):
        value = {"name": value}
    data = _read_object(value, where)
    _check_keys(data, {f.name for f in fields(OptimizerSpec)}, where)
    spec = OptimizerSpec()
    if "name" in data:
        spec.name = read_str(data["name"], "optimizer.name", list(catalog.OPTIMIZERS))
    if "lr" in data:
        spec.lr = read_float(data["lr"], "optimizer.lr", 0, 10, exclusive_min=True)
    if "momentum" in data:
        spec.momentum = read_float(data["momentum"], "optimizer.momentum", 0, 0.9999)
    if "nesterov" in data:
        spec.nesterov = read_bool(data["nesterov"], "optimizer.nesterov")
    if "betas" in data:
        betas = data["betas"]
        if not isinstance(betas, list) or len(betas) != 2:
            raise ExperimentError("optimizer.betas", "expected a list of two numbers such as [0.9, 0.999]")
        spec.betas = [read_float(b, f"optimizer.betas[{i}]", 0, 0.99999) for i, b in enumerate(betas)]
    if "weight_decay" in data:
        spec.weight_decay = read_float(data["weight_decay"], "optimizer.weight_decay", 0, 1)
    if spec.nesterov and spec.name == "sgd" and spec.momentum == 0:
        raise ExperimentError("optimizer.nesterov", "Nesterov momentum needs a momentum above 0")
    return spec


def _parse_scheduler(value: Any) -> SchedulerSpec:
    from playground.core import catalog

    where = "scheduler"
    if value is None:
        return SchedulerSpec()
    if isinstance(value, str):
        value = {"name": value}
    data = _read_object(value, where)
    _check_keys(data, {f.name for f in fields(SchedulerSpec)}, where)
    spec = SchedulerSpec()
    if "name" in data:
        spec.name = read_str(data["name"], "scheduler.name", list(catalog.SCHEDULERS))
    if "step_size" in data:
        spec.step_size = read_int(data["step_size"], "scheduler.step_size", 1, 10000)
    if "gamma" in data:
        spec.gamma = read_float(data["gamma"], "scheduler.gamma", 0, 1, exclusive_min=True)
    if "max_lr" in data:
        spec.max_lr = read_float(data["max_lr"], "scheduler.max_lr", 0, 10)
    return spec


def _parse_experiment(value: Any) -> Experiment:
    from playground.core import catalog

    data = _read_object(value, "")
    if isinstance(value, dict) and not value:
        raise ExperimentError("", "the file is empty; an experiment needs at least a dataset and layers")
    version = data.get("version", FORMAT_VERSION)
    version = read_int(version, "version", 1)
    if version > FORMAT_VERSION:
        raise ExperimentError(
            "version",
            f"this file was written by a newer NN Playground (format {version}; this version reads up to "
            f"{FORMAT_VERSION}); update the app to open it",
        )
    if "format" in data and data["format"] != FORMAT_NAME:
        raise ExperimentError("format", f"expected {FORMAT_NAME!r}; this is not an NN Playground experiment")
    known = {f.name for f in fields(Experiment)} | {"format", "version"}
    _check_keys(data, known, "")
    exp = Experiment()
    if "name" in data:
        exp.name = read_str(data["name"], "name")
    if "description" in data:
        exp.description = read_str(data["description"], "description")
    if "dataset" not in data:
        raise ExperimentError("dataset", "missing; for example \"dataset\": {\"name\": \"mnist\"}")
    exp.dataset = _parse_dataset(data["dataset"])
    if "layers" not in data:
        raise ExperimentError("layers", "missing; list the network's layers, for example [{\"type\": \"Flatten\"}, ...]")
    layers = data["layers"]
    if not isinstance(layers, list):
        raise ExperimentError("layers", f"expected a list of layers, got {_type_name(layers)}")
    exp.layers = [_parse_layer(item, i) for i, item in enumerate(layers)]
    if "loss" in data:
        exp.loss = read_str(data["loss"], "loss", list(catalog.LOSSES))
    if "optimizer" in data:
        exp.optimizer = _parse_optimizer(data["optimizer"])
    if "scheduler" in data:
        exp.scheduler = _parse_scheduler(data["scheduler"])
    if "epochs" in data:
        exp.epochs = read_int(data["epochs"], "epochs", 1, 10000)
    if "seed" in data:
        exp.seed = read_int(data["seed"], "seed", 0, 2**31 - 1)
    if "device" in data:
        exp.device = read_str(data["device"], "device", ["auto", "cpu", "cuda", "mps"])
    if "grad_clip" in data:
        exp.grad_clip = read_float(data["grad_clip"], "grad_clip", 0, 1e6)
    for name in ("l1", "l2"):
        if name in data:
            setattr(exp, name, read_float(data[name], name, 0, 10))
    return exp
