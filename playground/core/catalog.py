"""The catalog: names → layers, losses, optimizers and schedulers.

Every block the course teaches is one `LayerType` entry: what a person may set (with limits,
so the editor can build proper widgets), a one-line explanation with its formula, and its rules
(`playground.core.layer_rules`): how its output shape follows from its input shape, how to build
the torch module, and how the exported script writes it. Input sizes are never asked for: they
are inferred from the shape flowing in. Losses, optimizers and schedulers carry their torch class
and arguments the same way, so the trainer and the code export read one registry.

torch is imported lazily inside the build functions so that shape inference and the GUI's
palette work without paying for importing torch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from playground.core import layer_rules as rules
from playground.core import merge_rules
from playground.core.code_text import num
from playground.core.fields import ExperimentError, problem, read_bool, read_float, read_int
from playground.core.layer_rules import LayerCode, Shape
from playground.i18n import QT_TRANSLATE_NOOP

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
    group: str  # "Layers" | "Activations" | "Regularization" | "Recurrent" | "Merge"
    summary: str
    formula: str
    code_name: str  # the exported script names its module after it: fc1, conv1, relu1 (see codegen)
    infer: Callable[[Shape, dict[str, Any]], tuple[Shape, int]]  # → (output shape, parameters)
    build: Callable[[Shape, dict[str, Any]], Any]  # → torch.nn.Module
    code: Callable[[str, dict[str, Any], Shape, Shape], LayerCode]  # (attribute, params, in, out) → its code
    params: tuple[ParamSpec, ...] = ()
    aliases: tuple[str, ...] = ()
    is_activation: bool = False
    # merge blocks only: (input shapes, their blocks' names, params) → output shape, or ShapeMismatch
    join: Callable[[list[Shape], list[str], dict[str, Any]], Shape] | None = None

    @property
    def is_merge(self) -> bool:
        return self.join is not None

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
                if known:
                    text = problem(QT_TRANSLATE_NOOP("Experiment", "unknown parameter; {layer} takes: {parameters}"),
                                   layer=self.name, parameters=", ".join(known))
                else:
                    text = problem(QT_TRANSLATE_NOOP("Experiment", "unknown parameter; {layer} takes no parameters"),
                                   layer=self.name)
                raise ExperimentError(f"{where}.{key}", text)
        values = self.defaults()
        for key, value in raw.items():
            values[key] = known[key].read(value, f"{where}.{key}")
        return values


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

# Summaries, labels and worded formulas are marked for translation (see playground.i18n);
# formulas that are only mathematics read the same in every language.
_LAYER_LIST: list[LayerType] = [
    LayerType("Linear", "Layers",
              QT_TRANSLATE_NOOP("Catalog", "Fully connected layer: every input feeds every output."),
              "y = W·x + b", "fc", **rules.LINEAR, params=(_UNITS, _BIAS), aliases=("Dense", "FC")),
    LayerType("Conv2d", "Layers",
              QT_TRANSLATE_NOOP("Catalog", "2-D convolution: slides learned filters over the image."),
              "y[c] = Σ W[c] ⋆ x + b[c]", "conv", **rules.CONV2D,
              params=(ParamSpec("out_channels", "int", 16, 1, 1024, QT_TRANSLATE_NOOP("Catalog", "Filters"),
                                QT_TRANSLATE_NOOP("Catalog", "Number of filters (output channels)")),
                      _KERNEL,
                      ParamSpec("stride", "int", 1, 1, 8, QT_TRANSLATE_NOOP("Catalog", "Stride"),
                                QT_TRANSLATE_NOOP("Catalog", "Step of the filter in pixels")),
                      ParamSpec("padding", "int", 0, 0, 16, QT_TRANSLATE_NOOP("Catalog", "Padding"),
                                QT_TRANSLATE_NOOP("Catalog", "Zero pixels added around the input"))),
              aliases=("Conv", "Conv2D")),
    LayerType("MaxPool2d", "Layers",
              QT_TRANSLATE_NOOP("Catalog", "Max pooling: keeps the largest value of each window."),
              QT_TRANSLATE_NOOP("Catalog", "y = max over k×k window"), "pool", **rules.pool("MaxPool2d", "largest"),
              params=(_POOL_KERNEL, _POOL_STRIDE), aliases=("MaxPool",)),
    LayerType("AvgPool2d", "Layers",
              QT_TRANSLATE_NOOP("Catalog", "Average pooling: the mean of each window."),
              QT_TRANSLATE_NOOP("Catalog", "y = mean over k×k window"), "avgpool", **rules.pool("AvgPool2d", "mean"),
              params=(_POOL_KERNEL, _POOL_STRIDE), aliases=("AvgPool",)),
    LayerType("Flatten", "Layers",
              QT_TRANSLATE_NOOP("Catalog", "Flattens an image into one vector (needed before Linear)."),
              "C×H×W → C·H·W", "flatten", **rules.FLATTEN),
    LayerType("ReLU", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Rectified linear unit: passes positives, zeroes negatives."),
              "max(0, x)", "relu", **rules.simple("ReLU"), is_activation=True),
    LayerType("LeakyReLU", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "ReLU with a small slope for negative inputs."),
              QT_TRANSLATE_NOOP("Catalog", "max(0, x) + slope·min(0, x)"), "leaky_relu", **rules.simple("LeakyReLU"),
              params=(ParamSpec("negative_slope", "float", 0.01, 0.0, 1.0, QT_TRANSLATE_NOOP("Catalog", "Slope"),
                                QT_TRANSLATE_NOOP("Catalog", "Slope for x < 0")),),
              is_activation=True),
    LayerType("ELU", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Exponential linear unit: smooth for negative inputs."),
              QT_TRANSLATE_NOOP("Catalog", "x if x > 0, else α·(eˣ − 1)"), "elu", **rules.simple("ELU"),
              params=(ParamSpec("alpha", "float", 1.0, 0.01, 10.0, "α",
                                QT_TRANSLATE_NOOP("Catalog", "Value approached for very negative x")),),
              is_activation=True),
    LayerType("GELU", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Gaussian error linear unit, used in transformers."),
              "x·Φ(x)", "gelu", **rules.simple("GELU"), is_activation=True),
    LayerType("SiLU", "Activations", QT_TRANSLATE_NOOP("Catalog", "Sigmoid linear unit (Swish)."),
              "x·σ(x) = x / (1 + e^−x)", "silu", **rules.simple("SiLU"), aliases=("Swish",), is_activation=True),
    LayerType("Sigmoid", "Activations", QT_TRANSLATE_NOOP("Catalog", "Squashes any value into (0, 1)."),
              "1 / (1 + e^−x)", "sigmoid", **rules.simple("Sigmoid"), is_activation=True),
    LayerType("Tanh", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Squashes any value into (−1, 1), centred at 0."),
              "(eˣ − e^−x) / (eˣ + e^−x)", "tanh", **rules.simple("Tanh"), is_activation=True),
    LayerType("Softmax", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Turns scores into probabilities that sum to 1."),
              "eˣⁱ / Σⱼ eˣʲ", "softmax", **rules.simple("Softmax", "over the classes (dim 1)", dim=1),
              is_activation=True),
    LayerType("LogSoftmax", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Logarithm of softmax; pair it with NLL loss."),
              "xᵢ − log Σⱼ eˣʲ", "log_softmax", **rules.simple("LogSoftmax", "over the classes (dim 1)", dim=1),
              is_activation=True),
    LayerType("Identity", "Activations",
              QT_TRANSLATE_NOOP("Catalog", "Passes its input through unchanged (a linear activation)."),
              "x", "identity", **rules.simple("Identity"), aliases=("Linear activation",), is_activation=True),
    LayerType("Dropout", "Regularization",
              QT_TRANSLATE_NOOP("Catalog", "Randomly zeroes inputs while training, to prevent overfitting."),
              "y = x·m / (1 − p), m ~ Bernoulli(1 − p)", "dropout", **rules.simple("Dropout", "only while training"),
              params=(ParamSpec("p", "float", 0.5, 0.0, 0.99, QT_TRANSLATE_NOOP("Catalog", "Drop probability"),
                                QT_TRANSLATE_NOOP("Catalog", "Fraction of inputs set to zero")),)),
    LayerType("BatchNorm", "Regularization",
              QT_TRANSLATE_NOOP("Catalog", "Batch normalization: normalizes each feature over the batch "
                                "(1d or 2d chosen from the input)."),
              "y = γ·(x − μ_B) / √(σ²_B + ε) + β", "bn", **rules.BATCHNORM, aliases=("BatchNorm1d", "BatchNorm2d")),
    LayerType("LayerNorm", "Regularization",
              QT_TRANSLATE_NOOP("Catalog", "Layer normalization: normalizes each sample over its features."),
              "y = γ·(x − μ) / √(σ² + ε) + β", "ln", **rules.LAYERNORM),
    LayerType("RNN", "Recurrent",
              QT_TRANSLATE_NOOP("Catalog", "Simple recurrent layer over a sequence's steps (an image's rows); "
                                "outputs the last step."),
              "hₜ = tanh(W·xₜ + U·hₜ₋₁ + b)", "rnn", **rules.recurrent("RNN", gates=1), params=(_HIDDEN, _NUM_LAYERS)),
    LayerType("LSTM", "Recurrent",
              QT_TRANSLATE_NOOP("Catalog", "Long short-term memory: gated recurrence that remembers longer."),
              "cₜ = f⊙cₜ₋₁ + i⊙g,  hₜ = o⊙tanh(cₜ)", "lstm", **rules.recurrent("LSTM", gates=4),
              params=(_HIDDEN, _NUM_LAYERS, _FORGET_BIAS)),
    LayerType("GRU", "Recurrent", QT_TRANSLATE_NOOP("Catalog", "Gated recurrent unit: a lighter gated recurrence."),
              "hₜ = z⊙hₜ₋₁ + (1 − z)⊙h̃ₜ", "gru", **rules.recurrent("GRU", gates=3),
              params=(_HIDDEN, _NUM_LAYERS, _UPDATE_BIAS)),
    LayerType("Add", "Merge",
              QT_TRANSLATE_NOOP("Catalog", "Adds its inputs number by number (a skip connection: body + shortcut); "
                                "their shapes must be equal."),
              "y = x₁ + x₂", "add", **merge_rules.ADD, aliases=("Sum", "Residual add")),
    LayerType("Concat", "Merge",
              QT_TRANSLATE_NOOP("Catalog", "Joins its inputs side by side: along the channels of images, the "
                                "features of vectors."),
              "y = [x₁, x₂]", "cat", **merge_rules.CONCAT, aliases=("Concatenate", "Cat")),
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
    QT_TRANSLATE_NOOP("Catalog", "Merge"),
)  # the groups' names are keys too: the UI translates them where it shows them


# A Linear or Conv2d layer that feeds one of these activations starts from He initialization
# (playground.core.build.he_init says why); the exported script initializes the same layers.
RELU_FAMILY = ("ReLU", "LeakyReLU", "ELU", "GELU", "SiLU")
HE_INIT_LAYERS = ("Linear", "Conv2d")


def gets_he_init(layer: str, following: str | None) -> bool:
    """Whether a layer of type `layer` followed by one of type `following` gets He initialization."""
    return layer in HE_INIT_LAYERS and following in RELU_FAMILY


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
    # what the loss reads the network's outputs as (playground.core.predictions.MEANINGS): how a network
    # trained with it turns its outputs into class probabilities, and what it compares them with
    outputs: str
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def tooltip(self) -> str:
        return f"{self.summary}\n{self.formula}"

    @property
    def needs_labels(self) -> bool:
        """Takes class indices as targets, so it only makes sense for classification (scores per class)."""
        return self.outputs in ("logits", "log_probabilities")

    @property
    def one_hot_targets(self) -> bool:
        """On a classification dataset, compares the outputs with one-hot vectors (one value per class)."""
        return self.outputs in ("estimates", "binary_logits")

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
                 "L = −log( e^{z_y} / Σⱼ e^{zⱼ} )", "CrossEntropyLoss", "logits"),
        LossType("nll", QT_TRANSLATE_NOOP("Catalog", "Negative log-likelihood"),
                 QT_TRANSLATE_NOOP("Catalog", "For classification when the network ends with LogSoftmax."),
                 "L = −log p_y", "NLLLoss", "log_probabilities"),
        LossType("mse", QT_TRANSLATE_NOOP("Catalog", "Mean squared error"),
                 QT_TRANSLATE_NOOP("Catalog", "For regression: average squared difference."),
                 "L = mean((ŷ − y)²)", "MSELoss", "estimates"),
        LossType("sse", QT_TRANSLATE_NOOP("Catalog", "Sum of squared errors"),
                 QT_TRANSLATE_NOOP("Catalog", "For regression: the squared differences added up, as lesson 003 "
                                   "writes it; N times the mean squared error."),
                 "L = Σ(ŷ − y)² = N·MSE", "MSELoss", "estimates", kwargs={"reduction": "sum"}),
        LossType("l1", QT_TRANSLATE_NOOP("Catalog", "Mean absolute error (L1)"),
                 QT_TRANSLATE_NOOP("Catalog", "For regression: average absolute difference, robust to outliers."),
                 "L = mean(|ŷ − y|)", "L1Loss", "estimates"),
        LossType("smooth_l1", QT_TRANSLATE_NOOP("Catalog", "Smooth L1 / Huber"),
                 QT_TRANSLATE_NOOP("Catalog", "Squared for small errors, absolute for large ones."),
                 QT_TRANSLATE_NOOP("Catalog", "L = ½d² if |d| < 1, else |d| − ½"), "SmoothL1Loss",
                 "estimates"),
        LossType("bce_with_logits", QT_TRANSLATE_NOOP("Catalog", "Binary cross-entropy (with logits)"),
                 QT_TRANSLATE_NOOP("Catalog", "Sigmoid and binary cross-entropy in one, stable step; "
                                   "one output per class."),
                 "L = −[y·log σ(z) + (1 − y)·log(1 − σ(z))]", "BCEWithLogitsLoss", "binary_logits"),
    ]
}

# --------------------------------------------------------------------------- optimizers

# torch.optim's own value for each setting an optimizer may use; the exported script writes an
# argument only where the experiment's value differs from torch's (an entry may override one).
_TORCH_OPTIMIZER_DEFAULTS: dict[str, Any] = {"momentum": 0.0, "nesterov": False, "betas": (0.9, 0.999),
                                             "weight_decay": 0.0}


@dataclass(frozen=True)
class OptimizerType:
    name: str
    label: str
    summary: str
    formula: str
    torch_class: str  # in torch.optim
    uses: tuple[str, ...]  # the OptimizerSpec fields it takes, in torch's order (the editor shows only these)
    torch_defaults: dict[str, Any] = field(default_factory=dict)  # where torch's differ from the usual ones
    fused: bool = False  # torch has a fused kernel for its update (see _fused)

    @property
    def tooltip(self) -> str:
        return f"{self.summary}\n{self.formula}"

    def arguments(self, spec) -> dict[str, Any]:
        """torch.optim's keyword arguments for an OptimizerSpec: the fields this optimizer uses."""
        return {name: tuple(getattr(spec, name)) if name == "betas" else getattr(spec, name) for name in self.uses}

    def torch_default(self, name: str) -> Any:
        return self.torch_defaults.get(name, _TORCH_OPTIMIZER_DEFAULTS.get(name))

    def build(self, parameters, spec) -> Any:
        import torch.optim as optim

        parameters = list(parameters)
        implementation = {"fused": _fused(parameters)} if self.fused else {}
        return getattr(optim, self.torch_class)(parameters, **self.arguments(spec), **implementation)


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
                      "v ← μ·v + g;  w ← w − η·v", "SGD", ("lr", "momentum", "nesterov", "weight_decay")),
        OptimizerType("adam", "Adam",
                      QT_TRANSLATE_NOOP("Catalog", "Adaptive moments: per-weight step sizes from running averages "
                                        "of the gradient and its square, with bias correction."),
                      "m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ);  w ← w − η·m̂/(√v̂ + ε)", "Adam", ("lr", "betas", "weight_decay"),
                      fused=True),
        OptimizerType("adamw", "AdamW", QT_TRANSLATE_NOOP("Catalog", "Adam with decoupled weight decay."),
                      "w ← w − η·(m̂/(√v̂ + ε) + λ·w)", "AdamW", ("lr", "betas", "weight_decay"),
                      torch_defaults={"weight_decay": 0.01}, fused=True),
        OptimizerType("rmsprop", "RMSprop",
                      QT_TRANSLATE_NOOP("Catalog", "Divides the step by a running average of the squared gradient."),
                      "v ← α·v + (1−α)·g²;  w ← w − η·g/(√v + ε)", "RMSprop", ("lr", "momentum", "weight_decay")),
        OptimizerType("adagrad", "Adagrad",
                      QT_TRANSLATE_NOOP("Catalog", "Per-weight steps that shrink with the sum of past squared "
                                        "gradients."),
                      "G ← G + g²;  w ← w − η·g/(√G + ε)", "Adagrad", ("lr", "weight_decay")),
    ]
}


# --------------------------------------------------------------------------- schedulers


@dataclass(frozen=True)
class SchedulerType:
    """A learning-rate schedule. `arguments(spec, lr, epochs, steps_per_epoch)` gives torch's keyword
    arguments; the app passes numbers, the exported script passes its own expressions (`args.epochs`),
    so both make the same scheduler. `describe(spec, lr)` is the script's comment above it."""

    name: str
    label: str
    summary: str
    torch_class: str  # in torch.optim.lr_scheduler; "" for a constant learning rate
    arguments: Callable[[Any, float, Any, Any], dict[str, Any]]
    describe: Callable[[Any, float], str]
    per_batch: bool = False  # stepped after every batch instead of every epoch
    formula: str = ""  # t: epoch (or batch for per-batch schedules), η: the optimizer's learning rate

    @property
    def tooltip(self) -> str:
        return f"{self.summary}\n{self.formula}" if self.formula else self.summary

    def build(self, optimizer, spec, epochs: int, steps_per_epoch: int) -> Any:
        if not self.torch_class:
            return None
        from torch.optim import lr_scheduler

        lr = optimizer.param_groups[0]["lr"]
        arguments = self.arguments(spec, lr, max(1, epochs), max(1, steps_per_epoch))
        return getattr(lr_scheduler, self.torch_class)(optimizer, **arguments)


def _onecycle_peak(spec, lr: float) -> float:
    return spec.max_lr or lr * 10  # 0: ten times the optimizer's learning rate


def _onecycle_description(spec, lr: float) -> str:
    note = "" if spec.max_lr else " (10× the base learning rate)"
    return f"warm the learning rate up to {num(_onecycle_peak(spec, lr))}{note}, then anneal it; stepped after every batch"


SCHEDULERS: dict[str, SchedulerType] = {
    s.name: s
    for s in [
        SchedulerType("none", QT_TRANSLATE_NOOP("Catalog", "Constant"),
                      QT_TRANSLATE_NOOP("Catalog", "The learning rate stays the same."), "",
                      lambda spec, lr, epochs, steps: {},
                      lambda spec, lr: f"no learning-rate scheduler: the learning rate stays {num(lr)}",
                      formula="ηₜ = η"),
        SchedulerType("step", "StepLR",
                      QT_TRANSLATE_NOOP("Catalog", "Multiplies the learning rate by γ every few epochs."), "StepLR",
                      lambda spec, lr, epochs, steps: {"step_size": spec.step_size, "gamma": spec.gamma},
                      lambda spec, lr: f"multiply the learning rate by {num(spec.gamma)} every {spec.step_size} epoch(s)",
                      formula="ηₜ = η·γ^⌊t / s⌋"),
        SchedulerType("exponential", "ExponentialLR",
                      QT_TRANSLATE_NOOP("Catalog", "Multiplies the learning rate by γ every epoch."), "ExponentialLR",
                      lambda spec, lr, epochs, steps: {"gamma": spec.gamma},
                      lambda spec, lr: f"multiply the learning rate by {num(spec.gamma)} every epoch",
                      formula="ηₜ = η·γᵗ"),
        SchedulerType("cosine", "CosineAnnealingLR",
                      QT_TRANSLATE_NOOP("Catalog", "Lowers the learning rate along a cosine to 0 at the last epoch."),
                      "CosineAnnealingLR", lambda spec, lr, epochs, steps: {"T_max": epochs},
                      lambda spec, lr: "lower the learning rate along a cosine, reaching 0 after the last epoch",
                      formula="ηₜ = ½·η·(1 + cos(π·t / T))"),
        SchedulerType("onecycle", "OneCycleLR",
                      QT_TRANSLATE_NOOP("Catalog", "Warms the learning rate up to a peak, then anneals it "
                                        "(per batch)."), "OneCycleLR",
                      lambda spec, lr, epochs, steps: {"max_lr": _onecycle_peak(spec, lr), "epochs": epochs,
                                                       "steps_per_epoch": steps},
                      _onecycle_description,
                      per_batch=True,
                      formula=QT_TRANSLATE_NOOP("Catalog", "η rises to η_max over the first 30% of the steps, "
                                                "then falls along a cosine to almost 0")),
    ]
}
