"""Experiment → a standalone PyTorch script, written like the course's own code.

The script needs only torch, torchvision and numpy: a `class Net(nn.Module)` whose layers are
listed in `__init__` and applied one per line in `forward()`, the data (torchvision MNIST /
FashionMNIST, the generated 2-D and regression sets, or the CSV file), the same validation
split, loss, optimizer, scheduler, penalties and clipping as the app, a training loop that
prints each epoch, and a final test. It trains the *same* network: `torch.manual_seed(SEED)`
followed by `Net()` gives exactly the weights the app starts from (modules are created in the
app's order and He initialization is applied to the same layers).

This module writes the header, the imports, the settings and the `Net` class (each layer from its
catalog entry's code writer, `LayerType.code`); `codegen_data` writes the data section and
`codegen_training` the loss, optimizer, scheduler, training loop and main(). All of it is pure
string templating: no torch, no Qt. Templates use `string.Template` (`$name`) because the
generated code is full of `{}` (f-strings, dicts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import Template

from playground.core import catalog, codegen_distributed, codegen_transfer
from playground.core.code_text import aligned, num, plural, py_str
from playground.core.codegen_data import data_section, is_image
from playground.core.codegen_graph import graph_forward
from playground.core.codegen_training import main_section, training_section, uses_one_hot_targets
from playground.core.experiment import Experiment, ExperimentError
from playground.core.graph import network_graph
from playground.core.layer_rules import LayerCode, batch_shape
from playground.core.shapes import ShapeReport, infer_layers
from playground.data.images import FOLDERS
from playground.data.registry import dataset_info
from playground.data.sequences import INFORMATIVE_STEPS, SEQUENCE_DATASETS

_ALWAYS_NUMBERED = ("fc", "conv")  # the course writes fc1 even when there is one


@dataclass
class _Layer:
    """One layer of the generated Net: its attribute (fc1), its code, and whether it gets He initialization."""

    attr: str  # "" for a merge block (written as `a + b` or torch.cat in forward, no module)
    code: LayerCode
    he_init: bool
    bias: bool  # has a bias (every layer type without a "bias" setting that gets He initialization has one)


# --------------------------------------------------------------------------- entry point


def experiment_to_script(exp: Experiment, distributed: bool = False) -> str:
    """The whole script as text. Raises ExperimentError when the network cannot be built.

    `distributed`: the script also runs under torchrun, on several processes or machines
    (`playground.core.codegen_distributed`); as a plain script it trains as without it."""
    info = dataset_info(exp.dataset)  # a CSV file's classes are not needed: only its columns
    input_shape = info.input_shape
    report = infer_layers(input_shape, exp.layers)
    if report.error is not None:
        raise ExperimentError("layers", report.error.message)
    layers = _network_layers(exp, report)
    forward = _graph_forward(exp, report, layers, input_shape) if report.branched else None
    task = info.task
    out_size = report.output_shape[0] if report.output_shape else 0
    attrs = [layer.attr for layer in layers]
    parts = [
        _header(exp, report.total_parameters, distributed),
        _imports(exp, layers, task, distributed),
        _settings(exp, input_shape, distributed),
        data_section(exp),
        _network_section(layers, input_shape, forward),
        *([codegen_transfer.helper_function(exp)] if exp.init_from else []),
        training_section(exp, task, out_size, distributed, attrs),
        *([codegen_distributed.processes_section()] if distributed else []),
        main_section(exp, task, distributed, attrs),
    ]
    header, imports, settings, *sections = [part.strip("\n") for part in parts]
    text = f"{header}\n\n{imports}\n\n{settings}\n\n\n" + "\n\n\n".join(sections) + "\n"
    return re.sub(r"\n{4,}", "\n\n\n", text)


# --------------------------------------------------------------------------- header and imports


def _header(exp: Experiment, parameters: int, distributed: bool = False) -> str:
    ds = exp.dataset
    if is_image(exp):
        data = f"{FOLDERS[ds.name]} through torchvision (downloaded into --data-dir on the first run)"
        run = "python train.py --epochs 1 --limit 2000 --data-dir ./data"
    elif ds.name == "csv":
        data = f"the CSV file {ds.csv_path or '(set CSV_PATH)'}"
        run = "python train.py --epochs 10 --csv my_data.csv"
    else:
        what = "sequences" if ds.name in SEQUENCE_DATASETS else "points"
        data = f"the generated '{ds.name}' {what}, made exactly as in the app (no download)"
        run = "python train.py --epochs 10"
    description = f"\n{exp.description}\n" if exp.description else ""
    needs = "PyTorch and torchvision" if is_image(exp) else "PyTorch and NumPy"
    more = codegen_transfer.header_run_line(exp)
    more += f"\n\n{codegen_distributed.launch_text(exp)}" if distributed else ""
    return Template('''\
"""$name: a standalone PyTorch script exported from NN Playground.
$description
Data: $data.
Network: $layers, $parameters.

Run it (save it as train.py first):
    $run
    python train.py --device cpu       # auto (default), cpu, cuda or mps
    python train.py --summary          # parameter count and each layer's output shape, as JSON$more

It needs only $needs; NN Playground does not have to be installed.
"""
''').substitute(name=exp.name.replace('"""', "'''"), description=description.replace('"""', "'''"), data=data,
                layers=plural(len(exp.layers), "layer"), parameters=plural(parameters, "parameter"), run=run, needs=needs,
                more=more)


def _imports(exp: Experiment, layers: list[_Layer], task: str, distributed: bool = False) -> str:
    ds = exp.dataset
    lines = ["import argparse"]
    if ds.name == "csv":
        lines.append("import csv")
    lines.append("import json")
    lines.append("")
    if not is_image(exp):
        lines.append("import numpy as np")
    lines += ["import torch", "import torch.nn as nn"]
    needs_f = uses_one_hot_targets(exp, task) or (is_image(exp) and ds.augment.enabled and ds.augment.stroke > 0)
    if needs_f:
        lines.append("import torch.nn.functional as F")
    if is_image(exp):
        lines.append("from torch.utils.data import DataLoader, Subset")
        lines.append("from torchvision import datasets, transforms")
    else:
        lines.append("from torch.utils.data import DataLoader, TensorDataset")
    if distributed:
        lines += ["", *codegen_distributed.import_lines(exp)]
    return "\n".join(lines)


def _settings(exp: Experiment, input_shape: tuple[int, ...], distributed: bool = False) -> str:
    ds = exp.dataset
    rows = [
        ("EPOCHS", str(exp.epochs), ""),
        ("BATCH_SIZE", str(ds.batch_size), codegen_distributed.BATCH_NOTE if distributed else ""),
        ("SEED", str(exp.seed), "the same seed gives the same split and starting weights as the app"),
    ]
    if is_image(exp):
        rows.append(("VAL_SPLIT", num(ds.val_split), "fraction of the training images held out for validation"))
        rows.append(("LIMIT", str(ds.limit), "use at most this many training images (0 = all)"))
        rows.append(("NORMALIZE", str(ds.normalize), "scale pixels by the training set's mean and std"))
    elif ds.name == "csv":
        rows.append(("CSV_PATH", py_str(ds.csv_path), ""))
        rows.append(("FEATURE_COLUMNS", py_str(list(ds.csv_features)), "the network's inputs"))
        rows.append(("TARGET_COLUMN", py_str(ds.csv_target),
                     "the class to predict" if ds.csv_task == "classification" else "the value to predict"))
        rows.append(("VAL_SPLIT", num(ds.val_split), "fraction of the rows held out for validation"))
    else:
        if ds.name in SEQUENCE_DATASETS:
            rows.append(("SAMPLES", str(ds.samples), "sequences to generate"))
            rows.append(("SEQUENCE_LENGTH", str(ds.sequence_length), f"T: steps per sequence (the class is in the "
                                                                       f"first {INFORMATIVE_STEPS})"))
        elif ds.name != "linear-9":
            rows.append(("SAMPLES", str(ds.samples), "points to generate"))
        rows.append(("NOISE", num(ds.noise), ""))
        if ds.name == "linear-9":
            rows.append(("VAL_SPLIT", num(ds.val_split), "not used: the nine-point lesson fits and shows all points"))
        else:
            what = "sequences" if ds.name in SEQUENCE_DATASETS else "points"
            rows.append(("VAL_SPLIT", num(ds.val_split), f"fraction of the {what} held out for validation"))
    shape_note = ("channels × height × width" if len(input_shape) == 3 else
                  "steps × features" if ds.name in SEQUENCE_DATASETS else "input features")
    rows.append(("INPUT_SHAPE", repr(tuple(input_shape)), f"one sample: {shape_note}"))
    if exp.l1:
        rows.append(("L1", num(exp.l1), "L1 penalty rate on the weights"))
    if exp.l2:
        rows.append(("L2", num(exp.l2), "L2 penalty rate on the weights"))
    if exp.grad_clip:
        rows.append(("GRAD_CLIP", num(exp.grad_clip), "largest allowed gradient norm"))
    weights = codegen_transfer.settings_row(exp)
    if weights:
        rows.append(weights)
    width = max(len(f"{name} = {value}") for name, value, _ in rows)
    lines = []
    for name, value, note in rows:
        code = f"{name} = {value}"
        lines.append(f"{code.ljust(width)}  # {note}" if note else code)
    return "# " + "-" * 76 + " settings\n" + "\n".join(lines)


# --------------------------------------------------------------------------- the network


def _network_layers(exp: Experiment, report: ShapeReport) -> list[_Layer]:
    kinds = [catalog.LAYERS[spec.type] for spec in exp.layers]
    totals: dict[str, int] = {}
    for kind in kinds:
        totals[kind.code_name] = totals.get(kind.code_name, 0) + 1
    graph = network_graph(exp) if report.branched else None
    seen: dict[str, int] = {}
    layers: list[_Layer] = []
    for index, (kind, spec, row) in enumerate(zip(kinds, exp.layers, report.layers, strict=True)):
        params = kind.complete(spec.params)
        if kind.is_merge:
            layers.append(_Layer("", kind.code("", params, row.input_shape, row.output_shape), False, False))
            continue
        prefix = kind.code_name
        seen[prefix] = seen.get(prefix, 0) + 1
        numbered = totals[prefix] > 1 or prefix in _ALWAYS_NUMBERED
        attr = f"{prefix}{seen[prefix]}" if numbered else prefix
        if graph is None:
            following = exp.layers[index + 1].type if index + 1 < len(exp.layers) else None
        else:  # as build does: the block it feeds, if it feeds exactly one
            readers = graph.consumers(index)
            following = exp.layers[readers[0]].type if len(readers) == 1 else None
        code = kind.code(attr, params, row.input_shape, row.output_shape)
        layers.append(_Layer(attr, code, catalog.gets_he_init(spec.type, following), params.get("bias", True)))
    return layers


def _graph_forward(exp: Experiment, report: ShapeReport, layers: list[_Layer],
                   input_shape: tuple[int, ...]) -> list[tuple[str, str]]:
    codes = {index: (layer.attr, layer.code) for index, layer in enumerate(layers) if layer.attr}
    return graph_forward(network_graph(exp), report, codes, input_shape)


def _network_section(layers: list[_Layer], input_shape: tuple[int, ...],
                     graph_rows: list[tuple[str, str]] | None = None) -> str:
    init_rows = [(f"self.{layer.attr} = {layer.code.constructor}", layer.code.comment) for layer in layers
                 if layer.attr]
    init = aligned(init_rows, " " * 8) if layers else []
    for layer in layers:
        if layer.code.init:
            init += ["", *("        " + line for line in layer.code.init)]
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
        if all(layer.bias for layer in he_layers):
            init.append("            nn.init.zeros_(layer.bias)")
        else:
            init += ["            if layer.bias is not None:", "                nn.init.zeros_(layer.bias)"]
    forward_rows: list[tuple[str, str]] = list(graph_rows or [])
    if graph_rows is None:
        for layer in layers:
            forward_rows.extend(layer.code.forward)
    forward = aligned(forward_rows, " " * 8) if forward_rows else []
    init_text = "\n".join(init) if init else "        pass"
    doc = ("The layers, in the order the app lists them; forward() follows the arrows, skips included.\n    "
           "Shapes in comments are for a batch of N." if graph_rows is not None else
           "The layers, in the order the app lists them; shapes in comments are for a batch of N.")
    return Template('''\
# ---------------------------------------------------------------------------- the network
class Net(nn.Module):
    """$doc"""

    def __init__(self):
        super().__init__()
$init

    def forward(self, x):  # x: $input
$forward
        return x
''').substitute(init=init_text, input=batch_shape(input_shape), forward="\n".join(forward), doc=doc)
