"""Shape inference and validation, without building the model.

`infer_shapes` walks the layers from the dataset's input shape and returns, for every layer,
its output shape and parameter count. At the first layer that cannot take its input it stops
with a message that says what to do; known pitfalls that still train become warnings.
"""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass, field

from playground.core import catalog, limits
from playground.core.experiment import Experiment, LayerSpec
from playground.core.graph import INPUT, NetworkGraph, is_merge, network_graph
from playground.core.layer_rules import Shape, ShapeMismatch, format_shape
from playground.i18n import QT_TRANSLATE_NOOP, Message

BYTES_PER_NUMBER = 4  # float32


@dataclass
class LayerShape:
    index: int
    type: str
    input_shape: Shape
    output_shape: Shape | None  # None from the first invalid layer on (in a graph: it and what it feeds)
    parameters: int = 0
    # every input's shape, in the order of its inputs (two or more for Add and Concat); input_shape is the first
    input_shapes: list[Shape] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)  # the blocks it reads (graph.INPUT for the Input)


@dataclass
class Issue:
    index: int | None  # layer index, or None for the whole network
    message: str  # a playground.i18n.Message: English as a str, translatable in the window
    fix: tuple[str, int] | None = None  # the one-click fix the message names: insert this layer type at this row


@dataclass
class ShapeReport:
    input_shape: Shape
    layers: list[LayerShape] = field(default_factory=list)
    error: Issue | None = None
    warnings: list[Issue] = field(default_factory=list)
    branched: bool = False  # the layers form a graph with branches (ids, inputs, merges), not a plain stack

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def total_parameters(self) -> int:
        return sum(layer.parameters for layer in self.layers)

    @property
    def output_shape(self) -> Shape | None:
        if self.error is not None:
            return None
        return self.layers[-1].output_shape if self.layers else self.input_shape

    def table(self) -> str:
        """The layer table printed by `playground validate`; a branched network gets an Inputs column and its
        branches indented (a block is indented once for every output that is kept aside while it runs)."""
        graph_rows = self.branched
        header = ("#", "Layer", "Inputs", "Output shape", "Parameters") if graph_rows else \
            ("#", "Layer", "Output shape", "Parameters")
        rows = [header, ("", "Input", *([""] if graph_rows else []), format_shape(self.input_shape), "")]
        depth = self._indents() if graph_rows else {}
        for layer in self.layers:
            out = format_shape(layer.output_shape) if layer.output_shape else "—"
            name = "  " * depth.get(layer.index, 0) + layer.type
            if graph_rows:
                inputs = ", ".join("Input" if s < 0 else f"#{s + 1}" for s in layer.sources) or "—"
                rows.append((str(layer.index + 1), name, inputs, out, f"{layer.parameters:,}"))
            else:
                rows.append((str(layer.index + 1), name, out, f"{layer.parameters:,}"))
        rows.append(("", "Total", *([""] if graph_rows else []), "", f"{self.total_parameters:,}"))
        columns = len(header)
        widths = [max(len(r[i]) for r in rows) for i in range(columns)]
        lines = []
        for n, row in enumerate(rows):
            lines.append("  ".join(cell.rjust(w) if i == columns - 1 else cell.ljust(w)
                                   for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip())
            if n in (0, len(rows) - 2):
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def _indents(self) -> dict[int, int]:
        """How many outputs are held aside (read again by a later block) while each block runs."""
        jumps = [(src, row.index) for row in self.layers for src in row.sources if src != row.index - 1]
        return {row.index: len({src for src, dst in jumps if src < row.index < dst}) for row in self.layers}


def layer_label(index: int, type_name: str) -> str:
    """How messages name a layer: 'Linear #4' (1-based, as shown in the network view)."""
    return f"{type_name} #{index + 1}"


def _fix_for(exc: ShapeMismatch, index: int) -> tuple[str, int] | None:
    """The one-click fix a shape message names, if any: insert this layer type at this row."""
    message = exc.args[0] if exc.args else ""
    return ("Flatten", index) if "add Flatten before it" in str(message) else None


def _shape_error(exc: ShapeMismatch, label: str) -> str:
    message = exc.args[0] if exc.args else ""
    return message.with_values(layer=label) if isinstance(message, Message) else str(exc).replace("{layer}", label)


def _infer_one(layer_type: catalog.LayerType, layer: LayerSpec, shapes: list[Shape],
               sources: list[str]) -> tuple[Shape, int]:
    """One block's output shape and parameter count, or ShapeMismatch saying why not."""
    params = layer_type.complete(layer.params)
    if layer_type.join is not None and len(shapes) > 1:
        return layer_type.join(shapes, sources, params), 0
    out, count = layer_type.infer(shapes[0], params)
    if count > limits.MAX_LAYER_PARAMETERS:
        raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer} would have {count} parameters (about {size} GB for the weights alone, "
            "several times that while training) — use fewer units, or pool or stride before it"),
            layer="{layer}", count=f"{count:,}", size=f"{count * 4 / 1e9:.1f}"))
    return out, count


def _unknown_type(index: int, layer: LayerSpec) -> Issue:
    # only a LayerSpec made in code can get here; files are checked on load
    return Issue(index, Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "Layer #{number} has the unknown type {type} — choose one of: {types}"),
        number=index + 1, type=repr(layer.type), types=", ".join(catalog.LAYERS)))


def infer_layers(input_shape: Shape, layers: list[LayerSpec]) -> ShapeReport:
    if any(layer.inputs is not None or layer.id is not None or is_merge(layer.type) for layer in layers):
        return _infer_graph(tuple(input_shape), layers)
    report = ShapeReport(tuple(input_shape))
    shape: Shape | None = tuple(input_shape)
    for index, layer in enumerate(layers):
        layer_type = catalog.LAYERS.get(layer.type)
        if shape is None:
            report.layers.append(LayerShape(index, layer.type, (), None, sources=[index - 1]))
            continue
        row = LayerShape(index, layer.type, shape, None, input_shapes=[shape], sources=[index - 1])
        report.layers.append(row)
        if layer_type is None:
            report.error, shape = _unknown_type(index, layer), None
            continue
        try:
            shape, row.parameters = _infer_one(layer_type, layer, [shape], [])
            row.output_shape = shape
        except ShapeMismatch as exc:
            report.error, shape = Issue(index, _shape_error(exc, layer_label(index, layer.type)), _fix_for(exc, index)), None
    return report


def _infer_graph(input_shape: Shape, layers: list[LayerSpec]) -> ShapeReport:
    """Shapes over a graph, block by block in topological order. A block whose inputs are not all known
    (a graph problem or an error above it) gets no output shape; the report's error is the graph's first
    problem, else the first block (in that order) that cannot take its inputs."""
    graph = network_graph(layers)
    report = ShapeReport(input_shape, branched=not graph.is_straight)
    rows = [LayerShape(i, layer.type, (), None, sources=graph.sources(i)) for i, layer in enumerate(layers)]
    report.layers = rows
    if graph.problems:
        report.error = Issue(graph.problems[0].index, graph.problems[0].message)
    known: dict[int, Shape] = {INPUT: input_shape}
    for index in graph.topological_order:
        layer, row = layers[index], rows[index]
        sources = graph.sources(index)
        if not sources or any(src not in known for src in sources):
            continue
        row.input_shapes = [known[src] for src in sources]
        row.input_shape = row.input_shapes[0]
        layer_type = catalog.LAYERS.get(layer.type)
        if layer_type is None:
            report.error = report.error or _unknown_type(index, layer)
            continue
        try:
            out, row.parameters = _infer_one(layer_type, layer, row.input_shapes,
                                             [graph.label(src) for src in sources])
        except ShapeMismatch as exc:
            report.error = report.error or Issue(index, _shape_error(exc, layer_label(index, layer.type)),
                                                 _fix_for(exc, index))
            continue
        row.output_shape = known[index] = out
    return report


def infer_shapes(experiment: Experiment, input_shape: Shape | None = None,
                 num_classes: int | None = None) -> ShapeReport:
    """Shapes and warnings for an experiment; input shape and classes come from its dataset."""
    from playground.data import registry

    info = registry.dataset_info(experiment.dataset)
    if input_shape is None:
        input_shape = info.input_shape
    if num_classes is None:
        num_classes = info.num_classes
    report = infer_layers(input_shape, experiment.layers)
    if report.error is None:
        _check_output(report, experiment, num_classes, info.output_size)
    if report.error is None:
        _check_memory(report, experiment.dataset.batch_size)
    if report.error is None:
        report.warnings.extend(_pitfalls(experiment, num_classes, report.output_shape[0]))
        report.warnings.extend(_heavy_linear(report, experiment.layers))
    return report


HEAVY_LINEAR = 1_000_000  # parameters: a Linear layer this big that holds nearly all of the network is a pitfall
HEAVY_SHARE = 0.9


def _heavy_linear(report: ShapeReport, layers: list) -> list[Issue]:
    """A Linear layer that dwarfs the rest, usually because it reads a whole feature map: Conv2d before
    Flatten without pooling turns the next Linear into a million-parameter layer, silently."""
    total = report.total_parameters
    warnings: list[Issue] = []
    for row in report.layers:
        if row.type != "Linear" or row.parameters < HEAVY_LINEAR or row.parameters < HEAVY_SHARE * total:
            continue
        before = [layer.type for layer in layers[:row.index]]
        flatten = max((i for i, t in enumerate(before) if t == "Flatten"), default=None)
        convolved = flatten is not None and any(t.startswith("Conv") for t in before[:flatten])
        label = layer_label(row.index, "Linear")
        if convolved:
            warnings.append(Issue(row.index, Message("Shapes", QT_TRANSLATE_NOOP(
                "Shapes", "{layer} holds {count} of the network's {total} parameters: it reads {inputs} numbers per "
                "example, the whole feature map — add MaxPool2d before Flatten (each 2×2 pooling quarters them)"),
                layer=label, count=f"{row.parameters:,}", total=f"{total:,}", inputs=f"{row.input_shape[0]:,}"),
                ("MaxPool2d", flatten)))
        else:
            warnings.append(Issue(row.index, Message("Shapes", QT_TRANSLATE_NOOP(
                "Shapes", "{layer} holds {count} of the network's {total} parameters: it reads {inputs} numbers "
                "per example — give it fewer units, or make its input smaller"),
                layer=label, count=f"{row.parameters:,}", total=f"{total:,}", inputs=f"{row.input_shape[0]:,}")))
    return warnings


# --------------------------------------------------------------------------- memory


@functools.cache
def memory_budget() -> int:
    """Bytes one run may use: half of this computer's memory, and never more than limits.MAX_MEMORY_BUDGET."""
    ceiling = limits.MAX_MEMORY_BUDGET
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # Windows has no sysconf
        return ceiling
    return min(ceiling, physical // 2) if physical > 0 else ceiling


def _layer_training_bytes(row: LayerShape, batch_size: int) -> int:
    """Weights, gradients and two optimizer moments per parameter; per sample, the output kept for the
    backward pass and its gradient."""
    outputs = math.prod(row.output_shape) if row.output_shape else 0
    return BYTES_PER_NUMBER * (4 * row.parameters + 2 * batch_size * outputs)


def training_bytes(report: ShapeReport, batch_size: int) -> int:
    """A rough upper estimate of the memory one training step of a valid network needs."""
    inputs = BYTES_PER_NUMBER * 2 * batch_size * math.prod(report.input_shape)
    return inputs + sum(_layer_training_bytes(row, batch_size) for row in report.layers)


def inference_bytes_per_sample(report: ShapeReport) -> int:
    """Without gradients only a layer's input and output live at once: the largest such pair."""
    sizes = [math.prod(report.input_shape)] + [math.prod(row.output_shape) for row in report.layers
                                               if row.output_shape]
    return BYTES_PER_NUMBER * max(a + b for a, b in zip(sizes, sizes[1:] + [0], strict=True))


def _gigabytes(size: int) -> str:
    return f"{size / 1024**3:.1f} GB"


def _check_memory(report: ShapeReport, batch_size: int) -> None:
    needed, budget = training_bytes(report, batch_size), memory_budget()
    if needed <= budget or not report.layers:
        return
    heaviest = max(report.layers, key=lambda row: _layer_training_bytes(row, batch_size))
    label = layer_label(heaviest.index, heaviest.type)
    outputs = math.prod(heaviest.output_shape)
    if 4 * heaviest.parameters >= 2 * batch_size * outputs:
        cause = Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer} alone has {count} parameters — use fewer units, or pool or stride before it"),
            layer=label, count=f"{heaviest.parameters:,}")
    else:
        cause = Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer} alone outputs {count} numbers per sample — use fewer filters or units, pool or "
            "stride before it, or a smaller batch size"), layer=label, count=f"{outputs:,}")
    report.error = Issue(heaviest.index, Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "Training needs about {needed} of memory with batch size {batch}, more than the {budget} this "
        "computer can spare: {cause}"), needed=_gigabytes(needed), batch=batch_size, budget=_gigabytes(budget),
        cause=cause))


def _check_output(report: ShapeReport, experiment: Experiment, num_classes: int, output_size: int) -> None:
    out = report.output_shape
    if not experiment.layers:
        report.error = Issue(None, Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "The network has no layers — add at least a Linear layer (after Flatten for images)")))
        return
    last = len(experiment.layers) - 1
    loss = catalog.LOSSES[experiment.loss]
    if num_classes == 0 and loss.needs_labels:
        report.error = Issue(None, Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{loss} needs class labels, but this dataset is regression (numbers to predict) — choose "
            "Mean squared error, L1 or Smooth L1 as the loss"), loss=Message("Catalog", loss.label)))
        return
    if out is not None and len(out) != 1:
        template = (QT_TRANSLATE_NOOP("Shapes", "The network ends with {shape}, but it must end with one score "
                                      "per class — add Flatten and a Linear layer with {units} units at the end")
                    if num_classes else
                    QT_TRANSLATE_NOOP("Shapes", "The network ends with {shape}, but it must end with one score "
                                      "per target — add Flatten and a Linear layer with {units} units at the end"))
        report.error = Issue(last, Message("Shapes", template, shape=format_shape(out), units=output_size))
        return
    if num_classes == 0 and out[0] != output_size:
        template = (QT_TRANSLATE_NOOP("Shapes", "The last layer gives {count} outputs but this regression data "
                                      "has {targets} targets — set its units to {targets}") if output_size > 1
                    else QT_TRANSLATE_NOOP("Shapes", "The last layer gives {count} outputs but this regression "
                                           "data has {targets} target — set its units to {targets}"))
        report.error = Issue(last, Message("Shapes", template, count=out[0], targets=output_size))
        return
    if report.total_parameters == 0:  # the optimizer would have nothing to update
        report.error = Issue(None, Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "The network has nothing to learn: none of its layers has weights — add a Linear layer")))
        return
    if trainable_parameters(report, experiment.layers)[0] == 0:  # every layer with weights is frozen
        report.error = Issue(None, Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "Every layer with weights is frozen, so nothing can learn — tick \"Train this layer\" on at "
                      "least one (usually the last Linear layer), or choose Unfreeze all")))


def trainable_parameters(report: ShapeReport, layers: list[LayerSpec]) -> tuple[int, int]:
    """(parameters that learn, parameters frozen) of a network whose shapes are in `report`."""
    frozen = sum(row.parameters for row, spec in zip(report.layers, layers, strict=False) if spec.frozen)
    return report.total_parameters - frozen, frozen


def output_width_problem(loss: str, num_classes: int, width: int) -> str | None:
    """Why a network with `width` outputs does not suit the classes, or None. The trainer refuses
    fewer outputs than classes with the same words (some labels would have no score at all)."""
    if not num_classes or width == num_classes:
        return None
    if loss == "bce_with_logits" and num_classes == 2 and width == 1:
        return None  # one logit for two classes
    # "the last layer" is a Linear layer in nearly every network; name its setting
    if width < num_classes:
        template = (QT_TRANSLATE_NOOP("Shapes", "The network gives {width} outputs but the dataset has {classes} "
                                      "classes — set the last Linear layer's units to {classes}") if width != 1
                    else QT_TRANSLATE_NOOP("Shapes", "The network gives {width} output but the dataset has "
                                           "{classes} classes — set the last Linear layer's units to {classes}"))
        return Message("Shapes", template, width=width, classes=num_classes)
    return Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "The network gives {width} outputs but the dataset has {classes} classes — the extra outputs "
        "are never the answer; set the last Linear layer's units to {classes}"), width=width, classes=num_classes)


def _pitfalls(experiment: Experiment, num_classes: int, width: int) -> list[Issue]:
    warnings: list[Issue] = []
    layers = experiment.layers
    loss = experiment.loss
    last = layers[-1]
    width_problem = output_width_problem(loss, num_classes, width)
    if width_problem:
        warnings.append(Issue(len(layers) - 1, width_problem))
    if loss == "cross_entropy" and last.type in ("Softmax", "LogSoftmax"):
        warnings.append(Issue(len(layers) - 1, Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer} right before CrossEntropyLoss: the loss already applies softmax, so training is "
            "slowed — remove the last layer"), layer=last.type)))
    if loss == "cross_entropy" and last.type == "Sigmoid":
        warnings.append(Issue(len(layers) - 1, Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "Sigmoid output with CrossEntropyLoss squashes the scores into (0, 1) and learns slowly — "
            "remove the Sigmoid; the loss expects raw scores"))))
    if loss == "nll" and last.type != "LogSoftmax":
        warnings.append(Issue(len(layers) - 1, Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "NLLLoss expects log-probabilities — end the network with LogSoftmax, or use CrossEntropy"))))
    if loss == "bce_with_logits" and last.type == "Sigmoid":
        warnings.append(Issue(len(layers) - 1, Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "Sigmoid before BCEWithLogitsLoss applies sigmoid twice — remove the Sigmoid layer"))))
    if num_classes and loss in ("mse", "l1", "smooth_l1") and last.type == "Linear":
        pass  # allowed: trains on one-hot targets, as in the course's comparison of losses
    lr_problem = learning_rate_problem(experiment.optimizer.name, experiment.optimizer.lr)
    if lr_problem:
        warnings.append(Issue(None, lr_problem))
    graph = network_graph(layers)
    for index, layer in enumerate(layers):
        if layer.type != "Linear":
            continue
        previous = _linear_before(graph, index)
        if previous is not None:
            warnings.append(Issue(index, Message("Shapes", QT_TRANSLATE_NOOP(
                "Shapes", "{first} and {second} have no activation between them, so together they are still "
                "one linear map — add an activation such as ReLU between them"),
                first=layer_label(previous, "Linear"), second=layer_label(index, "Linear"))))
    return warnings


def _linear_before(graph: NetworkGraph, index: int) -> int | None:
    """The Linear block that feeds `index` with only Dropout or Identity between them, or None."""
    sources = graph.sources(index)
    while len(sources) == 1 and sources[0] != INPUT:
        source = sources[0]
        kind = graph.layers[source].type
        if kind == "Linear":
            return source
        if kind not in ("Dropout", "Identity"):
            return None
        sources = graph.sources(source)
    return None


def learning_rate_problem(optimizer: str, lr: float) -> str | None:
    """Why `lr` is far too high for `optimizer`, or None. Adam and its kin move each weight by about
    lr per step, so a run at lr 10 does not blow up to NaN: it wanders at chance accuracy instead,
    and only this warning tells the learner why."""
    typical, usual_max = limits.USUAL_LEARNING_RATES.get(optimizer, (None, math.inf))
    if lr <= usual_max:
        return None
    name = catalog.OPTIMIZERS[optimizer].label if optimizer in catalog.OPTIMIZERS else optimizer
    return Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "The learning rate {lr} is far above what {optimizer} usually trains with (at most {most}): "
        "the loss will jump around or blow up instead of going down — try {typical}"),
        lr=f"{lr:g}", optimizer=name, most=f"{usual_max:g}", typical=f"{typical:g}")
