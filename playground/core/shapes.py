"""Shape inference and validation, without building the model.

`infer_shapes` walks the layers from the dataset's input shape and returns, for every layer,
its output shape and parameter count. At the first layer that cannot take its input it stops
with a message that says what to do; known pitfalls that still train become warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playground.core import catalog
from playground.core.catalog import Shape, ShapeMismatch, format_shape
from playground.core.experiment import Experiment, LayerSpec

# A single layer above this many parameters is refused before anything is allocated:
# 50M float32 weights are 200 MB, plus as much again for gradients and twice for Adam.
MAX_LAYER_PARAMETERS = 50_000_000


@dataclass
class LayerShape:
    index: int
    type: str
    input_shape: Shape
    output_shape: Shape | None  # None from the first invalid layer on
    parameters: int = 0


@dataclass
class Issue:
    index: int | None  # layer index, or None for the whole network
    message: str


@dataclass
class ShapeReport:
    input_shape: Shape
    layers: list[LayerShape] = field(default_factory=list)
    error: Issue | None = None
    warnings: list[Issue] = field(default_factory=list)

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
        """The layer table printed by `playground validate`."""
        rows = [("#", "Layer", "Output shape", "Parameters"), ("", "Input", format_shape(self.input_shape), "")]
        for layer in self.layers:
            out = format_shape(layer.output_shape) if layer.output_shape else "—"
            rows.append((str(layer.index + 1), layer.type, out, f"{layer.parameters:,}"))
        rows.append(("", "Total", "", f"{self.total_parameters:,}"))
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        lines = []
        for n, row in enumerate(rows):
            lines.append("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) if i == 3 else cell.ljust(w)
                                   for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip())
            if n in (0, len(rows) - 2):
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)


def layer_label(index: int, type_name: str) -> str:
    """How messages name a layer: 'Linear #4' (1-based, as shown in the network view)."""
    return f"{type_name} #{index + 1}"


def infer_layers(input_shape: Shape, layers: list[LayerSpec]) -> ShapeReport:
    report = ShapeReport(tuple(input_shape))
    shape: Shape | None = tuple(input_shape)
    for index, layer in enumerate(layers):
        layer_type = catalog.LAYERS.get(layer.type)
        if shape is None:
            report.layers.append(LayerShape(index, layer.type, (), None))
            continue
        if layer_type is None:  # only a LayerSpec made in code can get here; files are checked on load
            report.error = Issue(index, f"Layer #{index + 1} has the unknown type {layer.type!r} — "
                                 f"choose one of: {', '.join(catalog.LAYERS)}")
            report.layers.append(LayerShape(index, layer.type, shape, None))
            shape = None
            continue
        try:
            out, params = layer_type.infer(shape, layer_type.complete(layer.params))
            if params > MAX_LAYER_PARAMETERS:
                raise ShapeMismatch(
                    f"{{layer}} would have {params:,} parameters (about {params * 4 / 1e9:.1f} GB for the weights "
                    "alone, several times that while training) — use fewer units, or pool or stride before it"
                )
        except ShapeMismatch as exc:
            report.error = Issue(index, str(exc).replace("{layer}", layer_label(index, layer.type)))
            report.layers.append(LayerShape(index, layer.type, shape, None))
            shape = None
            continue
        report.layers.append(LayerShape(index, layer.type, shape, out, params))
        shape = out
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
        report.warnings.extend(_pitfalls(experiment, num_classes, report.output_shape[0]))
    return report


def _check_output(report: ShapeReport, experiment: Experiment, num_classes: int, output_size: int) -> None:
    out = report.output_shape
    if not experiment.layers:
        report.error = Issue(None, "The network has no layers — add at least a Linear layer (after Flatten for images)")
        return
    last = len(experiment.layers) - 1
    loss = catalog.LOSSES[experiment.loss]
    if num_classes == 0 and loss.needs_labels:
        report.error = Issue(None, f"{loss.label} needs class labels, but this dataset is regression (numbers "
                             "to predict) — choose Mean squared error, L1 or Smooth L1 as the loss")
        return
    if out is not None and len(out) != 1:
        report.error = Issue(last, f"The network ends with {format_shape(out)}, but it must end with one score per "
                             f"{'class' if num_classes else 'target'} — add Flatten and a Linear layer with "
                             f"{output_size} units at the end")
        return
    if num_classes == 0 and out[0] != output_size:
        report.error = Issue(last, f"The last layer gives {out[0]} outputs but this regression data has "
                             f"{output_size} target{'s' if output_size > 1 else ''} — set its units to {output_size}")


def output_width_problem(loss: str, num_classes: int, width: int) -> str | None:
    """Why a network with `width` outputs does not suit the classes, or None. The trainer refuses
    fewer outputs than classes with the same words (some labels would have no score at all)."""
    if not num_classes or width == num_classes:
        return None
    if loss == "bce_with_logits" and num_classes == 2 and width == 1:
        return None  # one logit for two classes
    # "the last layer" is a Linear layer in nearly every network; name its setting
    if width < num_classes:
        return (f"The network gives {width} output{'s' if width != 1 else ''} but the dataset has {num_classes} "
                f"classes — set the last Linear layer's units to {num_classes}")
    return (f"The network gives {width} outputs but the dataset has {num_classes} classes — the extra outputs "
            f"are never the answer; set the last Linear layer's units to {num_classes}")


def _pitfalls(experiment: Experiment, num_classes: int, width: int) -> list[Issue]:
    warnings: list[Issue] = []
    layers = experiment.layers
    loss = experiment.loss
    last = layers[-1]
    width_problem = output_width_problem(loss, num_classes, width)
    if width_problem:
        warnings.append(Issue(len(layers) - 1, width_problem))
    if loss == "cross_entropy" and last.type in ("Softmax", "LogSoftmax"):
        warnings.append(Issue(len(layers) - 1, f"{last.type} right before CrossEntropyLoss: the loss already applies "
                              "softmax, so training is slowed — remove the last layer"))
    if loss == "cross_entropy" and last.type == "Sigmoid":
        warnings.append(Issue(len(layers) - 1, "Sigmoid output with CrossEntropyLoss squashes the scores into (0, 1) "
                              "and learns slowly — remove the Sigmoid; the loss expects raw scores"))
    if loss == "nll" and last.type != "LogSoftmax":
        warnings.append(Issue(len(layers) - 1, "NLLLoss expects log-probabilities — end the network with LogSoftmax, "
                              "or use CrossEntropy"))
    if loss == "bce_with_logits" and last.type == "Sigmoid":
        warnings.append(Issue(len(layers) - 1, "Sigmoid before BCEWithLogitsLoss applies sigmoid twice — "
                              "remove the Sigmoid layer"))
    if num_classes and loss in ("mse", "l1", "smooth_l1") and last.type == "Linear":
        pass  # allowed: trains on one-hot targets, as in the course's comparison of losses
    previous_linear: int | None = None
    for index, layer in enumerate(layers):
        if layer.type == "Linear":
            if previous_linear is not None:
                warnings.append(Issue(index, f"{layer_label(previous_linear, 'Linear')} and "
                                      f"{layer_label(index, 'Linear')} have no activation between them, so together "
                                      "they are still one linear map — add an activation such as ReLU between them"))
            previous_linear = index
        elif catalog.LAYERS[layer.type].is_activation and layer.type != "Identity":
            previous_linear = None
        elif layer.type not in ("Dropout", "Identity"):
            previous_linear = None
    return warnings
