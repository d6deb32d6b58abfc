"""Experiment → a standalone PyTorch script, written like the course's own code.

The script needs only torch, torchvision and numpy: a `class Net(nn.Module)` whose layers are
listed in `__init__` and applied one per line in `forward()`, the data (torchvision MNIST /
FashionMNIST, the generated 2-D and regression sets, or the CSV file), the same validation
split, loss, optimizer, scheduler, penalties and clipping as the app, a training loop that
prints each epoch, and a final test. It trains the *same* network: `torch.manual_seed(SEED)`
followed by `Net()` gives exactly the weights the app starts from (modules are created in the
app's order and He initialization is applied to the same layers).

This module is pure string templating: it imports neither torch nor Qt. Templates use
`string.Template` (`$name`) because the generated code is full of `{}` (f-strings, dicts).
"""

from __future__ import annotations

import inspect
import json
import re
from dataclasses import dataclass, field
from string import Template
from textwrap import dedent

from playground.core import catalog
from playground.core.catalog import format_shape
from playground.core.experiment import Experiment, ExperimentError
from playground.core.shapes import infer_layers
from playground.data import generated
from playground.data.features import FEATURE_LABELS, usable_features

# Layers followed by one of these get He initialization (same rule as playground.core.build;
# a test keeps the two tuples equal, this module must not import torch).
RELU_FAMILY = ("ReLU", "LeakyReLU", "ELU", "GELU", "SiLU")

# How each input feature is computed from the raw coordinates x1, x2 (see playground.data.features;
# a test checks these expressions give the same numbers).
FEATURE_EXPRESSIONS = {
    "x1": "x1", "x2": "x2", "x1^2": "x1 ** 2", "x2^2": "x2 ** 2", "x1*x2": "x1 * x2",
    "sin(x1)": "np.sin(x1)", "sin(x2)": "np.sin(x2)",
}

# attribute name prefix per layer type: fc1, conv1, relu1, bn1, ...
_PREFIX = {
    "Linear": "fc", "Conv2d": "conv", "MaxPool2d": "pool", "AvgPool2d": "avgpool", "Flatten": "flatten",
    "ReLU": "relu", "LeakyReLU": "leaky_relu", "ELU": "elu", "GELU": "gelu", "SiLU": "silu",
    "Sigmoid": "sigmoid", "Tanh": "tanh", "Softmax": "softmax", "LogSoftmax": "log_softmax",
    "Identity": "identity", "Dropout": "dropout", "BatchNorm": "bn", "LayerNorm": "ln",
    "RNN": "rnn", "LSTM": "lstm", "GRU": "gru",
}
_ALWAYS_NUMBERED = ("fc", "conv")  # the course writes fc1 even when there is one

_TORCHVISION_CLASS = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST"}


@dataclass
class _Layer:
    """One layer of the generated Net: its attribute, constructor and lines in forward()."""

    attr: str
    type: str
    constructor: str
    comment: str
    forward: list[tuple[str, str]] = field(default_factory=list)  # (code, shape comment)
    he_init: bool = False


# --------------------------------------------------------------------------- entry point


def experiment_to_script(exp: Experiment) -> str:
    """The whole script as text. Raises ExperimentError when the network cannot be built."""
    input_shape = _input_shape(exp)
    report = infer_layers(input_shape, exp.layers)
    if report.error is not None:
        raise ExperimentError("layers", report.error.message)
    layers = _network_layers(exp, report)
    task = _task(exp)
    out_size = report.output_shape[0] if report.output_shape else 0
    parts = [
        _header(exp, report.total_parameters),
        _imports(exp, layers, task),
        _settings(exp, input_shape),
        _data_section(exp),
        _network_section(layers, input_shape),
        _training_section(exp, task, out_size),
        _main_section(exp, task),
    ]
    header, imports, settings, *sections = [part.strip("\n") for part in parts]
    text = f"{header}\n\n{imports}\n\n{settings}\n\n\n" + "\n\n\n".join(sections) + "\n"
    return re.sub(r"\n{4,}", "\n\n\n", text)


def _input_shape(exp: Experiment) -> tuple[int, ...]:
    ds = exp.dataset
    if ds.name in _TORCHVISION_CLASS:
        return (1, 28, 28)
    if ds.name == "csv":  # known without reading the file: one input per chosen column
        return (max(1, len(ds.csv_features)),)
    return (len(usable_features(ds.features, generated.RAW_DIMS[ds.name])),)


def _task(exp: Experiment) -> str:
    name = exp.dataset.name
    if name == "csv":
        return exp.dataset.csv_task
    return "regression" if name in generated.REGRESSION else "classification"


def _is_image(exp: Experiment) -> bool:
    return exp.dataset.name in _TORCHVISION_CLASS


def _has_validation(exp: Experiment) -> bool:
    return exp.dataset.val_split > 0 or exp.dataset.name == "linear-9"


def _str(value) -> str:
    """A string or list of strings as Python source, in double quotes like the rest of the script."""
    return json.dumps(value, ensure_ascii=False)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _num(value: float) -> str:
    """A number as Python source: 0.001, 1e-05, 0.5, 10."""
    return repr(float(value)) if isinstance(value, float) else str(value)


# --------------------------------------------------------------------------- header and imports


def _header(exp: Experiment, parameters: int) -> str:
    ds = exp.dataset
    if _is_image(exp):
        data = f"{_TORCHVISION_CLASS[ds.name]} through torchvision (downloaded into --data-dir on the first run)"
        run = "python train.py --epochs 1 --limit 2000 --data-dir ./data"
    elif ds.name == "csv":
        data = f"the CSV file {ds.csv_path or '(set CSV_PATH)'}"
        run = "python train.py --epochs 10 --csv my_data.csv"
    else:
        data = f"the generated '{ds.name}' points, made exactly as in the app (no download)"
        run = "python train.py --epochs 10"
    description = f"\n{exp.description}\n" if exp.description else ""
    needs = "PyTorch and torchvision" if _is_image(exp) else "PyTorch and NumPy"
    return Template('''\
"""$name: a standalone PyTorch script exported from NN Playground.
$description
Data: $data.
Network: $layers, $parameters.

Run it (save it as train.py first):
    $run
    python train.py --device cpu       # auto (default), cpu, cuda or mps
    python train.py --summary          # parameter count and each layer's output shape, as JSON

It needs only $needs; NN Playground does not have to be installed.
"""
''').substitute(name=exp.name.replace('"""', "'''"), description=description.replace('"""', "'''"), data=data,
                layers=_plural(len(exp.layers), "layer"), parameters=_plural(parameters, "parameter"), run=run, needs=needs)


def _imports(exp: Experiment, layers: list[_Layer], task: str) -> str:
    ds = exp.dataset
    lines = ["import argparse"]
    if ds.name == "csv":
        lines.append("import csv")
    lines.append("import json")
    lines.append("")
    if not _is_image(exp):
        lines.append("import numpy as np")
    lines += ["import torch", "import torch.nn as nn"]
    needs_f = _one_hot(exp, task) or (_is_image(exp) and ds.augment.enabled and ds.augment.stroke > 0)
    if needs_f:
        lines.append("import torch.nn.functional as F")
    if _is_image(exp):
        lines.append("from torch.utils.data import DataLoader, Subset")
        lines.append("from torchvision import datasets, transforms")
    else:
        lines.append("from torch.utils.data import DataLoader, TensorDataset")
    return "\n".join(lines)


def _settings(exp: Experiment, input_shape: tuple[int, ...]) -> str:
    ds = exp.dataset
    rows = [
        ("EPOCHS", str(exp.epochs), ""),
        ("BATCH_SIZE", str(ds.batch_size), ""),
        ("SEED", str(exp.seed), "the same seed gives the same split and starting weights as the app"),
    ]
    if _is_image(exp):
        rows.append(("VAL_SPLIT", _num(ds.val_split), "fraction of the training images held out for validation"))
        rows.append(("LIMIT", str(ds.limit), "use at most this many training images (0 = all)"))
        rows.append(("NORMALIZE", str(ds.normalize), "scale pixels by the training set's mean and std"))
    elif ds.name == "csv":
        rows.append(("CSV_PATH", _str(ds.csv_path), ""))
        rows.append(("FEATURE_COLUMNS", _str(list(ds.csv_features)), "the network's inputs"))
        rows.append(("TARGET_COLUMN", _str(ds.csv_target),
                     "the class to predict" if ds.csv_task == "classification" else "the value to predict"))
        rows.append(("VAL_SPLIT", _num(ds.val_split), "fraction of the rows held out for validation"))
    else:
        if ds.name != "linear-9":
            rows.append(("SAMPLES", str(ds.samples), "points to generate"))
        rows.append(("NOISE", _num(ds.noise), ""))
        if ds.name == "linear-9":
            rows.append(("VAL_SPLIT", _num(ds.val_split), "not used: the nine-point lesson fits and shows all points"))
        else:
            rows.append(("VAL_SPLIT", _num(ds.val_split), "fraction of the points held out for validation"))
    shape_note = "channels × height × width" if len(input_shape) == 3 else "input features"
    rows.append(("INPUT_SHAPE", repr(tuple(input_shape)), f"one sample: {shape_note}"))
    if exp.l1:
        rows.append(("L1", _num(exp.l1), "L1 penalty rate on the weights"))
    if exp.l2:
        rows.append(("L2", _num(exp.l2), "L2 penalty rate on the weights"))
    if exp.grad_clip:
        rows.append(("GRAD_CLIP", _num(exp.grad_clip), "largest allowed gradient norm"))
    width = max(len(f"{name} = {value}") for name, value, _ in rows)
    lines = []
    for name, value, note in rows:
        code = f"{name} = {value}"
        lines.append(f"{code.ljust(width)}  # {note}" if note else code)
    return "# " + "-" * 76 + " settings\n" + "\n".join(lines)


# --------------------------------------------------------------------------- data


def _data_section(exp: Experiment) -> str:
    if _is_image(exp):
        return _image_data(exp)
    if exp.dataset.name == "csv":
        return _csv_data(exp)
    return _generated_data(exp)


def _image_data(exp: Experiment) -> str:
    ds = exp.dataset
    cls = _TORCHVISION_CLASS[ds.name]
    aug = ds.augment
    augment = aug.enabled
    if ds.normalize:
        stats = dedent('''\
            # Normalize with the mean and std of the training pixels (in [0, 1]), computed on this
            # split exactly as the app does (on all 60,000 $cls training images they are the
            # well-known $standard); computing them keeps the script equal to the app for
            # any --limit.
            pixels = train_full.data[train_idx].float() / 255
            mean, std = round(pixels.mean().item(), 4), round(pixels.std().item(), 4)
            print(f"normalization: mean {mean}, std {std}")
            to_tensor = [transforms.ToTensor(), transforms.Normalize((mean,), (std,))]
        ''')
    else:
        stats = dedent('''\
            # NORMALIZE is off: pixels stay in [0, 1]
            to_tensor = [transforms.ToTensor()]
        ''')
    standard = {"mnist": "0.1307 and 0.3081", "fashion-mnist": "0.2860 and 0.3530"}[ds.name]
    stats = Template(stats).substitute(cls=cls, standard=standard).replace("\n", "\n    ").rstrip()
    stroke_class = ""
    if augment:
        scale = f"({_num(round(1 - aug.scale, 6))}, {_num(round(1 + aug.scale, 6))})"
        steps = [f"transforms.RandomAffine(degrees={_num(aug.rotation)}, translate=({_num(aug.shift)}, "
                 f"{_num(aug.shift)}), scale={scale},",
                 "                        interpolation=transforms.InterpolationMode.BILINEAR),",
                 "transforms.ToTensor(),"]
        if aug.stroke > 0:
            steps.append(f"RandomStroke({_num(aug.stroke)}),")
        if aug.blur > 0:
            steps.append("# the app blurs with the kernel [1, 2, 1]/4 each way: a Gaussian of sigma 0.85")
            steps.append(f"transforms.RandomApply([transforms.GaussianBlur(3, sigma=0.85)], p={_num(aug.blur)}),")
        if ds.normalize:
            steps.append("to_tensor[1],  # Normalize")
        lines = [
            "# Augmentation (training images only): random rotation, shift and zoom, thicker or",
            "# thinner strokes, a light blur; a new draw every time an image is used.",
            "train_transform = transforms.Compose([",
            *("    " + step for step in steps),
            "])",
            f"train_view = datasets.{cls}(data_dir, train=True, transform=train_transform)",
            f"val_view = datasets.{cls}(data_dir, train=True, transform=transforms.Compose(to_tensor))",
        ]
        train_view = "\n    ".join(lines)
        subsets = "return Subset(train_view, train_idx), Subset(val_view, val_idx), test_set"
        if aug.stroke > 0:
            stroke_class = dedent('''\
                class RandomStroke:
                    """Thickens (3×3 max filter) or thins (a soft erosion) the strokes of some images."""

                    def __init__(self, p):
                        self.p = p  # half of it thickens, half thins

                    def __call__(self, image):  # image: 1×28×28 tensor in [0, 1]
                        draw = torch.rand(1).item()
                        if draw < self.p / 2:
                            return F.max_pool2d(image, 3, stride=1, padding=1)
                        if draw < self.p:
                            return 0.5 * image - 0.5 * F.max_pool2d(-image, 3, stride=1, padding=1)
                        return image
            ''')
    else:
        train_view = "train_full.transform = transforms.Compose(to_tensor)"
        subsets = "return Subset(train_full, train_idx), Subset(train_full, val_idx), test_set"
    body = Template('''\
# ---------------------------------------------------------------------------- data
${stroke_class}def load_data(data_dir, limit):
    """$cls through torchvision: training and validation split, normalization, the test set."""
    train_full = datasets.$cls(data_dir, train=True, download=True)
    test_set = datasets.$cls(data_dir, train=False, download=True)

    # The app shuffles the training images with SEED, keeps the first `limit` of them, and
    # holds out the first VAL_SPLIT of those for validation. The same steps give the same split.
    order = torch.randperm(len(train_full), generator=torch.Generator().manual_seed(SEED))
    if limit:
        order = order[:limit]
    n_val = int(len(order) * VAL_SPLIT)
    val_idx, train_idx = order[:n_val].tolist(), order[n_val:].tolist()

    $stats
    $train_view
    test_set.transform = transforms.Compose(to_tensor)
    $subsets
''').substitute(cls=cls, stats=stats, train_view=train_view, subsets=subsets,
                stroke_class=(stroke_class + "\n\n") if stroke_class else "")
    return body


def _feature_lines(features: list[str], raw_dims: int) -> list[str]:
    """Lines computing the network's inputs from the raw coordinates `points`."""
    labels = ", ".join(FEATURE_LABELS[f] for f in features)
    uses_x2 = raw_dims >= 2 and any("x2" in FEATURE_EXPRESSIONS[f] for f in features)
    if features == ["x1", "x2"] and raw_dims == 2:
        return [f"# input features, as chosen in the app: {labels}", "inputs = points"]
    if features == ["x1"] and raw_dims == 1:
        return [f"# input features, as chosen in the app: {labels}", "inputs = points"]
    lines = [f"# input features, as chosen in the app: {labels}"]
    lines.append("x1, x2 = points[:, 0], points[:, 1]" if uses_x2 else "x1 = points[:, 0]")
    columns = ", ".join(FEATURE_EXPRESSIONS[f] for f in features)
    lines.append(f"inputs = np.stack([{columns}], axis=1).astype(np.float32)")
    return lines


def _split_lines(exp: Experiment, what: str) -> list[str]:
    """The app's split of generated points / CSV rows (playground.data.registry._split_points)."""
    ds = exp.dataset
    if ds.name == "linear-9":
        return ["# nine points: the lesson fits all of them and shows the fit on all of them",
                "train_idx = val_idx = np.arange(len(points))"]
    lines = [f"# VAL_SPLIT of the {what} (shuffled with SEED + 1) for validation, the rest for training",
             "order = np.random.default_rng(SEED + 1).permutation(len(points))"]
    if ds.val_split > 0:
        lines.append("n_val = max(1, round(len(points) * VAL_SPLIT))")
    else:
        lines.append("n_val = 0")
    lines.append("val_idx, train_idx = order[:n_val], order[n_val:]")
    return lines


def _generated_data(exp: Experiment) -> str:
    ds = exp.dataset
    func = generated.CLASSIFICATION.get(ds.name) or generated.REGRESSION[ds.name]
    source = inspect.getsource(func)
    helpers = ""
    if "_jitter(" in source:
        helpers = "\n\n" + inspect.getsource(generated._jitter)
    raw_dims = generated.RAW_DIMS[ds.name]
    features = usable_features(ds.features, raw_dims)
    regression = ds.name in generated.REGRESSION
    target_type = "np.float32" if regression else "np.int64"
    n_arg = "9" if ds.name == "linear-9" else "SAMPLES"
    body = [
        "rng = np.random.default_rng(SEED)",
        f"points, targets = {func.__name__}({n_arg}, NOISE, rng)",
        f"points, targets = points.astype(np.float32), targets.astype({target_type})",
        *_feature_lines(features, raw_dims),
        "",
        *_split_lines(exp, "points"),
        "if limit:  # --limit: use at most this many training points",
        "    train_idx = train_idx[:limit]",
        "x, y = torch.from_numpy(inputs), torch.from_numpy(targets)",
        "return TensorDataset(x[train_idx], y[train_idx]), TensorDataset(x[val_idx], y[val_idx])",
    ]
    kind = "values to fit" if regression else "two classes of points"
    return Template('''\
# ---------------------------------------------------------------------------- data
# The generator below is NN Playground's own (playground/data/generated.py), copied verbatim.
Generated = tuple[np.ndarray, np.ndarray]


$source$helpers

def load_data(limit):
    """The '$name' data ($kind), generated with SEED exactly as in the app."""
    $body
''').substitute(source=source.rstrip() + "\n", helpers=helpers.rstrip() + "\n" if helpers else "",
                name=ds.name, kind=kind, body="\n    ".join(body).replace("\n    \n", "\n\n"))


def _csv_data(exp: Experiment) -> str:
    ds = exp.dataset
    if ds.csv_task == "classification":
        targets = [
            "# classes: the distinct values of the target column, in order (numbers by value)",
            "labels = [row[TARGET_COLUMN].strip() for row in rows]",
            "classes = sorted(set(labels), key=lambda s: (0, float(s), s) if is_number(s) else (1, 0.0, s))",
            "print(f\"classes: {classes}\")",
            "targets = np.array([classes.index(label) for label in labels], dtype=np.int64)",
        ]
    else:
        targets = ["targets = np.array([[float(row[TARGET_COLUMN])] for row in rows], dtype=np.float32)"]
    body = [
        "with open(path, newline=\"\", encoding=\"utf-8-sig\") as handle:",
        "    rows = [row for row in csv.DictReader(handle) if any((value or \"\").strip() for value in row.values())]",
        "points = np.array([[float(row[name]) for name in FEATURE_COLUMNS] for row in rows], dtype=np.float32)",
        "inputs = points",
        *targets,
        "",
        *_split_lines(exp, "rows"),
        "if limit:  # --limit: use at most this many training rows",
        "    train_idx = train_idx[:limit]",
        "x, y = torch.from_numpy(inputs), torch.from_numpy(targets)",
        "return TensorDataset(x[train_idx], y[train_idx]), TensorDataset(x[val_idx], y[val_idx])",
    ]
    number_helper = ""
    if ds.csv_task == "classification":
        number_helper = dedent('''\
            def is_number(text):
                try:
                    float(text)
                except ValueError:
                    return False
                return True


        ''')
    return Template('''\
# ---------------------------------------------------------------------------- data
${number_helper}def load_data(path, limit):
    """Rows of the CSV file: FEATURE_COLUMNS are the inputs, TARGET_COLUMN the $what."""
    $body
''').substitute(number_helper=number_helper, body="\n    ".join(body).replace("\n    \n", "\n\n"),
                what="class" if ds.csv_task == "classification" else "value to predict")


# --------------------------------------------------------------------------- the network


def _network_layers(exp: Experiment, report) -> list[_Layer]:
    totals: dict[str, int] = {}
    for spec in exp.layers:
        prefix = _PREFIX[spec.type]
        totals[prefix] = totals.get(prefix, 0) + 1
    seen: dict[str, int] = {}
    layers: list[_Layer] = []
    for index, (spec, row) in enumerate(zip(exp.layers, report.layers, strict=True)):
        prefix = _PREFIX[spec.type]
        seen[prefix] = seen.get(prefix, 0) + 1
        numbered = totals[prefix] > 1 or prefix in _ALWAYS_NUMBERED
        attr = f"{prefix}{seen[prefix]}" if numbered else prefix
        layer = _layer(attr, spec.type, spec.params, row.input_shape, row.output_shape)
        following = exp.layers[index + 1].type if index + 1 < len(exp.layers) else None
        layer.he_init = spec.type in ("Linear", "Conv2d") and following in RELU_FAMILY
        layers.append(layer)
    return layers


def _shape(shape: tuple[int, ...]) -> str:
    return "N×" + format_shape(shape)


def _layer(attr: str, kind: str, p: dict, shape_in: tuple[int, ...], shape_out: tuple[int, ...]) -> _Layer:
    """The constructor, its comment and the forward line(s) for one catalog layer."""
    # the shape comment only where the shape changes; activations, Dropout and norms keep it
    same = shape_out == shape_in and kind not in ("Linear", "Conv2d")
    call = [(f"x = self.{attr}(x)", "" if same else _shape(shape_out))]
    if kind == "Linear":
        bias = "" if p["bias"] else ", bias=False"
        return _Layer(attr, kind, f"nn.Linear({shape_in[0]}, {p['units']}{bias})",
                      f"{_plural(shape_in[0], 'input')} → {_plural(p['units'], 'output')}", call)
    if kind == "Conv2d":
        extra = "".join(f", {name}={p[name]}" for name, default in (("stride", 1), ("padding", 0))
                        if p[name] != default)
        return _Layer(attr, kind, f"nn.Conv2d({shape_in[0]}, {p['out_channels']}, kernel_size={p['kernel_size']}{extra})",
                      f"{p['out_channels']} filters of {p['kernel_size']}×{p['kernel_size']}", call)
    if kind in ("MaxPool2d", "AvgPool2d"):
        k, s = p["kernel_size"], p["stride"]
        stride = f", stride={s}" if s not in (0, k) else ""
        what = "largest" if kind == "MaxPool2d" else "mean"
        return _Layer(attr, kind, f"nn.{kind}({k}{stride})", f"the {what} value of each {k}×{k} window", call)
    if kind == "Flatten":
        return _Layer(attr, kind, "nn.Flatten()", f"{format_shape(shape_in)} image → vector of {shape_out[0]}",
                      [(f"x = self.{attr}(x)", f"{_shape(shape_in)} → {_shape(shape_out)}")])
    if kind == "LeakyReLU":
        return _Layer(attr, kind, f"nn.LeakyReLU(negative_slope={_num(p['negative_slope'])})", "", call)
    if kind == "ELU":
        return _Layer(attr, kind, f"nn.ELU(alpha={_num(p['alpha'])})", "", call)
    if kind in ("Softmax", "LogSoftmax"):
        return _Layer(attr, kind, f"nn.{kind}(dim=1)", "over the classes (dim 1)", call)
    if kind in ("ReLU", "GELU", "SiLU", "Sigmoid", "Tanh", "Identity"):
        return _Layer(attr, kind, f"nn.{kind}()", "", call)
    if kind == "Dropout":
        return _Layer(attr, kind, f"nn.Dropout(p={_num(p['p'])})", "only while training", call)
    if kind == "BatchNorm":
        if len(shape_in) == 1:
            return _Layer(attr, kind, f"nn.BatchNorm1d({shape_in[0]})",
                          f"1d: each of the {shape_in[0]} features over the batch", call)
        return _Layer(attr, kind, f"nn.BatchNorm2d({shape_in[0]})",
                      f"2d: each of the {shape_in[0]} channels over the batch and the image", call)
    if kind == "LayerNorm":
        size = str(shape_in[0]) if len(shape_in) == 1 else repr(list(shape_in))
        return _Layer(attr, kind, f"nn.LayerNorm({size})", "each sample over all its values", call)
    if kind in ("RNN", "LSTM", "GRU"):
        return _recurrent(attr, kind, p, shape_in, shape_out)
    raise ExperimentError("layers", f"code export does not know the layer {kind!r}")


def _recurrent(attr: str, kind: str, p: dict, shape_in: tuple[int, ...], shape_out: tuple[int, ...]) -> _Layer:
    hidden = p["hidden_size"]
    if len(shape_in) == 3:
        c, h, w = shape_in
        steps, features = h, c * w
        if c == 1:
            reshape = [("n, _, h, w = x.shape", ""),
                       ("x = x.reshape(n, h, w)", f"N×{h}×{w}: {h} steps (rows) of {w} pixels")]
        else:
            reshape = [("n, c, h, w = x.shape", ""),
                       ("x = x.permute(0, 2, 1, 3).reshape(n, h, c * w)",
                        f"N×{h}×{features}: {h} steps, each row of all {c} channels")]
        lead = [(f"# the {kind} reads the image row by row: each row is one step of the sequence", "")]
    else:  # already a sequence (steps × features)
        steps, features = shape_in
        reshape, lead = [], []
    layers = f", num_layers={p['num_layers']}" if p["num_layers"] > 1 else ""
    forward = [*lead, *reshape,
               (f"x, _ = self.{attr}(x)", f"N×{steps}×{hidden}: the output after every step"),
               ("x = x[:, -1]", f"{_shape(shape_out)}: keep the last step")]
    return _Layer(attr, kind, f"nn.{kind}({features}, {hidden}{layers}, batch_first=True)",
                  f"{features} features per step → hidden state of {hidden}", forward)


def _aligned(rows: list[tuple[str, str]], indent: str) -> list[str]:
    """Code lines with their '# comment's lined up."""
    width = max((len(code) for code, comment in rows if comment and not code.startswith("#")), default=0)
    lines = []
    for code, comment in rows:
        if comment and not code.startswith("#"):
            lines.append(f"{indent}{code.ljust(width)}  # {comment}")
        else:
            lines.append(f"{indent}{code}")
    return lines


def _network_section(layers: list[_Layer], input_shape: tuple[int, ...]) -> str:
    init_rows = [(f"self.{layer.attr} = {layer.constructor}", layer.comment) for layer in layers]
    init = _aligned(init_rows, " " * 8) if layers else []
    he_layers = [layer for layer in layers if layer.he_init]
    if he_layers:
        names = ", ".join(f"self.{layer.attr}" for layer in he_layers)
        tuple_text = f"({names},)" if len(he_layers) == 1 else f"({names})"
        init += [
            "",
            "        # He (Kaiming) initialization for the layers that feed a ReLU-like activation, as the",
            "        # app does: PyTorch's default scale is √6 smaller and halves the signal at every ReLU.",
            f"        for layer in {tuple_text}:",
            "            nn.init.kaiming_uniform_(layer.weight, nonlinearity=\"relu\")",
        ]
        if all(layer.type == "Conv2d" or "bias=False" not in layer.constructor for layer in he_layers):
            init.append("            nn.init.zeros_(layer.bias)")
        else:
            init += ["            if layer.bias is not None:", "                nn.init.zeros_(layer.bias)"]
    forward_rows: list[tuple[str, str]] = []
    for layer in layers:
        forward_rows.extend(layer.forward)
    forward = _aligned(forward_rows, " " * 8) if forward_rows else []
    init_text = "\n".join(init) if init else "        pass"
    return Template('''\
# ---------------------------------------------------------------------------- the network
class Net(nn.Module):
    """The layers, in the order the app lists them; shapes in comments are for a batch of N."""

    def __init__(self):
        super().__init__()
$init

    def forward(self, x):  # x: $input
$forward
        return x
''').substitute(init=init_text, input=_shape(input_shape), forward="\n".join(forward))


# --------------------------------------------------------------------------- training


def _one_hot(exp: Experiment, task: str) -> bool:
    return task == "classification" and catalog.LOSSES[exp.loss].one_hot_targets


def _loss_line(exp: Experiment) -> str:
    loss = catalog.LOSSES[exp.loss]
    args = ", ".join(f"{k}={v!r}" for k, v in loss.kwargs.items())
    return f"loss_fn = nn.{loss.torch_name}({args})"


def _optimizer_line(exp: Experiment) -> str:
    spec = exp.optimizer
    name = spec.name
    args = [f"lr={_num(spec.lr)}"]
    betas = tuple(spec.betas)
    if name in ("sgd", "rmsprop") and spec.momentum:
        args.append(f"momentum={_num(spec.momentum)}")
    if name == "sgd" and spec.nesterov:
        args.append("nesterov=True")
    if name in ("adam", "adamw") and betas != (0.9, 0.999):
        args.append(f"betas=({_num(betas[0])}, {_num(betas[1])})")
    # AdamW's own default weight decay is 0.01, so it is always written out
    if spec.weight_decay or name == "adamw":
        args.append(f"weight_decay={_num(spec.weight_decay)}")
    cls = {"sgd": "SGD", "adam": "Adam", "adamw": "AdamW", "rmsprop": "RMSprop", "adagrad": "Adagrad"}[name]
    return f"optimizer = torch.optim.{cls}(model.parameters(), {', '.join(args)})"


def _scheduler_lines(exp: Experiment) -> list[str]:
    spec = exp.scheduler
    if spec.name == "none":
        return [f"# no learning-rate scheduler: the learning rate stays {_num(exp.optimizer.lr)}"]
    if spec.name == "step":
        return [f"# multiply the learning rate by {_num(spec.gamma)} every {spec.step_size} epoch(s)",
                f"scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size={spec.step_size}, "
                f"gamma={_num(spec.gamma)})"]
    if spec.name == "exponential":
        return [f"# multiply the learning rate by {_num(spec.gamma)} every epoch",
                f"scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma={_num(spec.gamma)})"]
    if spec.name == "cosine":
        return ["# lower the learning rate along a cosine, reaching 0 after the last epoch",
                "scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)"]
    if spec.name == "onecycle":
        max_lr = spec.max_lr or exp.optimizer.lr * 10
        note = "" if spec.max_lr else " (10× the base learning rate)"
        return [f"# warm the learning rate up to {_num(max_lr)}{note}, then anneal it; stepped after every batch",
                f"scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr={_num(max_lr)}, "
                "epochs=args.epochs,",
                "                                                steps_per_epoch=len(train_loader))"]
    raise ExperimentError("scheduler.name", f"code export does not know the scheduler {spec.name!r}")


def _training_section(exp: Experiment, task: str, out_size: int) -> str:
    one_hot = _one_hot(exp, task)
    y = "labels" if task == "classification" else "targets"  # what the loss compares the outputs with
    target = "targets_for(labels, outputs)" if one_hot else y
    per_batch = catalog.SCHEDULERS[exp.scheduler.name].per_batch
    step_lines = ["        loss = loss_fn(outputs, " + target + ")"]
    penalty_terms = []
    if exp.l1:
        penalty_terms.append("L1 * sum(w.abs().sum() for w in weights)")
    if exp.l2:
        penalty_terms.append("L2 * sum((w * w).sum() for w in weights)")
    if penalty_terms:
        step_lines += [
            "        # penalty on the weights (not the biases), added to the loss as the app does",
            "        weights = [p for p in model.parameters() if p.dim() > 1]",
            "        penalty = " + " + ".join(penalty_terms),
            "        optimizer.zero_grad()",
            "        (loss + penalty).backward()",
        ]
    else:
        step_lines += ["        optimizer.zero_grad()", "        loss.backward()"]
    if exp.grad_clip:
        step_lines.append("        nn.utils.clip_grad_norm_(model.parameters(), max_norm=GRAD_CLIP)")
    step_lines.append("        optimizer.step()")
    if per_batch:
        step_lines.append("        scheduler.step()  # OneCycle changes the learning rate after every batch")
    train_args = "model, loader, loss_fn, optimizer, scheduler, device" if per_batch else \
        "model, loader, loss_fn, optimizer, device"

    helpers = ""
    if one_hot:
        loss_label = catalog.LOSSES[exp.loss].torch_name
        helpers += Template('''\
def targets_for(labels, outputs):
    """$loss compares the outputs with one-hot vectors: label 3 → [0, 0, 0, 1, 0, …]."""
    return F.one_hot(labels, outputs.shape[1]).to(outputs.dtype)


''').substitute(loss=loss_label)

    if task == "classification":
        predicted = "(outputs[:, 0] > 0).long()" if out_size == 1 else "outputs.argmax(1)"
        predicted_note = "  # one output: positive means class 1" if out_size == 1 else ""
        evaluate = Template('''\
def evaluate(model, loader, loss_fn, device):
    """Mean loss and accuracy over a whole set, without changing the model."""
    model.eval()  # Dropout off, BatchNorm uses its running statistics
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for inputs, labels in loader:
            inputs, labels = inputs.to(device), labels.to(device)
            outputs = model(inputs)
            total_loss += loss_fn(outputs, $target).item() * len(inputs)
            predicted = $predicted$note
            correct += (predicted == labels).sum().item()
            count += len(inputs)
    return total_loss / count, correct / count
''').substitute(target=target, predicted=predicted, note=predicted_note)
    else:
        evaluate = Template('''\
def evaluate(model, loader, loss_fn, device):
    """Mean loss over a whole set, without changing the model."""
    model.eval()  # Dropout off, BatchNorm uses its running statistics
    total_loss, count = 0.0, 0
    with torch.no_grad():
        for inputs, targets in loader:
            inputs, targets = inputs.to(device), targets.to(device)
            total_loss += loss_fn(model(inputs), targets).item() * len(inputs)
            count += len(inputs)
    return total_loss / count
''').substitute()
    return Template('''\
# ---------------------------------------------------------------------------- training
${helpers}def train_one_epoch($train_args):
    """One pass over the training data; returns the mean loss."""
    model.train()  # Dropout and BatchNorm in training mode
    total_loss, count = 0.0, 0
    for inputs, $y in loader:
        inputs, $y = inputs.to(device), $y.to(device)
        outputs = model(inputs)
$steps
        total_loss += loss.item() * len(inputs)
        count += len(inputs)
    return total_loss / count


$evaluate

def pick_device(name):
    """'auto' → CUDA, then Apple's MPS, then the CPU; an unavailable choice falls back to the CPU."""
    if name in ("auto", "cuda") and torch.cuda.is_available():
        return torch.device("cuda")
    if name in ("auto", "mps") and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def summary(model):
    """Parameter count and every layer's output shape (the app's layer table), as a dict."""
    shapes = []

    def record(layer, inputs, output):
        if isinstance(output, tuple):  # RNN/LSTM/GRU: every step's output; forward keeps the last
            output = output[0][:, -1]
        shapes.append(list(output.shape[1:]))

    hooks = [layer.register_forward_hook(record) for layer in model.children()]
    model.eval()
    with torch.no_grad():
        model(torch.zeros(2, *INPUT_SHAPE))
    for hook in hooks:
        hook.remove()
    return {"parameters": sum(p.numel() for p in model.parameters()), "output_shapes": shapes}
''').substitute(helpers=helpers, train_args=train_args, steps="\n".join(step_lines), evaluate=evaluate,
                y=y)


def _main_section(exp: Experiment, task: str) -> str:
    ds = exp.dataset
    per_batch = catalog.SCHEDULERS[exp.scheduler.name].per_batch
    classification = task == "classification"
    has_val = _has_validation(exp)
    args = [
        'parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])',
        'parser.add_argument("--epochs", type=int, default=EPOCHS)',
    ]
    if _is_image(exp):
        args.append('parser.add_argument("--data-dir", default="data", help="where torchvision keeps the dataset")')
        args.append('parser.add_argument("--limit", type=int, default=LIMIT, '
                    'help="use at most N training images (0 = all)")')
        load = "train_set, val_set, test_set = load_data(args.data_dir, args.limit)"
    else:
        if ds.name == "csv":
            args.append('parser.add_argument("--csv", default=CSV_PATH, help="the CSV file")')
            load = "train_set, val_set = load_data(args.csv, args.limit)"
        else:
            load = "train_set, val_set = load_data(args.limit)"
        args.append('parser.add_argument("--data-dir", default="data", help="not used: this data needs no files")'
                    if ds.name != "csv" else
                    'parser.add_argument("--data-dir", default="data", help="not used: the data is --csv")')
        args.append('parser.add_argument("--limit", type=int, default=0, '
                    'help="use at most N training samples (0 = all)")')
    args += [
        f'parser.add_argument("--device", default={_str(exp.device)}, help="auto, cpu, cuda or mps")',
        'parser.add_argument("--summary", action="store_true",',
        '                    help="print the parameter count and layer output shapes as JSON, then exit")',
        "args = parser.parse_args()",
    ]
    lines = [*args, "",
             "torch.manual_seed(SEED)  # with the app's seed, Net() starts from the app's weights",
             "model = Net()",
             "if args.summary:",
             "    print(json.dumps(summary(model)))",
             "    return",
             "",
             "device = pick_device(args.device)",
             load,
             "train_loader = DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=True,",
             "                          generator=torch.Generator().manual_seed(SEED))"]
    if has_val:
        lines.append("val_loader = DataLoader(val_set, batch_size=1000)")
    if _is_image(exp):
        lines.append("test_loader = DataLoader(test_set, batch_size=1000)")
    samples = "images" if _is_image(exp) else "samples"
    lines += [
        "model = model.to(device)",
        'parameters = sum(p.numel() for p in model.parameters())',
        f'print(f"training on {{len(train_set):,}} {samples} ({{len(val_set):,}} for validation), "',
        '      f"{parameters:,} parameters, device {device}")',
        "",
        _loss_line(exp),
        _optimizer_line(exp),
        *_scheduler_lines(exp),
        "",
        "for epoch in range(1, args.epochs + 1):",
    ]
    train_call = ("train_one_epoch(model, train_loader, loss_fn, optimizer, scheduler, device)" if per_batch
                  else "train_one_epoch(model, train_loader, loss_fn, optimizer, device)")
    lines.append(f"    train_loss = {train_call}")
    lines.append('    message = f"epoch {epoch}/{args.epochs}  train loss {train_loss:.4f}"')
    if has_val:
        lines.append("    if len(val_set) > 0:")
        if classification:
            lines += ["        val_loss, val_accuracy = evaluate(model, val_loader, loss_fn, device)",
                      '        message += f"  val loss {val_loss:.4f}  val accuracy {val_accuracy:.2%}"']
        else:
            lines += ["        val_loss = evaluate(model, val_loader, loss_fn, device)",
                      '        message += f"  val loss {val_loss:.4f}"']
    lines.append("    print(message)")
    if exp.scheduler.name != "none" and not per_batch:
        lines.append("    scheduler.step()  # once per epoch")
    lines.append("")
    if _is_image(exp):
        final_loader, final_name = "test_loader", "test"
        lines.append("# the official test set: images the model never saw while training")
    elif has_val:
        final_loader, final_name = "val_loader", "validation"
        lines.append("# generated data has no separate test set: like the app, report the validation set"
                     if ds.name != "csv" else "# a CSV file has no separate test set: like the app, report the "
                     "validation set")
    else:
        final_loader, final_name = "train_loader", "training"
        lines.append("# no validation split (VAL_SPLIT = 0): report the training set")
    if classification:
        lines += [f"final_loss, final_accuracy = evaluate(model, {final_loader}, loss_fn, device)",
                  f'print(f"{final_name} loss {{final_loss:.4f}}  {final_name} accuracy {{final_accuracy:.2%}}")']
    else:
        lines += [f"final_loss = evaluate(model, {final_loader}, loss_fn, device)",
                  f'print(f"{final_name} loss {{final_loss:.4f}}")']
    if has_val and not _is_image(exp):
        lines = lines[:-2] + ["if len(val_set) > 0:"] + ["    " + line for line in lines[-2:]]
    body = "\n".join(("    " + line) if line else "" for line in lines)
    return Template('''\
# ---------------------------------------------------------------------------- main
def main():
$body


if __name__ == "__main__":
    main()
''').substitute(body=body)
