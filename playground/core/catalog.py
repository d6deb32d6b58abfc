"""The catalog: names → layers, losses, optimizers and schedulers.

Every block the course teaches is one `LayerType` entry: what a person may set (with limits,
so the editor can build proper widgets), a one-line explanation with its formula, how its
output shape follows from its input shape, and how to build the torch module. Input sizes
are never asked for: they are inferred from the shape flowing in.

torch is imported lazily inside the build functions so that shape inference and the GUI's
palette work without paying for importing torch.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from playground.core.experiment import ExperimentError, read_bool, read_float, read_int
from playground.core.i18n import QT_TRANSLATE_NOOP, Message

Shape = tuple[int, ...]  # without the batch dimension


def format_shape(shape: Shape) -> str:
    return "×".join(str(d) for d in shape)


class ShapeMismatch(Exception):
    """Raised by a layer's shape rule: the message says what is wrong and what to do."""


# --------------------------------------------------------------------------- layers


@dataclass(frozen=True)
class ParamSpec:
    name: str
    kind: str  # "int" | "float" | "bool"
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    label: str = ""
    help: str = ""
    log_scale: bool = False

    def read(self, value: Any, where: str) -> Any:
        if self.kind == "int":
            return read_int(value, where, self.minimum, self.maximum)
        if self.kind == "float":
            return read_float(value, where, self.minimum, self.maximum)
        return read_bool(value, where)


@dataclass(frozen=True)
class LayerType:
    name: str
    group: str  # "Layers" | "Activations" | "Regularization" | "Recurrent"
    summary: str
    formula: str
    infer: Callable[[Shape, dict[str, Any]], tuple[Shape, int]]  # → (output shape, parameters)
    build: Callable[[Shape, dict[str, Any]], Any]  # → torch.nn.Module
    params: tuple[ParamSpec, ...] = ()
    aliases: tuple[str, ...] = ()
    is_activation: bool = False

    @property
    def tooltip(self) -> str:
        return f"{self.summary}\n{self.formula}" if self.formula else self.summary

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def complete(self, params: dict[str, Any]) -> dict[str, Any]:
        """The layer's parameters with defaults for those a LayerSpec made in code left out."""
        return {**self.defaults(), **{k: v for k, v in params.items() if k in self.defaults()}}

    def parse_params(self, raw: dict[str, Any], where: str) -> dict[str, Any]:
        known = {p.name: p for p in self.params}
        for key in raw:
            if key not in known:
                hint = f"; {self.name} takes: {', '.join(known)}" if known else f"; {self.name} takes no parameters"
                raise ExperimentError(f"{where}.{key}", f"unknown parameter{hint}")
        values = self.defaults()
        for key, value in raw.items():
            values[key] = known[key].read(value, f"{where}.{key}")
        return values


def _require_image(shape: Shape, what: str) -> tuple[int, int, int]:
    if len(shape) == 3:
        return shape  # type: ignore[return-value]
    if len(shape) == 1:
        raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer} expects an image (channels×height×width) but receives a flat vector of {size} — "
            "move it before Flatten, or remove the Flatten above it"), layer=what, size=shape[0]))
    raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "{layer} expects an image (channels×height×width) but receives {shape}"),
        layer=what, shape=format_shape(shape)))


def _require_flat(shape: Shape, what: str) -> int:
    if len(shape) == 1:
        return shape[0]
    raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "{layer} expects a flat vector but receives {shape} — add Flatten before it"),
        layer=what, shape=format_shape(shape)))


def _conv_out(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + 2 * padding - kernel) // stride + 1


# --- shape rules ---------------------------------------------------------------------


def _linear_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    n_in = _require_flat(shape, "{layer}")
    return (p["units"],), n_in * p["units"] + (p["units"] if p["bias"] else 0)


def _conv_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    c, h, w = _require_image(shape, "{layer}")
    k, s, pad = p["kernel_size"], p["stride"], p["padding"]
    oh, ow = _conv_out(h, k, s, pad), _conv_out(w, k, s, pad)
    if oh < 1 or ow < 1:
        raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer}'s kernel {kernel} does not fit its input {size} — use a smaller kernel, add "
            "padding, or remove a pooling layer before it"), layer="{layer}", kernel=f"{k}×{k}", size=f"{h}×{w}"))
    return (p["out_channels"], oh, ow), p["out_channels"] * (c * k * k + 1)


def _pool_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    c, h, w = _require_image(shape, "{layer}")
    k = p["kernel_size"]
    s = p["stride"] or k
    oh, ow = _conv_out(h, k, s, 0), _conv_out(w, k, s, 0)
    if oh < 1 or ow < 1:
        raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer}'s window {kernel} is larger than its input {size} — use a smaller kernel or remove "
            "it"), layer="{layer}", kernel=f"{k}×{k}", size=f"{h}×{w}"))
    return (c, oh, ow), 0


def _flatten_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    return (math.prod(shape),), 0


def _same_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    return shape, 0


def _batchnorm_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    if len(shape) not in (1, 3):
        raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
            "Shapes", "{layer} needs a flat vector or an image, but receives {shape}"),
            layer="{layer}", shape=format_shape(shape)))
    return shape, 2 * shape[0]


def _layernorm_infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
    return shape, 2 * math.prod(shape)


def _sequence_dims(shape: Shape) -> tuple[int, int]:
    """(steps, features): an image's rows are the sequence, each row (all channels) a step."""
    if len(shape) == 3:
        return shape[1], shape[0] * shape[2]
    if len(shape) == 2:
        return shape[0], shape[1]
    # A flat vector comes from Flatten, Linear or another recurrent layer (which returns its last step only).
    raise ShapeMismatch(Message("Shapes", QT_TRANSLATE_NOOP(
        "Shapes", "{layer} expects a sequence (an image, whose rows are the steps) but receives a flat vector of "
        "{size} — place it before any Flatten, Linear or recurrent layer; to stack recurrent layers, raise its "
        "Stacked layers instead"), layer="{layer}", size=shape[0]))


def _recurrent_infer(gates: int) -> Callable[[Shape, dict[str, Any]], tuple[Shape, int]]:
    def infer(shape: Shape, p: dict[str, Any]) -> tuple[Shape, int]:
        _, features = _sequence_dims(shape)
        h = p["hidden_size"]
        total, n_in = 0, features
        for _ in range(p["num_layers"]):
            total += gates * (h * n_in + h * h + 2 * h)
            n_in = h
        return (h,), total

    return infer


# --- builders (torch imported lazily) --------------------------------------------------


def _nn():
    import torch.nn as nn

    return nn


def _build_linear(shape: Shape, p: dict[str, Any]):
    return _nn().Linear(shape[0], p["units"], bias=p["bias"])


def _build_conv(shape: Shape, p: dict[str, Any]):
    return _nn().Conv2d(shape[0], p["out_channels"], p["kernel_size"], stride=p["stride"], padding=p["padding"])


def _build_maxpool(shape: Shape, p: dict[str, Any]):
    return _nn().MaxPool2d(p["kernel_size"], stride=p["stride"] or None)


def _build_avgpool(shape: Shape, p: dict[str, Any]):
    return _nn().AvgPool2d(p["kernel_size"], stride=p["stride"] or None)


def _build_batchnorm(shape: Shape, p: dict[str, Any]):
    nn = _nn()
    return nn.BatchNorm1d(shape[0]) if len(shape) == 1 else nn.BatchNorm2d(shape[0])


def _build_recurrent(kind: str):
    def build(shape: Shape, p: dict[str, Any]):
        from playground.core.build import SequenceLastStep

        _, features = _sequence_dims(shape)
        gate_bias = p.get("forget_bias", p.get("update_bias", 0.0))
        return SequenceLastStep(kind, features, p["hidden_size"], p["num_layers"], gate_bias)

    return build


def _simple(factory: str, **fixed: Any):
    def build(shape: Shape, p: dict[str, Any]):
        return getattr(_nn(), factory)(**fixed, **p)

    return build


_UNITS = ParamSpec("units", "int", 10, 1, 65536, QT_TRANSLATE_NOOP("Catalog", "Units"),
                   QT_TRANSLATE_NOOP("Catalog", "Number of output neurons"))
_BIAS = ParamSpec("bias", "bool", True, label=QT_TRANSLATE_NOOP("Catalog", "Bias"),
                  help=QT_TRANSLATE_NOOP("Catalog", "Add a learned bias b to each output"))
_KERNEL = ParamSpec("kernel_size", "int", 3, 1, 15, QT_TRANSLATE_NOOP("Catalog", "Kernel"),
                    QT_TRANSLATE_NOOP("Catalog", "Size of the square filter window"))
_POOL_KERNEL = ParamSpec("kernel_size", "int", 2, 1, 8, QT_TRANSLATE_NOOP("Catalog", "Kernel"),
                         QT_TRANSLATE_NOOP("Catalog", "Size of the square pooling window"))
_POOL_STRIDE = ParamSpec("stride", "int", 0, 0, 8, QT_TRANSLATE_NOOP("Catalog", "Stride"),
                         QT_TRANSLATE_NOOP("Catalog", "Step between windows (0 = same as the kernel)"))
_HIDDEN = ParamSpec("hidden_size", "int", 128, 1, 4096, QT_TRANSLATE_NOOP("Catalog", "Hidden size"),
                    QT_TRANSLATE_NOOP("Catalog", "Size of the hidden state h"))
_NUM_LAYERS = ParamSpec("num_layers", "int", 1, 1, 8, QT_TRANSLATE_NOOP("Catalog", "Stacked layers"),
                        QT_TRANSLATE_NOOP("Catalog", "Recurrent layers stacked on top of each other"))
# The gate that decides how much of the memory carries over to the next step starts half open in
# PyTorch (bias 0, σ(0) = 0.5), so the memory halves at every step and a dependency 50 steps back
# sends almost no gradient. Starting it mostly open (Keras starts at 1; 3 gives σ = 0.95) lets LSTM
# and GRU learn the 60-step long-memory sequences within the first epochs (0.92–0.97 validation
# accuracy after 8, seeds 0–2), where with 0 they stay at chance like the plain RNN (0.23–0.25);
# 0 keeps PyTorch's own start.
_FORGET_BIAS = ParamSpec("forget_bias", "float", 0.0, -5.0, 5.0, QT_TRANSLATE_NOOP("Catalog", "Forget-gate bias"),
                         QT_TRANSLATE_NOOP("Catalog", "Starting bias of the forget gate f: 0 is PyTorch's start "
                                           "(f ≈ 0.5, the memory halves at every step); 3 starts it almost fully "
                                           "open (f ≈ 0.95), so long sequences are learned much sooner"))
_UPDATE_BIAS = ParamSpec("update_bias", "float", 0.0, -5.0, 5.0, QT_TRANSLATE_NOOP("Catalog", "Update-gate bias"),
                         QT_TRANSLATE_NOOP("Catalog", "Starting bias of the update gate z: 0 is PyTorch's start "
                                           "(z ≈ 0.5, half of the state is replaced at every step); 3 starts by "
                                           "keeping almost all of it (z ≈ 0.95), so long sequences are learned "
                                           "much sooner"))

# Summaries, labels and worded formulas are marked for translation (see playground.core.i18n);
# formulas that are only mathematics read the same in every language.
_LAYER_LIST: list[LayerType] = [
    LayerType("Linear", "Layers",
              QT_TRANSLATE_NOOP("Catalog", "Fully connected layer: every input feeds every output."),
              "y = W·x + b", _linear_infer, _build_linear, (_UNITS, _BIAS), aliases=("Dense", "FC")),
    LayerType("Conv2d", "Layers",
              QT_TRANSLATE_NOOP("Catalog", "2-D convolution: slides learned filters over the image."),
              "y[c] = Σ W[c] ⋆ x + b[c]", _conv_infer, _build_conv,
              (ParamSpec("out_channels", "int", 16, 1, 1024, QT_TRANSLATE_NOOP("Catalog", "Filters"),
                         QT_TRANSLATE_NOOP("Catalog", "Number of filters (output channels)")),
               _KERNEL,
               ParamSpec("stride", "int", 1, 1, 8, QT_TRANSLATE_NOOP("Catalog", "Stride"),
                         QT_TRANSLATE_NOOP("Catalog", "Step of the filter in pixels")),
               ParamSpec("padding", "int", 0, 0, 16, QT_TRANSLATE_NOOP("Catalog", "Padding"),
                         QT_TRANSLATE_NOOP("Catalog", "Zero pixels added around the input"))),
              aliases=("Conv", "Conv2D")),
    LayerType("MaxPool2d", "Layers",
              QT_TRANSLATE_NOOP("Catalog", "Max pooling: keeps the largest value of each window."),
              QT_TRANSLATE_NOOP("Catalog", "y = max over k×k window"),
              _pool_infer, _build_maxpool, (_POOL_KERNEL, _POOL_STRIDE), aliases=("MaxPool",)),
    LayerType("AvgPool2d", "Layers",
              QT_TRANSLATE_NOOP("Catalog", "Average pooling: the mean of each window."),
              QT_TRANSLATE_NOOP("Catalog", "y = mean over k×k window"),
              _pool_infer, _build_avgpool, (_POOL_KERNEL, _POOL_STRIDE), aliases=("AvgPool",)),
    LayerType("Flatten", "Layers",
              QT_TRANSLATE_NOOP("Catalog", "Flattens an image into one vector (needed before Linear)."),
              "C×H×W → C·H·W", _flatten_infer, _simple("Flatten")),
    LayerType("ReLU", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Rectified linear unit: passes positives, zeroes negatives."),
              "max(0, x)", _same_infer, _simple("ReLU"), is_activation=True),
    LayerType("LeakyReLU", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "ReLU with a small slope for negative inputs."),
              QT_TRANSLATE_NOOP("Catalog", "max(0, x) + slope·min(0, x)"), _same_infer, _simple("LeakyReLU"),
              (ParamSpec("negative_slope", "float", 0.01, 0.0, 1.0, QT_TRANSLATE_NOOP("Catalog", "Slope"),
                         QT_TRANSLATE_NOOP("Catalog", "Slope for x < 0")),),
              is_activation=True),
    LayerType("ELU", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Exponential linear unit: smooth for negative inputs."),
              QT_TRANSLATE_NOOP("Catalog", "x if x > 0, else α·(eˣ − 1)"), _same_infer, _simple("ELU"),
              (ParamSpec("alpha", "float", 1.0, 0.01, 10.0, "α",
                         QT_TRANSLATE_NOOP("Catalog", "Value approached for very negative x")),),
              is_activation=True),
    LayerType("GELU", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Gaussian error linear unit, used in transformers."),
              "x·Φ(x)", _same_infer, _simple("GELU"), is_activation=True),
    LayerType("SiLU", "Activations", QT_TRANSLATE_NOOP("Catalog", "Sigmoid linear unit (Swish)."),
              "x·σ(x) = x / (1 + e^−x)", _same_infer, _simple("SiLU"), aliases=("Swish",), is_activation=True),
    LayerType("Sigmoid", "Activations", QT_TRANSLATE_NOOP("Catalog", "Squashes any value into (0, 1)."),
              "1 / (1 + e^−x)", _same_infer, _simple("Sigmoid"), is_activation=True),
    LayerType("Tanh", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Squashes any value into (−1, 1), centred at 0."),
              "(eˣ − e^−x) / (eˣ + e^−x)", _same_infer, _simple("Tanh"), is_activation=True),
    LayerType("Softmax", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Turns scores into probabilities that sum to 1."),
              "eˣⁱ / Σⱼ eˣʲ", _same_infer, _simple("Softmax", dim=1), is_activation=True),
    LayerType("LogSoftmax", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Logarithm of softmax; pair it with NLL loss."),
              "xᵢ − log Σⱼ eˣʲ", _same_infer, _simple("LogSoftmax", dim=1), is_activation=True),
    LayerType("Identity", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Passes its input through unchanged (a linear activation)."),
              "x", _same_infer, _simple("Identity"), aliases=("Linear activation",), is_activation=True),
    LayerType("Dropout", "Regularization",
              QT_TRANSLATE_NOOP("Catalog", "Randomly zeroes inputs while training, to prevent overfitting."),
              "y = x·m / (1 − p), m ~ Bernoulli(1 − p)", _same_infer, _simple("Dropout"),
              (ParamSpec("p", "float", 0.5, 0.0, 0.99, QT_TRANSLATE_NOOP("Catalog", "Drop probability"),
                         QT_TRANSLATE_NOOP("Catalog", "Fraction of inputs set to zero")),)),
    LayerType("BatchNorm", "Regularization",
              QT_TRANSLATE_NOOP("Catalog", "Batch normalization: normalizes each feature over the batch "
                                "(1d or 2d chosen from the input)."),
              "y = γ·(x − μ_B) / √(σ²_B + ε) + β", _batchnorm_infer, _build_batchnorm,
              aliases=("BatchNorm1d", "BatchNorm2d")),
    LayerType("LayerNorm", "Regularization",
              QT_TRANSLATE_NOOP("Catalog", "Layer normalization: normalizes each sample over its features."),
              "y = γ·(x − μ) / √(σ² + ε) + β", _layernorm_infer,
              lambda shape, p: _nn().LayerNorm(list(shape))),
    LayerType("RNN", "Recurrent",
              QT_TRANSLATE_NOOP("Catalog", "Simple recurrent layer over a sequence's steps (an image's rows); "
                                "outputs the last step."),
              "hₜ = tanh(W·xₜ + U·hₜ₋₁ + b)", _recurrent_infer(1), _build_recurrent("RNN"), (_HIDDEN, _NUM_LAYERS)),
    LayerType("LSTM", "Recurrent",
              QT_TRANSLATE_NOOP("Catalog", "Long short-term memory: gated recurrence that remembers longer."),
              "cₜ = f⊙cₜ₋₁ + i⊙g,  hₜ = o⊙tanh(cₜ)", _recurrent_infer(4), _build_recurrent("LSTM"),
              (_HIDDEN, _NUM_LAYERS, _FORGET_BIAS)),
    LayerType("GRU", "Recurrent", QT_TRANSLATE_NOOP("Catalog", "Gated recurrent unit: a lighter gated recurrence."),
              "hₜ = z⊙hₜ₋₁ + (1 − z)⊙h̃ₜ", _recurrent_infer(3), _build_recurrent("GRU"),
              (_HIDDEN, _NUM_LAYERS, _UPDATE_BIAS)),
]

LAYERS: dict[str, LayerType] = {t.name: t for t in _LAYER_LIST}
_ALIASES: dict[str, str] = {}
for _t in _LAYER_LIST:
    _ALIASES[_t.name.lower()] = _t.name
    for _a in _t.aliases:
        _ALIASES[_a.lower()] = _t.name

LAYER_GROUPS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Catalog", "Layers"), QT_TRANSLATE_NOOP("Catalog", "Activations"),
    QT_TRANSLATE_NOOP("Catalog", "Regularization"), QT_TRANSLATE_NOOP("Catalog", "Recurrent"),
)  # the groups' names are keys too: the UI translates them where it shows them


def canonical_layer_name(name: str) -> str:
    return _ALIASES.get(name.lower(), name)


def layers_in_group(group: str) -> list[LayerType]:
    return [t for t in _LAYER_LIST if t.group == group]


# --------------------------------------------------------------------------- losses


@dataclass(frozen=True)
class LossType:
    name: str
    label: str
    summary: str
    formula: str
    torch_name: str
    one_hot_targets: bool = False  # on a classification dataset: compare with one-hot vectors
    expects_log_probs: bool = False
    needs_labels: bool = False  # only makes sense for classification (class labels as targets)
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def tooltip(self) -> str:
        return f"{self.summary}\n{self.formula}"

    @property
    def sums(self) -> bool:
        """Adds up the examples' losses instead of averaging them: a batch's loss grows with its size."""
        return self.kwargs.get("reduction") == "sum"

    def build(self):
        import torch.nn as nn

        return getattr(nn, self.torch_name)(**self.kwargs)


LOSSES: dict[str, LossType] = {
    loss.name: loss
    for loss in [
        LossType("cross_entropy", QT_TRANSLATE_NOOP("Catalog", "Cross-entropy"),
                 QT_TRANSLATE_NOOP("Catalog", "For classification: softmax of the scores, then −log of the "
                                   "true class's probability. Give it raw scores (no Softmax layer)."),
                 "L = −log( e^{z_y} / Σⱼ e^{zⱼ} )", "CrossEntropyLoss", needs_labels=True),
        LossType("nll", QT_TRANSLATE_NOOP("Catalog", "Negative log-likelihood"),
                 QT_TRANSLATE_NOOP("Catalog", "For classification when the network ends with LogSoftmax."),
                 "L = −log p_y", "NLLLoss", expects_log_probs=True, needs_labels=True),
        LossType("mse", QT_TRANSLATE_NOOP("Catalog", "Mean squared error"),
                 QT_TRANSLATE_NOOP("Catalog", "For regression: average squared difference."),
                 "L = mean((ŷ − y)²)", "MSELoss", one_hot_targets=True),
        LossType("sse", QT_TRANSLATE_NOOP("Catalog", "Sum of squared errors"),
                 QT_TRANSLATE_NOOP("Catalog", "For regression: the squared differences added up, as lesson 003 "
                                   "writes it; N times the mean squared error."),
                 "L = Σ(ŷ − y)² = N·MSE", "MSELoss", one_hot_targets=True, kwargs={"reduction": "sum"}),
        LossType("l1", QT_TRANSLATE_NOOP("Catalog", "Mean absolute error (L1)"),
                 QT_TRANSLATE_NOOP("Catalog", "For regression: average absolute difference, robust to outliers."),
                 "L = mean(|ŷ − y|)", "L1Loss", one_hot_targets=True),
        LossType("smooth_l1", QT_TRANSLATE_NOOP("Catalog", "Smooth L1 / Huber"),
                 QT_TRANSLATE_NOOP("Catalog", "Squared for small errors, absolute for large ones."),
                 QT_TRANSLATE_NOOP("Catalog", "L = ½d² if |d| < 1, else |d| − ½"), "SmoothL1Loss",
                 one_hot_targets=True),
        LossType("bce_with_logits", QT_TRANSLATE_NOOP("Catalog", "Binary cross-entropy (with logits)"),
                 QT_TRANSLATE_NOOP("Catalog", "Sigmoid and binary cross-entropy in one, stable step; "
                                   "one output per class."),
                 "L = −[y·log σ(z) + (1 − y)·log(1 − σ(z))]", "BCEWithLogitsLoss", one_hot_targets=True),
    ]
}

# --------------------------------------------------------------------------- optimizers


@dataclass(frozen=True)
class OptimizerType:
    name: str
    label: str
    summary: str
    formula: str
    uses: tuple[str, ...]  # which OptimizerSpec fields matter (the editor shows only these)

    @property
    def tooltip(self) -> str:
        return f"{self.summary}\n{self.formula}"

    def build(self, parameters, spec) -> Any:
        import torch.optim as optim

        parameters = list(parameters)
        if self.name == "sgd":
            return optim.SGD(parameters, lr=spec.lr, momentum=spec.momentum, nesterov=spec.nesterov,
                             weight_decay=spec.weight_decay)
        if self.name == "adam":
            return optim.Adam(parameters, lr=spec.lr, betas=tuple(spec.betas), weight_decay=spec.weight_decay,
                              fused=_fused(parameters))
        if self.name == "adamw":
            return optim.AdamW(parameters, lr=spec.lr, betas=tuple(spec.betas), weight_decay=spec.weight_decay,
                               fused=_fused(parameters))
        if self.name == "rmsprop":
            return optim.RMSprop(parameters, lr=spec.lr, momentum=spec.momentum, weight_decay=spec.weight_decay)
        if self.name == "adagrad":
            return optim.Adagrad(parameters, lr=spec.lr, weight_decay=spec.weight_decay)
        raise KeyError(self.name)


def _fused(parameters: list) -> bool | None:
    """Adam's update as one fused kernel per step instead of about ten small tensor operations per
    weight tensor: the seed MLP's epoch on CPU takes 18 % less (benchmarks/FIXES.md). Same algorithm,
    same settings; only where torch has the kernel (None: torch's default)."""
    return True if parameters and all(p.device.type in ("cpu", "cuda") and p.is_floating_point()
                                      for p in parameters) else None


OPTIMIZERS: dict[str, OptimizerType] = {
    o.name: o
    for o in [
        OptimizerType("sgd", "SGD",
                      QT_TRANSLATE_NOOP("Catalog", "Stochastic gradient descent, optionally with (Nesterov) momentum."),
                      "v ← μ·v + g;  w ← w − η·v", ("lr", "momentum", "nesterov", "weight_decay")),
        OptimizerType("adam", "Adam",
                      QT_TRANSLATE_NOOP("Catalog", "Adaptive moments: per-weight step sizes from running averages "
                                        "of the gradient and its square, with bias correction."),
                      "m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ);  w ← w − η·m̂/(√v̂ + ε)", ("lr", "betas", "weight_decay")),
        OptimizerType("adamw", "AdamW", QT_TRANSLATE_NOOP("Catalog", "Adam with decoupled weight decay."),
                      "w ← w − η·(m̂/(√v̂ + ε) + λ·w)", ("lr", "betas", "weight_decay")),
        OptimizerType("rmsprop", "RMSprop",
                      QT_TRANSLATE_NOOP("Catalog", "Divides the step by a running average of the squared gradient."),
                      "v ← α·v + (1−α)·g²;  w ← w − η·g/(√v + ε)", ("lr", "momentum", "weight_decay")),
        OptimizerType("adagrad", "Adagrad",
                      QT_TRANSLATE_NOOP("Catalog", "Per-weight steps that shrink with the sum of past squared "
                                        "gradients."),
                      "G ← G + g²;  w ← w − η·g/(√G + ε)", ("lr", "weight_decay")),
    ]
}


# --------------------------------------------------------------------------- schedulers


@dataclass(frozen=True)
class SchedulerType:
    name: str
    label: str
    summary: str
    per_batch: bool = False  # stepped after every batch instead of every epoch
    formula: str = ""  # t: epoch (or batch for per-batch schedules), η: the optimizer's learning rate

    @property
    def tooltip(self) -> str:
        return f"{self.summary}\n{self.formula}" if self.formula else self.summary

    def build(self, optimizer, spec, epochs: int, steps_per_epoch: int) -> Any:
        from torch.optim import lr_scheduler

        if self.name == "none":
            return None
        if self.name == "step":
            return lr_scheduler.StepLR(optimizer, step_size=spec.step_size, gamma=spec.gamma)
        if self.name == "exponential":
            return lr_scheduler.ExponentialLR(optimizer, gamma=spec.gamma)
        if self.name == "cosine":
            return lr_scheduler.CosineAnnealingLR(optimizer, T_max=max(1, epochs))
        if self.name == "onecycle":
            base = optimizer.param_groups[0]["lr"]
            return lr_scheduler.OneCycleLR(optimizer, max_lr=spec.max_lr or base * 10, epochs=max(1, epochs),
                                           steps_per_epoch=max(1, steps_per_epoch))
        raise KeyError(self.name)


SCHEDULERS: dict[str, SchedulerType] = {
    s.name: s
    for s in [
        SchedulerType("none", QT_TRANSLATE_NOOP("Catalog", "Constant"),
                      QT_TRANSLATE_NOOP("Catalog", "The learning rate stays the same."), formula="ηₜ = η"),
        SchedulerType("step", "StepLR",
                      QT_TRANSLATE_NOOP("Catalog", "Multiplies the learning rate by γ every few epochs."),
                      formula="ηₜ = η·γ^⌊t / s⌋"),
        SchedulerType("exponential", "ExponentialLR",
                      QT_TRANSLATE_NOOP("Catalog", "Multiplies the learning rate by γ every epoch."),
                      formula="ηₜ = η·γᵗ"),
        SchedulerType("cosine", "CosineAnnealingLR",
                      QT_TRANSLATE_NOOP("Catalog", "Lowers the learning rate along a cosine to 0 at the last epoch."),
                      formula="ηₜ = ½·η·(1 + cos(π·t / T))"),
        SchedulerType("onecycle", "OneCycleLR",
                      QT_TRANSLATE_NOOP("Catalog", "Warms the learning rate up to a peak, then anneals it "
                                        "(per batch)."),
                      per_batch=True,
                      formula=QT_TRANSLATE_NOOP("Catalog", "η rises to η_max over the first 30% of the steps, "
                                                "then falls along a cosine to almost 0")),
    ]
}
